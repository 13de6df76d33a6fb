import { shuffled, type RandomSource } from './random.ts';
import type { AnswerableQuestion, Question, Quiz } from './schema.ts';
import { drawEntryTokens, hasTokens, type EntryTokens } from './tokens.ts';

export { seededRandom, type RandomSource } from './random.ts';

/**
 * One drawn question, with every order the learner sees frozen at the start of the attempt.
 * Orders list authored ids. `tokens` holds the opaque id the browser sees for each of them
 * (see tokens.ts); entries of attempts drawn before tokens existed (layout version 1) have none.
 * `subQuestions` is present only for a scenario.
 */
export interface LayoutEntry {
  questionId: string;
  optionOrder?: string[];
  itemOrder?: string[];
  premiseOrder?: string[];
  responseOrder?: string[];
  tokens?: EntryTokens;
  subQuestions?: LayoutEntry[];
}

/** The drawn questions of one attempt, in the order shown. Plain JSON: store it with the attempt. */
export type AttemptLayout = LayoutEntry[];

function sameOrder(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((value, index) => value === right[index]);
}

/** A shuffle of 2+ distinct ids that is never the given (correct) order. */
function shuffledAwayFrom(correctOrder: readonly string[], random: RandomSource): string[] {
  for (let attempt = 0; attempt < 8; attempt++) {
    const candidate = shuffled(correctOrder, random);
    if (correctOrder.length < 2 || !sameOrder(candidate, correctOrder)) return candidate;
  }
  // Only a broken random source gets here; a rotation of distinct ids always differs.
  return [...correctOrder.slice(1), ...correctOrder.slice(0, 1)];
}

function ids(entries: ReadonlyArray<{ id: string }>): string[] {
  return entries.map((entry) => entry.id);
}

/**
 * The orders of one question. Where order is not what is asked, it is always shuffled: options,
 * and matching premises and responses (each on its own), whatever the bank's `shuffleOptions`
 * says. Ordering items never start in the correct order.
 */
function drawOrders(question: AnswerableQuestion, random: RandomSource): Omit<LayoutEntry, 'questionId'> {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { optionOrder: shuffled(ids(question.options), random) };
    case 'truefalse':
      return {};
    case 'ordering':
      return { itemOrder: shuffledAwayFrom(ids(question.items), random) };
    case 'matching':
      return {
        premiseOrder: shuffled(ids(question.premises), random),
        responseOrder: shuffled(ids(question.responses), random),
      };
  }
}

function drawEntry(question: AnswerableQuestion, random: RandomSource): LayoutEntry {
  return {
    questionId: question.id,
    ...drawOrders(question, random),
    tokens: drawEntryTokens(question, random),
  };
}

/** `indices` in random order, those whose question is not in `avoid` first. */
function preferUnseen(
  quiz: Quiz,
  indices: readonly number[],
  avoid: ReadonlySet<string>,
  random: RandomSource,
): number[] {
  const order = shuffled(indices, random);
  const seen = (index: number): boolean => avoid.has(quiz.questions[index]?.id ?? '');
  return [...order.filter((index) => !seen(index)), ...order.filter(seen)];
}

/** Indices of the questions an attempt draws: per blueprint row when there is a blueprint. */
function pickQuestions(quiz: Quiz, random: RandomSource, avoid: ReadonlySet<string>): number[] {
  const all = quiz.questions.map((_, index) => index);
  const { blueprint } = quiz.settings;
  if (blueprint === undefined) return preferUnseen(quiz, all, avoid, random).slice(0, drawSize(quiz));
  return blueprint.flatMap((row) => {
    const inModule = all.filter((index) => quiz.questions[index]?.module === row.module);
    return preferUnseen(quiz, inModule, avoid, random).slice(0, Math.max(0, Math.trunc(row.count)));
  });
}

/** How many questions an attempt draws: the blueprint's total, else `drawCount` (at most the bank). */
export function drawSize(quiz: Quiz): number {
  const { blueprint, drawCount } = quiz.settings;
  if (blueprint !== undefined) return blueprint.reduce((sum, row) => sum + row.count, 0);
  return Math.min(Math.max(Math.trunc(drawCount), 0), quiz.questions.length);
}

export interface DrawOptions {
  /** Question ids to draw only when the bank has too few others (those of the previous attempt). */
  avoid?: ReadonlySet<string>;
}

/**
 * Draws one attempt. Without a blueprint, `settings.drawCount` questions at random from the bank;
 * with one, exactly `count` at random from each row's module. Questions listed in `avoid` are
 * drawn only when too few others are left, so a retake sees fresh questions where the bank
 * allows. The drawn questions are shown in random order when `shuffleQuestions` is on and in
 * bank order otherwise. Every option, item, premise and response gets a fresh opaque token
 * (tokens.ts); their display orders follow `drawOrders`. A scenario's sub-questions keep their
 * bank order (they often tell a story). Deterministic for a deterministic `random`.
 */
export function drawAttempt(quiz: Quiz, random: RandomSource, options: DrawOptions = {}): AttemptLayout {
  const picked = pickQuestions(quiz, random, options.avoid ?? new Set());
  const order = quiz.settings.shuffleQuestions ? shuffled(picked, random) : picked.sort((l, r) => l - r);
  return order.map((index) => {
    const question = quiz.questions[index] as Question;
    if (question.type !== 'scenario') return drawEntry(question, random);
    return {
      questionId: question.id,
      subQuestions: question.questions.map((sub) => drawEntry(sub, random)),
    };
  });
}

