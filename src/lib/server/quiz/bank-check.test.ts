import { describe, expect, it } from 'vitest';
import {
  checkAnswerPositions,
  checkFinalPolicy,
  checkQuizBanks,
  duplicateSimilarity,
  findDuplicateItems,
  jaccard,
  wordsOf,
  type Bank,
} from './bank-check.ts';
import { quizSchema, type QuizInput } from './schema.ts';

type QuestionInput = QuizInput['questions'][number];

function bank(id: string, questions: QuestionInput[], settings: QuizInput['settings'] = {}): Bank {
  return { id, file: `${id}.yaml`, quiz: quizSchema.parse({ title: id, settings, questions }) };
}

function single(id: string, prompt: string, options: string[], correctAt = 0): QuestionInput {
  return {
    id,
    type: 'single',
    prompt,
    options: options.map((text, index) => ({ id: `o${index}`, text, correct: index === correctAt })),
  };
}

const earlyContact = single(
  'ei-04',
  'Lee Chun Hong has worked at a Kuantan food factory for 3 years and is covered by the Employment Act 1955. He is on medical leave but not in hospital. How many days of paid sick leave a year does he have?',
  ['14 days', '18 days', '22 days', '60 days'],
);
const renamedCopy = single(
  'fa2-02',
  'Ravi a/l Chandran has worked at a Johor Bahru hotel for 6 years and is covered by the Employment Act 1955. He is on medical leave but has not been admitted to hospital. How many days of paid sick leave a year does he have?',
  ['14 days', '18 days', '22 days', '60 days'],
);
const different = single(
  'fa2-03',
  'A supervisor asks whether she may phone a worker on medical leave to ask when he will be back. What should the RTW Coordinator advise?',
  ['Call to ask how he is and offer support', 'Never call', 'Send a warning letter', 'Wait for HR'],
);
const orderSteps = (id: string, items: string[]): QuestionInput => ({
  id,
  type: 'ordering',
  prompt: 'Put the steps in order, first step first.',
  items: items.map((text, index) => ({ id: `i${index}`, text })),
});

describe('wordsOf and jaccard', () => {
  it('compare the meaningful words only: no stop words, names, accents or punctuation', () => {
    expect([...wordsOf('Siti’s café in Ipoh: is it open for SOCSO cases?')].sort()).toEqual([
      'cafe',
      'cases',
      'open',
      's',
    ]);
    expect(jaccard(wordsOf('early contact helps'), wordsOf('early, contact helps!'))).toBe(1);
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(1);
  });
});

describe('findDuplicateItems', () => {
  const courses = [{ finalAssessmentId: 'final', moduleIds: ['early'] }];

  it('finds a final item that repeats a module item with only the names and places changed', () => {
    const problems = findDuplicateItems(
      [bank('early', [earlyContact])],
      [bank('final', [renamedCopy, different])],
      courses,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^final\.yaml: question "fa2-02" repeats early\.yaml question "ei-04" \(\d+% of their words shared\)/,
    );
  });

  it('finds identical items within one bank, but not two short prompts about different steps', () => {
    const problems = findDuplicateItems(
      [
        bank('early', [
          earlyContact,
          { ...earlyContact, id: 'ei-09' },
          orderSteps('ei-10', ['Call the worker', 'Visit the workplace', 'Agree the plan']),
          orderSteps('ei-11', ['Record the injury', 'Notify SOCSO', 'Claim the benefit']),
        ]),
      ],
      [],
      courses,
    );
    expect(problems).toEqual([
      'early.yaml: questions "ei-04" and "ei-09" are the same item (100% of their words shared): rewrite one as a new scenario or remove it',
    ]);
  });

  it('compares a final only with the modules of its own course, and never a scenario with itself', () => {
    const scenario: QuestionInput = {
      id: 'case',
      type: 'scenario',
      scenario:
        'Aminah, a nurse in Ipoh, hurt her back lifting a patient and is on medical leave for six weeks.',
      questions: [
        {
          id: 'case-a',
          type: 'truefalse',
          prompt: 'She may start suitable duties before full recovery.',
          answer: true,
        },
        {
          id: 'case-b',
          type: 'truefalse',
          prompt: 'She must wait until the end of her medical leave.',
          answer: false,
        },
      ],
    };
    expect(
      findDuplicateItems(
        [bank('early', [earlyContact]), bank('other', [scenario])],
        [bank('final', [renamedCopy, scenario])],
        [{ finalAssessmentId: 'final', moduleIds: ['other'] }],
      ),
    ).toEqual([
      'final.yaml: question "case-a" (in scenario "case") repeats other.yaml question "case-a" (in scenario "case") (100% of their words shared), whose answer learners see in the module review: write a new scenario for the final',
    ]);
  });

  it('keeps different items apart', () => {
    const words = (question: QuestionInput) => wordsOf(question.prompt ?? '');
    const a = { promptWords: words(earlyContact), allWords: words(earlyContact) };
    const b = { promptWords: words(different), allWords: words(different) };
    expect(duplicateSimilarity(a, b)).toBeNull();
  });
});

