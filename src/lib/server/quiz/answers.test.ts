import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answersFromForm,
  answersFromPublic,
  normaliseAnswer,
  sanitiseAnswers,
  toPublicAnswers,
} from './answers.ts';
import { drawAttempt, seededRandom, type AttemptLayout, type LayoutEntry } from './draw.ts';
import { fixtureQuiz } from './quiz-fixture.ts';
import type { ChoicePart } from './tokens.ts';

const fullLayout = drawAttempt(fixtureQuiz, seededRandom('answers'));
const entries = new Map<string, LayoutEntry>(
  fullLayout.flatMap((entry) => entry.subQuestions ?? [entry]).map((entry) => [entry.questionId, entry]),
);

/** The token the browser sees for an authored id in this attempt. */
function tok(questionId: string, part: ChoicePart, authoredId: string): string {
  const token = entries.get(questionId)?.tokens?.[part]?.[authoredId];
  if (token === undefined) throw new Error(`no token for ${questionId} ${part} ${authoredId}`);
  return token;
}

const orderEntry = entries.get('q-order');
const shownItems = orderEntry?.itemOrder ?? [];
const answerableIds = ['q-single', 'q-multi', 'q-tf', 'q-order', 'q-match', 'q-case-a', 'q-case-b'];

describe('answersFromForm', () => {
  it('reads every kind of field, in tokens, and answers in authored ids', () => {
    const answers = answersFromForm(
      [
        ['q:q-single', tok('q-single', 'options', 'a')],
        ['q:q-multi', tok('q-multi', 'options', 'a')],
        ['q:q-multi', tok('q-multi', 'options', 'c')],
        ['q:q-tf', 'false'],
        [`q:q-order:pos:${tok('q-order', 'items', 'contact')}`, '1'],
        [`q:q-order:pos:${tok('q-order', 'items', 'assess')}`, '2'],
        [`q:q-order:pos:${tok('q-order', 'items', 'plan')}`, '3'],
        [`q:q-order:pos:${tok('q-order', 'items', 'monitor')}`, '4'],
        [`q:q-match:match:${tok('q-match', 'premises', 'yellow')}`, tok('q-match', 'responses', 'fear')],
        [`q:q-match:match:${tok('q-match', 'premises', 'blue')}`, tok('q-match', 'responses', 'policy')],
        ['q:q-case-a', tok('q-case-a', 'options', 'b')],
        ['q:q-case-b', 'true'],
        ['csrf', 'token'],
      ],
      fullLayout,
      fixtureQuiz,
    );
    expect(answers).toEqual({
      'q-single': 'a',
      'q-multi': ['a', 'c'],
      'q-tf': 'false',
      'q-order': ['contact', 'assess', 'plan', 'monitor'],
      'q-match': { yellow: 'fear', blue: 'policy' },
      'q-case-a': 'b',
      'q-case-b': 'true',
    });
  });

  it('breaks ties between positions by the order the items were shown in', () => {
    const fields: Array<[string, string]> = shownItems.map((itemId) => [
      `q:q-order:pos:${tok('q-order', 'items', itemId)}`,
      '1',
    ]);
    fields.push(['q:q-order:ordered', '1']);
    expect(answersFromForm(fields, fullLayout, fixtureQuiz)['q-order']).toEqual(shownItems);
  });

  it('counts the order as drawn as no answer until the learner confirms it or changes it', () => {
    const asShown: Array<[string, string]> = shownItems.map((itemId, index) => [
      `q:q-order:pos:${tok('q-order', 'items', itemId)}`,
      String(index + 1),
    ]);
    expect(answersFromForm(asShown, fullLayout, fixtureQuiz)).toEqual({});
    expect(
      answersFromForm([...asShown, ['q:q-order:ordered', '1']], fullLayout, fixtureQuiz)['q-order'],
    ).toEqual(shownItems);
    const [first, second, ...rest] = shownItems;
    const swapped = [second, first, ...rest].map((itemId, index): [string, string] => [
      `q:q-order:pos:${tok('q-order', 'items', itemId ?? '')}`,
      String(index + 1),
    ]);
    expect(answersFromForm(swapped, fullLayout, fixtureQuiz)['q-order']).toEqual([second, first, ...rest]);
    // An empty box value is no confirmation.
    expect(answersFromForm([...asShown, ['q:q-order:ordered', '']], fullLayout, fixtureQuiz)).toEqual({});
  });

  it('puts items without a valid position after the placed ones, in shown order', () => {
    const [first, second] = shownItems;
    const answer = answersFromForm(
      [
        [`q:q-order:pos:${tok('q-order', 'items', second ?? '')}`, '1'],
        [`q:q-order:pos:${tok('q-order', 'items', first ?? '')}`, '99'],
      ],
      fullLayout,
      fixtureQuiz,
    )['q-order'];
    expect(answer).toEqual([second, ...shownItems.filter((id) => id !== second)]);
  });

  it('ignores unknown questions, unknown ids, questions not drawn and malformed names', () => {
    const partial: AttemptLayout = fullLayout.filter((entry) => entry.questionId !== 'q-tf');
    const answers = answersFromForm(
      [
        ['q:q-tf', 'false'],
        ['q:nope', 'a'],
        ['q:q-single', 'zzz'],
        ['q:q-multi', tok('q-multi', 'options', 'a')],
        ['q:q-multi', tok('q-multi', 'options', 'a')],
        ['q:q-multi', 'x'],
        ['q:q-case', 'a'],
        [
          `q:q-match:match:${tok('q-match', 'premises', 'yellow')}:extra`,
          tok('q-match', 'responses', 'fear'),
        ],
        ['q:q-match:match:nobody', tok('q-match', 'responses', 'fear')],
        [`q:q-match:match:${tok('q-match', 'premises', 'blue')}`, 'unknown'],
        [`q:q-order:pos:${tok('q-order', 'items', 'contact')}`, 'first'],
        ['q:__proto__', 'a'],
        ['q:constructor:pos:x', '1'],
        ['q:q-single:', 'a'],
      ],
      partial,
      fixtureQuiz,
    );
    expect(answers).toEqual({ 'q-multi': ['a'] });
    expect(Object.getPrototypeOf(answers)).toBe(Object.prototype);
  });

  it('refuses authored ids: guessing "a" names no option', () => {
    const answers = answersFromForm(
      [
        ['q:q-single', 'a'],
        ['q:q-multi', 'a'],
        ['q:q-multi', 'b'],
        ['q:q-order:pos:contact', '1'],
        ['q:q-match:match:yellow', 'fear'],
        ['q:q-case-a', 'a'],
      ],
      fullLayout,
      fixtureQuiz,
    );
    expect(answers).toEqual({});
  });

  it('reads authored ids for an attempt drawn before tokens existed (layout version 1)', () => {
    const old: AttemptLayout = [
      { questionId: 'q-single', optionOrder: ['a', 'b', 'c'] },
      { questionId: 'q-order', itemOrder: ['plan', 'contact', 'assess', 'monitor'] },
    ];
    const answers = answersFromForm(
      [
        ['q:q-single', 'a'],
        ['q:q-order:pos:contact', '1'],
      ],
      old,
      fixtureQuiz,
    );
    expect(answers).toEqual({ 'q-single': 'a', 'q-order': ['contact', 'plan', 'assess', 'monitor'] });
  });

  it('treats two different choices for one radio group as no answer', () => {
    const answers = answersFromForm(
      [
        ['q:q-single', tok('q-single', 'options', 'a')],
        ['q:q-single', tok('q-single', 'options', 'b')],
        ['q:q-tf', 'true'],
        ['q:q-tf', 'true'],
        ['q:q-case-b', ''],
      ],
      fullLayout,
      fixtureQuiz,
    );
    expect(answers).toEqual({ 'q-tf': 'true' });
  });

  it('never throws on arbitrary field names and values', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(fc.string(), fc.constantFrom('q:q-order:pos:plan', 'q:q-match:match:blue', 'q:q-multi')),
            fc.string(),
          ),
        ),
        (fields) => {
          const answers = answersFromForm(fields, fullLayout, fixtureQuiz);
          expect(Object.keys(answers).every((id) => answerableIds.includes(id))).toBe(true);
        },
      ),
    );
  });
});

