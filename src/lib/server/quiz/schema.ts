import { z } from 'astro/zod';
import { expecting, strictObject } from '#src/lib/content/schema-messages.ts';

/** Ids of questions, options, items, premises and responses: safe inside form field names. */
export const QUIZ_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

const id = z.string(expecting('text', 'an id such as "dm-01"')).regex(QUIZ_ID_PATTERN, {
  error:
    'must use only lowercase letters, digits and hyphens, starting with a letter or digit (for example "dm-01")',
});

function requiredText(what: string) {
  return z
    .string(expecting('text', what))
    .refine((value) => value.trim().length > 0, { error: `is empty: write ${what}` });
}

const optionalText = z.string(expecting('text')).optional();
const flag = z.boolean(expecting('true or false'));

const optionSchema = strictObject({
  id,
  text: requiredText('the option text'),
  correct: flag.default(false),
  feedback: optionalText,
});

const orderingItemSchema = strictObject({ id, text: requiredText('the item text') });
const premiseSchema = strictObject({
  id,
  text: requiredText('the premise text'),
  match: z.string(expecting('text', 'the id of the matching response')),
});
const responseSchema = strictObject({ id, text: requiredText('the response text') });

/** The course module a final-assessment item assesses: what a blueprint row draws from. */
const moduleField = z
  .string(expecting('text', 'a module id such as "mental-health"'))
  .regex(QUIZ_ID_PATTERN, { error: 'must be a module id (the module folder name)' })
  .optional();

const baseFields = {
  id,
  competency: optionalText,
  module: moduleField,
  points: z
    .number(expecting('a number', 'a number of points'))
    .positive({ error: 'must be more than 0 (leave it out for 1 point)' })
    .default(1),
  prompt: requiredText('the question text'),
  explanation: optionalText,
};

const options = z
  .array(optionSchema, expecting('a list of options'))
  .min(2, { error: 'needs at least 2 options' });

const singleSchema = strictObject({ ...baseFields, type: z.literal('single'), options });
const multipleSchema = strictObject({ ...baseFields, type: z.literal('multiple'), options });
const trueFalseSchema = strictObject({
  ...baseFields,
  type: z.literal('truefalse'),
  answer: z.boolean(expecting('true or false', 'answer: true or answer: false')),
});
const orderingSchema = strictObject({
  ...baseFields,
  type: z.literal('ordering'),
  items: z
    .array(orderingItemSchema, expecting('a list of items'))
    .min(2, { error: 'needs at least 2 items, written in the correct order' }),
});
const matchingSchema = strictObject({
  ...baseFields,
  type: z.literal('matching'),
  premises: z
    .array(premiseSchema, expecting('a list of premises'))
    .min(2, { error: 'needs at least 2 premises' }),
  responses: z
    .array(responseSchema, expecting('a list of responses'))
    .min(1, { error: 'needs at least 1 response' }),
});

const SUB_QUESTION_TYPES = 'single, multiple, truefalse, ordering or matching';
const NOT_A_QUESTION = 'must be a question: a mapping with at least id, type and prompt';

const subQuestionSchema = z.discriminatedUnion(
  'type',
  [singleSchema, multipleSchema, trueFalseSchema, orderingSchema, matchingSchema],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `must be one of ${SUB_QUESTION_TYPES} (a scenario question cannot contain another scenario)`
        : NOT_A_QUESTION,
  },
);

const scenarioSchema = strictObject({
  id,
  type: z.literal('scenario'),
  competency: optionalText,
  module: moduleField,
  scenario: requiredText('the case text shared by the sub-questions'),
  prompt: optionalText,
  explanation: optionalText,
  questions: z
    .array(subQuestionSchema, expecting('a list of sub-questions'))
    .min(1, { error: 'needs at least 1 sub-question' }),
});

const questionSchema = z.discriminatedUnion(
  'type',
  [singleSchema, multipleSchema, trueFalseSchema, orderingSchema, matchingSchema, scenarioSchema],
  {
    error: (issue) =>
      issue.code === 'invalid_union' ? `must be one of ${SUB_QUESTION_TYPES} or scenario` : NOT_A_QUESTION,
  },
);

