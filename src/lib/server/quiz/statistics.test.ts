import { describe, expect, it } from 'vitest';
import type { Answers } from './answers.ts';
import { drawAttempt, seededRandom, type AttemptLayout } from './draw.ts';
import { gradeAttempt } from './grading.ts';
import { fixtureQuiz } from './quiz-fixture.ts';
import { quizSchema } from './schema.ts';
import { quizStatistics, type AttemptRecord } from './statistics.ts';

const trueFalse = (id: string, answer: boolean) => ({ id, type: 'truefalse', prompt: `${id}?`, answer });

const quiz = quizSchema.parse({
  title: 'Statistics',
  settings: { passMark: 60, shuffleQuestions: false },
  questions: [
    {
      id: 'q1',
      type: 'single',
      prompt: 'Pick',
      options: [
        { id: 'a', text: 'A', correct: true },
        { id: 'b', text: 'B' },
        { id: 'c', text: 'C' },
      ],
    },
    trueFalse('q2', true),
    trueFalse('q3', false),
    trueFalse('q4', true),
    {
      id: 's',
      type: 'scenario',
      scenario: 'Case',
      questions: [trueFalse('s-a', true), trueFalse('s-b', false)],
    },
  ],
});

const drawnThree: AttemptLayout = [
  { questionId: 'q1', optionOrder: ['a', 'b', 'c'] },
  { questionId: 'q2' },
  { questionId: 'q3' },
];

function attempt(answers: Answers, layout: AttemptLayout = drawnThree): AttemptRecord {
  const { percent, passed } = gradeAttempt(quiz, layout, answers);
  return { layout, answers, percent, passed };
}

// Marks on q1 q2 q3: 1 1 0, 1 1 1, 0 1 1, 0 0 1, 0 0 1, 0 0 0 (percents 66.67, 100, 66.67,
// 33.33, 33.33, 0). q3 is right mostly in the weaker attempts: its discrimination is negative.
const crafted = [
  attempt({ q1: 'a', q2: 'true', q3: 'true' }),
  attempt({ q1: 'a', q2: 'true', q3: 'false' }),
  attempt({ q1: 'b', q2: 'true', q3: 'false' }),
  attempt({ q1: 'b', q2: 'false', q3: 'false' }),
  attempt({ q1: 'c', q3: 'false' }),
  attempt({}),
];

