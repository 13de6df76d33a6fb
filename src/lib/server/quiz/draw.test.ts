import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawAttempt, orderById, resolveLayout, seededRandom, type AttemptLayout } from './draw.ts';
import { fixtureData, fixtureQuiz } from './quiz-fixture.ts';
import { quizSchema, type Quiz } from './schema.ts';

function withSettings(settings: Record<string, unknown>): Quiz {
  return quizSchema.parse({ ...fixtureData(), settings });
}

const bankIds = fixtureQuiz.questions.map((question) => question.id);

describe('seededRandom', () => {
  it('gives the same sequence for the same seed, in [0, 1)', () => {
    const first = seededRandom('attempt-1');
    const second = seededRandom('attempt-1');
    const values = Array.from({ length: 1000 }, () => first());
    expect(Array.from({ length: 1000 }, () => second())).toEqual(values);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new Set(values).size).toBe(1000);
  });

  it('gives different sequences for different seeds', () => {
    expect(seededRandom('a')()).not.toBe(seededRandom('b')());
  });
});

describe('drawAttempt', () => {
  it('draws drawCount distinct questions from the bank', () => {
    const quiz = withSettings({ drawCount: 4 });
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const ids = drawAttempt(quiz, seededRandom(seed)).map((entry) => entry.questionId);
        expect(ids).toHaveLength(4);
        expect(new Set(ids).size).toBe(4);
        expect(ids.every((id) => bankIds.includes(id))).toBe(true);
      }),
    );
  });

  it('is deterministic for a seed and varies across seeds', () => {
    const layout = drawAttempt(fixtureQuiz, seededRandom('seed-42'));
    expect(drawAttempt(fixtureQuiz, seededRandom('seed-42'))).toEqual(layout);
    const others = ['s1', 's2', 's3', 's4'].map((seed) =>
      JSON.stringify(drawAttempt(fixtureQuiz, seededRandom(seed))),
    );
    expect(new Set(others).size).toBeGreaterThan(1);
  });

  it('draws every question when drawCount is left out, and the layout survives JSON', () => {
    const layout = drawAttempt(fixtureQuiz, seededRandom('x'));
    expect([...layout.map((entry) => entry.questionId)].sort()).toEqual([...bankIds].sort());
    expect(JSON.parse(JSON.stringify(layout))).toEqual(layout);
  });

  it('keeps bank order without shuffleQuestions, even for a partial draw', () => {
    const quiz = withSettings({ drawCount: 3, shuffleQuestions: false });
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const positions = drawAttempt(quiz, seededRandom(seed)).map((entry) =>
          bankIds.indexOf(entry.questionId),
        );
        expect(positions).toEqual([...positions].sort((left, right) => left - right));
      }),
    );
  });

  it('freezes option, premise and response orders as written without shuffleOptions', () => {
    const layout = drawAttempt(
      withSettings({ shuffleOptions: false, shuffleQuestions: false }),
      seededRandom('x'),
    );
    expect(layout[0]).toEqual({ questionId: 'q-single', optionOrder: ['a', 'b', 'c'] });
    expect(layout[2]).toEqual({ questionId: 'q-tf' });
    expect(layout[4]).toEqual({
      questionId: 'q-match',
      premiseOrder: ['yellow', 'blue'],
      responseOrder: ['fear', 'supervisor', 'policy'],
    });
    expect(layout[5]).toEqual({
      questionId: 'q-case',
      subQuestions: [{ questionId: 'q-case-a', optionOrder: ['a', 'b'] }, { questionId: 'q-case-b' }],
    });
  });

  it('shuffles options as a permutation of the written ones', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const entry = drawAttempt(fixtureQuiz, seededRandom(seed)).find(
          (candidate) => candidate.questionId === 'q-multi',
        );
        expect([...(entry?.optionOrder ?? [])].sort()).toEqual(['a', 'b', 'c', 'd']);
      }),
    );
  });

  it('never starts ordering items in the correct order, even without shuffleOptions', () => {
    const quiz = withSettings({ shuffleOptions: false });
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const entry = drawAttempt(quiz, seededRandom(seed)).find(
          (candidate) => candidate.questionId === 'q-order',
        );
        expect(entry?.itemOrder).toHaveLength(4);
        expect(entry?.itemOrder).not.toEqual(['contact', 'assess', 'plan', 'monitor']);
      }),
    );
  });

  it('swaps a two-item ordering question and copes with a broken random source', () => {
    const quiz = quizSchema.parse({
      title: 'Two',
      questions: [
        {
          id: 'o',
          type: 'ordering',
          prompt: 'Order',
          items: [
            { id: 'x', text: 'X' },
            { id: 'y', text: 'Y' },
          ],
        },
      ],
    });
    for (const random of [() => 0, () => 0.999999, () => Number.NaN, () => 7, () => -1]) {
      expect(drawAttempt(quiz, random)).toEqual([{ questionId: 'o', itemOrder: ['y', 'x'] }]);
    }
  });
});

describe('resolveLayout', () => {
  it('skips unknown, repeated and malformed entries', () => {
    const layout = [
      { questionId: 'q-tf' },
      { questionId: 'nope' },
      { questionId: 'q-tf' },
      null,
      'q-single',
      {
        questionId: 'q-case',
        subQuestions: [{ questionId: 'q-case-b' }, { questionId: 'q-case-b' }, { questionId: 'zzz' }],
      },
    ] as unknown as AttemptLayout;
    const resolved = resolveLayout(fixtureQuiz, layout);
    expect(resolved.map((entry) => entry.question.id)).toEqual(['q-tf', 'q-case']);
    expect(resolved[1]?.subQuestions.map((sub) => sub.question.id)).toEqual(['q-case-b', 'q-case-a']);
    expect(resolveLayout(fixtureQuiz, 'not a layout' as unknown as AttemptLayout)).toEqual([]);
  });
});

describe('orderById', () => {
  const entries = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('follows the order, ignores unknown and repeated ids, and appends the rest', () => {
    expect(orderById(entries, ['c', 'x', 'c', 7, 'a']).map((entry) => entry.id)).toEqual(['c', 'a', 'b']);
    expect(orderById(entries, undefined).map((entry) => entry.id)).toEqual(['a', 'b', 'c']);
  });
});
