/**
 * What follows when a learner completes something. Learning records the completions; the
 * certificates issued automatically follow here, one level above both nouns, so that progress
 * never imports certificate code.
 */
import { issueCertificatesOnCompletion } from '#src/lib/server/certificate/issue.ts';
import type { Database } from '#src/lib/server/db.ts';
import {
  loadLearnerState,
  recordDueCompletions,
  type DueCompletions,
} from '#src/lib/server/learning/progress.ts';
import type { CourseProgress } from '#src/lib/learning/progress.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import type { LearningContext } from '#src/lib/server/learning/context.ts';

/** Issues the automatic certificates that the recorded course completions earn. */
export async function followCompletions(
  db: Database,
  catalogue: Catalogue,
  userId: string,
  recorded: DueCompletions,
  now: number,
): Promise<void> {
  if (recorded.courses.length > 0) {
    await issueCertificatesOnCompletion(db, catalogue, userId, recorded.courses, now);
  }
}

/** Records the completions due now (after a passed quiz, say) and what follows from them. */
export async function recordCompletions(
  db: Database,
  catalogue: Catalogue,
  userId: string,
  now: number,
): Promise<DueCompletions> {
  const recorded = await recordDueCompletions(db, catalogue, userId, now);
  await followCompletions(db, catalogue, userId, recorded, now);
  return recorded;
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
  const { db } = context;
  await recordCompletions(db, context.catalogue, state.userId, Date.now());
  const reloaded = state.scope
    ? await loadLearnerState(db.orm, context.catalogue, state.userId, { courseId: state.scope })
    : await loadLearnerState(db.orm, context.catalogue, state.userId);
  return { ...context, state: reloaded };
}
