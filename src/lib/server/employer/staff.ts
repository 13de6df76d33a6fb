/**
 * An employer's staff and where each stands with each course: the employer workspace's list,
 * summary chart, CSV export and learner record all read this one statement. The state of a row is
 * decided here, in SQL, so that a list of thousands filters, sorts and pages in the database:
 *
 * no published enrolment → not-assigned; a current certificate → expired / expiring-30/60/90 /
 * certified; completion recorded → completed; withdrawn → withdrawn; casework sent and not marked
 * → awaiting-marking; past the due date → overdue; any lesson opened or quiz tried → in-progress;
 * else not-started.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SortDirection } from '#src/lib/admin/list-query.ts';
import type { StaffListQuery, StaffSort } from '#src/lib/employer/staff-query.ts';
import { STAFF_STATES, type StaffState } from '#src/lib/employer/staff-state.ts';
import type { Catalogue, CourseView } from '#src/lib/learning/structure.ts';
import { containsPattern } from '#src/lib/server/admin/users.ts';
import type { Database } from '#src/lib/server/db.ts';
import { attachProgress } from '#src/lib/server/report/progress.ts';
import { DAY_MS } from '#src/lib/time.ts';

export type StaffFilters = Pick<StaffListQuery, 'search' | 'courseId' | 'state'>;

export interface StaffRow {
  userId: string;
  fullName: string;
  email: string;
  accountStatus: 'active' | 'deactivated';
  lastActiveAt: number | null;
  enrolmentId: string | null;
  courseId: string | null;
  enrolmentStatus: 'active' | 'withdrawn' | null;
  enrolledAt: number | null;
  dueAt: number | null;
  completedAt: number | null;
  remindedAt: number | null;
  certificateId: string | null;
  certificateExpiresAt: number | null;
  state: StaffState;
}

export interface StaffRowWithProgress extends StaffRow {
  /** % complete as the learner sees it; null without an enrolment. */
  percent: number | null;
}

type StaffCatalogue = Pick<Catalogue, 'published' | 'aliases'>;

interface RawRow {
  userId: string;
  fullName: string;
  email: string;
  accountStatus: 'active' | 'deactivated';
  lastActiveAt: number | null;
  enrolmentId: string | null;
  courseId: string | null;
  enrolmentStatus: 'active' | 'withdrawn' | null;
  enrolledAt: number | null;
  dueAt: number | null;
  completedAt: number | null;
  remindedAt: number | null;
  certificateId: string | null;
  certificateExpiresAt: number | null;
  state: StaffState;
  sortName: string;
}

function toRow(row: RawRow): StaffRow {
  const ms = (value: number | null) => (value === null ? null : Number(value));
  return {
    userId: row.userId,
    fullName: row.fullName,
    email: row.email,
    accountStatus: row.accountStatus,
    lastActiveAt: ms(row.lastActiveAt),
    enrolmentId: row.enrolmentId,
    courseId: row.courseId,
    enrolmentStatus: row.enrolmentStatus,
    enrolledAt: ms(row.enrolledAt),
    dueAt: ms(row.dueAt),
    completedAt: ms(row.completedAt),
    remindedAt: ms(row.remindedAt),
    certificateId: row.certificateId,
    certificateExpiresAt: ms(row.certificateExpiresAt),
    state: row.state,
  };
}

/** Lesson ids (with their old ids) and quiz ids of a course: opening any of them starts it. */
function courseActivityIds(
  course: CourseView,
  catalogue: StaffCatalogue,
): { lessons: string[]; quizzes: string[] } {
  const lessons = new Set(course.lessons.map((lesson) => lesson.id));
  for (const [old, current] of catalogue.aliases.lessons) if (lessons.has(current)) lessons.add(old);
  const quizzes = new Set<string>();
  for (const module of course.modules) if (module.quizId) quizzes.add(module.quizId);
  if (course.rules.finalAssessmentId) quizzes.add(course.rules.finalAssessmentId);
  for (const [old, current] of catalogue.aliases.modules) if (quizzes.has(current)) quizzes.add(old);
  return { lessons: [...lessons], quizzes: [...quizzes] };
}

function startedExpression(catalogue: StaffCatalogue): SQL {
  const courses = catalogue.published.courses;
  if (courses.length === 0) return sql`0`;
  const branches = courses.map((course) => {
    const ids = courseActivityIds(course, catalogue);
    return sql`WHEN ${course.id} THEN (
      EXISTS (SELECT 1 FROM lesson_progress lp WHERE lp.user_id = u.id
        AND lp.lesson_id IN (SELECT value FROM json_each(${JSON.stringify(ids.lessons)})))
      OR EXISTS (SELECT 1 FROM quiz_attempt qa WHERE qa.user_id = u.id
        AND qa.quiz_id IN (SELECT value FROM json_each(${JSON.stringify(ids.quizzes)}))))`;
  });
  return sql`(CASE e.course_id ${sql.join(branches, sql` `)} ELSE 0 END)`;
}

