import { describe, expect, it } from 'vitest';
import { drawAttempt, seededRandom } from './draw.ts';
import { gradeAttempt } from './grading.ts';
import { localiseQuiz } from './localise.ts';
import { toPublicQuestions } from './public-view.ts';
import { fixtureData, fixtureQuiz } from './quiz-fixture.ts';
import { quizSchema, type Quiz } from './schema.ts';

type Raw = Record<string, unknown> & { questions: Array<Record<string, unknown>> };

/** The fixture with every text marked as translated, then `edit` applied to the raw data. */
function translation(edit: (data: Raw) => void = () => undefined): Quiz {
  const data = fixtureData() as Raw;
  data.title = 'Kuiz contoh';
  const mark = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(mark);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      out[key] =
        typeof child === 'string' && ['text', 'prompt', 'feedback', 'explanation', 'scenario'].includes(key)
          ? `BM: ${child}`
          : mark(child);
    }
    return out;
  };
  data.questions = mark(data.questions) as Raw['questions'];
  edit(data);
  return quizSchema.parse(data);
}

describe('localiseQuiz', () => {
  it('takes the text from the translation and everything else from the English bank', () => {
    const { quiz, untranslated } = localiseQuiz(fixtureQuiz, translation());
    expect(untranslated.size).toBe(0);
    expect(quiz.title).toBe('Kuiz contoh');
    const single = quiz.questions[0];
    expect(single?.type === 'single' && single.prompt).toBe('BM: Which first step is best?');
    expect(
      single?.type === 'single' && single.options.map((option) => [option.id, option.correct, option.text]),
    ).toEqual([
      ['a', true, 'BM: Call the worker early'],
      ['b', false, 'BM: Wait for the certificate to end'],
      ['c', false, 'BM: Send a policy letter'],
    ]);
    const scenario = quiz.questions[5];
    expect(scenario?.type === 'scenario' && scenario.scenario).toMatch(/^BM: /);
    expect(quiz.settings).toBe(fixtureQuiz.settings);
  });

  it('keeps the key of the English bank even if a translation disagrees', () => {
    const wrong = translation((data) => {
      const options = data.questions[0]?.options as Array<Record<string, unknown>>;
      options.forEach((option, index) => (option.correct = index === 2));
    });
    const { quiz } = localiseQuiz(fixtureQuiz, wrong);
    const layout = drawAttempt(fixtureQuiz, seededRandom('key'));
    expect(gradeAttempt(quiz, layout, { 'q-single': 'a' }).score).toBe(
      gradeAttempt(fixtureQuiz, layout, { 'q-single': 'a' }).score,
    );
  });

  it('shows in English, and lists, each question the translation lacks or whose parts do not line up', () => {
    const partial = translation((data) => {
      data.questions = data.questions.filter((question) => question.id !== 'q-tf');
      const multi = data.questions.find((question) => question.id === 'q-multi');
      (multi?.options as Array<Record<string, unknown>>)[0]!.id = 'z';
      const scenario = data.questions.find((question) => question.id === 'q-case');
      scenario!.questions = (scenario!.questions as Array<Record<string, unknown>>).slice(0, 1);
    });
    const { quiz, untranslated } = localiseQuiz(fixtureQuiz, partial);
    expect([...untranslated].sort()).toEqual(['q-case-b', 'q-multi', 'q-tf']);
    expect(quiz.questions[1]?.type === 'multiple' && quiz.questions[1].prompt).toBe(
      'Which are yellow flags? Choose all that apply.',
    );
    const scenario = quiz.questions[5];
    expect(scenario?.type === 'scenario' && scenario.questions.map((sub) => sub.prompt)).toEqual([
      'BM: What should you do first?',
      'Seated work can be offered before full recovery.',
    ]);
  });

  it('gives the same drawn questions and tokens in either language', () => {
    const layout = drawAttempt(fixtureQuiz, seededRandom('switch'));
    const english = toPublicQuestions(fixtureQuiz, layout);
    const { quiz, untranslated } = localiseQuiz(fixtureQuiz, translation());
    const malay = toPublicQuestions(quiz, layout, untranslated);
    const ids = (questions: typeof english) =>
      JSON.stringify(questions, (key, value: unknown) =>
        key === 'text' || key === 'prompt' || key === 'scenario' ? undefined : value,
      );
    expect(ids(malay)).toBe(ids(english));
    expect(JSON.stringify(malay)).toContain('BM: ');
  });

  it('marks every question as English when there is no translation', () => {
    const { quiz, untranslated } = localiseQuiz(fixtureQuiz, null);
    expect(quiz).toBe(fixtureQuiz);
    expect(untranslated.has('q-single') && untranslated.has('q-case-a')).toBe(true);
    const view = toPublicQuestions(quiz, drawAttempt(quiz, seededRandom('x')), untranslated);
    expect(view.every((question) => question.untranslated === true)).toBe(true);
  });
});