const settingsSchema = strictObject({
  passMark: z
    .number(expecting('a number'))
    .min(0, { error: 'must be between 0 and 100 (a percent)' })
    .max(100, { error: 'must be between 0 and 100 (a percent)' })
    .default(80),
  drawCount: z
    .number(expecting('a whole number'))
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1 (leave it out to draw every question)' })
    .optional(),
  attemptsAllowed: z
    .number(expecting('a whole number'))
    .int({ error: 'must be a whole number (0 = unlimited)' })
    .min(0, { error: 'must be 0 (unlimited) or more' })
    .default(0),
  cooldownMinutes: z.number(expecting('a number')).min(0, { error: 'must be 0 or more' }).default(0),
  timeLimitMinutes: z
    .number(expecting('a number'))
    .min(0, { error: 'must be 0 (no limit) or more' })
    .default(0),
  shuffleQuestions: flag.default(true),
  /**
   * Options, premises and responses are always shown in a new random order per attempt, so their
   * position says nothing about the key. Kept so existing files stay valid; only `true` is accepted.
   */
  shuffleOptions: z
    .literal(true, {
      error:
        'must be true (or left out): options are always shuffled per attempt, so that their position never gives the answer away',
    })
    .default(true),
  /** When the per-question review appears (docs/content-format.md, "Review policy"). */
  review: z
    .enum(['after-submit', 'after-pass', 'after-pass-or-last-attempt', 'never'], {
      error: 'must be after-submit, after-pass, after-pass-or-last-attempt or never',
    })
    .default('after-submit'),
  /** Whether the review may show the key at all (which option, order or match was right). */
  showCorrectAnswers: flag.default(true),
  /**
   * The key is shown only once the learner has passed or submitted this many attempts; before
   * that the review marks what was wrong and explains, without the right answers. 0: at once.
   */
  revealAnswersAfterAttempts: z
    .number(expecting('a whole number'))
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must be 0 (show the answers from the first attempt) or more' })
    .default(0),
  /**
   * Items drawn per module: every attempt samples every part of the course. The counts add up to
   * `drawCount`; each item then needs a `module`.
   */
  blueprint: z
    .array(
      strictObject({
        module: z
          .string(expecting('text', 'a module id'))
          .regex(QUIZ_ID_PATTERN, { error: 'must be a module id (the module folder name)' }),
        count: z
          .number(expecting('a whole number'))
          .int({ error: 'must be a whole number' })
          .min(1, { error: 'must be at least 1 (leave the row out to draw none)' }),
      }),
      expecting('a list of { module, count } rows'),
    )
    .optional(),
});

type Issue = { path: PropertyKey[]; message: string };
type ParsedSubQuestion = z.output<typeof subQuestionSchema>;

function checkSubQuestion(question: ParsedSubQuestion, path: PropertyKey[], issues: Issue[]): void {
  const label = `question "${question.id}"`;
  if (question.type === 'single' || question.type === 'multiple') {
    checkUniqueIds(question.options, [...path, 'options'], 'option', label, issues);
    const correctCount = question.options.filter((option) => option.correct).length;
    if (question.type === 'single' && correctCount !== 1) {
      issues.push({
        path: [...path, 'options'],
        message: `${label} has ${correctCount} options marked correct: a single-answer question needs exactly one "correct: true" (use type: multiple for several)`,
      });
    }
    if (question.type === 'multiple' && correctCount === 0) {
      issues.push({
        path: [...path, 'options'],
        message: `${label} has no option marked correct: mark at least one with "correct: true"`,
      });
    }
  } else if (question.type === 'ordering') {
    checkUniqueIds(question.items, [...path, 'items'], 'item', label, issues);
  } else if (question.type === 'matching') {
    checkUniqueIds(question.premises, [...path, 'premises'], 'premise', label, issues);
    checkUniqueIds(question.responses, [...path, 'responses'], 'response', label, issues);
    const responseIds = new Set(question.responses.map((response) => response.id));
    question.premises.forEach((premise, index) => {
      if (!responseIds.has(premise.match)) {
        issues.push({
          path: [...path, 'premises', index, 'match'],
          message: `names "${premise.match}", which is not a response id in ${label}: use one of ${[...responseIds].join(', ')}`,
        });
      }
    });
  }
}

function checkUniqueIds(
  entries: ReadonlyArray<{ id: string }>,
  path: PropertyKey[],
  noun: string,
  label: string,
  issues: Issue[],
): void {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.id)) {
      issues.push({
        path: [...path, index, 'id'],
        message: `${noun} id "${entry.id}" is used twice in ${label}: give each ${noun} its own id`,
      });
    }
    seen.add(entry.id);
  });
}

function checkBlueprint(
  quiz: {
    settings: z.output<typeof settingsSchema>;
    questions: ReadonlyArray<{ id: string; module?: string | undefined }>;
  },
  issues: Issue[],
): void {
  const { blueprint, drawCount } = quiz.settings;
  if (blueprint === undefined) return;
  const available = new Map<string, number>();
  quiz.questions.forEach((question, index) => {
    if (question.module === undefined) {
      issues.push({
        path: ['questions', index, 'module'],
        message: `question "${question.id}" has no module: with a blueprint every question names the module it assesses`,
      });
    } else {
      available.set(question.module, (available.get(question.module) ?? 0) + 1);
    }
  });
  const seen = new Set<string>();
  let total = 0;
  blueprint.forEach((row, index) => {
    total += row.count;
    if (seen.has(row.module)) {
      issues.push({
        path: ['settings', 'blueprint', index, 'module'],
        message: `"${row.module}" has two rows: give each module one row`,
      });
    }
    seen.add(row.module);
    const have = available.get(row.module) ?? 0;
    if (have < row.count) {
      issues.push({
        path: ['settings', 'blueprint', index, 'count'],
        message: `asks for ${row.count} items from "${row.module}" but the bank has ${have}: add items or lower the count`,
      });
    }
  });
  for (const module of available.keys()) {
    if (!seen.has(module)) {
      issues.push({
        path: ['settings', 'blueprint'],
        message: `has no row for "${module}", which questions name: add a row or correct their module`,
      });
    }
  }
  if (drawCount !== undefined && total !== drawCount) {
    issues.push({
      path: ['settings', 'blueprint'],
      message: `counts add up to ${total} but drawCount is ${drawCount}: make them equal`,
    });
  }
}

