/**
 * The lesson reader's data, the hottest page: after the session lookup (middleware) one query
 * reads the learner's state in this course, and at most one write moves the resume point.
 * Everything derived from content is built once per process (content/course.ts). The page calls
 * `loadLessonPage` and renders its data, or answers with its Response (404, redirects).
 */
import type { AstroGlobal } from 'astro';
import { formActions } from '#src/lib/server/http/form-actions.ts';
import { decideReadAccess, decideRecordAccess, type ReadAccess } from '#src/lib/learning/access.ts';
import { courseHref, lessonHref, moduleQuizHref } from '#src/lib/learning/paths.ts';
import {
  computeCourseProgress,
  type CourseProgress,
  type ModuleProgress,
} from '#src/lib/learning/progress.ts';
import type { CourseView, LessonView, ModuleView } from '#src/lib/learning/structure.ts';
import type { Locale } from '#src/i18n/index.ts';
import { getDb } from '#src/lib/server/app.ts';
import { isLessonComplete } from '#src/lib/learning/progress.ts';
import { getCatalogue, renderLesson, viewFor } from '#src/lib/server/content/course.ts';
import type { CompleteLessonResult, EnrolmentRow, LearnerState, UndoCompletionResult } from './progress.ts';
import { loadLearnerState, recordLessonView } from './progress.ts';

/** Why "Mark as complete" or its undo recorded nothing (each has a message, `lesson.error.*`). */
export type LessonActionRefusal =
  | Extract<CompleteLessonResult, { ok: false }>['reason']
  | Extract<UndoCompletionResult, { ok: false }>['reason'];

/** Where "Next" leads from a lesson: the next lesson, or the module quiz after a module's last. */
export type NextItem =
  { kind: 'lesson'; lesson: LessonView; href: string } | { kind: 'module-quiz'; href: string };

export interface LessonPageData {
  course: CourseView;
  module: ModuleView;
  lesson: LessonView;
  /** The lesson's address (forms post back to it). */
  here: string;
  state: LearnerState | null;
  enrolment: EnrolmentRow | null;
  progress: CourseProgress | null;
  moduleState: ModuleProgress | null;
  access: ReadAccess;
  /** The signed-in user may record progress here (enrolled, open module, published lesson). */
  canRecord: boolean;
  isPublished: boolean;
  /** The rendered body and its language, when the body may be read. */
  body: Awaited<ReturnType<typeof renderLesson>>;
  completedAt: number | null;
  previous: LessonView | null;
  next: NextItem | null;
  /** Position of the lesson in its module (1-based). */
  position: number;
  /** A refusal of the complete or undo action just posted, shown with status 400. */
  actionError: LessonActionRefusal | null;
  /** `?undone=1`: the learner just took a completion back. */
  undone: boolean;
  /**
   * Cache keys of the outline and the pager (`RenderOnce`): everything their HTML depends on.
   * The pager is the same for every reader of the lesson in a language and view; the outline adds
   * the module's status label and which of its lessons this learner has completed, so a handful
   * of variants per lesson serve every learner (issue #20: render only what differs).
   */
  outlineKey: string;
  pagerKey: string;
}

/** The item after `lesson` in reading order, as the pager shows it. */
export function nextItemAfter(course: CourseView, module: ModuleView, lesson: LessonView): NextItem | null {
  if (module.quizId !== null && lesson === module.lessons[module.lessons.length - 1])
    return { kind: 'module-quiz', href: moduleQuizHref(course.id, module.id) };
  const index = course.lessons.indexOf(lesson);
  const next = index >= 0 ? course.lessons[index + 1] : undefined;
  return next ? { kind: 'lesson', lesson: next, href: lessonHref(course.id, next.id) } : null;
}

function signInAgain(astro: AstroGlobal, here: string): Response {
  return astro.redirect(`/sign-in?next=${encodeURIComponent(here)}&expired=1`, 303);
}

/**
 * Follows the complete / undo actions (a completed lesson moves on to the next item, with the
 * undo offered there), then loads what the page shows.
 */
