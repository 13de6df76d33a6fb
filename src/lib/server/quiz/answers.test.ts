import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersFromForm, normaliseAnswer, sanitiseAnswers } from './answers.ts';
import { drawAttempt, seededRandom, type AttemptLayout } from './draw.ts';
import { fixtureQuiz } from './quiz-fixture.ts';

const fullLayout = drawAttempt(fixtureQuiz, seededRandom('answers'));
const orderEntry = fullLayout.find((entry) => entry.questionId === 'q-order');
const shownItems = orderEntry?.itemOrder ?? [];
const answerableIds = ['q-single', 'q-multi', 'q-tf', 'q-order', 'q-match', 'q-case-a', 'q-case-b'];

describe('answersFromForm', () => {
  it('reads every kind of field', () => {
    const answers = answersFromForm(
      [
        ['q:q-single', 'a'],
        ['q:q-multi', 'a'],
        ['q:q-multi', 'c'],
        ['q:q-tf', 'false'],
        ['q:q-order:pos:contact', '1'],
        ['q:q-order:pos:assess', '2'],
        ['q:q-order:pos:plan', '3'],
        ['q:q-order:pos:monitor', '4'],
        ['q:q-match:match:yellow', 'fear'],
        ['q:q-match:match:blue', 'policy'],
        ['q:q-case-a', 'b'],
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
    const fields: Array<[string, string]> = shownItems.map((itemId) => [`q:q-order:pos:${itemId}`, '1']);
    expect(answersFromForm(fields, fullLayout, fixtureQuiz)['q-order']).toEqual(shownItems);
  });

  it('puts items without a valid position after the placed ones, in shown order', () => {
    const [first, second] = shownItems;
    const answer = answersFromForm(
      [
        [`q:q-order:pos:${second}`, '1'],
        [`q:q-order:pos:${first}`, '99'],
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
        ['q:q-multi', 'a'],
        ['q:q-multi', 'a'],
        ['q:q-multi', 'x'],
        ['q:q-case', 'a'],
        ['q:q-match:match:yellow:extra', 'fear'],
        ['q:q-match:match:nobody', 'fear'],
        ['q:q-match:match:blue', 'unknown'],
        ['q:q-order:pos:contact', 'first'],
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

  it('treats two different choices for one radio group as no answer', () => {
    const answers = answersFromForm(
      [
        ['q:q-single', 'a'],
        ['q:q-single', 'b'],
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
