/**
 * Attendance reports for staff: per employer (how many of their staff had places and how they
 * attended, over a date range and optionally one course) and, as CSV, one row per place. Cancelled
 * sessions and cancelled or waitlisted places are left out. Only learners within the actor's
 * employer scope are counted (employer/access.ts).
 */
import { and, asc, eq, gt, gte, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { organisation, user, workshopBooking, workshopSession } from '#db/schema.ts';
import type { AttendanceMark } from '#src/lib/workshop/rules.ts';
import type { Actor } from '#src/lib/roles.ts';
import type { Database } from '#src/lib/server/db.ts';
import { learnerScope } from '#src/lib/server/employer/access.ts';
import type { CsvSource } from '#src/lib/server/report/csv-stream.ts';
import type { Translate } from '#src/i18n/index.ts';
import type { CsvValue } from '#src/lib/report/csv.ts';
import { csvDateTime } from '#src/lib/report/dates.ts';

export interface AttendanceFilters {
  courseId: string | null;
  employerId: string | null;
  startMs: number;
  /** Exclusive. */
  endMs: number;
}

export interface EmployerAttendance {
  employerId: string | null;
  employer: string | null;
  learners: number;
  places: number;
  present: number;
  late: number;
  excused: number;
  absent: number;
  /** Places in sessions that have ended with no mark. */
  unmarked: number;
}

function conditions(actor: Actor, filters: AttendanceFilters): SQL | undefined {
  return and(
    eq(workshopBooking.status, 'booked'),
    isNull(workshopSession.cancelledAt),
    gte(workshopSession.startsAt, new Date(filters.startMs)),
    lt(workshopSession.startsAt, new Date(filters.endMs)),
    filters.courseId ? eq(workshopSession.courseId, filters.courseId) : undefined,
    filters.employerId ? eq(user.organisationId, filters.employerId) : undefined,
    learnerScope(actor),
  );
}

/** Attendance per employer, by employer name (learners without an employer last). */
export async function attendanceByEmployer(
  db: Database,
  actor: Actor,
  filters: AttendanceFilters,
  now: number,
): Promise<EmployerAttendance[]> {
  const count = (mark: AttendanceMark) => sql<number>`sum(${workshopBooking.attendance} = ${mark})`;
  const rows = await db.orm
    .select({
      employerId: user.organisationId,
      employer: organisation.name,
      learners: sql<number>`count(DISTINCT ${workshopBooking.userId})`,
      places: sql<number>`count(*)`,
      present: count('present'),
      late: count('late'),
      excused: count('excused'),
      absent: count('absent'),
      unmarked: sql<number>`sum(${workshopBooking.attendance} IS NULL AND ${workshopSession.endsAt} < ${now})`,
    })
    .from(workshopBooking)
    .innerJoin(workshopSession, eq(workshopSession.id, workshopBooking.sessionId))
    .innerJoin(user, eq(user.id, workshopBooking.userId))
    .leftJoin(organisation, eq(organisation.id, user.organisationId))
    .where(conditions(actor, filters))
    .groupBy(user.organisationId)
    .orderBy(sql`${organisation.name} IS NULL`, asc(organisation.nameKey));
  return rows.map((row) => ({
    employerId: row.employerId,
    employer: row.employer,
    learners: Number(row.learners),
    places: Number(row.places),
    present: Number(row.present ?? 0),
    late: Number(row.late ?? 0),
    excused: Number(row.excused ?? 0),
    absent: Number(row.absent ?? 0),
    unmarked: Number(row.unmarked ?? 0),
  }));
}

export interface PlaceRow {
  bookingId: string;
  employer: string | null;
  learner: string;
  email: string;
  courseId: string;
  session: string;
  startsAt: number;
  endsAt: number;
  attendance: AttendanceMark | null;
  attendanceAt: number | null;
  checkedIn: boolean;
}

type Cursor = { startsAt: number; bookingId: string } | null;

/**
 * Every place in the range, ordered by session start, for the CSV (streamed a page at a time).
 * `toCells` is given by the endpoint, which knows the language.
 */
export function attendancePlacesSource(
  db: Database,
  actor: Actor,
  filters: AttendanceFilters & { sessionId?: string },
  header: readonly string[],
  toCells: CsvSource<PlaceRow, Cursor>['toCells'],
): CsvSource<PlaceRow, Cursor> {
  return {
    header,
    start: null,
    toCells,
    async fetch(cursor, limit) {
      const after = cursor
        ? or(
            gt(workshopSession.startsAt, new Date(cursor.startsAt)),
            and(
              eq(workshopSession.startsAt, new Date(cursor.startsAt)),
              gt(workshopBooking.id, cursor.bookingId),
            ),
          )
        : undefined;
      const rows = await db.orm
        .select({
          bookingId: workshopBooking.id,
          employer: organisation.name,
          learner: user.fullName,
          email: user.email,
          courseId: workshopSession.courseId,
          session: workshopSession.title,
          startsAt: workshopSession.startsAt,
          endsAt: workshopSession.endsAt,
          attendance: workshopBooking.attendance,
          attendanceAt: workshopBooking.attendanceAt,
          attendanceBy: workshopBooking.attendanceBy,
        })
        .from(workshopBooking)
        .innerJoin(workshopSession, eq(workshopSession.id, workshopBooking.sessionId))
        .innerJoin(user, eq(user.id, workshopBooking.userId))
        .leftJoin(organisation, eq(organisation.id, user.organisationId))
        .where(
          and(
            filters.sessionId
              ? and(
                  eq(workshopBooking.sessionId, filters.sessionId),
                  eq(workshopBooking.status, 'booked'),
                  learnerScope(actor),
                )
              : conditions(actor, filters),
            after,
          ),
        )
        .orderBy(asc(workshopSession.startsAt), asc(workshopBooking.id))
        .limit(limit);
      const mapped = rows.map((row) => ({
        bookingId: row.bookingId,
        employer: row.employer,
        learner: row.learner,
        email: row.email,
        courseId: row.courseId,
        session: row.session,
        startsAt: row.startsAt.getTime(),
        endsAt: row.endsAt.getTime(),
        attendance: row.attendance,
        attendanceAt: row.attendanceAt?.getTime() ?? null,
        checkedIn: row.attendance !== null && row.attendanceBy === null,
      }));
      const last = mapped[mapped.length - 1];
      return {
        rows: mapped,
        next:
          mapped.length < limit || !last ? undefined : { startsAt: last.startsAt, bookingId: last.bookingId },
      };
    },
  };
}

/** The CSV's header and cells for places, in the reader's language (dates in Malaysia time). */
export function placeCsvColumns(
  t: Translate,
  courseTitle: (courseId: string) => string,
): { header: string[]; toCells: (row: PlaceRow) => CsvValue[] } {
  return {
    header: [
      t('staffSessions.csv.session'),
      t('staffSessions.csv.course'),
      t('staffSessions.csv.starts'),
      t('staffSessions.csv.ends'),
      t('staffSessions.csv.employer'),
      t('staffSessions.csv.learner'),
      t('staffSessions.csv.email'),
      t('staffSessions.csv.attendance'),
      t('staffSessions.csv.markedAt'),
      t('staffSessions.csv.checkedIn'),
    ],
    toCells: (row) => [
      row.session,
      courseTitle(row.courseId),
      csvDateTime(row.startsAt),
      csvDateTime(row.endsAt),
      row.employer ?? '',
      row.learner,
      row.email,
      row.attendance ? t(`attendance.${row.attendance}`) : '',
      csvDateTime(row.attendanceAt),
      row.checkedIn,
    ],
  };
}
