/**
 * The course overview's data (`/courses/[course]`): the learner's state in this course (one
 * query), completions due but not recorded (settled here, so this composes learning with
 * completion.ts), the assignment titles and the manager's due date. The page calls
 * `loadCourseOverview` and renders its data, or answers with its Response.
 */
import type { AstroGlobal } from 'astro';
import { actions } from 'astro:actions';
import type { Locale } from '#src/i18n/index.ts';
import { courseHref } from '#src/lib/learning/paths.ts';
import type { CourseProgress, ModuleProgress } from '#src/lib/learning/progress.ts';
import { isLessonComplete } from '#src/lib/learning/progress.ts';
import type { CourseView } from '#src/lib/learning/structure.ts';
import { listAssignmentTitles } from '#src/lib/server/assignment/content.ts';
import { settleDueCompletions } from '#src/lib/server/completion.ts';
import { enrolmentIn, getLearningContext, progressIn } from '#src/lib/server/learning/context.ts';
import type { EnrolmentRow, LearnerState } from '#src/lib/server/learning/progress.ts';

export interface CourseOverviewData {
  course: CourseView;
  state: LearnerState | null;
  enrolment: EnrolmentRow | null;
  /** Enrolled and not withdrawn: progress and the next step are shown. */
  active: boolean;
  progress: CourseProgress | null;
  moduleStates: ReadonlyMap<string, ModuleProgress>;
  /** The module holding the next step (its lessons are listed open), if any. */
  nextModuleId: string | null;
  /** Assignment titles by assignment id, in the reader's language. */
  assignmentTitles: ReadonlyMap<string, string>;
  /** The date a manager set for finishing the course, while it is not finished. */
  dueAt: number | null;
  /**
   * Cache key of each module's row in the module list (`RenderOnce`): everything the row shows
   * (module, language, view, the learner's state of it, which of its lessons they completed,
   * whether it holds the next step or the lock note). Learners at the same point share the HTML,
   * so only rows that differ are rendered (issue #20).
   */
  moduleRowKeys: ReadonlyMap<string, string>;
}

/** Follows the enrol / withdraw actions, then loads what the page shows. */
export async function loadCourseOverview(astro: AstroGlobal): Promise<Response | CourseOverviewData> {
  const { user, locale } = astro.locals as { user: App.Locals['user']; locale: Locale };
  const courseId = astro.params.course ?? '';
  const enrolResult = astro.getActionResult(actions.learning.enrol);
  if (enrolResult?.data?.ok)
    return astro.redirect(`${courseHref(courseId)}?enrolled=${enrolResult.data.outcome}`, 303);
  const withdrawResult = astro.getActionResult(actions.learning.withdraw);
  if (withdrawResult?.data?.ok) return astro.redirect(`${courseHref(courseId)}?withdrawn=1`, 303);
  if (enrolResult?.error?.code === 'UNAUTHORIZED' || withdrawResult?.error?.code === 'UNAUTHORIZED')
    return astro.redirect(`/sign-in?next=${encodeURIComponent(courseHref(courseId))}&expired=1`, 303);

  let context = await getLearningContext(user, locale, { courseId });
  const course = context.view.course(courseId);
  if (!course) return new Response(null, { status: 404 });
  context = await settleDueCompletions(context, [progressIn(context, courseId)]);
  const progress = progressIn(context, courseId);
  const enrolment = enrolmentIn(context, courseId);
  const active = enrolment?.status === 'active';
  const next = progress?.next;
  const nextModuleId =
    next && 'moduleId' in next
      ? next.moduleId
      : (progress?.modules.find((module) => !module.complete)?.moduleId ?? null);
  const moduleStates = new Map(progress?.modules.map((module) => [module.moduleId, module]));
  const firstLocked = active ? progress?.modules.find((module) => module.state === 'locked') : undefined;
  const record = context.state?.record;
  const shown = `${context.view === context.catalogue.preview ? 'preview' : 'published'}:${locale}:${course.id}`;
  const moduleRowKeys = new Map(
    course.modules.map((module) => {
      const state = active ? moduleStates.get(module.id) : undefined;
      const learner = [
        state?.state ?? '',
        state ? `${state.itemsDone}/${state.itemsTotal}` : '',
        state?.quiz?.passed ? 'quiz' : '',
        state?.assignment?.status ?? '',
        state && firstLocked?.moduleId === module.id ? `locked-by-${state.lockedBy ?? ''}` : '',
        // The page marks completed lessons whenever the learner is enrolled (a draft course too).
        active && record
          ? module.lessons.map((lesson) => (isLessonComplete(record, lesson.id) ? 1 : 0)).join('')
          : '',
      ].join(':');
      const next = active && module.id === nextModuleId ? 'next' : '';
      return [module.id, `module-row:${shown}:${module.id}:${next}:${learner}`];
    }),
  );
  const assignmentTitles = await listAssignmentTitles(
    course.modules.flatMap((module) => (module.assignmentId ? [module.assignmentId] : [])),
    locale,
  );
  return {
    course,
    state: context.state,
    enrolment,
    active,
    progress,
    moduleStates,
    nextModuleId: active ? nextModuleId : null,
    assignmentTitles,
    dueAt: active && enrolment?.completedAt === null ? (enrolment.dueAt ?? null) : null,
    moduleRowKeys,
  };
}
