import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMissingTokens,
  drawAttempt,
  drawSize,
  layoutVersion,
  orderById,
  resolveLayout,
  seededRandom,
  type AttemptLayout,
} from './draw.ts';
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

  it('shuffles options, premises and responses in every attempt, independently of one another', () => {
    const quiz = withSettings({ shuffleQuestions: false });
    const seen = { options: new Set<string>(), premises: new Set<string>(), responses: new Set<string>() };
    const pairs = new Set<string>();
    for (let index = 0; index < 200; index++) {
      const layout = drawAttempt(quiz, seededRandom(`shuffle-${index}`));
      seen.options.add(JSON.stringify(layout[1]?.optionOrder));
      const match = layout[4];
      seen.premises.add(JSON.stringify(match?.premiseOrder));
      seen.responses.add(JSON.stringify(match?.responseOrder));
      pairs.add(`${JSON.stringify(match?.premiseOrder)}|${JSON.stringify(match?.responseOrder)}`);
    }
    // 4 options: 24 orders; 2 premises: 2; 3 responses: 6; independent: 2 × 6 pairs.
    expect(seen.options.size).toBe(24);
    expect(seen.premises.size).toBe(2);
    expect(seen.responses.size).toBe(6);
    expect(pairs.size).toBe(12);
  });

  it('refuses shuffleOptions: false, explaining that options are always shuffled', () => {
    const result = quizSchema.safeParse({ ...fixtureData(), settings: { shuffleOptions: false } });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('always shuffled');
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

  it('never starts ordering items in the correct order', () => {
    const quiz = withSettings({});
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
      const [entry] = drawAttempt(quiz, random);
      expect(entry?.itemOrder).toEqual(['y', 'x']);
      // Even a broken source gives two distinct tokens.
      expect(new Set(Object.values(entry?.tokens?.items ?? {})).size).toBe(2);
    }
  });
});

describe('opaque tokens', () => {
  const authoredIds = new Set(['a', 'b', 'c', 'd', 'contact', 'assess', 'plan', 'monitor', 'yellow', 'blue']);

  it('gives every option, item, premise and response a fresh token, distinct within its question', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const layout = drawAttempt(fixtureQuiz, seededRandom(seed));
        const entries = layout.flatMap((entry) => entry.subQuestions ?? [entry]);
        expect(layoutVersion(layout)).toBe(2);
        for (const entry of entries) {
          const tokens = Object.values(entry.tokens ?? {}).flatMap((map) => Object.values(map));
          expect(new Set(tokens).size).toBe(tokens.length);
          for (const token of tokens) {
            expect(token).toMatch(/^[a-z2-7]{10}$/);
            expect(authoredIds.has(token)).toBe(false);
          }
        }
        const match = entries.find((entry) => entry.questionId === 'q-match');
        expect(Object.keys(match?.tokens?.premises ?? {}).sort()).toEqual(['blue', 'yellow']);
        expect(Object.keys(match?.tokens?.responses ?? {}).sort()).toEqual(['fear', 'policy', 'supervisor']);
        expect(entries.find((entry) => entry.questionId === 'q-tf')?.tokens).toEqual({});
      }),
      { numRuns: 50 },
    );
  });

  it('draws different tokens for each attempt', () => {
    const first = drawAttempt(fixtureQuiz, seededRandom('one')).find(
      (entry) => entry.questionId === 'q-single',
    );
    const second = drawAttempt(fixtureQuiz, seededRandom('two')).find(
      (entry) => entry.questionId === 'q-single',
    );
    expect(first?.tokens?.options?.a).not.toBe(second?.tokens?.options?.a);
  });

  it('puts the right option in every shown position about equally often', () => {
    const positions = [0, 0, 0];
    for (let index = 0; index < 3000; index++) {
      const entry = drawAttempt(fixtureQuiz, seededRandom(`position-${index}`)).find(
        (candidate) => candidate.questionId === 'q-single',
      );
      const position = entry?.optionOrder?.indexOf('a') ?? -1;
      positions[position] = (positions[position] ?? 0) + 1;
    }
    for (const count of positions) expect(Math.abs(count - 1000)).toBeLessThan(120);
  });

  it('brings a version 1 layout (no tokens) to version 2 once, keeping what was drawn', () => {
    const old: AttemptLayout = [
      { questionId: 'q-single', optionOrder: ['a', 'b', 'c'] },
      { questionId: 'q-order', itemOrder: ['plan', 'contact', 'assess', 'monitor'] },
      {
        questionId: 'q-case',
        subQuestions: [{ questionId: 'q-case-a', optionOrder: ['a', 'b'] }, { questionId: 'q-case-b' }],
      },
    ];
    expect(layoutVersion(old)).toBe(1);
    const upgraded = addMissingTokens(fixtureQuiz, old, seededRandom('upgrade'));
    expect(upgraded).not.toBeNull();
    expect(layoutVersion(upgraded ?? [])).toBe(2);
    expect(upgraded?.map((entry) => entry.questionId)).toEqual(['q-single', 'q-order', 'q-case']);
    expect(upgraded?.[1]?.itemOrder).toEqual(['plan', 'contact', 'assess', 'monitor']);
    expect(Object.keys(upgraded?.[0]?.tokens?.options ?? {}).sort()).toEqual(['a', 'b', 'c']);
    expect(addMissingTokens(fixtureQuiz, upgraded ?? [], seededRandom('again'))).toBeNull();
  });
});

