/**
 * Practical sessions as a learner sees them: the sessions of the courses they are enrolled in,
 * booking a place (or a place on the waitlist), cancelling before the start (the first person
 * waiting gets the place at once), checking in with the code during the session, and the
 * booking's calendar file. Every function acts for the signed-in learner only. A session's
 * meeting link reaches only learners with a place.
 *
 * Places are given inside one write transaction, so two processes cannot overfill a session. The
 * learner's email (booked, waitlisted, given a place from the waitlist) is queued in it too.
 */
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { enrolment, workshopBooking, workshopSession } from '#db/schema.ts';
import {
  MAX_CHECK_IN_FAILURES,
  checkInMark,
  decideBooking,
  hasStarted,
  isCheckInOpen,
  normaliseCheckInCode,
  type AttendanceMark,
  type BookingRefusal,
} from '#src/lib/workshop/rules.ts';
import type { Actor } from '#src/lib/roles.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database } from '#src/lib/server/db.ts';
import { newId } from '#src/lib/server/ids.ts';
import { courseTitles } from '#src/lib/server/mail/course-titles.ts';
import { enqueueWorkshopBookingMail } from '#src/lib/server/mail/practical-notices.ts';
import { promoteWaitlist, summaryColumns, toSummary, type SessionSummary } from './sessions.ts';

export interface LearnerSession extends SessionSummary {
  /** The learner's own booking, if any. */
  booking: {
    status: 'booked' | 'waitlisted' | 'cancelled';
    /** Place in the waitlist (1 = next), while waitlisted. */
    waitlistPosition: number | null;
    attendance: AttendanceMark | null;
  } | null;
}

/**
 * Sessions of the learner's active courses (or one of them): upcoming ones, and past ones they
 * booked. The meeting link is removed unless the learner holds a place.
 */
export async function listLearnerSessions(
  db: Database,
  userId: string,
  filters: { courseId: string | null; when: 'upcoming' | 'past' },
  now: number,
): Promise<LearnerSession[]> {
  const courses = db.orm
    .select({ courseId: enrolment.courseId })
    .from(enrolment)
    .where(and(eq(enrolment.userId, userId), eq(enrolment.status, 'active')));
  const upcoming = filters.when === 'upcoming';
  const rows = await db.orm
    .select({
      ...summaryColumns,
      bookingStatus: workshopBooking.status,
      attendance: workshopBooking.attendance,
      queuedAt: workshopBooking.queuedAt,
    })
    .from(workshopSession)
    .leftJoin(
      workshopBooking,
      and(eq(workshopBooking.sessionId, workshopSession.id), eq(workshopBooking.userId, userId)),
    )
    .where(
      and(
        inArray(workshopSession.courseId, courses),
        filters.courseId ? eq(workshopSession.courseId, filters.courseId) : undefined,
        upcoming ? gte(workshopSession.endsAt, new Date(now)) : lt(workshopSession.endsAt, new Date(now)),
        upcoming ? undefined : sql`${workshopBooking.id} IS NOT NULL`,
      ),
    )
    .orderBy(upcoming ? asc(workshopSession.startsAt) : sql`${workshopSession.startsAt} DESC`)
    .limit(200);
  const waiting = rows.filter((row) => row.bookingStatus === 'waitlisted');
  const positions = new Map<string, number>();
  for (const row of waiting) {
    const [ahead] = await db.orm
      .select({ count: sql<number>`count(*)` })
      .from(workshopBooking)
      .where(
        and(
          eq(workshopBooking.sessionId, row.id),
          eq(workshopBooking.status, 'waitlisted'),
          lt(workshopBooking.queuedAt, row.queuedAt ?? new Date(now)),
        ),
      );
    positions.set(row.id, Number(ahead?.count ?? 0) + 1);
  }
  return rows.map(({ bookingStatus, attendance, queuedAt: _queuedAt, ...row }) => {
    const summary = toSummary(row);
    return {
      ...summary,
      meetingUrl: bookingStatus === 'booked' ? summary.meetingUrl : null,
      booking: bookingStatus
        ? { status: bookingStatus, waitlistPosition: positions.get(row.id) ?? null, attendance }
        : null,
    };
  });
}

