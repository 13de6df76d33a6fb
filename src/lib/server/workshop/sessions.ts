/**
 * Practical sessions as staff run them: schedule, change, cancel, list, open one with its class
 * list and waitlist, and show the check-in code. Any trainer or admin may run any session; the
 * class list shows only the learners the actor's employer scope allows (employer/access.ts).
 * Every change is audited, and the learners it affects are emailed in the same transaction (a
 * change of time, place or link; a cancellation; a place given from the waitlist).
 */
import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { organisation, user, workshopBooking, workshopSession } from '#db/schema.ts';
import type { AttendanceMark, SessionInput, SessionMode, SessionProblem } from '#src/lib/workshop/rules.ts';
import { generateCheckInCode } from '#src/lib/workshop/rules.ts';
import { isStaff, type Actor } from '#src/lib/roles.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import { learnerScope } from '#src/lib/server/employer/access.ts';
import { newId } from '#src/lib/server/ids.ts';
import { courseTitles } from '#src/lib/server/mail/course-titles.ts';
import { enqueueWorkshopBookingMail } from '#src/lib/server/mail/practical-notices.ts';

export interface SessionSummary {
  id: string;
  courseId: string;
  title: string;
  startsAt: number;
  endsAt: number;
  mode: SessionMode;
  venue: string | null;
  meetingUrl: string | null;
  capacity: number;
  notes: string | null;
  cancelledAt: number | null;
  booked: number;
  waitlisted: number;
  attended: number;
}

/** What the statements below need: the database or an open transaction. */
export type Writer = Pick<Orm, 'select' | 'insert' | 'update' | 'delete' | 'all'>;

const counts = {
  booked: sql<number>`(SELECT count(*) FROM ${workshopBooking} b WHERE b.session_id = ${workshopSession.id} AND b.status = 'booked')`,
  waitlisted: sql<number>`(SELECT count(*) FROM ${workshopBooking} b WHERE b.session_id = ${workshopSession.id} AND b.status = 'waitlisted')`,
  attended: sql<number>`(SELECT count(*) FROM ${workshopBooking} b WHERE b.session_id = ${workshopSession.id} AND b.attendance IN ('present', 'late'))`,
};

export const summaryColumns = {
  id: workshopSession.id,
  courseId: workshopSession.courseId,
  title: workshopSession.title,
  startsAt: workshopSession.startsAt,
  endsAt: workshopSession.endsAt,
  mode: workshopSession.mode,
  venue: workshopSession.venue,
  meetingUrl: workshopSession.meetingUrl,
  capacity: workshopSession.capacity,
  notes: workshopSession.notes,
  cancelledAt: workshopSession.cancelledAt,
  ...counts,
};

interface SummaryRow extends Omit<SessionSummary, 'startsAt' | 'endsAt' | 'cancelledAt'> {
  startsAt: Date;
  endsAt: Date;
  cancelledAt: Date | null;
}

export function toSummary(row: SummaryRow): SessionSummary {
  return {
    ...row,
    startsAt: row.startsAt.getTime(),
    endsAt: row.endsAt.getTime(),
    cancelledAt: row.cancelledAt?.getTime() ?? null,
    booked: Number(row.booked),
    waitlisted: Number(row.waitlisted),
    attended: Number(row.attended),
  };
}

export type SessionWhen = 'upcoming' | 'past' | 'all';

/** Sessions for the staff list: upcoming soonest first, past latest first. */
export async function listSessions(
  db: Database,
  filters: { when: SessionWhen; courseId: string | null },
  now: number,
): Promise<SessionSummary[]> {
  const conditions: (SQL | undefined)[] = [
    filters.courseId ? eq(workshopSession.courseId, filters.courseId) : undefined,
    filters.when === 'upcoming' ? gte(workshopSession.endsAt, new Date(now)) : undefined,
    filters.when === 'past' ? lt(workshopSession.endsAt, new Date(now)) : undefined,
  ];
  const rows = await db.orm
    .select(summaryColumns)
    .from(workshopSession)
    .where(and(...conditions))
    .orderBy(filters.when === 'past' ? desc(workshopSession.startsAt) : asc(workshopSession.startsAt))
    .limit(500);
  return rows.map(toSummary);
}

