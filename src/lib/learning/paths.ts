/** URLs of the learning pages, in one place. */
import type { NextStep } from './progress.ts';
import { lessonModuleId, lessonSlug } from './structure.ts';

export function courseHref(courseId: string): string {
  return `/courses/${courseId}`;
}

export function moduleHref(courseId: string, moduleId: string): string {
  return `/courses/${courseId}/${moduleId}`;
}

export function lessonHref(courseId: string, lessonId: string): string {
  return `/courses/${courseId}/${lessonModuleId(lessonId)}/${lessonSlug(lessonId)}`;
}

/** The module quiz page (the assessment engine's). */
export function moduleQuizHref(courseId: string, moduleId: string): string {
  return `/courses/${courseId}/${moduleId}/quiz`;
}

/** The final assessment page (the assessment engine's). */
export function finalAssessmentHref(courseId: string): string {
  return `/courses/${courseId}/assessment`;
}

/** A module's assignment page (assessed casework). */
export function assignmentHref(courseId: string, moduleId: string): string {
  return `/courses/${courseId}/${moduleId}/assignment`;
}

/** The practical sessions a learner can book, for one course. */
export function sessionsHref(courseId: string): string {
  return `/sessions?course=${encodeURIComponent(courseId)}`;
}

export function nextStepHref(courseId: string, next: NextStep): string {
  switch (next.kind) {
    case 'lesson':
      return lessonHref(courseId, next.lessonId);
    case 'module-quiz':
      return moduleQuizHref(courseId, next.moduleId);
    case 'assignment':
    case 'waiting':
      return assignmentHref(courseId, next.moduleId);
    case 'final-assessment':
      return finalAssessmentHref(courseId);
    case 'practical':
      return sessionsHref(courseId);
    case 'done':
      return courseHref(courseId);
  }
}
