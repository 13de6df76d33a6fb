import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawAttempt, seededRandom } from './draw.ts';
import { gradeAttempt } from './grading.ts';
import { decideReviewLevel, toPublicQuestions, toReview, type ReviewStanding } from './public-view.ts';
import { fixtureQuiz } from './quiz-fixture.ts';
import type { QuizSettings } from './schema.ts';

function keysDeep(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const child of value) keysDeep(child, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      into.add(key);
      keysDeep(child, into);
    }
  }
  return into;
}

const secretKeys = ['correct', 'match', 'answer', 'explanation', 'feedback', 'points', 'competency'];
const secretTexts = [
  'Early caring contact helps.',
  'Waiting lets the case drift.',
  'Contact, assess, plan, monitor.',
];

describe('toPublicQuestions', () => {
  it('never exposes answer keys, feedback or explanations', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const view = toPublicQuestions(fixtureQuiz, drawAttempt(fixtureQuiz, seededRandom(seed)));
        const serialised = JSON.stringify(view);
        const keys = keysDeep(JSON.parse(serialised));
        for (const key of secretKeys) expect(keys.has(key), key).toBe(false);
        for (const text of secretTexts) expect(serialised).not.toContain(text);
      }),
      { numRuns: 50 },
    );
  });

  it('shows exactly ids, type, prompt, scenario and choice texts, in the frozen order', () => {
    const layout = drawAttempt(fixtureQuiz, seededRandom('view'));
    const view = toPublicQuestions(fixtureQuiz, layout);
    expect(view.map((question) => question.id)).toEqual(layout.map((entry) => entry.questionId));
    expect([...keysDeep(view)].sort()).toEqual(
      [
        'id',
        'type',
        'prompt',
        'options',
        'text',
        'items',
        'premises',
        'responses',
        'scenario',
        'questions',
      ].sort(),
    );
    const multi = view.find((question) => question.id === 'q-multi');
    const entry = layout.find((candidate) => candidate.questionId === 'q-multi');
    // The frozen order, each option under its opaque token, never its authored id.
    expect(multi?.type === 'multiple' && multi.options.map((option) => option.id)).toEqual(
      entry?.optionOrder?.map((id) => entry.tokens?.options?.[id]),
    );
    expect(JSON.stringify(view)).not.toMatch(/"id":"(a|b|c|d|contact|assess|yellow|blue|fear)"/);
    const scenario = view.find((question) => question.id === 'q-case');
    expect(scenario).toMatchObject({
      type: 'scenario',
      scenario: 'Letchumi fractures her ankle at work and has six weeks of medical leave.',
      questions: [
        { id: 'q-case-a', type: 'single' },
        { id: 'q-case-b', type: 'truefalse', prompt: 'Seated work can be offered before full recovery.' },
      ],
    });
  });
});