export interface ClassListRow {
  bookingId: string;
  userId: string;
  fullName: string;
  email: string;
  employer: string | null;
  status: 'booked' | 'waitlisted' | 'cancelled';
  queuedAt: number;
  attendance: AttendanceMark | null;
  attendanceAt: number | null;
  /** The learner checked in with the code (no staff member marked it). */
  checkedIn: boolean;
}

export interface StaffSession {
  session: SessionSummary & { checkInCode: string | null };
  /** Booked learners by name, then the waitlist in order, then cancellations. */
  bookings: ClassListRow[];
  /** Bookings of learners outside the actor's employer scope (counted, not shown). */
  hidden: number;
}

/** One session with its class list, or null. */
export async function loadStaffSession(
  db: Database,
  actor: Actor,
  sessionId: string,
): Promise<StaffSession | null> {
  if (!isStaff(actor.role)) return null;
  const [row] = await db.orm
    .select({ ...summaryColumns, checkInCode: workshopSession.checkInCode })
    .from(workshopSession)
    .where(eq(workshopSession.id, sessionId));
  if (!row) return null;
  const [bookings, [all]] = await Promise.all([
    db.orm
      .select({
        bookingId: workshopBooking.id,
        userId: user.id,
        fullName: user.fullName,
        email: user.email,
        employer: organisation.name,
        status: workshopBooking.status,
        queuedAt: workshopBooking.queuedAt,
        attendance: workshopBooking.attendance,
        attendanceAt: workshopBooking.attendanceAt,
        attendanceBy: workshopBooking.attendanceBy,
      })
      .from(workshopBooking)
      .innerJoin(user, eq(user.id, workshopBooking.userId))
      .leftJoin(organisation, eq(organisation.id, user.organisationId))
      .where(and(eq(workshopBooking.sessionId, sessionId), learnerScope(actor)))
      .orderBy(asc(workshopBooking.queuedAt)),
    db.orm
      .select({ total: sql<number>`count(*)` })
      .from(workshopBooking)
      .where(eq(workshopBooking.sessionId, sessionId)),
  ]);
  const order = { booked: 0, waitlisted: 1, cancelled: 2 } as const;
  const list: ClassListRow[] = bookings
    .map((booking) => ({
      bookingId: booking.bookingId,
      userId: booking.userId,
      fullName: booking.fullName,
      email: booking.email,
      employer: booking.employer,
      status: booking.status,
      queuedAt: booking.queuedAt.getTime(),
      attendance: booking.attendance,
      attendanceAt: booking.attendanceAt?.getTime() ?? null,
      checkedIn: booking.attendance !== null && booking.attendanceBy === null,
    }))
    .sort(
      (a, b) =>
        order[a.status] - order[b.status] ||
        (a.status === 'booked' ? a.fullName.localeCompare(b.fullName) : a.queuedAt - b.queuedAt),
    );
  const summary = toSummary(row);
  return {
    session: { ...summary, checkInCode: row.checkInCode },
    bookings: list,
    hidden: Number(all?.total ?? 0) - list.length,
  };
}

