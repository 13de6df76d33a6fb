/**
 * What every learning page starts from: the catalogue view the user may see and, for a signed-in
 * user, their enrolments and progress (one query).
 */
import { getDb } from '#src/lib/server/app.ts';
import type { Database } from '#src/lib/server/db.ts';
import type { CourseProgress } from '#src/lib/learning/progress.ts';
import type { Catalogue, CatalogueView } from '#src/lib/learning/structure.ts';
import { getCatalogue, viewFor } from '#src/lib/server/content/course.ts';
import { courseProgressFor, loadLearnerState, type EnrolmentRow, type LearnerState } from './progress.ts';
import type { SessionUser } from '#src/lib/server/account/session.ts';
import type { Locale } from '#src/i18n/index.ts';

export interface LearningContext {
  db: Database;
  catalogue: Catalogue;
  /** Published content, or the preview (drafts included) for trainers and admins. */
  view: CatalogueView;
  state: LearnerState | null;
}

/**
 * `locale` picks the language of the catalogue's text (English where a piece is not translated).
 * With `scope`, the state holds that course's lesson rows only (a page about one course).
 */
export async function getLearningContext(
  user: SessionUser | null,
  locale: Locale = 'en',
  scope?: { courseId: string },
): Promise<LearningContext> {
  const [db, catalogue] = [await getDb(), await getCatalogue(locale)];
  const state = !user
    ? null
    : scope
      ? await loadLearnerState(db.orm, catalogue, user.id, scope)
      : await loadLearnerState(db.orm, catalogue, user.id);
  return { db, catalogue, view: viewFor(catalogue, user), state };
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