describe('toReview', () => {
  const layout = drawAttempt(fixtureQuiz, seededRandom('review'));
  const entryOf = (id: string) => layout.find((entry) => entry.questionId === id);
  const tokenOf = (id: string, part: 'options' | 'items' | 'premises' | 'responses', authored: string) =>
    entryOf(id)?.tokens?.[part]?.[authored];
  const answers = {
    'q-single': 'b',
    'q-multi': ['a'],
    'q-tf': 'false',
    'q-order': ['assess', 'contact', 'plan', 'monitor'],
    'q-match': { yellow: 'fear' },
  };
  const grade = gradeAttempt(fixtureQuiz, layout, answers);

  it('shows answers, points, feedback and explanations, and the key when allowed', () => {
    const review = toReview(fixtureQuiz, layout, answers, grade, { level: 'full' });
    const single = review.find((question) => question.questionId === 'q-single');
    expect(single).toMatchObject({
      type: 'single',
      points: 0,
      maxPoints: 2,
      correct: false,
      explanation: 'Early, caring contact keeps the worker connected.',
    });
    expect(
      single?.type === 'single' &&
        single.options.find((option) => option.id === tokenOf('q-single', 'options', 'a')),
    ).toEqual({
      id: tokenOf('q-single', 'options', 'a'),
      text: 'Call the worker early',
      chosen: false,
      correct: true,
      feedback: 'Early caring contact helps.',
    });
    expect(review.find((question) => question.questionId === 'q-tf')).toMatchObject({
      answer: 'false',
      correctAnswer: 'false',
      points: 1,
    });
    expect(review.find((question) => question.questionId === 'q-order')).toMatchObject({
      points: 0.5,
      answer: [
        { text: 'Assess capacity', inRightPlace: false },
        { text: 'Early contact', inRightPlace: false },
        { text: 'Agree a plan', inRightPlace: true },
        { text: 'Monitor progress', inRightPlace: true },
      ],
      correctOrder: [
        { text: 'Early contact' },
        { text: 'Assess capacity' },
        { text: 'Agree a plan' },
        { text: 'Monitor progress' },
      ],
    });
    const match = review.find((question) => question.questionId === 'q-match');
    expect(
      match?.type === 'matching' &&
        match.premises.find((premise) => premise.id === tokenOf('q-match', 'premises', 'blue')),
    ).toEqual({
      id: tokenOf('q-match', 'premises', 'blue'),
      text: 'Blue flag',
      chosenResponseId: null,
      correct: false,
      correctResponseId: tokenOf('q-match', 'responses', 'supervisor'),
    });
    expect(
      match?.type === 'matching' && match.premises.find((premise) => premise.text === 'Yellow flag'),
    ).toMatchObject({
      chosenResponseId: tokenOf('q-match', 'responses', 'fear'),
      correct: true,
    });
    expect(review.find((question) => question.questionId === 'q-case')).toMatchObject({
      type: 'scenario',
      points: 0,
      maxPoints: 3,
      questions: [
        { questionId: 'q-case-a' },
        { questionId: 'q-case-b', answer: null, correctAnswer: 'true' },
      ],
    });
  });

  it('teaches without the key: marks, own answers and explanations, never which option was right', () => {
    const review = toReview(fixtureQuiz, layout, answers, grade, { level: 'teach' });
    const keys = keysDeep(review);
    for (const key of ['correctAnswer', 'correctOrder', 'correctResponseId', 'inRightPlace'])
      expect(keys.has(key), key).toBe(false);
    const serialised = JSON.stringify(review);
    expect(serialised).not.toContain('"correct":true,"feedback"');
    const single = review.find((question) => question.questionId === 'q-single');
    expect(single).toMatchObject({
      correct: false,
      explanation: 'Early, caring contact keeps the worker connected.',
    });
    // Feedback only on the option the learner chose, and no per-option "correct".
    expect(
      single?.type === 'single' &&
        single.options.map((option) => [
          option.text,
          option.chosen,
          option.feedback ?? null,
          'correct' in option,
        ]),
    ).toEqual(
      (entryOf('q-single')?.optionOrder ?? []).map((id) => {
        const option =
          fixtureQuiz.questions[0]?.type === 'single'
            ? fixtureQuiz.questions[0].options.find((o) => o.id === id)
            : undefined;
        return id === 'b'
          ? [option?.text, true, 'Waiting lets distance grow.', false]
          : [option?.text, false, null, false];
      }),
    );
    const match = review.find((question) => question.questionId === 'q-match');
    expect(match?.type === 'matching' && match.premises.every((premise) => !('correct' in premise))).toBe(
      true,
    );
  });

  it('shows marks only when the key is never shown: no explanations either', () => {
    const review = toReview(fixtureQuiz, layout, answers, grade, { level: 'marks' });
    const keys = keysDeep(review);
    for (const key of ['correctAnswer', 'correctOrder', 'correctResponseId', 'inRightPlace', 'explanation'])
      expect(keys.has(key), key).toBe(false);
    expect(review.find((question) => question.questionId === 'q-tf')).toMatchObject({
      correct: true,
      answer: 'false',
    });
  });

  it('keeps feedback off ticked boxes of a multiple-choice question while teaching', () => {
    const bank = structuredClone(fixtureQuiz);
    const multi = bank.questions[1];
    if (multi?.type !== 'multiple') throw new Error('fixture changed');
    multi.options.forEach((option) => (option.feedback = `About ${option.text}`));
    const teach = toReview(bank, layout, answers, gradeAttempt(bank, layout, answers), { level: 'teach' });
    const reviewed = teach.find((question) => question.questionId === 'q-multi');
    expect(
      reviewed?.type === 'multiple' && reviewed.options.some((option) => option.feedback !== undefined),
    ).toBe(false);
  });
});

describe('decideReviewLevel', () => {
  const settings = (
    review: QuizSettings['review'],
    showCorrectAnswers = true,
    revealAnswersAfterAttempts = 0,
  ): Pick<QuizSettings, 'review' | 'showCorrectAnswers' | 'revealAnswersAfterAttempts'> => ({
    review,
    showCorrectAnswers,
    revealAnswersAfterAttempts,
  });
  const failed = (used: number, left: number | null = null): ReviewStanding => ({
    attemptPassed: false,
    passedAny: false,
    used,
    left,
  });

  it('follows settings.review for when the review appears', () => {
    expect(decideReviewLevel(settings('after-submit'), failed(1))).toBe('full');
    expect(decideReviewLevel(settings('after-pass'), failed(1))).toBe('hidden');
    expect(
      decideReviewLevel(settings('after-pass'), { ...failed(1), attemptPassed: true, passedAny: true }),
    ).toBe('full');
    expect(decideReviewLevel(settings('never'), { ...failed(1), passedAny: true })).toBe('hidden');
  });

  it('module quizzes teach until the learner passes or has made the set number of attempts', () => {
    const policy = settings('after-submit', true, 3);
    expect(decideReviewLevel(policy, failed(1))).toBe('teach');
    expect(decideReviewLevel(policy, failed(2))).toBe('teach');
    expect(decideReviewLevel(policy, failed(3))).toBe('full');
    // Passing reveals the key, for the failed attempts too.
    expect(decideReviewLevel(policy, { ...failed(2), passedAny: true })).toBe('full');
    expect(decideReviewLevel(settings('after-submit', false, 0), failed(5))).toBe('marks');
  });

  it('keeps a final’s feedback hidden until it is passed or the attempts are used up', () => {
    const final = settings('after-pass-or-last-attempt', false);
    expect(decideReviewLevel(final, failed(1, 2))).toBe('hidden');
    expect(decideReviewLevel(final, failed(2, 1))).toBe('hidden');
    expect(decideReviewLevel(final, failed(3, 0))).toBe('marks');
    expect(decideReviewLevel(final, { ...failed(1, 2), attemptPassed: true, passedAny: true })).toBe('marks');
    // An earlier failed attempt's review opens once a later one passes.
    expect(decideReviewLevel(final, { ...failed(2, 1), passedAny: true })).toBe('marks');
    expect(decideReviewLevel(settings('after-pass-or-last-attempt'), failed(3, 0))).toBe('full');
  });
});