export async function loadLessonPage(astro: AstroGlobal): Promise<Response | LessonPageData> {
  const { user, locale } = astro.locals as { user: App.Locals['user']; locale: Locale };
  const catalogue = await getCatalogue(locale);
  const view = viewFor(catalogue, user);
  const course = view.course(astro.params.course ?? '');
  const module = course && view.module(course.id, astro.params.module ?? '');
  const lesson = course && module && view.lesson(course.id, module.id, astro.params.lesson ?? '');
  if (!course || !module || !lesson) return new Response(null, { status: 404 });
  const here = lessonHref(course.id, lesson.id);
  const next = nextItemAfter(course, module, lesson);

  const completion = astro.getActionResult(formActions.completeLesson);
  if (completion?.data?.ok) {
    const { courseCompleted, moduleCompleted } = completion.data;
    const done = courseCompleted ? 'course' : moduleCompleted ? 'module' : 'lesson';
    const to = courseCompleted || !next ? courseHref(course.id) : next.href;
    const query = new URLSearchParams({ done, completed: lesson.id });
    return astro.redirect(`${to}?${query.toString()}`, 303);
  }
  const undo = astro.getActionResult(formActions.undoLessonComplete);
  if (undo?.data?.ok) return astro.redirect(`${here}?undone=1`, 303);
  if (completion?.error?.code === 'UNAUTHORIZED' || undo?.error?.code === 'UNAUTHORIZED')
    return signInAgain(astro, here);
  const actionError: LessonActionRefusal | null =
    completion?.data && !completion.data.ok
      ? completion.data.reason
      : undo?.data && !undo.data.ok
        ? undo.data.reason
        : completion?.error || undo?.error
          ? 'not-found'
          : null;
  if (actionError) astro.response.status = 400;

  const db = user ? await getDb() : null;
  const state =
    db && user ? await loadLearnerState(db.orm, catalogue, user.id, { courseId: course.id }) : null;
  const enrolment = state?.enrolments.get(course.id) ?? null;
  const publishedCourse = catalogue.published.course(course.id);
  const progress =
    state && publishedCourse ? computeCourseProgress(publishedCourse, state.record, enrolment) : null;
  const access = decideReadAccess({ user, enrolment, progress, moduleId: module.id });
  const isPublished = catalogue.published.lesson(course.id, module.id, lesson.slug) !== undefined;
  const canRecord = decideRecordAccess({
    user,
    enrolment,
    progress,
    moduleId: module.id,
    lessonDraft: !isPublished,
  }).ok;
  if (db && state && canRecord && access.kind === 'read')
    await recordLessonView(db, state, lesson.id, Date.now());
  const body = access.kind === 'read' ? await renderLesson(lesson.id, locale) : null;
  const index = view.lessonIndex(course.id, lesson.id);
  const moduleState = progress?.modules.find((candidate) => candidate.moduleId === module.id) ?? null;
  const record = state?.record;
  const shown = `${view === catalogue.preview ? 'preview' : 'published'}:${locale}:${course.id}:${lesson.id}`;
  const completed = module.lessons
    .map((item) => (record && isLessonComplete(record, item.id) ? 1 : 0))
    .join('');
  const moduleLabel = moduleState && enrolment?.status === 'active' ? moduleState.state : 'none';
  return {
    course,
    module,
    lesson,
    here,
    state,
    enrolment,
    progress,
    moduleState,
    access,
    canRecord,
    isPublished,
    body,
    completedAt: state?.record.lessons.get(lesson.id)?.completedAt ?? null,
    previous: (index > 0 ? course.lessons[index - 1] : undefined) ?? null,
    next,
    position: module.lessons.indexOf(lesson) + 1,
    actionError,
    undone: astro.url.searchParams.get('undone') === '1',
    outlineKey: `outline:${shown}:${moduleLabel}:${completed}`,
    pagerKey: `pager:${shown}`,
  };
}