describe('answersFromPublic and toPublicAnswers', () => {
  const authored = {
    'q-single': 'c',
    'q-multi': ['b', 'a'],
    'q-tf': 'true',
    'q-order': ['plan', 'contact', 'assess', 'monitor'],
    'q-match': { yellow: 'fear', blue: 'supervisor' },
    'q-case-a': 'b',
  };

  it('translate both ways: what the player is given reads back as the same answers', () => {
    const shown = toPublicAnswers(fixtureQuiz, fullLayout, authored);
    expect(shown['q-single']).toBe(tok('q-single', 'options', 'c'));
    expect(shown['q-match']).toEqual({
      [tok('q-match', 'premises', 'yellow')]: tok('q-match', 'responses', 'fear'),
      [tok('q-match', 'premises', 'blue')]: tok('q-match', 'responses', 'supervisor'),
    });
    expect(JSON.stringify(shown)).not.toMatch(/"(a|b|c|plan|contact|fear|yellow)"/);
    expect(answersFromPublic(JSON.parse(JSON.stringify(shown)), fullLayout, fixtureQuiz)).toEqual(authored);
  });

  it('refuses authored ids sent as JSON', () => {
    expect(answersFromPublic(authored, fullLayout, fixtureQuiz)).toEqual({ 'q-tf': 'true' });
  });

  it('never throws on arbitrary JSON and keeps only drawn question ids', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...answerableIds, 'x'), fc.jsonValue()), (raw) => {
        const answers = answersFromPublic(raw, fullLayout, fixtureQuiz);
        expect(Object.keys(answers).every((id) => answerableIds.includes(id))).toBe(true);
      }),
    );
  });
});