/**
 * A version 1 layout brought to version 2: every answerable entry without tokens gets tokens and
 * freshly shuffled orders (ordering items keep theirs, which never showed the key). Returns null
 * when every entry already has tokens. Saved answers use authored ids, so they stay valid.
 */
export function addMissingTokens(
  quiz: Quiz,
  layout: AttemptLayout,
  random: RandomSource,
): AttemptLayout | null {
  let changed = false;
  const upgraded = resolveLayout(quiz, layout).map(({ question, entry, subQuestions }): LayoutEntry => {
    const upgrade = (answerable: AnswerableQuestion, old: LayoutEntry): LayoutEntry => {
      if (hasTokens(old)) return old;
      changed = true;
      const orders = drawOrders(answerable, random);
      if (answerable.type === 'ordering' && Array.isArray(old.itemOrder)) orders.itemOrder = old.itemOrder;
      return { questionId: answerable.id, ...orders, tokens: drawEntryTokens(answerable, random) };
    };
    if (question.type !== 'scenario') return upgrade(question, entry);
    return {
      questionId: question.id,
      subQuestions: subQuestions.map((sub) => upgrade(sub.question, sub.entry)),
    };
  });
  // Entries whose question left the bank are kept as they were: they still count as drawn.
  const known = new Set(upgraded.map((entry) => entry.questionId));
  const gone = layout.filter((entry) => !known.has(entry.questionId));
  return changed ? [...upgraded, ...gone] : null;
}

/**
 * The layout version: 2 when the answerable entries carry tokens, 1 for attempts drawn before
 * tokens existed (the browser then saw authored ids; see tokens.ts).
 */
export function layoutVersion(layout: AttemptLayout): 1 | 2 {
  const entries = layout.flatMap((entry) =>
    Array.isArray(entry.subQuestions) ? entry.subQuestions : [entry],
  );
  return entries.length > 0 && entries.every(hasTokens) ? 2 : 1;
}

/** A drawn answerable question with its frozen orders. `parentId` is set for a scenario's sub-question. */
export interface ResolvedAnswerable {
  question: AnswerableQuestion;
  entry: LayoutEntry;
  parentId?: string;
}

/** A drawn top-level question; `subQuestions` is empty unless it is a scenario. */
export interface ResolvedQuestion {
  question: Question;
  entry: LayoutEntry;
  subQuestions: ResolvedAnswerable[];
}

function asEntry(value: unknown): LayoutEntry | null {
  if (value === null || typeof value !== 'object') return null;
  const questionId: unknown = (value as { questionId?: unknown }).questionId;
  return typeof questionId === 'string' ? (value as LayoutEntry) : null;
}

/**
 * Pairs each layout entry with its question in `quiz`. Entries naming an unknown question, or a
 * question already listed, are skipped, so a tampered layout can never count a question twice.
 * A scenario's sub-questions follow the layout's order, then any the layout misses, in bank order.
 */
export function resolveLayout(quiz: Quiz, layout: AttemptLayout): ResolvedQuestion[] {
  if (!Array.isArray(layout)) return [];
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));
  const seen = new Set<string>();
  const resolved: ResolvedQuestion[] = [];
  for (const raw of layout as unknown[]) {
    const entry = asEntry(raw);
    const question = entry && byId.get(entry.questionId);
    if (!entry || !question || seen.has(question.id)) continue;
    seen.add(question.id);
    if (question.type !== 'scenario') {
      resolved.push({ question, entry, subQuestions: [] });
      continue;
    }
    const subEntries = new Map<string, LayoutEntry>();
    if (Array.isArray(entry.subQuestions)) {
      for (const rawSub of entry.subQuestions as unknown[]) {
        const subEntry = asEntry(rawSub);
        if (subEntry && !subEntries.has(subEntry.questionId)) subEntries.set(subEntry.questionId, subEntry);
      }
    }
    const subQuestions = orderById(question.questions, [...subEntries.keys()]).map((sub) => ({
      question: sub,
      entry: subEntries.get(sub.id) ?? { questionId: sub.id },
      parentId: question.id,
    }));
    resolved.push({ question, entry, subQuestions });
  }
  return resolved;
}

/** Every answerable question of a resolved layout: plain questions and scenario sub-questions, in display order. */
export function answerableQuestions(resolved: readonly ResolvedQuestion[]): ResolvedAnswerable[] {
  const out: ResolvedAnswerable[] = [];
  for (const { question, entry, subQuestions } of resolved) {
    if (question.type === 'scenario') out.push(...subQuestions);
    else out.push({ question, entry });
  }
  return out;
}

/**
 * `entries` in the frozen `order` of ids. Unknown and repeated ids in `order` are ignored;
 * entries it leaves out follow in their original order, so nothing is ever lost or doubled.
 */
export function orderById<T extends { id: string }>(entries: readonly T[], order: unknown): T[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const out: T[] = [];
  const placed = new Set<string>();
  if (Array.isArray(order)) {
    for (const id of order as unknown[]) {
      const entry = typeof id === 'string' ? byId.get(id) : undefined;
      if (entry && !placed.has(id as string)) {
        out.push(entry);
        placed.add(entry.id);
      }
    }
  }
  for (const entry of entries) if (!placed.has(entry.id)) out.push(entry);
  return out;
}
