/**
 * Opaque per-attempt ids. The authored ids of options, ordering items, matching premises and
 * responses say something about the key (authors tend to write the right option first), so the
 * browser never sees them: when an attempt starts, every part of every drawn question gets a
 * random token, stored with the frozen layout. Pages, island props and form fields carry only
 * tokens; the server maps them back to authored ids when it reads answers, so stored answers,
 * grading and statistics keep using authored ids.
 *
 * Layout version 1 (attempts started before tokens existed) has entries without `tokens`: for
 * those the public id is the authored id, so old attempts still grade and review.
 */
import { randomIndex, type RandomSource } from './random.ts';
import type { AnswerableQuestion } from './schema.ts';

/** The kinds of part a question has, each with its own ids (a premise and a response may share one). */
export type ChoicePart = 'options' | 'items' | 'premises' | 'responses';

/** Token per authored id, for each kind of part the question has. */
export type EntryTokens = Partial<Record<ChoicePart, Record<string, string>>>;

/** Just the fields of a layout entry that token lookups read. */
interface Tokenised {
  tokens?: EntryTokens;
}

const TOKEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
/** 10 characters of 5 bits: 50 bits, so a token cannot be guessed or collide in practice. */
const TOKEN_LENGTH = 10;

function drawToken(random: RandomSource, used: Set<string>): string {
  let token = '';
  for (let index = 0; index < TOKEN_LENGTH; index++)
    token += TOKEN_ALPHABET[randomIndex(random, TOKEN_ALPHABET.length)];
  // Only a broken random source repeats itself: a counter keeps the tokens distinct anyway.
  const stem = token.slice(0, TOKEN_LENGTH - 3);
  for (let counter = 0; used.has(token); counter++) token = `${stem}${counter.toString(32).padStart(3, 'a')}`;
  used.add(token);
  return token;
}

function tokensFor(ids: readonly string[], random: RandomSource, used: Set<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of ids) out[id] = drawToken(random, used);
  return out;
}

/** The parts of a question that get tokens, with their authored ids. */
export function partsOf(question: AnswerableQuestion): Partial<Record<ChoicePart, string[]>> {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { options: question.options.map((option) => option.id) };
    case 'truefalse':
      // "true" and "false" say nothing about the key: there are two and they are always both shown.
      return {};
    case 'ordering':
      return { items: question.items.map((item) => item.id) };
    case 'matching':
      return {
        premises: question.premises.map((premise) => premise.id),
        responses: question.responses.map((response) => response.id),
      };
  }
}

/** Fresh random tokens for every part of `question`, distinct within the question. */
export function drawEntryTokens(question: AnswerableQuestion, random: RandomSource): EntryTokens {
  const used = new Set<string>();
  const tokens: EntryTokens = {};
  for (const [part, ids] of Object.entries(partsOf(question)) as [ChoicePart, string[]][])
    tokens[part] = tokensFor(ids, random, used);
  return tokens;
}

/** Whether the entry was drawn with tokens (layout version 2). */
export function hasTokens(entry: Tokenised): boolean {
  return entry.tokens !== null && typeof entry.tokens === 'object';
}

/**
 * The id the browser sees for an authored part id: its token (version 2), or the authored id
 * itself (version 1). Undefined for a part added to the bank after the attempt was drawn, which
 * therefore has no token: it is not shown in that attempt.
 */
export function publicIdOf(entry: Tokenised, part: ChoicePart, authoredId: string): string | undefined {
  if (!hasTokens(entry)) return authoredId;
  const map = entry.tokens?.[part];
  return map && Object.hasOwn(map, authoredId) ? map[authoredId] : undefined;
}

/** The authored id behind an id the browser sent, or undefined when it names nothing in this entry. */
export function authoredIdOf(entry: Tokenised, part: ChoicePart, publicId: string): string | undefined {
  if (!hasTokens(entry)) return publicId;
  const map = entry.tokens?.[part];
  if (!map) return undefined;
  for (const [authored, token] of Object.entries(map)) if (token === publicId) return authored;
  return undefined;
}
