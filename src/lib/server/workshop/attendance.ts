/**
 * Attendance marked by staff from the class list: present, late, excused or absent for each
 * learner with a place (or no mark yet). Present and late count toward a course's
 * `practical.sessionsRequired`; the caller records the completions that follow (completion.ts).
 * Marks other than "excused" wait until check-in opens: nobody is present before a session.
 * One audit entry per save lists every change.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { user, workshopBooking, workshopSession } from '#db/schema.ts';
import { CHECK_IN_OPENS_BEFORE_MS, type AttendanceMark } from '#src/lib/workshop/rules.ts';
import { isStaff, type Actor } from '#src/lib/roles.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database } from '#src/lib/server/db.ts';
import { learnerScope } from '#src/lib/server/employer/access.ts';

export type MarkAttendanceResult =
  | { ok: true; changed: number; learnerIds: string[] }
  | { ok: false; reason: 'not-found' | 'cancelled' | 'too-early' };

/** Saves marks by booking id (null clears a mark). Bookings without a place or outside scope are ignored. */
export async function markAttendance(
  db: Database,
  actor: Actor,
  sessionId: string,
  marks: ReadonlyMap<string, AttendanceMark | null>,
  now: number,
): Promise<MarkAttendanceResult> {
  if (!isStaff(actor.role)) return { ok: false, reason: 'not-found' };
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<MarkAttendanceResult> => {
      const [session] = await tx
        .select({ startsAt: workshopSession.startsAt, cancelledAt: workshopSession.cancelledAt })
        .from(workshopSession)
        .where(eq(workshopSession.id, sessionId));
      if (!session) return { ok: false, reason: 'not-found' };
      if (session.cancelledAt) return { ok: false, reason: 'cancelled' };
      const ids = [...marks.keys()];
      if (ids.length === 0) return { ok: true, changed: 0, learnerIds: [] };
      const rows = await tx
        .select({
          id: workshopBooking.id,
          userId: workshopBooking.userId,
          attendance: workshopBooking.attendance,
        })
        .from(workshopBooking)
        .innerJoin(user, eq(user.id, workshopBooking.userId))
        .where(
          and(
            eq(workshopBooking.sessionId, sessionId),
            eq(workshopBooking.status, 'booked'),
            inArray(workshopBooking.id, ids),
            learnerScope(actor),
          ),
        );
      const open = now >= session.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS;
      const changes: { learner: string; from: AttendanceMark | null; to: AttendanceMark | null }[] = [];
      const updates: { id: string; mark: AttendanceMark | null }[] = [];
      for (const row of rows) {
        const mark = marks.get(row.id) ?? null;
        if (mark === row.attendance) continue;
        // Checked before anything is written: a refusal changes nothing.
        if (!open && mark !== 'excused' && mark !== null) return { ok: false, reason: 'too-early' };
        changes.push({ learner: row.userId, from: row.attendance, to: mark });
        updates.push({ id: row.id, mark });
      }
      for (const { id, mark } of updates) {
        await tx
          .update(workshopBooking)
          .set({
            attendance: mark,
            attendanceAt: mark === null ? null : new Date(now),
            attendanceBy: mark === null ? null : actor.id,
          })
          .where(eq(workshopBooking.id, id));
      }
      if (changes.length > 0) {
        await recordAudit(tx, {
          actorId: actor.id,
          action: 'workshop-attendance-marked',
          subjectType: 'workshop',
          subjectId: sessionId,
          data: { changes },
          at: now,
        });
      }
      return { ok: true, changed: changes.length, learnerIds: changes.map((change) => change.learner) };
    }),
  );
}
