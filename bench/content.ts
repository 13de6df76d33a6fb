/**
 * The course content as the bench and the reliability checks need it: read from the files the
 * app is built from (the same schemas as the content collections), so every lesson id, quiz id
 * and answer the load generator sends is one the server knows.
 */
import { answerFields } from '#src/lib/quiz/rules.ts';
import type { PlayerAnswer } from '#src/lib/quiz/types.ts';
import {
  buildCatalogue,
  type Catalogue,
  type CatalogueInput,
  type CourseView,
} from '#src/lib/learning/structure.ts';
import { readContentTree } from '#src/lib/server/content/files.ts';
import { toPublicAnswers, type Answers } from '#src/lib/server/quiz/answers.ts';
import { answerableQuestions, resolveLayout, type AttemptLayout } from '#src/lib/server/quiz/draw.ts';
import { toPublicQuestions } from '#src/lib/server/quiz/public-view.ts';
import type { AnswerableQuestion, Quiz } from '#src/lib/server/quiz/schema.ts';
import { toQuizContent, type QuizContent } from '#src/lib/server/quiz/source.ts';

export interface BenchContent {
  catalogue: Catalogue;
  /** Published courses in catalogue order. */
  courses: CourseView[];
  /** Module quizzes and final assessments by id. */
  quizzes: ReadonlyMap<string, QuizContent>;
}

/**
 * What the catalogue and the quizzes are built from, as plain JSON: a child process can rebuild
 * the content from it without reading and parsing every content file again.
 */
export interface ContentSnapshot {
  courses: { id: string; data: CatalogueInput['courses'][number]['data'] }[];
  modules: { id: string; data: CatalogueInput['modules'][number]['data'] }[];
  lessons: { id: string; data: CatalogueInput['lessons'][number]['data'] }[];
  quizzes: { id: string; data: Quiz }[];
  assessments: { id: string; data: Quiz }[];
  /** Ids of the published module assignments (each is its module's id). */
  assignments: string[];
}

/** Reads and validates the content under `projectRoot`; throws when the files have problems. */
export function readContentSnapshot(projectRoot: string = process.cwd()): ContentSnapshot {
  const tree = readContentTree(projectRoot);
  if (tree.problems.length > 0)
    throw new Error(`The content has problems; run npm run content:check.\n${tree.problems.join('\n')}`);
  const plain = <T>(entries: readonly { id: string; data: T }[]) =>
    entries.map(({ id, data }) => ({ id, data }));
  return {
    courses: plain(tree.courses),
    modules: plain(tree.modules),
    lessons: plain(tree.lessons),
    quizzes: plain(tree.quizzes),
    assessments: plain(tree.assessments),
    assignments: (tree.assignments ?? []).filter((entry) => !entry.data.draft).map((entry) => entry.id),
  };
}

/** The catalogue and the quizzes, built from a snapshot as the app builds them from collections. */
export function contentFromSnapshot(snapshot: ContentSnapshot): BenchContent {
  const catalogue = buildCatalogue({
    courses: snapshot.courses,
    modules: snapshot.modules,
    lessons: snapshot.lessons,
    quizIds: snapshot.quizzes.map((quiz) => quiz.id),
    assessmentIds: snapshot.assessments.map((assessment) => assessment.id),
    assignmentIds: snapshot.assignments,
  });
  const quizzes = new Map<string, QuizContent>();
  for (const entry of snapshot.quizzes) quizzes.set(entry.id, toQuizContent(entry.id, 'module', entry.data));
  for (const entry of snapshot.assessments)
    quizzes.set(entry.id, toQuizContent(entry.id, 'assessment', entry.data));
  return { catalogue, courses: catalogue.published.courses, quizzes };
}

/** Reads the content files under `projectRoot` and builds the catalogue and the quizzes. */
export function loadBenchContent(projectRoot: string = process.cwd()): BenchContent {
  return contentFromSnapshot(readContentSnapshot(projectRoot));
}

/** The published course with this id; throws when the content no longer has it. */
export function requireCourse(content: BenchContent, courseId: string): CourseView {
  const course = content.catalogue.published.course(courseId);
  if (!course) throw new Error(`The bench needs the published course "${courseId}".`);
  return course;
}

/** The quiz with this id (module id or assessment id); throws when it does not exist. */
export function requireQuiz(content: BenchContent, quizId: string): QuizContent {
  const quiz = content.quizzes.get(quizId);
  if (!quiz) throw new Error(`The bench needs the quiz "${quizId}".`);
  return quiz;
}

/** The right answer to a question, in the shape the grader and the player form use. */
export function rightAnswer(question: AnswerableQuestion): PlayerAnswer {
  switch (question.type) {
    case 'single':
      return question.options.find((option) => option.correct)?.id ?? '';
    case 'multiple':
      return question.options.filter((option) => option.correct).map((option) => option.id);
    case 'truefalse':
      return String(question.answer);
    case 'ordering':
      return question.items.map((item) => item.id);
    case 'matching':
      return Object.fromEntries(question.premises.map((premise) => [premise.id, premise.match]));
  }
}

/** Right answers to every question drawn in `layout`, as stored in `quiz_attempt.answers`. */
export function rightAnswers(quiz: Quiz, layout: AttemptLayout): Answers {
  const answers: Answers = {};
  for (const { question } of answerableQuestions(resolveLayout(quiz, layout)))
    answers[question.id] = rightAnswer(question);
  return answers;
}

/**
 * The player's form fields answering every question of `layout` rightly (`q:<id>` ...), as the
 * browser posts them with `scope=all`.
 */
export function rightAnswerFields(quiz: Quiz, layout: AttemptLayout): [string, string][] {
  // The browser names options by the attempt's opaque tokens, not the authored ids.
  const shown = rightPublicAnswers(quiz, layout);
  const fields: [string, string][] = [];
  for (const question of toPublicQuestions(quiz, layout)) {
    for (const answerable of question.type === 'scenario' ? question.questions : [question]) {
      if (Object.hasOwn(shown, answerable.id)) fields.push(...answerFields(answerable, shown[answerable.id]));
    }
  }
  return fields;
}

/** Right answers to every question drawn in `layout`, in the opaque ids the island sends. */
export function rightPublicAnswers(quiz: Quiz, layout: AttemptLayout): Answers {
  return toPublicAnswers(quiz, layout, rightAnswers(quiz, layout));
}
