/**
 * Learners in progress: active enrolments of active learner accounts that are not complete yet,
 * with % complete by the learning path's rule (computed in SQL, see progress-sql.ts), and who has
 * been inactive for 30 days or more.
 */
import { and, count, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { enrolment, organisation, user } from '#db/schema.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import type { Database } from '#src/lib/server/db.ts';
import { courseShape, percentsFor } from '#src/lib/server/learning/progress-sql.ts';
import { DAY_MS } from '#src/lib/time.ts';

export const INACTIVE_AFTER_MS = 30 * DAY_MS;

export interface ProgressFilters {
  /** The courses to include: the published ones, or the one chosen. */
  courseIds: readonly string[];
  employerId: string | null;
  inactiveOnly: boolean;
  now: number;
  /** Whose learners the viewer may see (learnerScope of src/lib/server/employer/access.ts); all when absent. */
  scope?: SQL | undefined;
}

/** When the learner was last seen: their last request, or the enrolment when they never came back. */
const lastSeen = sql<number>`coalesce(${user.lastActiveAt}, ${enrolment.enrolledAt})`;

function progressConditions(filters: ProgressFilters): SQL | undefined {
  return and(
    eq(enrolment.status, 'active'),
    isNull(enrolment.completedAt),
    eq(user.role, 'learner'),
    eq(user.status, 'active'),
    // An empty list must match nothing, not everything.
    filters.courseIds.length > 0 ? inArray(enrolment.courseId, [...filters.courseIds]) : sql`0`,
    filters.employerId ? eq(user.organisationId, filters.employerId) : undefined,
    filters.inactiveOnly ? lt(lastSeen, filters.now - INACTIVE_AFTER_MS) : undefined,
    filters.scope,
  );
}

export interface InProgressRow {
  enrolmentId: string;
  userId: string;
  fullName: string;
  email: string;
  /** Null for an independent learner. */
  employerId: string | null;
  employerName: string | null;
  courseId: string;
  enrolledAt: number;
  lastSeenAt: number;
  inactive: boolean;
}

const rowColumns = {
  enrolmentId: enrolment.id,
  userId: user.id,
  fullName: user.fullName,
  email: user.email,
  employerId: organisation.id,
  employerName: organisation.name,
  courseId: enrolment.courseId,
  enrolledAt: enrolment.enrolledAt,
  lastSeenAt: lastSeen,
};

function toRow(
  row: { enrolledAt: Date; lastSeenAt: number } & Omit<
    InProgressRow,
    'enrolledAt' | 'lastSeenAt' | 'inactive'
  >,
  now: number,
): InProgressRow {
  const lastSeenAt = Number(row.lastSeenAt);
  return {
    ...row,
    enrolledAt: row.enrolledAt.getTime(),
    lastSeenAt,
    inactive: now - lastSeenAt >= INACTIVE_AFTER_MS,
  };
}

/** One page, least recently seen first, with the totals for the filters. */
export async function listInProgress(
  db: Database,
  filters: ProgressFilters,
  page: number,
  pageSize: number,
): Promise<{ rows: InProgressRow[]; total: number; inactive: number }> {
  const where = progressConditions(filters);
  const [totals] = await db.orm
    .select({
      total: count(),
      inactive: sql<number>`coalesce(sum(CASE WHEN ${lastSeen} < ${filters.now - INACTIVE_AFTER_MS} THEN 1 ELSE 0 END), 0)`,
    })
    .from(enrolment)
    .innerJoin(user, eq(user.id, enrolment.userId))
    .where(where);
  const rows = await db.orm
    .select(rowColumns)
    .from(enrolment)
    .innerJoin(user, eq(user.id, enrolment.userId))
    .leftJoin(organisation, eq(organisation.id, user.organisationId))
    .where(where)
    .orderBy(lastSeen, enrolment.id)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    rows: rows.map((row) => toRow(row, filters.now)),
    total: Number(totals?.total ?? 0),
    inactive: Number(totals?.inactive ?? 0),
  };
}

