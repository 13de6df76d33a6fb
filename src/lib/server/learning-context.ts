/**
 * What every learning page starts from: the catalogue view the user may see and, for a signed-in
 * user, their enrolments and progress (one query).
 */
import type { CourseProgress } from '../course-progress.ts';
import type { Catalogue, CatalogueView } from '../course-structure.ts';
import { getDb } from './app.ts';
import { getCatalogue, viewFor } from './course.ts';
import {
  courseProgressFor,
  loadLearnerState,
  recordDueCompletions,
  type EnrolmentRow,
  type LearnerState,
} from './progress.ts';
import type { SessionUser } from './session.ts';

export interface LearningContext {
  catalogue: Catalogue;
  /** Published content, or the preview (drafts included) for trainers and admins. */
  view: CatalogueView;
  state: LearnerState | null;
}

export async function getLearningContext(user: SessionUser | null): Promise<LearningContext> {
  const catalogue = await getCatalogue();
  const state = user ? await loadLearnerState((await getDb()).orm, catalogue, user.id) : null;
  return { catalogue, view: viewFor(catalogue, user), state };
}

export function enrolmentIn(context: LearningContext, courseId: string): EnrolmentRow | null {
  return context.state?.enrolments.get(courseId) ?? null;
}

/** The user's progress in a published course (drafts never count), or null when signed out. */
export function progressIn(context: LearningContext, courseId: string): CourseProgress | null {
  const course = context.catalogue.published.course(courseId);
  if (!context.state || !course) return null;
  return courseProgressFor(context.state, course);
}

/**
 * Records completions the rules now grant but nobody recorded yet (a quiz passed elsewhere, an
 * interrupted write), then reloads the state. Costs nothing when nothing is due.
 */
export async function settleDueCompletions(
  context: LearningContext,
  progress: ReadonlyArray<CourseProgress | null>,
): Promise<LearningContext> {
  if (!context.state) return context;
  const state = context.state;
  const due = progress.some(
    (entry) =>
      entry &&
      state.enrolments.get(entry.courseId)?.status === 'active' &&
      (entry.due.course || entry.due.modules.length > 0),
  );
  if (!due) return context;
  const db = await getDb();
  await recordDueCompletions(db, context.catalogue, state.userId, Date.now());
  return { ...context, state: await loadLearnerState(db.orm, context.catalogue, state.userId) };
}
