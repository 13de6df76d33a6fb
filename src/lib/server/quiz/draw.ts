import { sha256 } from '@oslojs/crypto/sha2';
import type { AnswerableQuestion, Question, Quiz } from './schema.ts';

/**
 * One drawn question, with every order the learner sees frozen at the start of the attempt.
 * Orders list ids. `subQuestions` is present only for a scenario.
 */
export interface LayoutEntry {
  questionId: string;
  optionOrder?: string[];
  itemOrder?: string[];
  premiseOrder?: string[];
  responseOrder?: string[];
  subQuestions?: LayoutEntry[];
}

/** The drawn questions of one attempt, in the order shown. Plain JSON: store it with the attempt. */
export type AttemptLayout = LayoutEntry[];

/** A uniform random number in [0, 1), as `Math.random` returns. */
export type RandomSource = () => number;

/**
 * A deterministic random source for a seed string: sfc32 seeded with the first 128 bits of the
 * seed's SHA-256. The same seed always gives the same sequence.
 */
export function seededRandom(seed: string): RandomSource {
  const digest = sha256(new TextEncoder().encode(seed));
  const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
  let a = view.getUint32(0);
  let b = view.getUint32(4);
  let c = view.getUint32(8);
  let d = view.getUint32(12);
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

function randomIndex(random: RandomSource, size: number): number {
  const value = random();
  // A faulty source (NaN, 1, negative) must still give an index inside the list.
  const index = Math.floor((Number.isFinite(value) ? value : 0) * size);
  return Math.min(Math.max(index, 0), size - 1);
}

function shuffled<T>(items: readonly T[], random: RandomSource): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1);
    const held = out[i] as T;
    out[i] = out[j] as T;
    out[j] = held;
  }
  return out;
}

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

function drawEntry(question: AnswerableQuestion, shuffleOptions: boolean, random: RandomSource): LayoutEntry {
  const maybeShuffled = (order: string[]): string[] => (shuffleOptions ? shuffled(order, random) : order);
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { questionId: question.id, optionOrder: maybeShuffled(ids(question.options)) };
    case 'truefalse':
      return { questionId: question.id };
    case 'ordering':
      return { questionId: question.id, itemOrder: shuffledAwayFrom(ids(question.items), random) };
    case 'matching':
      return {
        questionId: question.id,
        premiseOrder: maybeShuffled(ids(question.premises)),
        responseOrder: maybeShuffled(ids(question.responses)),
      };
  }
}

/**
 * Draws one attempt: `settings.drawCount` questions picked at random from the bank, shown in
 * random order when `shuffleQuestions` is on and in bank order otherwise. Option, premise and
 * response orders are shuffled when `shuffleOptions` is on; ordering items are always shuffled
 * and never start in the correct order. A scenario's sub-questions keep their bank order
 * (they often tell a story). Deterministic for a deterministic `random`.
 */
export function drawAttempt(quiz: Quiz, random: RandomSource): AttemptLayout {
  const { drawCount, shuffleQuestions, shuffleOptions } = quiz.settings;
  const count = Math.min(Math.max(Math.trunc(drawCount), 0), quiz.questions.length);
  const picked = shuffled(
    quiz.questions.map((_, index) => index),
    random,
  ).slice(0, count);
  if (!shuffleQuestions) picked.sort((left, right) => left - right);
  return picked.map((index) => {
    const question = quiz.questions[index] as Question;
    if (question.type !== 'scenario') return drawEntry(question, shuffleOptions, random);
    return {
      questionId: question.id,
      subQuestions: question.questions.map((sub) => drawEntry(sub, shuffleOptions, random)),
    };
  });
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