/** Gives places to the waitlist, oldest request first, while the session has room. */
export async function promoteWaitlist(
  orm: Writer,
  session: { id: string; capacity: number; startsAt: number; cancelledAt: number | null },
  now: number,
): Promise<string[]> {
  if (session.cancelledAt !== null || now >= session.startsAt) return [];
  const [row] = await orm
    .select({ booked: sql<number>`count(*)` })
    .from(workshopBooking)
    .where(and(eq(workshopBooking.sessionId, session.id), eq(workshopBooking.status, 'booked')));
  const room = session.capacity - Number(row?.booked ?? 0);
  if (room <= 0) return [];
  const next = await orm
    .select({ id: workshopBooking.id, userId: workshopBooking.userId })
    .from(workshopBooking)
    .where(and(eq(workshopBooking.sessionId, session.id), eq(workshopBooking.status, 'waitlisted')))
    .orderBy(asc(workshopBooking.queuedAt), asc(workshopBooking.id))
    .limit(room);
  for (const booking of next) {
    await orm
      .update(workshopBooking)
      .set({ status: 'booked', promotedAt: new Date(now) })
      .where(eq(workshopBooking.id, booking.id));
  }
  return next.map((booking) => booking.userId);
}

/** Learners with a place or on the waitlist of a session. */
async function learnersWaitingFor(orm: Writer, sessionId: string): Promise<string[]> {
  const rows = await orm
    .select({ userId: workshopBooking.userId })
    .from(workshopBooking)
    .where(
      and(
        eq(workshopBooking.sessionId, sessionId),
        sql`${workshopBooking.status} IN ('booked', 'waitlisted')`,
      ),
    );
  return rows.map((row) => row.userId);
}

/** Whether a change is news to the people booked: when, where, how or the link. */
function changesForLearners(
  before: {
    startsAt: Date;
    endsAt: Date;
    mode: SessionMode;
    venue: string | null;
    meetingUrl: string | null;
  },
  after: Omit<SessionInput, 'courseId'>,
): boolean {
  return (
    before.startsAt.getTime() !== after.startsAt ||
    before.endsAt.getTime() !== after.endsAt ||
    before.mode !== after.mode ||
    before.venue !== after.venue ||
    before.meetingUrl !== after.meetingUrl
  );
}

function auditable(input: SessionInput): Record<string, unknown> {
  return {
    course: input.courseId,
    title: input.title,
    startsAt: new Date(input.startsAt).toISOString(),
    endsAt: new Date(input.endsAt).toISOString(),
    mode: input.mode,
    venue: input.venue,
    meetingUrl: input.meetingUrl,
    capacity: input.capacity,
  };
}

/** Schedules a session; returns its id. */
export async function createSession(
  db: Database,
  actor: Actor,
  input: SessionInput,
  now: number,
): Promise<string | null> {
  if (!isStaff(actor.role)) return null;
  const id = newId();
  await db.write((orm) =>
    orm.transaction(async (tx) => {
      await tx.insert(workshopSession).values({
        id,
        ...input,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        createdBy: actor.id,
        createdAt: new Date(now),
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'workshop-scheduled',
        subjectType: 'workshop',
        subjectId: id,
        data: { after: auditable(input) },
        at: now,
      });
    }),
  );
  return id;
}

export type UpdateSessionResult =
  | { ok: true; promoted: string[] }
  | { ok: false; reason: 'not-found' | 'cancelled' }
  | { ok: false; reason: 'invalid'; problems: SessionProblem[] };

/**
 * Changes a session's details. The course stays (learners booked for it); capacity may not go
 * below the places already given; more capacity gives places to the waitlist at once.
 */
