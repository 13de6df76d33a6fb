import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawAttempt, seededRandom } from './draw.ts';
import { gradeAttempt } from './grading.ts';
import { canShowReview, toPublicQuestions, toReview } from './public-view.ts';
import { fixtureQuiz } from './quiz-fixture.ts';

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
    expect(multi?.type === 'multiple' && multi.options.map((option) => option.id)).toEqual(
      entry?.optionOrder,
    );
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
  const answers = {
    'q-single': 'b',
    'q-multi': ['a'],
    'q-tf': 'false',
    'q-order': ['assess', 'contact', 'plan', 'monitor'],
    'q-match': { yellow: 'fear' },
  };
  const grade = gradeAttempt(fixtureQuiz, layout, answers);

  it('shows answers, points, feedback and explanations, and the key when allowed', () => {
    const review = toReview(fixtureQuiz, layout, answers, grade, { showCorrectAnswers: true });
    const single = review.find((question) => question.questionId === 'q-single');
    expect(single).toMatchObject({
      type: 'single',
      points: 0,
      maxPoints: 2,
      correct: false,
      explanation: 'Early, caring contact keeps the worker connected.',
    });
    expect(single?.type === 'single' && single.options.find((option) => option.id === 'a')).toEqual({
      id: 'a',
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
        { id: 'assess', inRightPlace: false },
        { id: 'contact', inRightPlace: false },
        { id: 'plan', inRightPlace: true },
        { id: 'monitor', inRightPlace: true },
      ],
      correctOrder: [{ id: 'contact' }, { id: 'assess' }, { id: 'plan' }, { id: 'monitor' }],
    });
    const match = review.find((question) => question.questionId === 'q-match');
    expect(match?.type === 'matching' && match.premises.find((premise) => premise.id === 'blue')).toEqual({
      id: 'blue',
      text: 'Blue flag',
      chosenResponseId: null,
      correct: false,
      correctResponseId: 'supervisor',
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

  it('hides which answers were right when not allowed, keeping feedback on chosen options only', () => {
    const review = toReview(fixtureQuiz, layout, answers, grade, { showCorrectAnswers: false });
    const keys = keysDeep(review);
    for (const key of ['correctAnswer', 'correctOrder', 'correctResponseId', 'inRightPlace', 'explanation'])
      expect(keys.has(key), key).toBe(false);
    const single = review.find((question) => question.questionId === 'q-single');
    expect(
      single?.type === 'single' &&
        single.options.map((option) => [
          option.id,
          option.chosen,
          option.feedback ?? null,
          'correct' in option,
        ]),
    ).toEqual(
      (layout.find((entry) => entry.questionId === 'q-single')?.optionOrder ?? []).map((id) =>
        id === 'b' ? ['b', true, 'Waiting lets distance grow.', false] : [id, false, null, false],
      ),
    );
  });
});

describe('canShowReview', () => {
  it('follows settings.review', () => {
    expect(canShowReview({ review: 'after-submit' }, false)).toBe(true);
    expect(canShowReview({ review: 'after-pass' }, false)).toBe(false);
    expect(canShowReview({ review: 'after-pass' }, true)).toBe(true);
    expect(canShowReview({ review: 'never' }, true)).toBe(false);
  });
});