export type BookResult =
  { ok: true; status: 'booked' | 'waitlisted' } | { ok: false; reason: BookingRefusal };

/** Books a place for the learner, or a place on the waitlist when the session is full. */
export async function bookSession(
  db: Database,
  actor: Actor,
  sessionId: string,
  now: number,
): Promise<BookResult> {
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<BookResult> => {
      const [session] = await tx
        .select({
          courseId: workshopSession.courseId,
          title: workshopSession.title,
          startsAt: workshopSession.startsAt,
          endsAt: workshopSession.endsAt,
          mode: workshopSession.mode,
          venue: workshopSession.venue,
          cancelledAt: workshopSession.cancelledAt,
          capacity: workshopSession.capacity,
        })
        .from(workshopSession)
        .where(eq(workshopSession.id, sessionId));
      if (!session) return { ok: false, reason: 'not-found' };
      const [enrolled] = await tx
        .select({ id: enrolment.id })
        .from(enrolment)
        .where(
          and(
            eq(enrolment.userId, actor.id),
            eq(enrolment.courseId, session.courseId),
            eq(enrolment.status, 'active'),
          ),
        );
      // Sessions of courses the learner is not in are not theirs to know about.
      if (!enrolled) return { ok: false, reason: 'not-found' };
      const [current] = await tx
        .select({ id: workshopBooking.id, status: workshopBooking.status })
        .from(workshopBooking)
        .where(and(eq(workshopBooking.sessionId, sessionId), eq(workshopBooking.userId, actor.id)));
      const [taken] = await tx
        .select({ count: sql<number>`count(*)` })
        .from(workshopBooking)
        .where(and(eq(workshopBooking.sessionId, sessionId), eq(workshopBooking.status, 'booked')));
      const decision = decideBooking({
        session: {
          startsAt: session.startsAt.getTime(),
          cancelledAt: session.cancelledAt?.getTime() ?? null,
          capacity: session.capacity,
        },
        enrolled: true,
        current: current?.status ?? null,
        bookedCount: Number(taken?.count ?? 0),
        now,
      });
      if (!decision.ok) return decision;
      if (current) {
        await tx
          .update(workshopBooking)
          .set({ status: decision.status, queuedAt: new Date(now), cancelledAt: null, promotedAt: null })
          .where(eq(workshopBooking.id, current.id));
      } else {
        await tx.insert(workshopBooking).values({
          id: newId(),
          sessionId,
          userId: actor.id,
          status: decision.status,
          queuedAt: new Date(now),
        });
      }
      await enqueueWorkshopBookingMail(
        tx,
        [actor.id],
        {
          ...session,
          startsAt: session.startsAt.getTime(),
          endsAt: session.endsAt.getTime(),
        },
        decision.status,
        null,
        courseTitles,
        now,
      );
      return { ok: true, status: decision.status };
    }),
  );
}

export type CancelBookingResult =
  { ok: true; promoted: string[] } | { ok: false; reason: 'not-found' | 'started' | 'not-booked' };

/** Cancels the learner's place or waitlist entry before the start; the waitlist moves up. */
export async function cancelBooking(
  db: Database,
  actor: Actor,
  sessionId: string,
  now: number,
): Promise<CancelBookingResult> {
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<CancelBookingResult> => {
      const [row] = await tx
        .select({
          bookingId: workshopBooking.id,
          status: workshopBooking.status,
          title: workshopSession.title,
          courseId: workshopSession.courseId,
          startsAt: workshopSession.startsAt,
          endsAt: workshopSession.endsAt,
          mode: workshopSession.mode,
          venue: workshopSession.venue,
          cancelledAt: workshopSession.cancelledAt,
          capacity: workshopSession.capacity,
        })
        .from(workshopBooking)
        .innerJoin(workshopSession, eq(workshopSession.id, workshopBooking.sessionId))
        .where(and(eq(workshopBooking.sessionId, sessionId), eq(workshopBooking.userId, actor.id)));
      if (!row) return { ok: false, reason: 'not-found' };
      if (row.status === 'cancelled') return { ok: false, reason: 'not-booked' };
      if (hasStarted({ startsAt: row.startsAt.getTime() }, now)) return { ok: false, reason: 'started' };
      await tx
        .update(workshopBooking)
        .set({ status: 'cancelled', cancelledAt: new Date(now) })
        .where(eq(workshopBooking.id, row.bookingId));
      const promoted =
        row.status === 'booked'
          ? await promoteWaitlist(
              tx,
              {
                id: sessionId,
                capacity: row.capacity,
                startsAt: row.startsAt.getTime(),
                cancelledAt: row.cancelledAt?.getTime() ?? null,
              },
              now,
            )
          : [];
      await enqueueWorkshopBookingMail(
        tx,
        promoted,
        { ...row, startsAt: row.startsAt.getTime(), endsAt: row.endsAt.getTime() },
        'promoted',
        null,
        courseTitles,
        now,
      );
      return { ok: true, promoted };
    }),
  );
}

