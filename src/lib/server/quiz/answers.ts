import {
  answerableQuestions,
  orderById,
  resolveLayout,
  type AttemptLayout,
  type ResolvedAnswerable,
} from './draw.ts';
import type { AnswerableQuestion, Quiz } from './schema.ts';
import { authoredIdOf, publicIdOf, type ChoicePart } from './tokens.ts';

/** single: the chosen option id. */
export type SingleAnswer = string;
/** multiple: the chosen option ids, each once. */
export type MultipleAnswer = string[];
/** truefalse: the learner's judgement. */
export type TrueFalseAnswer = 'true' | 'false';
/** ordering: item ids in the learner's order, first position first. */
export type OrderingAnswer = string[];
/** matching: premise id to the chosen response id. */
export type MatchingAnswer = Record<string, string>;

// TrueFalseAnswer is a string too; it is listed for the reader, not the compiler.
export type AnswerValue = SingleAnswer | MultipleAnswer | OrderingAnswer | MatchingAnswer;

/** A learner's answers keyed by question id; a scenario's sub-questions by their own ids. A missing key is no answer. */
export type Answers = Record<string, AnswerValue>;

// Far above any real question; stops a hostile payload from making us walk huge lists.
const MAX_LIST_LENGTH = 200;
const MAX_FORM_FIELDS = 5000;

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function uniqueKnownIds(raw: unknown, known: ReadonlySet<string>): string[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: string[] = [];
  for (const value of raw.slice(0, MAX_LIST_LENGTH) as unknown[]) {
    if (typeof value === 'string' && known.has(value) && !out.includes(value)) out.push(value);
  }
  return out.length > 0 ? out : undefined;
}

function idSet(entries: ReadonlyArray<{ id: string }>): Set<string> {
  return new Set(entries.map((entry) => entry.id));
}

/**
 * The well-formed answer to `question` found in `raw`, or `undefined` (no answer) when `raw`
 * is of the wrong shape or names nothing that exists. Unknown ids are dropped and repeated
 * ids kept once. Never throws.
 */
export function normaliseAnswer(question: AnswerableQuestion, raw: unknown): AnswerValue | undefined {
  switch (question.type) {
    case 'single':
      return typeof raw === 'string' && question.options.some((option) => option.id === raw)
        ? raw
        : undefined;
    case 'truefalse':
      if (raw === true || raw === 'true') return 'true';
      if (raw === false || raw === 'false') return 'false';
      return undefined;
    case 'multiple':
      return uniqueKnownIds(raw, idSet(question.options));
    case 'ordering':
      return uniqueKnownIds(raw, idSet(question.items));
    case 'matching': {
      if (!isPlainRecord(raw)) return undefined;
      const responses = idSet(question.responses);
      const out: MatchingAnswer = {};
      for (const premise of question.premises) {
        const chosen = Object.hasOwn(raw, premise.id) ? raw[premise.id] : undefined;
        if (typeof chosen === 'string' && responses.has(chosen)) out[premise.id] = chosen;
      }
      return Object.keys(out).length > 0 ? out : undefined;
    }
  }
}

function drawnAnswerables(quiz: Quiz, layout: AttemptLayout): Map<string, ResolvedAnswerable> {
  const drawn = answerableQuestions(resolveLayout(quiz, layout));
  return new Map(drawn.map((resolved) => [resolved.question.id, resolved]));
}

/**
 * Keeps only well-formed answers, in authored ids, to questions drawn in `layout` (stored answers,
 * before grading and reviewing; browser input goes through `answersFromPublic`). Anything else,
 * including a non-object `raw`, is dropped. Never throws on data that came from JSON.
 */
export function sanitiseAnswers(raw: unknown, layout: AttemptLayout, quiz: Quiz): Answers {
  const answers: Answers = {};
  if (!isPlainRecord(raw)) return answers;
  for (const [questionId, { question }] of drawnAnswerables(quiz, layout)) {
    if (!Object.hasOwn(raw, questionId)) continue;
    const value = normaliseAnswer(question, raw[questionId]);
    if (value !== undefined) answers[questionId] = value;
  }
  return answers;
}

