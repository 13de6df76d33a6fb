/**
 * An employer manager's learner record shows that learner's practical work (issue 13): the status
 * of each assignment and the sessions booked and attended. Another employer's record is null
 * (the page answers 404).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureCatalogue } from '#src/lib/learning/fixture.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import { HOUR_MS } from '#src/lib/time.ts';
import { loadStaffRecord } from '#src/lib/server/employer/staff-record.ts';
import { enrolSelf } from '#src/lib/server/learning/enrolment.ts';
import { markAttendance } from '#src/lib/server/workshop/attendance.ts';
import { bookSession } from '#src/lib/server/workshop/booking.ts';
import { createSession, loadStaffSession } from '#src/lib/server/workshop/sessions.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';
import { createPeople, submitTestAssignment, type People } from './helpers/practical.ts';

let test: TestDatabase;
let catalogue: Catalogue;
let people: People;
const t0 = Date.UTC(2026, 4, 20, 1, 0);

beforeEach(async () => {
  test = await createTestDb();
  catalogue = fixtureCatalogue({ assignments: ['planning'], practicalSessions: 1, sequential: false });
  people = await createPeople(test.db);
  for (const person of [people.learner, people.other])
    await enrolSelf(test.db, catalogue, person, 'main', t0);
});
afterEach(() => test.cleanup());

describe("the manager's learner record", () => {
  it("shows the learner's casework and sessions, and nothing to another employer", async () => {
    await submitTestAssignment(test.db, catalogue, people.learner, t0);
    const startsAt = t0 + 2 * HOUR_MS;
    const sessionId =
      (await createSession(
        test.db,
        people.trainer,
        {
          courseId: 'main',
          title: 'Case conference practice',
          startsAt,
          endsAt: startsAt + HOUR_MS,
          mode: 'in-person',
          venue: 'Bilik 2',
          meetingUrl: null,
          capacity: 5,
          notes: null,
        },
        t0,
      )) ?? '';
    await bookSession(test.db, people.learner, sessionId, t0);
    const booking =
      (await loadStaffSession(test.db, people.trainer, sessionId))?.bookings[0]?.bookingId ?? '';
    await markAttendance(test.db, people.trainer, sessionId, new Map([[booking, 'present']]), startsAt + 1);

    const record = await loadStaffRecord(test.db, catalogue, people.employerIds[0], people.learner.id, t0);
    expect(record?.practical).toEqual({
      assignments: [
        {
          courseId: 'main',
          assignmentId: 'planning',
          status: 'submitted',
          attempts: 1,
          submittedAt: t0,
          decidedAt: null,
        },
      ],
      sessions: [
        {
          title: 'Case conference practice',
          courseId: 'main',
          startsAt,
          cancelled: false,
          booking: 'booked',
          attendance: 'present',
        },
      ],
    });
    expect(
      await loadStaffRecord(test.db, catalogue, people.employerIds[1], people.learner.id, t0),
    ).toBeNull();
    const other = await loadStaffRecord(test.db, catalogue, people.employerIds[1], people.other.id, t0);
    expect(other?.practical).toEqual({ assignments: [], sessions: [] });
  });
});