describe('quizStatistics', () => {
  const stats = quizStatistics(quiz, crafted);
  const byId = (id: string) => stats.questions.find((question) => question.questionId === id);

  it('counts attempts, the pass rate and the score bands', () => {
    expect(stats.attempts).toBe(6);
    expect(stats.passRate).toBe(50);
    expect(stats.distribution.map((band) => band.count)).toEqual([1, 0, 0, 2, 0, 0, 2, 0, 0, 1]);
    expect(stats.distribution[9]).toEqual({ from: 90, to: 100, count: 1 });
  });

  it('computes difficulty (p), point-biserial discrimination against the rest, and option counts', () => {
    // Checked by hand: Pearson r between the mark and the percent on the other two questions.
    expect(byId('q1')).toEqual({
      questionId: 'q1',
      type: 'single',
      timesDrawn: 6,
      difficulty: 0.333,
      discrimination: 0.343,
      optionCounts: { a: 2, b: 2, c: 1 },
    });
    expect(byId('q2')).toMatchObject({
      difficulty: 0.5,
      discrimination: 0.577,
      optionCounts: { true: 3, false: 1 },
    });
    expect(byId('q3')).toMatchObject({
      difficulty: 0.667,
      discrimination: -0.131,
      optionCounts: { true: 1, false: 4 },
    });
  });

  it('counts choices by authored option whatever tokens the attempt showed', () => {
    const layout = drawAttempt(quiz, seededRandom('tokens'));
    const stats = quizStatistics(quiz, [attempt({ q1: 'b' }, layout), attempt({ q1: 'b' }, layout)]);
    expect(stats.questions.find((question) => question.questionId === 'q1')?.optionCounts).toEqual({
      a: 0,
      b: 2,
      c: 0,
    });
  });

  it('lists questions never drawn, sub-questions included, with no difficulty', () => {
    expect(stats.questions.map((question) => [question.questionId, question.parentId ?? null])).toEqual([
      ['q1', null],
      ['q2', null],
      ['q3', null],
      ['q4', null],
      ['s', null],
      ['s-a', 's'],
      ['s-b', 's'],
    ]);
    expect(byId('q4')).toMatchObject({
      timesDrawn: 0,
      difficulty: null,
      discrimination: null,
      optionCounts: { true: 0, false: 0 },
    });
  });

  it('reports scenarios and their sub-questions, with no discrimination below 5 draws', () => {
    const layout: AttemptLayout = [
      { questionId: 's', subQuestions: [{ questionId: 's-a' }, { questionId: 's-b' }] },
    ];
    const few = quizStatistics(quiz, [
      attempt({ 's-a': 'true', 's-b': 'true' }, layout),
      attempt({ 's-a': 'true', 's-b': 'false' }, layout),
    ]);
    const find = (id: string) => few.questions.find((question) => question.questionId === id);
    expect(find('s')).toEqual({
      questionId: 's',
      type: 'scenario',
      timesDrawn: 2,
      difficulty: 0.75,
      discrimination: null,
    });
    expect(find('s-a')).toMatchObject({
      parentId: 's',
      timesDrawn: 2,
      difficulty: 1,
      optionCounts: { true: 2, false: 0 },
    });
    expect(find('s-b')).toMatchObject({ difficulty: 0.5, discrimination: null });
  });

  it('uses stored results instead of re-marking when given', () => {
    const stored = crafted.map((record) => ({
      ...record,
      results: [{ questionId: 'q1', points: 1, maxPoints: 1 }],
    }));
    const withResults = quizStatistics(quiz, stored);
    expect(withResults.questions.find((question) => question.questionId === 'q1')?.difficulty).toBe(1);
    expect(withResults.questions.find((question) => question.questionId === 'q2')?.difficulty).toBe(0);
  });

  it('handles no attempts', () => {
    const empty = quizStatistics(quiz, []);
    expect(empty).toMatchObject({ attempts: 0, passRate: null });
    expect(empty.distribution.every((band) => band.count === 0)).toBe(true);
  });

  it('is fast for 10,000 attempts', () => {
    const random = seededRandom('stats');
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const layouts = Array.from({ length: 50 }, (_, index) =>
      drawAttempt(fixtureQuiz, seededRandom(`attempt-${index}`)),
    );
    const attempts = Array.from({ length: 10_000 }, (_, index) => {
      const layout = layouts[index % layouts.length] ?? [];
      const answers: Answers = {
        'q-single': pick(['a', 'b', 'c']),
        'q-multi': [pick(['a', 'c']), pick(['b', 'd'])],
        'q-tf': pick(['true', 'false']),
        'q-order': [pick(['contact', 'plan']), 'assess', pick(['plan', 'monitor'])],
        'q-match': { yellow: pick(['fear', 'policy']), blue: 'supervisor' },
        'q-case-a': pick(['a', 'b']),
        'q-case-b': pick(['true', 'false']),
      };
      const { percent, passed } = gradeAttempt(fixtureQuiz, layout, answers);
      return { layout, answers, percent, passed };
    });
    const started = performance.now();
    const result = quizStatistics(fixtureQuiz, attempts);
    const elapsed = performance.now() - started;
    expect(result.attempts).toBe(10_000);
    expect(result.distribution.reduce((sum, band) => sum + band.count, 0)).toBe(10_000);
    for (const question of result.questions) {
      expect(question.timesDrawn).toBe(10_000);
      expect(question.discrimination).toBeGreaterThanOrEqual(-1);
      expect(question.discrimination).toBeLessThanOrEqual(1);
    }
    // Answers picked at random: a question's mark says nothing about the rest of the attempt.
    // (The rest excludes the question itself, so there is no built-in correlation.)
    expect(
      Math.abs(result.questions.find((question) => question.questionId === 'q-tf')?.discrimination ?? 1),
    ).toBeLessThan(0.05);
    expect(elapsed).toBeLessThan(2000);
  });
});
