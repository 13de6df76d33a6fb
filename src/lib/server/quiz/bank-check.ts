/**
 * Question-bank checks for `npm run content:check` (docs/authoring.md, "Checks on question
 * banks"): near-duplicate items within a bank and between a course's final assessment and its
 * module quizzes, the final's review policy, and warnings when the right answers cluster on one
 * authored position. Pure functions over parsed English banks (translations are checked against
 * them by content/check.ts).
 */
import type { AnswerableQuestion, Question, Quiz } from './schema.ts';

/** One question bank: a module quiz (id = module id) or a final assessment. */
export interface Bank {
  id: string;
  /** Path for messages. */
  file: string;
  quiz: Quiz;
}

/**
 * Two items are the same when their prompts (with the case text of a scenario) share at least
 * this share of their words (Jaccard index of the word sets, stop words left out), both prompts
 * having at least `SHORT_PROMPT_WORDS` words ...
 */
export const PROMPT_DUPLICATE_JACCARD = 0.8;
/**
 * ... or when their whole text (prompt, case text and every option, item, premise and response)
 * shares at least this share: that catches a copy with the names and places changed. Measured on
 * this project's banks (names left out): known copies scored 0.69 to 1, different items at most 0.47.
 */
export const ITEM_DUPLICATE_JACCARD = 0.6;
/** Shorter prompts ("Put the steps in order.") say too little alone to call two items the same. */
export const SHORT_PROMPT_WORDS = 8;
/** A bank whose right answers sit on one authored position in more than this share of its items gets a warning. */
export const POSITION_CLUSTER_SHARE = 0.5;
/** Fewer single- or multiple-choice items than this say nothing about clustering. */
export const POSITION_CLUSTER_MIN_ITEMS = 4;

// Words that carry no meaning of their own; without them two unrelated prompts share less.
const STOP_WORDS = new Set(
  (
    'a an the and or but of to in on at by for with from as is are was were be been being it its this that ' +
    'these those what which who whom whose when where why how do does did should would could can may ' +
    'must will shall has have had not no nor so than then there their they them he she his her him i you ' +
    'your we our us me my if into about'
  ).split(' '),
);

/**
 * The words of a text that say what it is about: lower case, accents and punctuation gone, stop
 * words and capitalised words (names of people, places and schemes, which a copy changes or
 * every item shares) left out.
 */
export function wordsOf(text: string): Set<string> {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && !/^\p{Lu}/u.test(word))
    .map((word) => word.toLowerCase());
  return new Set(words.filter((word) => !STOP_WORDS.has(word)));
}

/** |A ∩ B| / |A ∪ B|; 1 for two empty sets. */
export function jaccard(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}

function partTexts(question: AnswerableQuestion): string[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.options.map((option) => option.text);
    case 'truefalse':
      return [];
    case 'ordering':
      return question.items.map((item) => item.text);
    case 'matching':
      return [...question.premises, ...question.responses].map((part) => part.text);
  }
}

interface Item {
  bank: Bank;
  /** The top-level question (a scenario for its sub-questions): duplicates are reported per pair of these. */
  topId: string;
  id: string;
  promptWords: Set<string>;
  allWords: Set<string>;
}

/** Every answerable item of a bank with the words it is compared by. */
function itemsOf(bank: Bank): Item[] {
  const items: Item[] = [];
  const add = (top: Question, question: AnswerableQuestion, caseText: string): void => {
    const prompt = `${caseText} ${question.prompt}`;
    items.push({
      bank,
      topId: top.id,
      id: question.id,
      promptWords: wordsOf(prompt),
      allWords: wordsOf(`${prompt} ${partTexts(question).join(' ')}`),
    });
  };
  for (const question of bank.quiz.questions) {
    if (question.type !== 'scenario') add(question, question, '');
    else
      for (const sub of question.questions)
        add(question, sub, `${question.scenario} ${question.prompt ?? ''}`);
  }
  return items;
}

function describe(item: Item): string {
  return item.id === item.topId ? `"${item.id}"` : `"${item.id}" (in scenario "${item.topId}")`;
}

/** How alike two items are (0..1), when they count as the same item; otherwise null. */
export function duplicateSimilarity(
  left: { promptWords: ReadonlySet<string>; allWords: ReadonlySet<string> },
  right: { promptWords: ReadonlySet<string>; allWords: ReadonlySet<string> },
): number | null {
  const whole = jaccard(left.allWords, right.allWords);
  const longPrompts =
    left.promptWords.size >= SHORT_PROMPT_WORDS && right.promptWords.size >= SHORT_PROMPT_WORDS;
  const prompt = longPrompts ? jaccard(left.promptWords, right.promptWords) : 0;
  if (prompt >= PROMPT_DUPLICATE_JACCARD || whole >= ITEM_DUPLICATE_JACCARD) return Math.max(prompt, whole);
  return null;
}

