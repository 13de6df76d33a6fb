import { describe, expect, it } from 'vitest';
import { fixtureData, fixtureQuiz } from './quiz-fixture.ts';
import { formatSchemaIssues, parseQuiz, quizSchema } from './schema.ts';

function errorsFor(data: unknown): string[] {
  const result = parseQuiz(data, 'quiz.yaml');
  if (result.ok) throw new Error('expected the quiz to be rejected');
  return result.errors;
}

function oneQuestion(question: Record<string, unknown>): Record<string, unknown> {
  return { title: 'Quiz', questions: [question] };
}

const single = {
  id: 'x-01',
  type: 'single',
  prompt: 'Pick one.',
  options: [
    { id: 'a', text: 'Right', correct: true },
    { id: 'b', text: 'Wrong' },
  ],
};

describe('quizSchema', () => {
  it('fills in the documented defaults', () => {
    const quiz = quizSchema.parse(oneQuestion(single));
    expect(quiz.settings).toEqual({
      passMark: 80,
      drawCount: 1,
      attemptsAllowed: 0,
      cooldownMinutes: 0,
      timeLimitMinutes: 0,
      shuffleQuestions: true,
      shuffleOptions: true,
      review: 'after-submit',
      showCorrectAnswers: true,
      revealAnswersAfterAttempts: 0,
    });
    const [question] = quiz.questions;
    expect(question?.type === 'single' && question.points).toBe(1);
    expect(question?.type === 'single' && question.options[1]?.correct).toBe(false);
  });

  it('accepts every question type and resolves drawCount to the whole bank', () => {
    expect(fixtureQuiz.questions.map((question) => question.type)).toEqual([
      'single',
      'multiple',
      'truefalse',
      'ordering',
      'matching',
      'scenario',
    ]);
    expect(fixtureQuiz.settings.drawCount).toBe(6);
    expect(fixtureQuiz.settings.passMark).toBe(60);
  });

  it.each([
    [
      'an unknown field',
      oneQuestion({ ...single, pionts: 2 }),
      'quiz.yaml: questions[0]: unknown field "pionts": remove it or fix its spelling (fields allowed here: id, competency, module, points, prompt, explanation, type, options)',
    ],
    [
      'a missing prompt',
      oneQuestion({ ...single, prompt: undefined }),
      'quiz.yaml: questions[0].prompt: is missing: add the question text',
    ],
    [
      'an empty prompt',
      oneQuestion({ ...single, prompt: '  ' }),
      'quiz.yaml: questions[0].prompt: is empty: write the question text',
    ],
    [
      'a badly formed id',
      oneQuestion({ ...single, id: 'Q 1' }),
      'quiz.yaml: questions[0].id: must use only lowercase letters, digits and hyphens, starting with a letter or digit (for example "dm-01")',
    ],
    [
      'an unknown type',
      oneQuestion({ ...single, type: 'essay' }),
      'quiz.yaml: questions[0].type: must be one of single, multiple, truefalse, ordering or matching or scenario',
    ],
    [
      'a single question with two correct options',
      oneQuestion({
        ...single,
        options: [...single.options.slice(0, 1), { id: 'b', text: 'Also', correct: true }],
      }),
      'quiz.yaml: questions[0].options: question "x-01" has 2 options marked correct: a single-answer question needs exactly one "correct: true" (use type: multiple for several)',
    ],
    [
      'a single question with no correct option',
      oneQuestion({
        ...single,
        options: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B' },
        ],
      }),
      'quiz.yaml: questions[0].options: question "x-01" has 0 options marked correct: a single-answer question needs exactly one "correct: true" (use type: multiple for several)',
    ],
    [
      'a multiple question with no correct option',
      oneQuestion({
        ...single,
        type: 'multiple',
        options: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B' },
        ],
      }),
      'quiz.yaml: questions[0].options: question "x-01" has no option marked correct: mark at least one with "correct: true"',
    ],
    [
      'a repeated option id',
      oneQuestion({ ...single, options: [...single.options, { id: 'a', text: 'Again' }] }),
      'quiz.yaml: questions[0].options[2].id: option id "a" is used twice in question "x-01": give each option its own id',
    ],
    [
      'a correct flag that is not a boolean',
      oneQuestion({ ...single, options: [{ id: 'a', text: 'A', correct: 'yes' }, single.options[1]] }),
      'quiz.yaml: questions[0].options[0].correct: must be true or false',
    ],
    [
      'an ordering question with one item',
      oneQuestion({ id: 'o', type: 'ordering', prompt: 'Order', items: [{ id: 'x', text: 'X' }] }),
      'quiz.yaml: questions[0].items: needs at least 2 items, written in the correct order',
    ],
    [
      'a truefalse question without an answer',
      oneQuestion({ id: 't', type: 'truefalse', prompt: 'True?' }),
      'quiz.yaml: questions[0].answer: is missing: add answer: true or answer: false',
    ],
    [
      'a premise matched to a response that does not exist',
      oneQuestion({
        id: 'm',
        type: 'matching',
        prompt: 'Match',
        premises: [
          { id: 'p1', text: 'One', match: 'r1' },
          { id: 'p2', text: 'Two', match: 'nope' },
        ],
        responses: [
          { id: 'r1', text: 'R1' },
          { id: 'r2', text: 'R2' },
        ],
      }),
      'quiz.yaml: questions[0].premises[1].match: names "nope", which is not a response id in question "m": use one of r1, r2',
    ],
    [
      'a matching question with one premise',
      oneQuestion({
        id: 'm',
        type: 'matching',
        prompt: 'Match',
        premises: [{ id: 'p', text: 'P', match: 'r' }],
        responses: [{ id: 'r', text: 'R' }],
      }),
      'quiz.yaml: questions[0].premises: needs at least 2 premises',
    ],
    [
      'a scenario without sub-questions',
      oneQuestion({ id: 's', type: 'scenario', scenario: 'Case', questions: [] }),
      'quiz.yaml: questions[0].questions: needs at least 1 sub-question',
    ],
    [
      'a scenario inside a scenario',
      oneQuestion({
        id: 's',
        type: 'scenario',
        scenario: 'Case',
        questions: [{ id: 's2', type: 'scenario', scenario: 'Inner', questions: [single] }],
      }),
      'quiz.yaml: questions[0].questions[0].type: must be one of single, multiple, truefalse, ordering or matching (a scenario question cannot contain another scenario)',
    ],
    [
      'points on a scenario',
      oneQuestion({ id: 's', type: 'scenario', scenario: 'Case', points: 3, questions: [single] }),
      'quiz.yaml: questions[0]: unknown field "points": remove it or fix its spelling (fields allowed here: id, type, competency, module, scenario, prompt, explanation, questions)',
    ],
    [
      'a question that is not a mapping',
      { title: 'Quiz', questions: ['What is RTW?'] },
      'quiz.yaml: questions[0]: must be a question: a mapping with at least id, type and prompt',
    ],
    [
      'zero points',
      oneQuestion({ ...single, points: 0 }),
      'quiz.yaml: questions[0].points: must be more than 0 (leave it out for 1 point)',
    ],
    ['a missing title', { questions: [single] }, 'quiz.yaml: title: is missing: add the quiz title'],
    ['no questions', { title: 'Quiz', questions: [] }, 'quiz.yaml: questions: needs at least 1 question'],
    [
      'a pass mark above 100',
      { ...oneQuestion(single), settings: { passMark: 120 } },
      'quiz.yaml: settings.passMark: must be between 0 and 100 (a percent)',
    ],
    [
      'an unknown review mode',
      { ...oneQuestion(single), settings: { review: 'always' } },
      'quiz.yaml: settings.review: must be after-submit, after-pass, after-pass-or-last-attempt or never',
    ],
    [
      'answers revealed after attempts while the key is never shown',
      { ...oneQuestion(single), settings: { showCorrectAnswers: false, revealAnswersAfterAttempts: 3 } },
      'quiz.yaml: settings.revealAnswersAfterAttempts: has no effect with showCorrectAnswers: false (the answers are never shown): remove it or set showCorrectAnswers: true',
    ],
    [
      'options kept in the written order',
      { ...oneQuestion(single), settings: { shuffleOptions: false } },
      'quiz.yaml: settings.shuffleOptions: must be true (or left out): options are always shuffled per attempt, so that their position never gives the answer away',
    ],
    [
      'a drawCount above the bank size',
      { ...oneQuestion(single), settings: { drawCount: 5 } },
      'quiz.yaml: settings.drawCount: is 5 but there is only 1 question (a scenario counts as one): lower drawCount or add questions',
    ],
    [
      'a file that is not a mapping',
      'just text',
      'quiz.yaml: must be a mapping with the fields title, settings, questions',
    ],
  ])('rejects %s with a line naming the file and the field', (_, data, line) => {
    expect(errorsFor(data)).toContain(line);
  });

  it('rejects an id used twice in the bank, sub-questions included', () => {
    const data = fixtureData();
    const questions = data['questions'] as Array<Record<string, unknown>>;
    const scenario = questions[5] as { questions: Array<Record<string, unknown>> };
    (scenario.questions[1] as Record<string, unknown>)['id'] = 'q-tf';
    expect(errorsFor(data)).toEqual([
      'quiz.yaml: questions[5].questions[1].id: question id "q-tf" is already used at questions[2]: ids must be unique in the whole file, sub-questions included',
    ]);
  });

  it('reports every problem at once', () => {
    const errors = errorsFor({
      title: '',
      questions: [
        { ...single, id: 'BAD' },
        { id: 't', type: 'truefalse', prompt: 'x', answer: 'no' },
      ],
    });
    expect(errors).toEqual([
      'quiz.yaml: title: is empty: write the quiz title',
      'quiz.yaml: questions[0].id: must use only lowercase letters, digits and hyphens, starting with a letter or digit (for example "dm-01")',
      'quiz.yaml: questions[1].answer: must be true or false',
    ]);
  });
});

describe('formatSchemaIssues', () => {
  it('writes array indexes in brackets and fields with dots', () => {
    expect(
      formatSchemaIssues(
        [
          { path: ['questions', 3, 'options', 0, 'text'], message: 'is empty' },
          { path: [], message: 'is not a mapping' },
        ],
        'src/content/modules/m/quiz.yaml',
      ),
    ).toEqual([
      'src/content/modules/m/quiz.yaml: questions[3].options[0].text: is empty',
      'src/content/modules/m/quiz.yaml: is not a mapping',
    ]);
  });
});

describe('parseQuiz', () => {
  it('returns the parsed quiz for valid data', () => {
    const result = parseQuiz(fixtureData(), 'quiz.yaml');
    expect(result.ok && result.quiz).toEqual(fixtureQuiz);
  });
});