describe('blueprint draw', () => {
  const moduleOf = (index: number): string => (index < 4 ? 'm-a' : index < 7 ? 'm-b' : 'm-c');
  const bank = quizSchema.parse({
    title: 'Blueprinted',
    settings: {
      drawCount: 5,
      blueprint: [
        { module: 'm-a', count: 2 },
        { module: 'm-b', count: 1 },
        { module: 'm-c', count: 2 },
      ],
    },
    questions: Array.from({ length: 9 }, (_, index) => ({
      id: `q${index}`,
      type: 'truefalse',
      module: moduleOf(index),
      prompt: `Statement ${index}`,
      answer: index % 2 === 0,
    })),
  });
  const moduleById = new Map(bank.questions.map((question) => [question.id, question.module]));

  it('takes exactly the count of each row from its module, at random, then shuffles', () => {
    const firstModules = new Set<string>();
    const picked = new Map<string, number>();
    for (let index = 0; index < 300; index++) {
      const layout = drawAttempt(bank, seededRandom(`bp-${index}`));
      const modules = layout.map((entry) => moduleById.get(entry.questionId) ?? '?');
      expect(modules.filter((module) => module === 'm-a')).toHaveLength(2);
      expect(modules.filter((module) => module === 'm-b')).toHaveLength(1);
      expect(modules.filter((module) => module === 'm-c')).toHaveLength(2);
      expect(new Set(layout.map((entry) => entry.questionId)).size).toBe(5);
      firstModules.add(modules[0] ?? '');
      for (const entry of layout) picked.set(entry.questionId, (picked.get(entry.questionId) ?? 0) + 1);
    }
    // Shuffled after the per-module picks: any module can come first.
    expect(firstModules).toEqual(new Set(['m-a', 'm-b', 'm-c']));
    // Random within each module: every question gets drawn.
    expect(picked.size).toBe(9);
    expect(drawSize(bank)).toBe(5);
  });

  it('keeps bank order without shuffleQuestions', () => {
    const ordered = quizSchema.parse({ ...bank, settings: { ...bank.settings, shuffleQuestions: false } });
    const ids = drawAttempt(ordered, seededRandom('ordered')).map((entry) =>
      Number(entry.questionId.slice(1)),
    );
    expect(ids).toEqual([...ids].sort((left, right) => left - right));
  });
});

describe('retakes', () => {
  it('draws questions the previous attempt did not show first, then the rest', () => {
    const quiz = withSettings({ drawCount: 3 });
    const larger = withSettings({ drawCount: 5 });
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const first = drawAttempt(quiz, seededRandom(seed));
        const avoid = new Set(first.map((entry) => entry.questionId));
        const second = drawAttempt(quiz, seededRandom(`${seed}+1`), { avoid });
        // The bank has 6 questions: 3 unseen ones are enough for the retake.
        expect(second.some((entry) => avoid.has(entry.questionId))).toBe(false);
        const bigger = drawAttempt(larger, seededRandom(seed), { avoid });
        expect(bigger.filter((entry) => avoid.has(entry.questionId))).toHaveLength(2);
      }),
      { numRuns: 50 },
    );
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
