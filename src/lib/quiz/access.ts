/**
 * Who may start a quiz attempt. Pure: the caller loads the course, the enrolment and the
 * progress (the learning-path rules); the decision lives here so that pages, the start action
 * and tests agree.
 */
import type { Role } from '#src/lib/roles.ts';
import type { CourseProgress } from '#src/lib/learning/progress.ts';
import type { CourseView } from '#src/lib/learning/structure.ts';
import { isStaff } from '#src/lib/roles.ts';

/** A module quiz (moduleId set) or the course's final assessment (moduleId null). */
export interface QuizTarget {
  courseId: string;
  moduleId: string | null;
}

export type QuizRefusal =
  /** The course, module or quiz does not exist (or is a draft the user may not see). */
  | 'not-found'
  /** Not enrolled, or withdrawn. */
  | 'not-enrolled'
  /** Sequential course: an earlier module is not complete. */
  | 'locked'
  /** The module's required lessons are not all complete. */
  | 'lessons-incomplete'
  /** The final assessment opens when every module is complete. */
  | 'modules-incomplete';

export type QuizEligibility = { ok: true; quizId: string } | { ok: false; reason: QuizRefusal };

export interface EligibilityInput {
  user: { role: Role };
  /** The course in the view this user sees (staff see drafts). */
  course: CourseView | undefined;
  enrolment: { status: 'active' | 'withdrawn' } | null;
  /** Progress in the published course; null when not enrolled or the course is a draft. */
  progress: CourseProgress | null;
  target: QuizTarget;
}

/**
 * Whether the user may start a new attempt: the quiz must belong to the course, the enrolment
 * must be active and, for learners, the module's required lessons done and the module open (a
 * final assessment needs every module complete). Trainers and admins need only an enrolment,
 * so they can try a quiz they are writing.
 */
export function decideQuizEligibility(input: EligibilityInput): QuizEligibility {
  const { course, target } = input;
  if (!course || course.id !== target.courseId) return { ok: false, reason: 'not-found' };
  let quizId: string | null;
  if (target.moduleId === null) {
    quizId = course.rules.finalAssessmentId;
  } else {
    const module = course.modules.find((candidate) => candidate.id === target.moduleId);
    quizId = module?.quizId ?? null;
  }
  if (quizId === null) return { ok: false, reason: 'not-found' };
  if (input.enrolment?.status !== 'active') return { ok: false, reason: 'not-enrolled' };
  if (isStaff(input.user.role)) return { ok: true, quizId };
  const progress = input.progress;
  if (!progress) return { ok: false, reason: 'not-found' };
  if (target.moduleId === null) {
    return progress.modules.every((module) => module.complete)
      ? { ok: true, quizId }
      : { ok: false, reason: 'modules-incomplete' };
  }
  const state = progress.modules.find((module) => module.moduleId === target.moduleId);
  if (!state) return { ok: false, reason: 'not-found' };
  if (state.state === 'locked') return { ok: false, reason: 'locked' };
  if (state.requiredDone < state.requiredTotal) return { ok: false, reason: 'lessons-incomplete' };
  return { ok: true, quizId };
}
