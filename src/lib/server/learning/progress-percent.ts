/**
 * The % complete kept on every enrolment (`enrolment.progress_percent`), so that a report over
 * every learner in progress (the progress chart) reads one column instead of working out each
 * learner's progress per request. It is the learning path's own rule (`computeCourseProgress`),
 * written in the same transaction as the progress that changes it, and rebuilt for everyone by
 * `npm run progress:rebuild` when the content changes (a lesson added or made optional changes
 * everyone's %, without any learner writing anything).
 */
import { asc, gt, sql } from 'drizzle-orm';
import { enrolment } from '#db/schema.ts';
import { computeCourseProgress } from '#src/lib/learning/progress.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import { loadLearnerStates } from './learner-states.ts';
import type { LearnerState } from './progress.ts';

export type PercentCatalogue = Pick<Catalogue, 'published' | 'aliases'>;

/** [enrolment id, % complete] for each enrolment of the state in a published course. */
function percentsOf(catalogue: PercentCatalogue, state: LearnerState): [string, number][] {
  const pairs: [string, number][] = [];
  for (const row of state.enrolments.values()) {
    const course = catalogue.published.course(row.courseId);
    // A course that is not published (a draft, a removed course) has no % to keep; reports skip it.
    if (course && row.id) pairs.push([row.id, computeCourseProgress(course, state.record, row).percent]);
  }
  return pairs;
}

/** Writes the given percentages; rows already right are not touched. Returns how many changed. */
async function storePercents(orm: Orm, pairs: readonly [string, number][]): Promise<number> {
  if (pairs.length === 0) return 0;
  const changed = await orm.all<{ id: string }>(sql`
    UPDATE enrolment SET progress_percent = pair.value ->> 1
    FROM json_each(${JSON.stringify(pairs)}) AS pair
    WHERE enrolment.id = pair.value ->> 0 AND enrolment.progress_percent IS NOT pair.value ->> 1
    RETURNING enrolment.id AS id`);
  return changed.length;
}

/**
 * Brings the kept % of each of the learner's enrolments up to date with `state`. Call it inside
 * the write transaction that changed the learner's progress, with the state read after the change
 * (every enrolment is refreshed: modules are shared between courses).
 */
export async function refreshProgressPercents(
  orm: Orm,
  catalogue: PercentCatalogue,
  state: LearnerState,
): Promise<void> {
  await storePercents(orm, percentsOf(catalogue, state));
}

/**
 * The same for a learner whose state is not loaded yet (after a passed quiz, say): reads it with
 * `orm`, so that inside a write transaction it sees that transaction's own changes.
 */
export async function refreshProgressPercentsOf(
  orm: Orm,
  catalogue: PercentCatalogue,
  userId: string,
): Promise<void> {
  const states = await loadLearnerStates(orm, catalogue, [userId]);
  const state = states.get(userId);
  if (state) await storePercents(orm, percentsOf(catalogue, state));
}

/** Learners per rebuild transaction: short enough not to hold the write queue for long. */
const REBUILD_CHUNK = 100;

/**
 * Recomputes the kept % of every enrolment from the learners' records and the current content,
 * a chunk of learners per write transaction (read and written in the same transaction, so a
 * learner's progress recorded meanwhile is never overwritten by an older figure).
 */
export async function rebuildProgressPercents(
  db: Database,
  catalogue: PercentCatalogue,
): Promise<{ enrolments: number; changed: number }> {
  let after = '';
  let enrolments = 0;
  let changed = 0;
  for (;;) {
    const users = await db.orm
      .selectDistinct({ userId: enrolment.userId })
      .from(enrolment)
      .where(gt(enrolment.userId, after))
      .orderBy(asc(enrolment.userId))
      .limit(REBUILD_CHUNK);
    const last = users[users.length - 1];
    if (!last) break;
    after = last.userId;
    const result = await db.write(async (orm) => {
      const states = await loadLearnerStates(
        orm,
        catalogue,
        users.map((row) => row.userId),
      );
      const pairs = [...states.values()].flatMap((state) => percentsOf(catalogue, state));
      return { count: pairs.length, changed: await storePercents(orm, pairs) };
    });
    enrolments += result.count;
    changed += result.changed;
  }
  return { enrolments, changed };
}
