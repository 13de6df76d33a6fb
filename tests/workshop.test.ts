import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvent, user } from '#db/schema.ts';
import { fixtureCatalogue } from '#src/lib/learning/fixture.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import type { Actor } from '#src/lib/roles.ts';
import { HOUR_MS, MINUTE_MS } from '#src/lib/time.ts';
import type { SessionInput } from '#src/lib/workshop/rules.ts';
import { markAttendance } from '#src/lib/server/workshop/attendance.ts';
import {
  bookSession,
  cancelBooking,
  checkIn,
  listLearnerSessions,
  loadBookedSession,
} from '#src/lib/server/workshop/booking.ts';
import { attendanceByEmployer, attendancePlacesSource } from '#src/lib/server/workshop/report.ts';
import {
  cancelSession,
  createSession,
  listSessions,
  loadStaffSession,
  renewCheckInCode,
  updateSession,
} from '#src/lib/server/workshop/sessions.ts';
import { enrolSelf } from '#src/lib/server/learning/enrolment.ts';
import { findOrCreateOrganisation } from '#src/lib/server/employer/directory.ts';
import { newId } from '#src/lib/server/ids.ts';
import { courseProgressFor, loadLearnerState } from '#src/lib/server/learning/progress.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';
import { createPeople, type People } from './helpers/practical.ts';

let test: TestDatabase;
let catalogue: Catalogue;
let people: People;
const t0 = Date.UTC(2026, 4, 20, 1, 0);
const startsAt = t0 + 5 * 24 * HOUR_MS;

const session = (overrides: Partial<SessionInput> = {}): SessionInput => ({
  courseId: 'main',
  title: 'Building an RTW plan',
  startsAt,
  endsAt: startsAt + 3 * HOUR_MS,
  mode: 'online',
  venue: null,
  meetingUrl: 'https://meet.example.my/rtw',
  capacity: 2,
  notes: null,
  ...overrides,
});

async function learner(name: string, employerId = people.employerIds[0]): Promise<Actor> {
  const id = newId();
  await test.db.write((orm) =>
    orm.insert(user).values({
      id,
      email: `${name.toLowerCase().replace(/\W+/gu, '.')}@example.my`,
      fullName: name,
      passwordHash: 'x',
      role: 'learner',
      organisationId: employerId,
    }),
  );
  const actor: Actor = { id, role: 'learner' };
  await enrolSelf(test.db, catalogue, actor, 'main', t0);
  return actor;
}

beforeEach(async () => {
  test = await createTestDb();
  catalogue = fixtureCatalogue({ practicalSessions: 1, finalAssessment: null, moduleQuizzes: false });
  people = await createPeople(test.db);
  for (const person of [people.learner, people.other])
    await enrolSelf(test.db, catalogue, person, 'main', t0);
});
afterEach(() => test.cleanup());

describe('booking a session', () => {
  it('gives places up to capacity, then a waitlist that moves up when a place frees', async () => {
    const id = (await createSession(test.db, people.trainer, session(), t0)) ?? '';
    const third = await learner('Kavitha a/p Ramasamy');
    expect(await bookSession(test.db, people.learner, id, t0)).toEqual({ ok: true, status: 'booked' });
    expect(await bookSession(test.db, people.other, id, t0 + 1)).toEqual({ ok: true, status: 'booked' });
    expect(await bookSession(test.db, third, id, t0 + 2)).toEqual({ ok: true, status: 'waitlisted' });
    expect(await bookSession(test.db, third, id, t0 + 3)).toEqual({
      ok: false,
      reason: 'already-waitlisted',
    });

    const waiting = await listLearnerSessions(test.db, third.id, { courseId: null, when: 'upcoming' }, t0);
    expect(waiting[0]).toMatchObject({
      booked: 2,
      waitlisted: 1,
      meetingUrl: null,
      booking: { status: 'waitlisted', waitlistPosition: 1 },
    });
    const booked = await listLearnerSessions(
      test.db,
      people.learner.id,
      { courseId: 'main', when: 'upcoming' },
      t0,
    );
    expect(booked[0]?.meetingUrl).toBe('https://meet.example.my/rtw');

    expect(await cancelBooking(test.db, people.other, id, t0 + 10)).toEqual({
      ok: true,
      promoted: [third.id],
    });
    expect(await loadBookedSession(test.db, third.id, id)).not.toBeNull();
    expect(await loadBookedSession(test.db, people.other.id, id)).toBeNull();
    // Booking again after cancelling joins the end of the queue.
    expect(await bookSession(test.db, people.other, id, t0 + 11)).toEqual({ ok: true, status: 'waitlisted' });
  });

  it('is only for enrolled learners, before the start, on sessions that go ahead', async () => {
    const id = (await createSession(test.db, people.trainer, session(), t0)) ?? '';
    const stranger = await test.db.write(async (orm) => {
      const org = await findOrCreateOrganisation(orm, 'Syarikat Tiga Sdn Bhd');
      const strangerId = newId();
      await orm.insert(user).values({
        id: strangerId,
        email: 's@example.my',
        fullName: 'S',
        passwordHash: 'x',
        role: 'learner',
        organisationId: org.id,
      });
      return { id: strangerId, role: 'learner' as const };
    });
    expect(await bookSession(test.db, stranger, id, t0)).toEqual({ ok: false, reason: 'not-found' });
    expect(await listLearnerSessions(test.db, stranger.id, { courseId: null, when: 'upcoming' }, t0)).toEqual(
      [],
    );
    expect(await bookSession(test.db, people.learner, id, startsAt)).toEqual({
      ok: false,
      reason: 'started',
    });
    expect(await bookSession(test.db, people.learner, id, t0)).toMatchObject({ ok: true });
    expect(await cancelBooking(test.db, people.learner, id, startsAt + 1)).toEqual({
      ok: false,
      reason: 'started',
    });
    expect(await cancelSession(test.db, people.trainer, id, '', t0)).toEqual({
      ok: false,
      reason: 'reason-needed',
    });
    expect(await cancelSession(test.db, people.trainer, id, 'Trainer unwell', t0)).toEqual({ ok: true });
    expect(await bookSession(test.db, people.other, id, t0)).toEqual({ ok: false, reason: 'cancelled' });
  });
});