/** Maps ids in `raw` with `map`, dropping those it does not know. */
function mapIds(raw: unknown, map: (id: string) => string | undefined): string[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return (raw.slice(0, MAX_LIST_LENGTH) as unknown[]).flatMap((value) => {
    const mapped = typeof value === 'string' ? map(value) : undefined;
    return mapped === undefined ? [] : [mapped];
  });
}

/**
 * Translates an answer between the ids the browser sees (tokens) and authored ids, for one
 * drawn question: `toAuthored` reads what the browser sent, the other way builds what it gets.
 * Ids the entry does not know are dropped. True/false answers pass through.
 */
function translateAnswer(
  resolved: ResolvedAnswerable,
  raw: unknown,
  direction: 'toAuthored' | 'toPublic',
): unknown {
  const { question, entry } = resolved;
  const map =
    (part: ChoicePart) =>
    (id: string): string | undefined =>
      direction === 'toAuthored' ? authoredIdOf(entry, part, id) : publicIdOf(entry, part, id);
  switch (question.type) {
    case 'truefalse':
      return raw;
    case 'single':
      return typeof raw === 'string' ? map('options')(raw) : undefined;
    case 'multiple':
      return mapIds(raw, map('options'));
    case 'ordering':
      return mapIds(raw, map('items'));
    case 'matching': {
      if (!isPlainRecord(raw)) return undefined;
      const out: Record<string, string> = {};
      for (const [premise, response] of Object.entries(raw)) {
        const mappedPremise = map('premises')(premise);
        const mappedResponse = typeof response === 'string' ? map('responses')(response) : undefined;
        if (mappedPremise !== undefined && mappedResponse !== undefined) out[mappedPremise] = mappedResponse;
      }
      return out;
    }
  }
}

/**
 * Reads answers the browser sent as JSON (the island's autosave), in the ids it was shown:
 * each is mapped back to authored ids, then kept only when well-formed (as `sanitiseAnswers`).
 * Authored ids are refused for an attempt drawn with tokens, so guessing `a` earns nothing.
 */
export function answersFromPublic(raw: unknown, layout: AttemptLayout, quiz: Quiz): Answers {
  const answers: Answers = {};
  if (!isPlainRecord(raw)) return answers;
  for (const [questionId, resolved] of drawnAnswerables(quiz, layout)) {
    if (!Object.hasOwn(raw, questionId)) continue;
    const value = normaliseAnswer(
      resolved.question,
      translateAnswer(resolved, raw[questionId], 'toAuthored'),
    );
    if (value !== undefined) answers[questionId] = value;
  }
  return answers;
}

/**
 * Saved answers (authored ids) in the ids the browser is shown for this attempt: what the quiz
 * player gets to show the learner's own answers. Only answers to drawn questions are kept.
 */
export function toPublicAnswers(quiz: Quiz, layout: AttemptLayout, answers: Answers): Answers {
  const out: Answers = {};
  for (const [questionId, resolved] of drawnAnswerables(quiz, layout)) {
    if (!Object.hasOwn(answers, questionId)) continue;
    const authored = normaliseAnswer(resolved.question, answers[questionId]);
    const value = authored === undefined ? undefined : translateAnswer(resolved, authored, 'toPublic');
    if (value === undefined) continue;
    if (
      Array.isArray(value)
        ? value.length > 0
        : typeof value === 'string' || Object.keys(value as object).length > 0
    )
      out[questionId] = value as AnswerValue;
  }
  return out;
}

interface FormFields {
  values: string[];
  positions: Map<string, string>;
  matches: Map<string, string>;
  /** The ordering question's "I have put these in order" box was ticked. */
  ordered: boolean;
}

/**
 * An ordering answer from the form's position selects. The selects always come filled in with the
 * order shown, so that order alone is no answer: it counts only when the learner ticked the box
 * (`confirmed`) or when the positions put the items in another order than the one drawn.
 */
