import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers } from './answers.ts';
import { drawAttempt, seededRandom, type AttemptLayout } from './draw.ts';
import { gradeAttempt } from './grading.ts';
import { fixtureQuiz } from './quiz-fixture.ts';

const layout = drawAttempt(fixtureQuiz, seededRandom('grading'));

const allRight: Answers = {
  'q-single': 'a',
  'q-multi': ['a', 'b'],
  'q-tf': 'false',
  'q-order': ['contact', 'assess', 'plan', 'monitor'],
  'q-match': { yellow: 'fear', blue: 'supervisor' },
  'q-case-a': 'a',
  'q-case-b': 'true',
};

function pointsFor(answers: Answers, questionId: string, on: AttemptLayout = layout): number | undefined {
  return gradeAttempt(fixtureQuiz, on, answers).questions.find((grade) => grade.questionId === questionId)
    ?.points;
}

describe('gradeAttempt', () => {
  it('gives full marks for all right answers', () => {
    const result = gradeAttempt(fixtureQuiz, layout, allRight);
    expect(result).toMatchObject({ score: 9, maxScore: 9, percent: 100, passed: true });
    expect(result.questions.every((grade) => grade.correct && grade.points === grade.maxPoints)).toBe(true);
  });

  it('scores 0 when nothing is answered', () => {
    const result = gradeAttempt(fixtureQuiz, layout, {});
    expect(result).toMatchObject({ score: 0, maxScore: 9, percent: 0, passed: false });
    expect(result.questions.every((grade) => grade.points === 0 && !grade.correct)).toBe(true);
  });

  it('marks single and truefalse all or nothing', () => {
    expect(pointsFor({ 'q-single': 'a' }, 'q-single')).toBe(2);
    expect(pointsFor({ 'q-single': 'b' }, 'q-single')).toBe(0);
    expect(pointsFor({ 'q-tf': 'false' }, 'q-tf')).toBe(1);
    expect(pointsFor({ 'q-tf': 'true' }, 'q-tf')).toBe(0);
  });

  it.each([
    [['a', 'b'], 1],
    [['a'], 0.5],
    [['a', 'c'], 0],
    [['a', 'b', 'c'], 0.5],
    [['a', 'b', 'c', 'd'], 0],
    [['c', 'd'], 0],
    [['a', 'a', 'a'], 0.5],
    [['a', 'zzz', 'yyy'], 0.5],
    [[], 0],
  ])('marks multiple %j as %d (right minus wrong over correct options, never below 0)', (answer, points) => {
    expect(pointsFor({ 'q-multi': answer }, 'q-multi')).toBe(points);
  });

  it.each([
    [['contact', 'assess', 'plan', 'monitor'], 1],
    [['contact', 'assess', 'monitor', 'plan'], 0.5],
    [['monitor', 'contact', 'assess', 'plan'], 0],
    [['contact', 'monitor', 'plan', 'assess'], 0.5],
    [['contact'], 0.25],
    [['contact', 'contact', 'contact', 'contact'], 0.25],
    [['assess', 'assess', 'plan', 'monitor'], 0],
  ])('marks ordering %j as %d (items in the right place over items)', (answer, points) => {
    expect(pointsFor({ 'q-order': answer }, 'q-order')).toBe(points);
  });

  it.each([
    [{ yellow: 'fear', blue: 'supervisor' }, 1],
    [{ yellow: 'fear', blue: 'policy' }, 0.5],
    [{ yellow: 'fear' }, 0.5],
    [{ yellow: 'supervisor', blue: 'fear' }, 0],
    [{ yellow: 'fear', blue: 'fear', green: 'supervisor' }, 0.5],
  ])('marks matching %j as %d (premises matched right over premises)', (answer, points) => {
    expect(pointsFor({ 'q-match': answer }, 'q-match')).toBe(points);
  });

  it('sums a scenario from its sub-questions and reports each one', () => {
    const result = gradeAttempt(fixtureQuiz, layout, { 'q-case-a': 'b', 'q-case-b': 'true' });
    const scenarioGrades = result.questions.filter((grade) => grade.questionId.startsWith('q-case'));
    expect(scenarioGrades).toEqual([
      { questionId: 'q-case', points: 2, maxPoints: 3, correct: false },
      { questionId: 'q-case-a', parentId: 'q-case', points: 0, maxPoints: 1, correct: false },
      { questionId: 'q-case-b', parentId: 'q-case', points: 2, maxPoints: 2, correct: true },
    ]);
    expect(result.score).toBe(2);
  });

  it('rounds percent to 2 decimals and passes at the pass mark', () => {
    const third: AttemptLayout = [
      { questionId: 'q-multi' },
      { questionId: 'q-tf' },
      { questionId: 'q-order' },
    ];
    expect(gradeAttempt(fixtureQuiz, third, { 'q-tf': 'false' })).toMatchObject({
      score: 1,
      maxScore: 3,
      percent: 33.33,
      passed: false,
    });
    const sixty: AttemptLayout = [
      { questionId: 'q-single' },
      { questionId: 'q-multi' },
      { questionId: 'q-tf' },
      { questionId: 'q-order' },
    ];
    expect(
      gradeAttempt(fixtureQuiz, sixty, { 'q-single': 'a', 'q-tf': 'false', 'q-multi': ['a'] }),
    ).toMatchObject({
      score: 3.5,
      maxScore: 5,
      percent: 70,
      passed: true,
    });
    expect(gradeAttempt(fixtureQuiz, sixty, { 'q-single': 'a', 'q-tf': 'false' })).toMatchObject({
      percent: 60,
      passed: true,
    });
  });

  it('ignores answers to questions that were not drawn', () => {
    const tfOnly: AttemptLayout = [{ questionId: 'q-tf' }];
    expect(gradeAttempt(fixtureQuiz, tfOnly, allRight)).toMatchObject({
      score: 1,
      maxScore: 1,
      percent: 100,
    });
  });

  it('never counts a question twice or a question the bank does not have', () => {
    const tampered = [
      { questionId: 'q-single' },
      { questionId: 'q-single' },
      { questionId: 'bonus' },
      { questionId: 'q-case', subQuestions: [{ questionId: 'q-case-b' }, { questionId: 'q-case-b' }] },
    ] as AttemptLayout;
    const result = gradeAttempt(fixtureQuiz, tampered, allRight);
    expect(result).toMatchObject({ score: 5, maxScore: 5 });
    expect(result.questions.map((grade) => grade.questionId)).toEqual([
      'q-single',
      'q-case',
      'q-case-b',
      'q-case-a',
    ]);
  });

  it('gives nothing for values of the wrong type', () => {
    const wrongTypes = {
      'q-single': ['a'],
      'q-multi': 'a',
      'q-tf': 0,
      'q-order': { 0: 'contact' },
      'q-match': [['yellow', 'fear']],
      'q-case-a': { a: true },
      'q-case-b': null,
    } as unknown as Answers;
    expect(gradeAttempt(fixtureQuiz, layout, wrongTypes).score).toBe(0);
    expect(gradeAttempt(fixtureQuiz, layout, 'all' as unknown as Answers).score).toBe(0);
  });

  it('scores a layout with nothing drawn as 0 percent', () => {
    expect(gradeAttempt(fixtureQuiz, [], allRight)).toEqual({
      score: 0,
      maxScore: 0,
      percent: 0,
      passed: false,
      questions: [],
    });
  });
});