/**
 * Schema of a quiz or final-assessment YAML file (docs/content-format.md, "Quizzes").
 * Unknown fields are errors. The output has every default filled in, and
 * `settings.drawCount` resolved to the number of questions when the author left it out.
 */
export const quizSchema = strictObject({
  title: requiredText('the quiz title'),
  settings: settingsSchema.prefault({}),
  questions: z
    .array(questionSchema, expecting('a list of questions'))
    .min(1, { error: 'needs at least 1 question' }),
})
  .superRefine((quiz, context) => {
    const issues: Issue[] = [];
    const firstSeenAt = new Map<string, string>();
    const noteId = (questionId: string, path: PropertyKey[]): void => {
      const earlier = firstSeenAt.get(questionId);
      if (earlier !== undefined) {
        issues.push({
          path: [...path, 'id'],
          message: `question id "${questionId}" is already used at ${earlier}: ids must be unique in the whole file, sub-questions included`,
        });
      } else {
        firstSeenAt.set(questionId, formatIssuePath(path));
      }
    };
    quiz.questions.forEach((question, index) => {
      const path = ['questions', index];
      noteId(question.id, path);
      if (question.type === 'scenario') {
        question.questions.forEach((sub, subIndex) => {
          const subPath = [...path, 'questions', subIndex];
          noteId(sub.id, subPath);
          checkSubQuestion(sub, subPath, issues);
        });
      } else {
        checkSubQuestion(question, path, issues);
      }
    });
    checkBlueprint(quiz, issues);
    if (quiz.settings.revealAnswersAfterAttempts > 0 && !quiz.settings.showCorrectAnswers) {
      issues.push({
        path: ['settings', 'revealAnswersAfterAttempts'],
        message:
          'has no effect with showCorrectAnswers: false (the answers are never shown): remove it or set showCorrectAnswers: true',
      });
    }
    const { drawCount } = quiz.settings;
    if (drawCount !== undefined && drawCount > quiz.questions.length) {
      const available =
        quiz.questions.length === 1 ? 'is only 1 question' : `are only ${quiz.questions.length} questions`;
      issues.push({
        path: ['settings', 'drawCount'],
        message: `is ${drawCount} but there ${available} (a scenario counts as one): lower drawCount or add questions`,
      });
    }
    for (const issue of issues) context.addIssue({ code: 'custom', ...issue });
  })
  .transform((quiz) => ({
    ...quiz,
    settings: { ...quiz.settings, drawCount: quiz.settings.drawCount ?? quiz.questions.length },
  }));

export type Quiz = z.output<typeof quizSchema>;
export type QuizInput = z.input<typeof quizSchema>;
export type QuizSettings = Quiz['settings'];
/** A top-level question: any type, scenario included. */
export type Question = Quiz['questions'][number];
export type QuestionType = Question['type'];
/** A question that is answered directly: every type except scenario. */
export type AnswerableQuestion = Exclude<Question, { type: 'scenario' }>;

/** `questions[3].options[0].id` from an issue path. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/**
 * One line per issue, `file: path.to.field: what is wrong`, for authors fixing a YAML file.
 * An issue about the whole file has no path part.
 */
export function formatSchemaIssues(
  issues: ReadonlyArray<{ readonly path: ReadonlyArray<PropertyKey>; readonly message: string }>,
  fileLabel: string,
): string[] {
  return issues.map((issue) => {
    const path = formatIssuePath(issue.path);
    return path === '' ? `${fileLabel}: ${issue.message}` : `${fileLabel}: ${path}: ${issue.message}`;
  });
}

/** Parses quiz YAML data; on failure returns the `formatSchemaIssues` lines instead of throwing. */
export function parseQuiz(
  data: unknown,
  fileLabel: string,
): { ok: true; quiz: Quiz } | { ok: false; errors: string[] } {
  const result = quizSchema.safeParse(data);
  if (result.success) return { ok: true, quiz: result.data };
  return { ok: false, errors: formatSchemaIssues(result.error.issues, fileLabel) };
}