describe('checkAnswerPositions', () => {
  it('warns when most single-choice items have the right option written first', () => {
    const written = bank(
      'm',
      ['a', 'b', 'c', 'd'].map((id, index) =>
        single(id, `Question ${id}`, ['x', 'y', 'z'], index === 3 ? 2 : 0),
      ),
    );
    expect(checkAnswerPositions(written)).toEqual([
      'm.yaml: in 3 of 4 single-choice items the right option is written first. Learners never see this order, but check that the other options are real alternatives a learner could believe',
    ]);
  });

  it('stays quiet when positions vary, or when there are too few items to tell', () => {
    const varied = bank(
      'm',
      ['a', 'b', 'c', 'd'].map((id, index) => single(id, `Question ${id}`, ['x', 'y', 'z', 'w'], index)),
    );
    expect(checkAnswerPositions(varied)).toEqual([]);
    expect(checkAnswerPositions(bank('few', [single('a', 'Q', ['x', 'y'])]))).toEqual([]);
  });

  it('warns when multiple-choice items list their right options first', () => {
    const multiple = (id: string): QuestionInput => ({
      id,
      type: 'multiple',
      prompt: `Choose ${id}`,
      options: [
        { id: 'a', text: 'A', correct: true },
        { id: 'b', text: 'B', correct: true },
        { id: 'c', text: 'C' },
      ],
    });
    expect(checkAnswerPositions(bank('m', ['a', 'b', 'c', 'd'].map(multiple)))[0]).toMatch(
      /in 4 of 4 multiple-choice items the right options are the first ones written/,
    );
  });
});

describe('checkFinalPolicy', () => {
  it('refuses a final that shows its feedback after every attempt, and warns about true/false items', () => {
    const final = bank('final', [different, { id: 'tf', type: 'truefalse', prompt: 'Yes?', answer: true }], {
      review: 'after-submit',
    });
    expect(checkFinalPolicy(final)).toEqual({
      errors: [
        "final.yaml: settings.review: is after-submit, which shows the final's feedback after every attempt: use after-pass-or-last-attempt (or after-pass, or never)",
      ],
      warnings: [
        'final.yaml: has 1 true/false item (tf): a guess gets half of them right; use single-choice scenario items in a final',
      ],
    });
    expect(checkFinalPolicy(bank('final', [different], { review: 'after-pass-or-last-attempt' }))).toEqual({
      errors: [],
      warnings: [],
    });
  });
});

describe('checkQuizBanks', () => {
  it('gathers errors and warnings over every bank', () => {
    const result = checkQuizBanks({
      modules: [bank('early', [earlyContact])],
      finals: [bank('final', [renamedCopy], { review: 'after-submit' })],
      courses: [{ finalAssessmentId: 'final', moduleIds: ['early'] }],
    });
    expect(result.errors).toHaveLength(2);
    expect(result.warnings).toEqual([]);
  });
});