describe('running a session', () => {
  it('grows capacity for the waitlist, refuses to shrink below the places given, and audits changes', async () => {
    const id = (await createSession(test.db, people.trainer, session({ capacity: 1 }), t0)) ?? '';
    await bookSession(test.db, people.learner, id, t0);
    await bookSession(test.db, people.other, id, t0 + 1);
    const { courseId: _course, ...rest } = session({ capacity: 2 });
    expect(await updateSession(test.db, people.trainer, id, rest, t0 + 2)).toEqual({
      ok: true,
      promoted: [people.other.id],
    });
    expect(await updateSession(test.db, people.trainer, id, { ...rest, capacity: 1 }, t0 + 3)).toEqual({
      ok: false,
      reason: 'invalid',
      problems: [{ field: 'capacity', code: 'below-booked' }],
    });
    const actions = (await test.db.orm.select({ action: auditEvent.action }).from(auditEvent)).map(
      (row) => row.action,
    );
    expect(actions).toEqual(['workshop-scheduled', 'workshop-updated']);
  });

  it('marks attendance from the class list and counts it toward the course', async () => {
    const id = (await createSession(test.db, people.trainer, session(), t0)) ?? '';
    await bookSession(test.db, people.learner, id, t0);
    await bookSession(test.db, people.other, id, t0);
    const staff = await loadStaffSession(test.db, people.trainer, id);
    expect(staff?.bookings.map((row) => row.fullName)).toEqual([
      'Siti Nur Aisyah binti Abdullah',
      'Tan Wei Ming',
    ]);
    const scoped = await loadStaffSession(test.db, people.scopedTrainer, id);
    expect(scoped?.bookings.map((row) => row.fullName)).toEqual(['Tan Wei Ming']);
    expect(scoped?.hidden).toBe(1);
    const bookingOf = (name: string) => staff?.bookings.find((row) => row.fullName === name)?.bookingId ?? '';

    const marks = new Map([
      [bookingOf('Siti Nur Aisyah binti Abdullah'), 'present' as const],
      [bookingOf('Tan Wei Ming'), 'excused' as const],
    ]);
    expect(await markAttendance(test.db, people.trainer, id, marks, t0)).toEqual({
      ok: false,
      reason: 'too-early',
    });
    const untouched = await loadStaffSession(test.db, people.trainer, id);
    expect(untouched?.bookings.map((row) => row.attendance)).toEqual([null, null]);
    expect(await markAttendance(test.db, people.trainer, id, marks, startsAt + HOUR_MS)).toMatchObject({
      ok: true,
      changed: 2,
    });
    // The scoped trainer cannot touch a learner outside their employers.
    expect(
      await markAttendance(
        test.db,
        people.scopedTrainer,
        id,
        new Map([[bookingOf('Siti Nur Aisyah binti Abdullah'), 'absent' as const]]),
        startsAt + HOUR_MS,
      ),
    ).toEqual({ ok: true, changed: 0, learnerIds: [] });

    const state = await loadLearnerState(test.db.orm, catalogue, people.learner.id);
    expect(state.record.attendedSessions.get('main')).toBe(1);
    expect(courseProgressFor(state, catalogue.published.course('main')!).practical).toEqual({
      required: 1,
      attended: 1,
      done: true,
    });
    const other = await loadLearnerState(test.db.orm, catalogue, people.other.id);
    expect(other.record.attendedSessions.get('main')).toBeUndefined();
  });

  it('checks learners in with the code during the session only, late after 15 minutes', async () => {
    const id = (await createSession(test.db, people.trainer, session(), t0)) ?? '';
    await bookSession(test.db, people.learner, id, t0);
    await bookSession(test.db, people.other, id, t0);
    const renewed = await renewCheckInCode(test.db, people.trainer, id, t0);
    const code = renewed.ok ? renewed.code : '';
    expect(await checkIn(test.db, people.learner, id, code, startsAt - 20 * MINUTE_MS)).toEqual({
      ok: false,
      reason: 'closed',
    });
    expect(await checkIn(test.db, people.learner, id, 'WRONG1', startsAt)).toEqual({
      ok: false,
      reason: 'wrong-code',
    });
    expect(await checkIn(test.db, people.learner, id, code.toLowerCase(), startsAt + 5 * MINUTE_MS)).toEqual({
      ok: true,
      mark: 'present',
      already: false,
    });
    expect(await checkIn(test.db, people.other, id, code, startsAt + 20 * MINUTE_MS)).toEqual({
      ok: true,
      mark: 'late',
      already: false,
    });
    expect(await checkIn(test.db, people.learner, id, code, startsAt + 3 * HOUR_MS + 1)).toEqual({
      ok: false,
      reason: 'closed',
    });
    const stranger = await learner('Lim Mei Ling');
    expect(await checkIn(test.db, stranger, id, code, startsAt)).toEqual({ ok: false, reason: 'not-found' });
  });

  it('stops check-in after five wrong codes', async () => {
    const id = (await createSession(test.db, people.trainer, session(), t0)) ?? '';
    await bookSession(test.db, people.learner, id, t0);
    const renewed = await renewCheckInCode(test.db, people.trainer, id, t0);
    for (let i = 0; i < 4; i++)
      expect(await checkIn(test.db, people.learner, id, 'NOPE00', startsAt)).toEqual({
        ok: false,
        reason: 'wrong-code',
      });
    expect(await checkIn(test.db, people.learner, id, 'NOPE00', startsAt)).toEqual({
      ok: false,
      reason: 'too-many-tries',
    });
    expect(await checkIn(test.db, people.learner, id, renewed.ok ? renewed.code : '', startsAt)).toEqual({
      ok: false,
      reason: 'too-many-tries',
    });
  });
});