describe('gradeAttempt properties', () => {
  const ids = ['q-single', 'q-multi', 'q-tf', 'q-order', 'q-match', 'q-case', 'q-case-a', 'q-case-b'];
  const knownParts = [
    'a',
    'b',
    'c',
    'd',
    'true',
    'false',
    'contact',
    'assess',
    'plan',
    'monitor',
    'yellow',
    'blue',
    'fear',
    'supervisor',
    'policy',
  ];
  const part = fc.oneof(fc.constantFrom(...knownParts), fc.string());
  const hostileValue = fc.oneof(
    fc.anything(),
    part,
    fc.array(part, { maxLength: 12 }),
    fc.dictionary(part, fc.oneof(part, fc.anything())),
  );
  const hostileAnswers = fc.dictionary(
    fc.oneof(fc.constantFrom(...ids, '__proto__'), fc.string()),
    hostileValue,
  ) as fc.Arbitrary<Answers>;

  it('keeps every score within 0..max for arbitrary answers', () => {
    fc.assert(
      fc.property(fc.string(), hostileAnswers, (seed, answers) => {
        const drawn = drawAttempt(fixtureQuiz, seededRandom(seed));
        const result = gradeAttempt(fixtureQuiz, drawn, answers);
        expect(result.maxScore).toBe(9);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(result.maxScore);
        expect(result.percent).toBeGreaterThanOrEqual(0);
        expect(result.percent).toBeLessThanOrEqual(100);
        for (const grade of result.questions) {
          expect(grade.points).toBeGreaterThanOrEqual(0);
          expect(grade.points).toBeLessThanOrEqual(grade.maxPoints);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic for a frozen attempt, including after a JSON round trip', () => {
    fc.assert(
      fc.property(fc.string(), hostileAnswers, (seed, answers) => {
        const drawn = drawAttempt(fixtureQuiz, seededRandom(seed));
        const first = gradeAttempt(fixtureQuiz, drawn, answers);
        expect(gradeAttempt(fixtureQuiz, drawn, answers)).toEqual(first);
        const stored = JSON.parse(JSON.stringify({ drawn, answers: answers ?? null })) as {
          drawn: AttemptLayout;
          answers: Answers;
        };
        expect(gradeAttempt(fixtureQuiz, stored.drawn, stored.answers).score).toBe(first.score);
      }),
    );
  });
});