function stateExpression(catalogue: StaffCatalogue, now: number): SQL {
  const within = (days: number) => sql`c.expires_at <= ${now + days * DAY_MS}`;
  return sql`CASE
    WHEN e.id IS NULL THEN 'not-assigned'
    WHEN c.id IS NOT NULL AND c.expires_at IS NOT NULL AND c.expires_at <= ${now} THEN 'expired'
    WHEN c.id IS NOT NULL AND c.expires_at IS NOT NULL AND ${within(30)} THEN 'expiring-30'
    WHEN c.id IS NOT NULL AND c.expires_at IS NOT NULL AND ${within(60)} THEN 'expiring-60'
    WHEN c.id IS NOT NULL AND c.expires_at IS NOT NULL AND ${within(90)} THEN 'expiring-90'
    WHEN c.id IS NOT NULL THEN 'certified'
    WHEN e.completed_at IS NOT NULL THEN 'completed'
    WHEN e.status = 'withdrawn' THEN 'withdrawn'
    WHEN EXISTS (SELECT 1 FROM assignment_submission s WHERE s.user_id = u.id
      AND s.course_id = e.course_id AND s.status = 'submitted') THEN 'awaiting-marking'
    WHEN e.due_at IS NOT NULL AND e.due_at < ${now} THEN 'overdue'
    WHEN ${startedExpression(catalogue)} THEN 'in-progress'
    ELSE 'not-started'
  END`;
}

/**
 * Every (member of staff × published course they are enrolled in) of the employer, one row for
 * staff with no such enrolment; `scope` narrows the people (a search, one person).
 */
function staffRows(employerId: string, catalogue: StaffCatalogue, now: number, people: SQL = sql``): SQL {
  const published = catalogue.published.courses.map((course) => course.id);
  return sql`
    SELECT u.id AS userId, u.full_name AS fullName, u.email AS email, u.status AS accountStatus,
      u.last_active_at AS lastActiveAt, lower(u.full_name) AS sortName,
      e.id AS enrolmentId, e.course_id AS courseId, e.status AS enrolmentStatus,
      e.enrolled_at AS enrolledAt, e.due_at AS dueAt, e.completed_at AS completedAt, e.reminded_at AS remindedAt,
      c.id AS certificateId, c.expires_at AS certificateExpiresAt,
      ${stateExpression(catalogue, now)} AS state
    FROM user u
    LEFT JOIN enrolment e ON e.user_id = u.id
      AND e.course_id IN (SELECT value FROM json_each(${JSON.stringify(published)}))
    LEFT JOIN certificate c ON c.id = (
      SELECT c2.id FROM certificate c2
      WHERE c2.user_id = u.id AND c2.course_id = e.course_id AND c2.revoked_at IS NULL AND c2.superseded_by IS NULL
      ORDER BY c2.issued_at DESC LIMIT 1)
    WHERE u.organisation_id = ${employerId} AND u.role = 'learner' ${people}`;
}

function searchCondition(search: string): SQL {
  if (!search) return sql``;
  const pattern = containsPattern(search);
  return sql`AND (lower(u.full_name) LIKE ${pattern} ESCAPE '\\' OR u.email LIKE ${pattern} ESCAPE '\\')`;
}

function rowFilters(filters: StaffFilters): SQL {
  const conditions: SQL[] = [sql`1`];
  if (filters.courseId) conditions.push(sql`r.courseId = ${filters.courseId}`);
  if (filters.state) conditions.push(sql`r.state = ${filters.state}`);
  return sql.join(conditions, sql` AND `);
}

const stateRank = sql.raw(
  `CASE r.state ${STAFF_STATES.map((state, index) => `WHEN '${state}' THEN ${index}`).join(' ')} END`,
);

function orderBy(sort: StaffSort, direction: SortDirection): SQL {
  const dir = direction === 'desc' ? sql`DESC` : sql`ASC`;
  const tail = sql`r.sortName ASC, r.userId ASC, coalesce(r.courseId, '') ASC`;
  switch (sort) {
    case 'name':
      return sql`r.sortName ${dir}, r.userId ${dir}, coalesce(r.courseId, '') ASC`;
    case 'state':
      return sql`${stateRank} ${dir}, ${tail}`;
    case 'due':
      // Rows without a due date last, whichever the direction.
      return sql`(r.dueAt IS NULL) ASC, r.dueAt ${dir}, ${tail}`;
    case 'course':
      return sql`(r.courseId IS NULL) ASC, r.courseId ${dir}, ${tail}`;
  }
}