export interface ProgressCursor {
  lastSeenAt: number;
  id: string;
}

/** The next `limit` rows after `cursor` in the same order (keyset paging), for the CSV and the chart. */
export async function listInProgressAfter(
  db: Database,
  filters: ProgressFilters,
  cursor: ProgressCursor | null,
  limit: number,
): Promise<{ rows: InProgressRow[]; next: ProgressCursor | undefined }> {
  const after = cursor
    ? sql`(${lastSeen}, ${enrolment.id}) > (${cursor.lastSeenAt}, ${cursor.id})`
    : undefined;
  const rows = await db.orm
    .select(rowColumns)
    .from(enrolment)
    .innerJoin(user, eq(user.id, enrolment.userId))
    .leftJoin(organisation, eq(organisation.id, user.organisationId))
    .where(and(progressConditions(filters), after))
    .orderBy(lastSeen, enrolment.id)
    .limit(limit);
  const mapped = rows.map((row) => toRow(row, filters.now));
  const last = mapped[mapped.length - 1];
  return {
    rows: mapped,
    next: last && mapped.length === limit ? { lastSeenAt: last.lastSeenAt, id: last.enrolmentId } : undefined,
  };
}

export interface WithProgress {
  percent: number;
  itemsDone: number;
  itemsTotal: number;
}

type ReportCatalogue = Pick<Catalogue, 'published' | 'aliases'>;

/** Adds each row's % complete: one statement per course (progress-sql.ts), whatever the number of rows. */
export async function attachProgress<Row extends { userId: string; courseId: string }>(
  db: Database,
  catalogue: ReportCatalogue,
  rows: readonly Row[],
): Promise<(Row & WithProgress)[]> {
  const byCourse = new Map<string, Set<string>>();
  for (const row of rows)
    byCourse.set(row.courseId, (byCourse.get(row.courseId) ?? new Set()).add(row.userId));
  const percents = new Map<string, WithProgress>();
  for (const [courseId, userIds] of byCourse) {
    const course = catalogue.published.course(courseId);
    if (!course) continue;
    const found = await percentsFor(
      db,
      courseShape(course, catalogue.aliases),
      sql`SELECT value FROM json_each(${JSON.stringify([...userIds])})`,
    );
    for (const [userId, progress] of found) percents.set(`${courseId} ${userId}`, progress);
  }
  return rows.map((row) => ({
    ...row,
    ...(percents.get(`${row.courseId} ${row.userId}`) ?? { percent: 0, itemsDone: 0, itemsTotal: 0 }),
  }));
}

export interface ProgressBand {
  /** Inclusive bounds in percent. */
  from: number;
  to: number;
  count: number;
}

const bandBounds: [number, number][] = [
  [0, 0],
  [1, 24],
  [25, 49],
  [50, 74],
  [75, 99],
  [100, 100],
];

/**
 * How far the learners in progress have got: counts per band (0%, 1–24% … 75–99%, and 100% for
 * work finished but not recorded yet), from the % kept on each enrolment
 * (learning/progress-percent.ts) in one grouped statement, however many learners there are.
 */
export async function summariseProgressBands(
  db: Database,
  filters: ProgressFilters,
): Promise<ProgressBand[]> {
  const bands = bandBounds.map(([from, to]) => ({ from, to, count: 0 }));
  // The bounds are this module's constants, written into the SQL so that the grouped expression
  // is the selected one.
  const band = sql.raw(
    `CASE ${bandBounds.map(([from, to], index) => `WHEN enrolment.progress_percent BETWEEN ${from} AND ${to} THEN ${index}`).join(' ')} ELSE 0 END`,
  );
  const rows = await db.orm
    .select({ band: sql<number>`${band}`, count: count() })
    .from(enrolment)
    .innerJoin(user, eq(user.id, enrolment.userId))
    .where(progressConditions(filters))
    .groupBy(band);
  for (const row of rows) {
    const target = bands[Number(row.band)];
    if (target) target.count += Number(row.count);
  }
  return bands;
}
