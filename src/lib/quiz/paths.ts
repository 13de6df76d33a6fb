/** URLs of the quiz pages, for a module quiz or a course's final assessment. */
import { finalAssessmentHref, moduleQuizHref } from '#src/lib/learning/paths.ts';
import type { QuizTarget } from './access.ts';

/** The quiz landing page: `/courses/<course>/<module>/quiz` or `/courses/<course>/assessment`. */
export function quizHref(target: QuizTarget): string {
  return target.moduleId === null
    ? finalAssessmentHref(target.courseId)
    : moduleQuizHref(target.courseId, target.moduleId);
}

/** The player, on a page of the form (0-based) or on the confirmation step. */
export function quizTakeHref(target: QuizTarget, view: { page?: number; review?: boolean } = {}): string {
  const base = `${quizHref(target)}/take`;
  if (view.review) return `${base}?step=review`;
  return view.page ? `${base}?page=${view.page + 1}` : base;
}

/** The result of one attempt, by its number. */
export function quizResultHref(target: QuizTarget, attemptNumber: number): string {
  return `${quizHref(target)}/attempts/${attemptNumber}`;
}

/** Where the player posts a submission (an endpoint: see lib/server/quiz/submit.ts). */
export function quizSubmitHref(target: QuizTarget): string {
  return `${quizHref(target)}/submit`;
}
