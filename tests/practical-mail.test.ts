/**
 * Email about the practical half (issue 14 for issue 13): a trainer's decision, a booking, a
 * change, a cancellation and a place from the waitlist are queued in the same transaction as the
 * event, in the recipient's language; the day-before reminder goes once per booking and start
 * time, and not to people who turned reminders off.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailOutbox, user } from '#db/schema.ts';
import { fixtureCatalogue } from '#src/lib/learning/fixture.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import type { Actor } from '#src/lib/roles.ts';
import { DAY_MS, HOUR_MS } from '#src/lib/time.ts';
import type { SessionInput } from '#src/lib/workshop/rules.ts';
import { decideSubmission } from '#src/lib/server/assignment/marking.ts';
import { loadSubmission } from '#src/lib/server/assignment/submission.ts';
import { newId } from '#src/lib/server/ids.ts';
import { enrolSelf } from '#src/lib/server/learning/enrolment.ts';
import { enqueueWorkshopReminders } from '#src/lib/server/mail/practical-notices.ts';
import { saveMailPreferences } from '#src/lib/server/mail/preferences.ts';
import { bookSession, cancelBooking } from '#src/lib/server/workshop/booking.ts';
import { cancelSession, createSession, updateSession } from '#src/lib/server/workshop/sessions.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';
import { createPeople, submitTestAssignment, testAssignment, type People } from './helpers/practical.ts';

let test: TestDatabase;
let catalogue: Catalogue;
let people: People;
const t0 = Date.UTC(2026, 4, 20, 1, 0);
const titles = () => Promise.resolve(new Map([['main', 'The main course']]));

async function outbox(userId: string) {
  return test.db.orm
    .select({
      kind: mailOutbox.kind,
      to: mailOutbox.toAddress,
      locale: mailOutbox.locale,
      params: mailOutbox.params,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.userId, userId))
    .orderBy(mailOutbox.createdAt);
}

beforeEach(async () => {
  test = await createTestDb();
  catalogue = fixtureCatalogue({ assignments: ['planning'], practicalSessions: 1, sequential: false });
  people = await createPeople(test.db);
  for (const person of [people.learner, people.other])
    await enrolSelf(test.db, catalogue, person, 'main', t0);
});
afterEach(() => test.cleanup());

describe('a trainer decision', () => {
  it('queues the learner an email in their language with the decision, the score and what is left', async () => {
    await test.db.write((orm) =>
      orm.update(user).set({ locale: 'ms' }).where(eq(user.id, people.learner.id)),
    );
    await submitTestAssignment(test.db, catalogue, people.learner, t0);
    const id =
      (await loadSubmission(test.db.orm, { userId: people.learner.id, assignmentId: 'planning' }))?.id ?? '';
    expect(await outbox(people.learner.id)).toEqual([]);

    const refused = await decideSubmission(
      test.db,
      people.trainer,
      id,
      testAssignment,
      {
        decision: 'pass',
        marks: {
          accuracy: { level: 'not-yet', comment: 'Hours too long.' },
          reasons: { level: 'meets', comment: '' },
        },
        overallComment: '',
      },
      t0 + 1,
    );
    expect(refused.ok).toBe(false);
    // A refused decision changes nothing, so nothing is sent.
    expect(await outbox(people.learner.id)).toEqual([]);

    const returned = await decideSubmission(
      test.db,
      people.trainer,
      id,
      testAssignment,
      {
        decision: 'return',
        marks: {
          accuracy: { level: 'not-yet', comment: 'Hours too long.' },
          reasons: { level: 'meets', comment: '' },
        },
        overallComment: 'Check the restrictions again.',
      },
      t0 + 2,
      { en: 'Plan a return', ms: 'Rancang kepulangan' },
    );
    expect(returned.ok).toBe(true);
    expect(await outbox(people.learner.id)).toEqual([
      {
        kind: 'assignment-decided',
        to: 'siti.nur.aisyah.binti.abdullah@example.my',
        locale: 'ms',
        params: expect.objectContaining({
          moduleId: 'planning',
          assignmentTitle: 'Rancang kepulangan',
          decision: 'return',
          score: 2,
          maxScore: 4,
          submissionsLeft: 1,
        }) as unknown,
      },
    ]);
  });
});

describe('sessions', () => {
  const startsAt = t0 + 5 * DAY_MS;
  const input = (overrides: Partial<SessionInput> = {}): SessionInput => ({
    courseId: 'main',
    title: 'Building an RTW plan',
    startsAt,
    endsAt: startsAt + 3 * HOUR_MS,
    mode: 'in-person',
    venue: 'Bilik Latihan 2, Menara PERKESO',
    meetingUrl: null,
    capacity: 1,
    notes: null,
    ...overrides,
  });
  const kinds = async (actor: Actor) =>
    (await outbox(actor.id)).map((row) => `${row.kind}:${(row.params as { change?: string }).change ?? ''}`);

  it('tells learners of a booking, a waitlist place, a place given, a change and a cancellation', async () => {
    const id = (await createSession(test.db, people.trainer, input(), t0)) ?? '';
    await bookSession(test.db, people.learner, id, t0 + 1);
    await bookSession(test.db, people.other, id, t0 + 2);
    expect(await kinds(people.learner)).toEqual(['workshop-booking:booked']);
    expect(await kinds(people.other)).toEqual(['workshop-booking:waitlisted']);

    await cancelBooking(test.db, people.learner, id, t0 + 3);
    expect(await kinds(people.other)).toEqual(['workshop-booking:waitlisted', 'workshop-booking:promoted']);

    // A new title or capacity is not news; a new time is, to everyone with a place or waiting.
    await updateSession(
      test.db,
      people.trainer,
      id,
      { ...input({ title: 'RTW plans', capacity: 2 }) },
      t0 + 4,
    );
    expect(await kinds(people.other)).toHaveLength(2);
    await bookSession(test.db, people.learner, id, t0 + 5);
    await updateSession(
      test.db,
      people.trainer,
      id,
      input({ startsAt: startsAt + HOUR_MS, capacity: 2 }),
      t0 + 6,
    );
    expect((await kinds(people.other)).at(-1)).toBe('workshop-booking:changed');
    expect(await kinds(people.learner)).toEqual([
      'workshop-booking:booked',
      'workshop-booking:booked',
      'workshop-booking:changed',
    ]);

    await cancelSession(test.db, people.trainer, id, 'The trainer is unwell.', t0 + 7);
    const last = (await outbox(people.other.id)).at(-1);
    expect(last).toMatchObject({
      kind: 'workshop-booking',
      params: {
        change: 'cancelled',
        reason: 'The trainer is unwell.',
        venue: 'Bilik Latihan 2, Menara PERKESO',
      },
    });
    // The learner who left the waitlist is not told twice; nobody else was involved.
    expect(await kinds(people.learner)).toHaveLength(4);
  });

  it('reminds booked learners the day before, once, and respects the reminders switch', async () => {
    const id = (await createSession(test.db, people.trainer, input({ capacity: 3 }), t0)) ?? '';
    await bookSession(test.db, people.learner, id, t0);
    await bookSession(test.db, people.other, id, t0);
    await saveMailPreferences(
      test.db,
      people.other.id,
      { expiryReminders: false, inactivityNudges: true },
      t0,
    );
    const lateBooker = { id: newId(), role: 'learner' } as const;
    await test.db.write((orm) =>
      orm.insert(user).values({
        id: lateBooker.id,
        email: 'late@example.my',
        fullName: 'Lim Mei Ling',
        passwordHash: 'x',
        role: 'learner',
        organisationId: people.employerIds[0],
      }),
    );
    await enrolSelf(test.db, catalogue, lateBooker, 'main', t0);

    expect((await enqueueWorkshopReminders(test.db, startsAt - 2 * DAY_MS, titles)).queued).toBe(0);
    // Booked 12 hours before the start: the booking email already said when.
    await bookSession(test.db, lateBooker, id, startsAt - 12 * HOUR_MS);
    const dayBefore = startsAt - 20 * HOUR_MS;
    expect((await enqueueWorkshopReminders(test.db, dayBefore, titles)).queued).toBe(1);
    expect((await enqueueWorkshopReminders(test.db, dayBefore + HOUR_MS, titles)).queued).toBe(0);
    const reminders = await test.db.orm
      .select({ userId: mailOutbox.userId, params: mailOutbox.params, sendBefore: mailOutbox.sendBefore })
      .from(mailOutbox)
      .where(eq(mailOutbox.kind, 'workshop-reminder'));
    expect(reminders).toEqual([
      {
        userId: people.learner.id,
        params: expect.objectContaining({
          courseTitle: 'The main course',
          sessionTitle: 'Building an RTW plan',
        }) as unknown,
        sendBefore: new Date(startsAt),
      },
    ]);

    // Moved to the next day: a new reminder for the new time, now also for the late booker (who
    // booked more than a day before the new start); still none for the one who turned it off.
    await updateSession(
      test.db,
      people.trainer,
      id,
      input({ startsAt: startsAt + DAY_MS, endsAt: startsAt + DAY_MS + HOUR_MS, capacity: 3 }),
      dayBefore,
    );
    expect((await enqueueWorkshopReminders(test.db, dayBefore + DAY_MS, titles)).queued).toBe(2);
    const learnerReminders = await test.db.orm
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.kind, 'workshop-reminder'), eq(mailOutbox.userId, people.learner.id)));
    expect(learnerReminders).toHaveLength(2);
  });
});