/** The most similar pair per pair of top-level questions that count as the same item. */
function duplicatePairs(
  left: readonly Item[],
  right: readonly Item[],
  sameBank: boolean,
): [Item, Item, number][] {
  const best = new Map<string, [Item, Item, number]>();
  for (const [index, a] of left.entries()) {
    for (const b of sameBank ? right.slice(index + 1) : right) {
      if (sameBank && a.topId === b.topId) continue;
      const similarity = duplicateSimilarity(a, b);
      if (similarity === null) continue;
      const key = `${a.topId}\u0000${b.topId}`;
      const held = best.get(key);
      if (!held || similarity > held[2]) best.set(key, [a, b, similarity]);
    }
  }
  return [...best.values()];
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/**
 * Near-duplicate items (`duplicateSimilarity`): within each bank, and
 * between each course's final assessment and the module quizzes of that course. Errors.
 */
export function findDuplicateItems(
  modules: readonly Bank[],
  finals: readonly Bank[],
  courses: ReadonlyArray<{ finalAssessmentId: string | null; moduleIds: readonly string[] }>,
): string[] {
  const problems: string[] = [];
  const items = new Map<Bank, Item[]>([...modules, ...finals].map((bank) => [bank, itemsOf(bank)]));
  for (const [bank, list] of items) {
    for (const [a, b, similarity] of duplicatePairs(list, list, true)) {
      problems.push(
        `${bank.file}: questions ${describe(a)} and ${describe(b)} are the same item (${percent(similarity)} of their words shared): rewrite one as a new scenario or remove it`,
      );
    }
  }
  const moduleById = new Map(modules.map((bank) => [bank.id, bank]));
  const finalById = new Map(finals.map((bank) => [bank.id, bank]));
  const compared = new Set<string>();
  for (const course of courses) {
    const final = course.finalAssessmentId === null ? undefined : finalById.get(course.finalAssessmentId);
    if (!final) continue;
    for (const moduleId of course.moduleIds) {
      const module = moduleById.get(moduleId);
      const key = `${final.id}\u0000${moduleId}`;
      if (!module || compared.has(key)) continue;
      compared.add(key);
      for (const [a, b, similarity] of duplicatePairs(
        items.get(final) ?? [],
        items.get(module) ?? [],
        false,
      )) {
        problems.push(
          `${final.file}: question ${describe(a)} repeats ${module.file} question ${describe(b)} (${percent(similarity)} of their words shared), whose answer learners see in the module review: write a new scenario for the final`,
        );
      }
    }
  }
  return problems;
}

/**
 * Warnings when the right answers cluster on one authored position: in more than
 * `POSITION_CLUSTER_SHARE` of the single-choice items the right option is written at the same
 * place, or in more than that share of multiple-choice items the right options are the first
 * ones written. Learners never see the authored order (options are shuffled), but such a bank
 * was probably written right answer first, and its distractors may be weak.
 */
export function checkAnswerPositions(bank: Bank): string[] {
  const singles: number[] = [];
  const multiples: boolean[] = [];
  const visit = (question: AnswerableQuestion): void => {
    if (question.type === 'single') singles.push(question.options.findIndex((option) => option.correct));
    if (question.type === 'multiple') {
      const count = question.options.filter((option) => option.correct).length;
      multiples.push(
        count < question.options.length && question.options.slice(0, count).every((option) => option.correct),
      );
    }
  };
  for (const question of bank.quiz.questions) {
    if (question.type === 'scenario') question.questions.forEach(visit);
    else visit(question);
  }
  const warnings: string[] = [];
  if (singles.length >= POSITION_CLUSTER_MIN_ITEMS) {
    const counts = new Map<number, number>();
    for (const index of singles) counts.set(index, (counts.get(index) ?? 0) + 1);
    const [position, count] = [...counts.entries()].sort((left, right) => right[1] - left[1])[0] ?? [0, 0];
    if (count / singles.length > POSITION_CLUSTER_SHARE) {
      warnings.push(
        `${bank.file}: in ${count} of ${singles.length} single-choice items the right option is written ${ordinal(position)}. Learners never see this order, but check that the other options are real alternatives a learner could believe`,
      );
    }
  }
  const prefix = multiples.filter(Boolean).length;
  if (multiples.length >= POSITION_CLUSTER_MIN_ITEMS && prefix / multiples.length > POSITION_CLUSTER_SHARE) {
    warnings.push(
      `${bank.file}: in ${prefix} of ${multiples.length} multiple-choice items the right options are the first ones written. Learners never see this order, but check the wrong options are plausible`,
    );
  }
  return warnings;
}

function ordinal(index: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'][index] ?? `at position ${index + 1}`;
}

/**
 * A final assessment's review policy: its per-question feedback may appear only once the learner
 * has passed or used up the attempts, so `review: after-submit` is refused. True/false items are
 * warned about: guessing gets half of them right.
 */
export function checkFinalPolicy(bank: Bank): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (bank.quiz.settings.review === 'after-submit') {
    errors.push(
      `${bank.file}: settings.review: is after-submit, which shows the final's feedback after every attempt: use after-pass-or-last-attempt (or after-pass, or never)`,
    );
  }
  const trueFalse = bank.quiz.questions.flatMap((question) =>
    (question.type === 'scenario' ? question.questions : [question]).filter(
      (item) => item.type === 'truefalse',
    ),
  );
  if (trueFalse.length > 0) {
    warnings.push(
      `${bank.file}: has ${trueFalse.length} true/false ${trueFalse.length === 1 ? 'item' : 'items'} (${trueFalse.map((item) => item.id).join(', ')}): a guess gets half of them right; use single-choice scenario items in a final`,
    );
  }
  return { errors, warnings };
}

/** Every bank check over a course catalogue's English banks: errors fail the check, warnings do not. */
export function checkQuizBanks(input: {
  modules: readonly Bank[];
  finals: readonly Bank[];
  courses: ReadonlyArray<{ finalAssessmentId: string | null; moduleIds: readonly string[] }>;
}): { errors: string[]; warnings: string[] } {
  const errors = findDuplicateItems(input.modules, input.finals, input.courses);
  const warnings: string[] = [];
  for (const bank of [...input.modules, ...input.finals]) warnings.push(...checkAnswerPositions(bank));
  for (const bank of input.finals) {
    const result = checkFinalPolicy(bank);
    errors.push(...result.errors);
    warnings.push(...result.warnings);
  }
  return { errors, warnings };
}