export async function updateSession(
  db: Database,
  actor: Actor,
  sessionId: string,
  input: Omit<SessionInput, 'courseId'>,
  now: number,
): Promise<UpdateSessionResult> {
  if (!isStaff(actor.role)) return { ok: false, reason: 'not-found' };
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<UpdateSessionResult> => {
      const [before] = await tx.select().from(workshopSession).where(eq(workshopSession.id, sessionId));
      if (!before) return { ok: false, reason: 'not-found' };
      if (before.cancelledAt) return { ok: false, reason: 'cancelled' };
      const [row] = await tx
        .select({ booked: sql<number>`count(*)` })
        .from(workshopBooking)
        .where(and(eq(workshopBooking.sessionId, sessionId), eq(workshopBooking.status, 'booked')));
      if (input.capacity < Number(row?.booked ?? 0))
        return { ok: false, reason: 'invalid', problems: [{ field: 'capacity', code: 'below-booked' }] };
      await tx
        .update(workshopSession)
        .set({ ...input, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) })
        .where(eq(workshopSession.id, sessionId));
      // Told before the waitlist moves up, so those given a place get one message saying so.
      const facts = { ...input, courseId: before.courseId };
      if (changesForLearners(before, input)) {
        await enqueueWorkshopBookingMail(
          tx,
          await learnersWaitingFor(tx, sessionId),
          facts,
          'changed',
          null,
          courseTitles,
          now,
        );
      }
      const promoted = await promoteWaitlist(
        tx,
        { id: sessionId, capacity: input.capacity, startsAt: input.startsAt, cancelledAt: null },
        now,
      );
      await enqueueWorkshopBookingMail(tx, promoted, facts, 'promoted', null, courseTitles, now);
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'workshop-updated',
        subjectType: 'workshop',
        subjectId: sessionId,
        data: {
          before: auditable({
            ...before,
            startsAt: before.startsAt.getTime(),
            endsAt: before.endsAt.getTime(),
          }),
          after: auditable({ ...input, courseId: before.courseId }),
          ...(promoted.length > 0 ? { promoted } : {}),
        },
        at: now,
      });
      return { ok: true, promoted };
    }),
  );
}

/** Cancels a session (bookings stay on record; learners see it cancelled). */
export async function cancelSession(
  db: Database,
  actor: Actor,
  sessionId: string,
  reason: string,
  now: number,
): Promise<{ ok: true } | { ok: false; reason: 'not-found' | 'cancelled' | 'reason-needed' }> {
  if (!isStaff(actor.role)) return { ok: false, reason: 'not-found' };
  const why = reason.trim().slice(0, 1000);
  if (why === '') return { ok: false, reason: 'reason-needed' };
  return db.write((orm) =>
    orm.transaction(async (tx) => {
      const [row] = await tx.select().from(workshopSession).where(eq(workshopSession.id, sessionId));
      if (!row) return { ok: false, reason: 'not-found' } as const;
      if (row.cancelledAt) return { ok: false, reason: 'cancelled' } as const;
      await tx
        .update(workshopSession)
        .set({ cancelledAt: new Date(now), checkInCode: null })
        .where(eq(workshopSession.id, sessionId));
      await enqueueWorkshopBookingMail(
        tx,
        await learnersWaitingFor(tx, sessionId),
        { ...row, startsAt: row.startsAt.getTime(), endsAt: row.endsAt.getTime() },
        'cancelled',
        why,
        courseTitles,
        now,
      );
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'workshop-cancelled',
        subjectType: 'workshop',
        subjectId: sessionId,
        data: { reason: why },
        at: now,
      });
      return { ok: true } as const;
    }),
  );
}

/** Sets a new check-in code for the session (the old one stops working) and returns it. */
export async function renewCheckInCode(
  db: Database,
  actor: Actor,
  sessionId: string,
  now: number,
): Promise<{ ok: true; code: string } | { ok: false; reason: 'not-found' | 'cancelled' }> {
  if (!isStaff(actor.role)) return { ok: false, reason: 'not-found' };
  const code = generateCheckInCode();
  return db.write(async (orm) => {
    const [row] = await orm
      .select({ cancelledAt: workshopSession.cancelledAt })
      .from(workshopSession)
      .where(eq(workshopSession.id, sessionId));
    if (!row) return { ok: false, reason: 'not-found' } as const;
    if (row.cancelledAt) return { ok: false, reason: 'cancelled' } as const;
    await orm.update(workshopSession).set({ checkInCode: code }).where(eq(workshopSession.id, sessionId));
    await recordAudit(orm, {
      actorId: actor.id,
      action: 'workshop-code-renewed',
      subjectType: 'workshop',
      subjectId: sessionId,
      at: now,
    });
    return { ok: true, code } as const;
  });
}