describe('attendance reports', () => {
  it('sum places per employer in scope and list every place for the CSV', async () => {
    const id = (await createSession(test.db, people.trainer, session({ capacity: 5 }), t0)) ?? '';
    const third = await learner('Kavitha a/p Ramasamy');
    for (const person of [people.learner, people.other, third]) await bookSession(test.db, person, id, t0);
    const staff = await loadStaffSession(test.db, people.trainer, id);
    const marks = new Map(
      (staff?.bookings ?? []).map((row) => [
        row.bookingId,
        row.fullName === 'Tan Wei Ming' ? ('absent' as const) : ('present' as const),
      ]),
    );
    await markAttendance(test.db, people.trainer, id, marks, startsAt);
    await listSessions(test.db, { when: 'all', courseId: null }, t0);
    const filters = { courseId: null, employerId: null, startMs: t0, endMs: t0 + 30 * 24 * HOUR_MS };
    expect(await attendanceByEmployer(test.db, people.trainer, filters, startsAt + 5 * HOUR_MS)).toEqual([
      {
        employerId: people.employerIds[1],
        employer: 'Syarikat Dua Sdn Bhd',
        learners: 1,
        places: 1,
        present: 0,
        late: 0,
        excused: 0,
        absent: 1,
        unmarked: 0,
      },
      {
        employerId: people.employerIds[0],
        employer: 'Syarikat Satu Sdn Bhd',
        learners: 2,
        places: 2,
        present: 2,
        late: 0,
        excused: 0,
        absent: 0,
        unmarked: 0,
      },
    ]);
    expect(
      (await attendanceByEmployer(test.db, people.scopedTrainer, filters, startsAt)).map(
        (row) => row.employer,
      ),
    ).toEqual(['Syarikat Dua Sdn Bhd']);
    const source = attendancePlacesSource(test.db, people.trainer, filters, ['x'], (row) => [
      row.learner,
      row.attendance,
    ]);
    const first = await source.fetch(source.start, 2);
    const second = await source.fetch(first.next ?? null, 2);
    expect([...first.rows, ...second.rows].map((row) => row.learner).sort()).toEqual([
      'Kavitha a/p Ramasamy',
      'Siti Nur Aisyah binti Abdullah',
      'Tan Wei Ming',
    ]);
    expect(second.next).toBeUndefined();
  });
});
