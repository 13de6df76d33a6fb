import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assignmentSubmission,
  enrolment,
  lessonProgress,
  moduleCompletion,
  quizAttempt,
  user,
  workshopBooking,
  workshopSession,
} from '#db/schema.ts';
import { fixtureCatalogue, type FixtureOptions } from '#src/lib/learning/fixture.ts';
import { newId } from '#src/lib/server/ids.ts';
import { findOrCreateOrganisation } from '#src/lib/server/employer/directory.ts';
import { courseProgressFor, loadLearnerState } from '#src/lib/server/learning/progress.ts';
import { courseShape, percentsFor } from '#src/lib/server/learning/progress-sql.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';

/**
 * The SQL version of % complete (for reports over thousands of learners) must agree with the
 * learning path's own rule, `computeCourseProgress`, on any learner record: random lesson rows
 * (current ids, old ids through aliases, unknown ids), recorded modules, passed and failed quizzes
 * and final assessments, assignments in every marking state, practical sessions attended or not
 * (in this course and another), with and without a recorded course completion.
 */

const t0 = Date.UTC(2026, 10, 2, 1, 0, 0);
let test: TestDatabase;
let organisationId: string;

beforeAll(async () => {
  test = await createTestDb();
  organisationId = (await test.db.write((orm) => findOrCreateOrganisation(orm, 'Syarikat Ujian Sdn Bhd'))).id;
});
afterAll(() => test.cleanup());

const variants: FixtureOptions[] = [
  {},
  { moduleQuizzes: false },
  { finalAssessment: null },
  {
    moduleAliases: { 'first-steps': ['getting-started'], planning: ['plans'] },
    extraLessons: [{ id: 'planning/03-extra', order: 3, aliases: ['planning/old-extra'] }],
  },
  { assignments: ['first-steps', 'planning'], practicalSessions: 2 },
  { assignments: ['planning'], moduleAliases: { planning: ['plans'] }, practicalSessions: 1 },
];

const lessonIds = [
  'first-steps/01-why',
  'first-steps/02-how',
  'first-steps/03-extra-reading',
  'first-steps/04-unfinished',
  'getting-started/01-why',
  'planning/01-plan',
  'planning/02-review',
  'planning/03-extra',
  'planning/old-extra',
  'plans/02-review',
  'open-module/01-only',
  'gone/01-removed',
];
const moduleIds = ['first-steps', 'getting-started', 'planning', 'plans', 'open-module', 'secret-module'];
const quizIds = ['planning', 'plans', 'first-steps', 'main-final', 'open-module'];

const record = fc.record({
  lessons: fc.uniqueArray(fc.record({ id: fc.constantFrom(...lessonIds), complete: fc.boolean() }), {
    selector: (lesson) => lesson.id,
    maxLength: 10,
  }),
  modules: fc.uniqueArray(fc.constantFrom(...moduleIds), { maxLength: 4 }),
  quizzes: fc.array(fc.record({ id: fc.constantFrom(...quizIds), passed: fc.boolean() }), { maxLength: 5 }),
  assignments: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom(...moduleIds),
      status: fc.constantFrom('draft', 'submitted', 'returned', 'passed', 'not-passed' as const),
    }),
    { selector: (assignment) => assignment.id, maxLength: 3 },
  ),
  sessions: fc.array(
    fc.record({
      attendance: fc.constantFrom('present', 'late', 'absent', 'excused', null),
      otherCourse: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  courseRecorded: fc.boolean(),
});

describe('% complete in SQL', () => {
  it('agrees with computeCourseProgress on random learner records', async () => {
    for (const [index, options] of variants.entries()) {
      const catalogue = fixtureCatalogue(options);
      for (const course of catalogue.published.courses) {
        const shape = courseShape(course, catalogue.aliases);
        await fc.assert(
          fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 6 }), async (learners) => {
            const ids: string[] = [];
            await test.db.write(async (orm) => {
              for (const learner of learners) {
                const id = newId();
                ids.push(id);
                await orm.insert(user).values({
                  id,
                  email: `${id}@example.my`,
                  fullName: id,
                  passwordHash: 'x',
                  organisationId,
                });
                await orm.insert(enrolment).values({
                  id: newId(),
                  userId: id,
                  courseId: course.id,
                  enrolledAt: new Date(t0),
                  completedAt: learner.courseRecorded ? new Date(t0) : null,
                });
                for (const lesson of learner.lessons) {
                  await orm.insert(lessonProgress).values({
                    userId: id,
                    lessonId: lesson.id,
                    firstViewedAt: new Date(t0),
                    lastViewedAt: new Date(t0),
                    completedAt: lesson.complete ? new Date(t0) : null,
                  });
                }
                for (const moduleId of learner.modules) {
                  await orm
                    .insert(moduleCompletion)
                    .values({ userId: id, moduleId, completedAt: new Date(t0) });
                }
                for (const assignment of learner.assignments) {
                  await orm.insert(assignmentSubmission).values({
                    id: newId(),
                    userId: id,
                    assignmentId: assignment.id,
                    courseId: course.id,
                    status: assignment.status,
                    createdAt: new Date(t0),
                    savedAt: new Date(t0),
                  });
                }
                for (const session of learner.sessions) {
                  const sessionId = newId();
                  await orm.insert(workshopSession).values({
                    id: sessionId,
                    courseId: session.otherCourse ? 'another-course' : course.id,
                    title: 'Practical',
                    startsAt: new Date(t0),
                    endsAt: new Date(t0 + 3_600_000),
                    mode: 'in-person',
                    capacity: 10,
                    createdAt: new Date(t0),
                  });
                  await orm.insert(workshopBooking).values({
                    id: newId(),
                    sessionId,
                    userId: id,
                    status: 'booked',
                    queuedAt: new Date(t0),
                    attendance: session.attendance,
                  });
                }
                for (const [number, quiz] of learner.quizzes.entries()) {
                  await orm.insert(quizAttempt).values({
                    id: newId(),
                    userId: id,
                    quizId: quiz.id,
                    attemptNumber: number + 1,
                    contentVersion: 'v',
                    layout: {},
                    status: 'submitted',
                    startedAt: new Date(t0),
                    passed: quiz.passed,
                  });
                }
              }
            });
            const fromSql = await percentsFor(
              test.db,
              shape,
              sql`SELECT value FROM json_each(${JSON.stringify(ids)})`,
            );
            for (const id of ids) {
              const expected = courseProgressFor(await loadLearnerState(test.db.orm, catalogue, id), course);
              expect(fromSql.get(id), `variant ${index}, course ${course.id}`).toEqual({
                percent: expected.percent,
                itemsDone: expected.itemsDone,
                itemsTotal: expected.itemsTotal,
              });
            }
          }),
          { numRuns: 30, seed: 20261102 + index },
        );
      }
    }
  }, 300_000);
});
