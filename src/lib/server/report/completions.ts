/**
 * Completions report: learners' course completions (enrolment.completedAt, set once and never
 * cleared) in a date range, by course, by employer and by day. Only learner accounts count:
 * trainers and admins who try a course are not the programme's learners.
 */
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { enrolment, organisation, user } from '#db/schema.ts';
import type { Database } from '#src/lib/server/db.ts';
import { MALAYSIA_OFFSET_MS } from '#src/lib/time.ts';

export interface CompletionFilters {
  startMs: number;
  /** Exclusive. */
  endMs: number;
  courseId: string | null;
  employerId: string | null;
}

function completionConditions(filters: CompletionFilters): SQL | undefined {
  return and(
    gte(enrolment.completedAt, new Date(filters.startMs)),
    lt(enrolment.completedAt, new Date(filters.endMs)),
    eq(user.role, 'learner'),
    filters.courseId ? eq(enrolment.courseId, filters.courseId) : undefined,
    filters.employerId ? eq(user.organisationId, filters.employerId) : undefined,
  );
}

export interface CompletionSummary {
  total: number;
  byCourse: { courseId: string; count: number }[];
  /** Independent learners (no employer) come as one row with null id and name. */
  byEmployer: { employerId: string | null; employerName: string | null; count: number }[];
  /** Malaysia dates (`YYYY-MM-DD`) with at least one completion. */
  byDay: { day: string; count: number }[];
}

export async function summariseCompletions(
  db: Database,
  filters: CompletionFilters,
): Promise<CompletionSummary> {
  const where = completionConditions(filters);
  const counted = sql<number>`count(*)`;
  const byCourse = await db.orm
    .select({ courseId: enrolment.courseId, count: counted })
    .from(enrolment)
    .innerJoin(user, eq(user.id, enrolment.userId))
    .where(where)
    .groupBy(enrolment.courseId)
    .orderBy(desc(counted), enrolment.courseId);
  const byEmployer = await db.orm
    .select({ employerId: organisation.id, employerName: organisation.name, count: counted })
    .from(enrolment)
    .innerJoin(user, eq(user.id, enrolment.userId))
    .leftJoin(organisation, eq(organisation.id, user.organisationId))
    .where(where)
    .groupBy(organisation.id)
    .orderBy(desc(counted), organisation.nameKey);
  // Malaysia is UTC+8 all year: shift by 8 hours before taking the date.
  const day = sql<string>`strftime('%Y-%m-%d', (${enrolment.completedAt} + ${MALAYSIA_OFFSET_MS}) / 1000, 'unixepoch')`;
  const byDay = await db.orm
    .select({ day, count: counted })
    .from(enrolment)
    .innerJoin(user, eq(user.id, enrolment.userId))
    .where(where)
    .groupBy(day)
    .orderBy(day);
  const numbered = <T extends { count: number }>(rows: T[]): T[] =>
    rows.map((row) => ({ ...row, count: Number(row.count) }));
  return {
    total: byCourse.reduce((sum, row) => sum + Number(row.count), 0),
    byCourse: numbered(byCourse),
    byEmployer: numbered(byEmployer),
    byDay: numbered(byDay),
  };
}

export interface CompletionRow {
  enrolmentId: string;
  userId: string;
  fullName: string;
  email: string;
  employerName: string | null;
  courseId: string;
  enrolledAt: number;
  completedAt: number;
}

export interface CompletionCursor {
  completedAt: number;
  id: string;
}

/** The next `limit` completions after `cursor`, oldest first (keyset paging on the completion index). */
export async function listCompletionsAfter(
  db: Database,
  filters: CompletionFilters,
  cursor: CompletionCursor | null,
  limit: number,
): Promise<{ rows: CompletionRow[]; next: CompletionCursor | undefined }> {
  const after = cursor
    ? sql`(${enrolment.completedAt}, ${enrolment.id}) > (${cursor.completedAt}, ${cursor.id})`
    : undefined;
  const rows = await db.orm
    .select({
      enrolmentId: enrolment.id,
      userId: user.id,
      fullName: user.fullName,
      email: user.email,
      employerName: organisation.name,
      courseId: enrolment.courseId,
      enrolledAt: enrolment.enrolledAt,
      completedAt: enrolment.completedAt,
    })
    .from(enrolment)
    .innerJoin(user, eq(user.id, enrolment.userId))
    .leftJoin(organisation, eq(organisation.id, user.organisationId))
    .where(and(completionConditions(filters), after))
    .orderBy(enrolment.completedAt, enrolment.id)
    .limit(limit);
  const mapped = rows.map((row) => ({
    ...row,
    enrolledAt: row.enrolledAt.getTime(),
    completedAt: row.completedAt?.getTime() ?? 0,
  }));
  const last = mapped[mapped.length - 1];
  return {
    rows: mapped,
    next:
      last && mapped.length === limit ? { completedAt: last.completedAt, id: last.enrolmentId } : undefined,
  };
}