describe('sanitiseAnswers', () => {
  it('keeps well-formed answers and drops the rest', () => {
    const raw = {
      'q-single': 'c',
      'q-multi': ['b', 'b', 'zzz', 3, 'a'],
      'q-tf': true,
      'q-order': ['plan', 'plan', 'contact', 'nope'],
      'q-match': { yellow: 'fear', blue: 42, nobody: 'fear' },
      'q-case': 'a',
      'q-case-a': ['a'],
      'q-case-b': 'yes',
      unknown: 'a',
    };
    expect(sanitiseAnswers(raw, fullLayout, fixtureQuiz)).toEqual({
      'q-single': 'c',
      'q-multi': ['b', 'a'],
      'q-tf': 'true',
      'q-order': ['plan', 'contact'],
      'q-match': { yellow: 'fear' },
    });
  });

  it('drops answers to questions that were not drawn', () => {
    const layout: AttemptLayout = [{ questionId: 'q-tf' }];
    expect(sanitiseAnswers({ 'q-tf': 'false', 'q-single': 'a' }, layout, fixtureQuiz)).toEqual({
      'q-tf': 'false',
    });
  });

  it('returns no answers for input that is not an object', () => {
    for (const raw of [null, undefined, 'q-single', 7, ['a'], true]) {
      expect(sanitiseAnswers(raw, fullLayout, fixtureQuiz)).toEqual({});
    }
  });

  it('ignores inherited and prototype keys', () => {
    const raw = JSON.parse('{"__proto__": {"q-single": "a"}, "constructor": "a"}') as unknown;
    expect(sanitiseAnswers(raw, fullLayout, fixtureQuiz)).toEqual({});
    expect(sanitiseAnswers(Object.create({ 'q-single': 'a' }), fullLayout, fixtureQuiz)).toEqual({});
  });

  it('caps oversized lists', () => {
    const huge = Array.from({ length: 100_000 }, () => 'zzz');
    expect(sanitiseAnswers({ 'q-multi': [...huge, 'a'] }, fullLayout, fixtureQuiz)).toEqual({});
  });

  it('never throws on arbitrary JSON and keeps only drawn question ids', () => {
    const keys = fc.oneof(
      fc.constantFrom(...answerableIds, 'q-case', '__proto__', 'constructor'),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.dictionary(keys, fc.jsonValue())), (raw) => {
        const clean = sanitiseAnswers(raw, fullLayout, fixtureQuiz);
        expect(Object.keys(clean).every((id) => answerableIds.includes(id))).toBe(true);
        expect(sanitiseAnswers(clean, fullLayout, fixtureQuiz)).toEqual(clean);
      }),
    );
  });
});

describe('normaliseAnswer', () => {
  it('accepts booleans for a truefalse question', () => {
    const question = fixtureQuiz.questions[2];
    if (question?.type !== 'truefalse') throw new Error('fixture changed');
    expect(normaliseAnswer(question, false)).toBe('false');
    expect(normaliseAnswer(question, 'FALSE')).toBeUndefined();
  });
});