function orderingFromPositions(
  resolved: ResolvedAnswerable,
  positions: Map<string, string>,
  confirmed: boolean,
): string[] | undefined {
  if (resolved.question.type !== 'ordering') return undefined;
  const shown = orderById(resolved.question.items, resolved.entry.itemOrder).flatMap((item) => {
    const publicId = publicIdOf(resolved.entry, 'items', item.id);
    return publicId === undefined ? [] : [{ id: item.id, publicId }];
  });
  const ranked = shown.map((item, shownIndex) => {
    const text = positions.get(item.publicId) ?? '';
    const position = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
    const valid = position >= 1 && position <= shown.length;
    return { id: item.id, position: valid ? position : Number.POSITIVE_INFINITY, shownIndex };
  });
  if (!confirmed && ranked.every((entry) => entry.position === Number.POSITIVE_INFINITY)) return undefined;
  // Ties and unplaced items keep the order the learner saw them in.
  ranked.sort((left, right) => left.position - right.position || left.shownIndex - right.shownIndex);
  const order = ranked.map((entry) => entry.id);
  const untouched = order.every((id, index) => id === shown[index]?.id);
  return untouched && !confirmed ? undefined : order;
}

function answerFromFields(resolved: ResolvedAnswerable, fields: FormFields): AnswerValue | undefined {
  const { question } = resolved;
  const fromPublic = (raw: unknown): AnswerValue | undefined =>
    normaliseAnswer(question, translateAnswer(resolved, raw, 'toAuthored'));
  switch (question.type) {
    case 'single':
    case 'truefalse': {
      const distinct = [...new Set(fields.values)].map(fromPublic).filter((value) => value !== undefined);
      // Two different choices for one radio group is a tampered form: count it as no answer.
      return distinct.length === 1 ? distinct[0] : undefined;
    }
    case 'multiple':
      return fromPublic(fields.values);
    case 'ordering':
      return orderingFromPositions(resolved, fields.positions, fields.ordered);
    case 'matching':
      return fromPublic(Object.fromEntries(fields.matches));
  }
}

/**
 * Reads the answers from submitted form fields, in the ids the browser was shown (tokens):
 * `q:<questionId>` = option id, or `true`/`false` (a multiple question repeats the name per ticked box);
 * `q:<questionId>:pos:<itemId>` = position 1..n of an ordering item (ties keep the shown order);
 * `q:<questionId>:ordered` = the learner confirms the order (without it, the order as drawn is no answer);
 * `q:<questionId>:match:<premiseId>` = response id.
 * The answers come back in authored ids. Fields for questions not in `layout`, unknown ids and
 * malformed values are ignored. Never throws on hostile values.
 */
export function answersFromForm(
  entries: Iterable<[string, string]>,
  layout: AttemptLayout,
  quiz: Quiz,
): Answers {
  const drawn = drawnAnswerables(quiz, layout);
  const fieldsById = new Map<string, FormFields>();
  let read = 0;
  for (const [name, value] of entries) {
    if (++read > MAX_FORM_FIELDS) break;
    if (typeof name !== 'string' || typeof value !== 'string' || !name.startsWith('q:')) continue;
    const [, questionId = '', kind, partId, ...rest] = name.split(':');
    if (!drawn.has(questionId) || rest.length > 0 || value === '') continue;
    let fields = fieldsById.get(questionId);
    if (!fields) {
      fields = { values: [], positions: new Map(), matches: new Map(), ordered: false };
      fieldsById.set(questionId, fields);
    }
    if (kind === undefined) {
      if (fields.values.length < MAX_LIST_LENGTH) fields.values.push(value);
    } else if (partId !== undefined && kind === 'pos' && !fields.positions.has(partId)) {
      fields.positions.set(partId, value);
    } else if (partId !== undefined && kind === 'match' && !fields.matches.has(partId)) {
      fields.matches.set(partId, value);
    } else if (partId === undefined && kind === 'ordered') {
      fields.ordered = true;
    }
  }
  const answers: Answers = {};
  for (const [questionId, fields] of fieldsById) {
    const resolved = drawn.get(questionId);
    const value = resolved && answerFromFields(resolved, fields);
    if (value !== undefined) answers[questionId] = value;
  }
  return answers;
}