export type CheckInResult =
  | { ok: true; mark: AttendanceMark; already: boolean }
  | { ok: false; reason: 'not-found' | 'not-booked' | 'closed' | 'wrong-code' | 'too-many-tries' };

/**
 * Marks the learner present (or late) when they type the session's current code during the
 * session. A few wrong codes stop check-in for that learner: the trainer can still mark them.
 */
export async function checkIn(
  db: Database,
  actor: Actor,
  sessionId: string,
  typedCode: string,
  now: number,
): Promise<CheckInResult> {
  const code = normaliseCheckInCode(typedCode);
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<CheckInResult> => {
      const [row] = await tx
        .select({
          bookingId: workshopBooking.id,
          status: workshopBooking.status,
          attendance: workshopBooking.attendance,
          failures: workshopBooking.checkInFailures,
          startsAt: workshopSession.startsAt,
          endsAt: workshopSession.endsAt,
          cancelledAt: workshopSession.cancelledAt,
          checkInCode: workshopSession.checkInCode,
        })
        .from(workshopBooking)
        .innerJoin(workshopSession, eq(workshopSession.id, workshopBooking.sessionId))
        .where(and(eq(workshopBooking.sessionId, sessionId), eq(workshopBooking.userId, actor.id)));
      if (!row) return { ok: false, reason: 'not-found' };
      if (row.status !== 'booked') return { ok: false, reason: 'not-booked' };
      const times = { startsAt: row.startsAt.getTime(), endsAt: row.endsAt.getTime() };
      if (row.cancelledAt || !isCheckInOpen(times, now) || !row.checkInCode)
        return { ok: false, reason: 'closed' };
      if (row.attendance === 'present' || row.attendance === 'late')
        return { ok: true, mark: row.attendance, already: true };
      if (row.failures >= MAX_CHECK_IN_FAILURES) return { ok: false, reason: 'too-many-tries' };
      if (code !== row.checkInCode) {
        await tx
          .update(workshopBooking)
          .set({ checkInFailures: sql`${workshopBooking.checkInFailures} + 1` })
          .where(eq(workshopBooking.id, row.bookingId));
        return {
          ok: false,
          reason: row.failures + 1 >= MAX_CHECK_IN_FAILURES ? 'too-many-tries' : 'wrong-code',
        };
      }
      const mark = checkInMark(times, now);
      await tx
        .update(workshopBooking)
        .set({ attendance: mark, attendanceAt: new Date(now), attendanceBy: null })
        .where(eq(workshopBooking.id, row.bookingId));
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'workshop-checked-in',
        subjectType: 'workshop',
        subjectId: sessionId,
        data: { learner: actor.id, to: mark },
        at: now,
      });
      return { ok: true, mark, already: false };
    }),
  );
}

/** The learner's booked session for a calendar file, or null (not theirs, or no place). */
export async function loadBookedSession(
  db: Database,
  userId: string,
  sessionId: string,
): Promise<SessionSummary | null> {
  const [row] = await db.orm
    .select(summaryColumns)
    .from(workshopSession)
    .innerJoin(
      workshopBooking,
      and(
        eq(workshopBooking.sessionId, workshopSession.id),
        eq(workshopBooking.userId, userId),
        eq(workshopBooking.status, 'booked'),
      ),
    )
    .where(eq(workshopSession.id, sessionId));
  return row ? toSummary(row) : null;
}