/** One page of the staff list, with the total rows that match and each row's % complete. */
export async function listStaff(
  db: Database,
  catalogue: StaffCatalogue,
  employerId: string,
  query: StaffListQuery,
  pageSize: number,
  now: number,
): Promise<{ rows: StaffRowWithProgress[]; total: number }> {
  const base = staffRows(employerId, catalogue, now, searchCondition(query.search));
  const where = rowFilters(query);
  const [count] = await db.orm.all<{ total: number }>(
    sql`SELECT count(*) AS total FROM (${base}) r WHERE ${where}`,
  );
  const raw = await db.orm.all<RawRow>(sql`
    SELECT * FROM (${base}) r WHERE ${where}
    ORDER BY ${orderBy(query.sort, query.direction)}
    LIMIT ${pageSize} OFFSET ${(query.page - 1) * pageSize}`);
  return { rows: await withProgress(db, catalogue, raw.map(toRow)), total: Number(count?.total ?? 0) };
}

async function withProgress(
  db: Database,
  catalogue: StaffCatalogue,
  rows: StaffRow[],
): Promise<StaffRowWithProgress[]> {
  const enrolled = rows.flatMap((row) =>
    row.courseId === null ? [] : [{ userId: row.userId, courseId: row.courseId }],
  );
  const percents = new Map<string, number>();
  for (const row of await attachProgress(db, catalogue, enrolled))
    percents.set(`${row.courseId} ${row.userId}`, row.percent);
  return rows.map((row) => ({
    ...row,
    percent: row.courseId === null ? null : (percents.get(`${row.courseId} ${row.userId}`) ?? 0),
  }));
}

export interface StaffCursor {
  sortName: string;
  userId: string;
  courseId: string;
}

/** The next `limit` rows after `cursor` by name (keyset paging), for the CSV export. */
export async function listStaffAfter(
  db: Database,
  catalogue: StaffCatalogue,
  employerId: string,
  filters: StaffFilters,
  cursor: StaffCursor | null,
  limit: number,
  now: number,
): Promise<{ rows: StaffRowWithProgress[]; next: StaffCursor | undefined }> {
  const base = staffRows(employerId, catalogue, now, searchCondition(filters.search));
  const after = cursor
    ? sql`AND (r.sortName, r.userId, coalesce(r.courseId, '')) > (${cursor.sortName}, ${cursor.userId}, ${cursor.courseId})`
    : sql``;
  const raw = await db.orm.all<RawRow>(sql`
    SELECT * FROM (${base}) r WHERE ${rowFilters(filters)} ${after}
    ORDER BY r.sortName ASC, r.userId ASC, coalesce(r.courseId, '') ASC
    LIMIT ${limit}`);
  const last = raw[raw.length - 1];
  return {
    rows: await withProgress(db, catalogue, raw.map(toRow)),
    next:
      last && raw.length === limit
        ? { sortName: last.sortName, userId: last.userId, courseId: last.courseId ?? '' }
        : undefined,
  };
}

/** How many rows are in each state (for the chart and the filter's counts), one course or all. */
export async function countStaffStates(
  db: Database,
  catalogue: StaffCatalogue,
  employerId: string,
  courseId: string | null,
  now: number,
): Promise<Record<StaffState, number>> {
  const counts = Object.fromEntries(STAFF_STATES.map((state) => [state, 0])) as Record<StaffState, number>;
  const rows = await db.orm.all<{ state: StaffState; n: number }>(sql`
    SELECT r.state AS state, count(*) AS n FROM (${staffRows(employerId, catalogue, now)}) r
    WHERE ${rowFilters({ search: '', courseId, state: null })}
    GROUP BY r.state`);
  for (const row of rows) if (row.state in counts) counts[row.state] = Number(row.n);
  return counts;
}

/** One member of staff's rows (their courses), or null when they are not a learner of the employer. */
export async function listStaffMemberCourses(
  db: Database,
  catalogue: StaffCatalogue,
  employerId: string,
  userId: string,
  now: number,
): Promise<StaffRowWithProgress[] | null> {
  const raw = await db.orm.all<RawRow>(sql`
    SELECT * FROM (${staffRows(employerId, catalogue, now, sql`AND u.id = ${userId}`)}) r
    ORDER BY coalesce(r.courseId, '')`);
  if (raw.length === 0) return null;
  return withProgress(db, catalogue, raw.map(toRow));
}
