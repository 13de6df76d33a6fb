/**
 * The demo data tells consistent stories: for every demo person, registration comes before any
 * enrolment, enrolment before their progress, attempts and completion, completion before the
 * certificate, and nothing happens in the future. Seeds a real migrated database with every step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assignmentAttempt,
  assignmentSubmission,
  certificate,
  enrolment,
  lessonProgress,
  moduleCompletion,
  quizAttempt,
  user,
  workshopBooking,
  workshopSession,
} from '#db/schema.ts';
import { eq } from 'drizzle-orm';
import { demoSeedSteps } from '../scripts/demo-steps.ts';
import { seedDemo } from '../scripts/seed/demo.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';

const now = Date.UTC(2026, 11, 6, 2, 0);
const day = 24 * 60 * 60 * 1000;
let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDb();
  await seedDemo(test.db, now, demoSeedSteps);
}, 120_000);

afterAll(() => test.cleanup());

const ms = (at: Date | null): number | null => at?.getTime() ?? null;

describe('demo timelines', () => {
  it('registers everyone before they enrol, enrols before completing, completes before certification', async () => {
    const orm = test.db.orm;
    const people = await orm
      .select({ id: user.id, name: user.fullName, createdAt: user.createdAt })
      .from(user);
    const registered = new Map(
      people.map((row) => [row.id, { name: row.name, at: row.createdAt.getTime() }]),
    );
    const problems: string[] = [];
    const who = (id: string) => registered.get(id)?.name ?? id;

    const enrolments = await orm.select().from(enrolment);
    const enrolledAt = new Map<string, number>();
    for (const row of enrolments) {
      const enrolled = row.enrolledAt.getTime();
      enrolledAt.set(`${row.userId} ${row.courseId}`, enrolled);
      const person = registered.get(row.userId);
      if (person && enrolled < person.at)
        problems.push(`${who(row.userId)} enrolled in ${row.courseId} before registering`);
      const completed = ms(row.completedAt);
      if (completed !== null && completed < enrolled)
        problems.push(`${who(row.userId)} completed ${row.courseId} before enrolling`);
      if (completed !== null && completed > now)
        problems.push(`${who(row.userId)} completes ${row.courseId} in the future`);
      if (enrolled > now) problems.push(`${who(row.userId)} enrols in ${row.courseId} in the future`);
    }
    const earliestEnrolment = new Map<string, number>();
    for (const row of enrolments)
      earliestEnrolment.set(
        row.userId,
        Math.min(earliestEnrolment.get(row.userId) ?? Infinity, row.enrolledAt.getTime()),
      );

    for (const row of await orm.select().from(certificate)) {
      const completed = enrolments.find(
        (entry) => entry.userId === row.userId && entry.courseId === row.courseId,
      );
      const completedAt = ms(completed?.completedAt ?? null);
      if (completedAt === null)
        problems.push(`${who(row.userId)} holds ${row.serial} without completing ${row.courseId}`);
      else if (row.issuedAt.getTime() < completedAt)
        problems.push(`${row.serial} issued before ${who(row.userId)} completed`);
      if (row.issuedAt.getTime() > now) problems.push(`${row.serial} issued in the future`);
      const person = registered.get(row.userId);
      if (person && row.issuedAt.getTime() < person.at)
        problems.push(`${row.serial} issued before ${person.name} registered`);
    }

    for (const row of await orm.select().from(lessonProgress)) {
      const first = earliestEnrolment.get(row.userId);
      if (first === undefined) continue;
      if (row.firstViewedAt.getTime() < first)
        problems.push(`${who(row.userId)} read ${row.lessonId} before enrolling`);
      const completed = ms(row.completedAt);
      if (completed !== null && completed > now)
        problems.push(`${who(row.userId)} completes ${row.lessonId} in the future`);
    }
    for (const row of await orm.select().from(moduleCompletion)) {
      const first = earliestEnrolment.get(row.userId);
      if (first !== undefined && row.completedAt.getTime() < first)
        problems.push(`${who(row.userId)} completed module ${row.moduleId} before enrolling`);
    }
    for (const row of await orm.select().from(quizAttempt)) {
      const person = registered.get(row.userId);
      if (person && row.startedAt.getTime() < person.at)
        problems.push(`${person.name} attempted ${row.quizId} before registering`);
      if (row.startedAt.getTime() > now)
        problems.push(`${who(row.userId)} attempts ${row.quizId} in the future`);
    }
    // The practical half: work is submitted after enrolling and decided after submitting; places
    // are booked after registering and before the session starts; nothing in the future.
    for (const row of await orm
      .select({
        attempt: assignmentAttempt,
        userId: assignmentSubmission.userId,
        courseId: assignmentSubmission.courseId,
      })
      .from(assignmentAttempt)
      .innerJoin(assignmentSubmission, eq(assignmentSubmission.id, assignmentAttempt.submissionId))) {
      const submitted = row.attempt.submittedAt.getTime();
      const enrolled = enrolledAt.get(`${row.userId} ${row.courseId}`);
      if (enrolled === undefined || submitted < enrolled)
        problems.push(`${who(row.userId)} submitted ${row.courseId} work before enrolling`);
      if (submitted > now) problems.push(`${who(row.userId)} submits work in the future`);
      const decided = ms(row.attempt.decidedAt);
      if (decided !== null && (decided < submitted || decided > now))
        problems.push(`${who(row.userId)}'s work is decided out of order`);
    }
    for (const row of await orm
      .select({ booking: workshopBooking, startsAt: workshopSession.startsAt })
      .from(workshopBooking)
      .innerJoin(workshopSession, eq(workshopSession.id, workshopBooking.sessionId))) {
      const booked = row.booking.queuedAt.getTime();
      const person = registered.get(row.booking.userId);
      if (person && booked < person.at) problems.push(`${person.name} booked before registering`);
      if (booked > now || booked > row.startsAt.getTime())
        problems.push(`${who(row.booking.userId)} booked after the session started or in the future`);
    }
    expect(problems).toEqual([]);
    // The dashboard's story stays: the demo learner registered about two years ago.
    const siti = people.find((row) => row.name === 'Siti Nur Aisyah binti Abdullah');
    expect(now - (siti?.createdAt.getTime() ?? now)).toBeGreaterThan(700 * day);
  });
});
