import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrolment, quizAttempt, user } from '#db/schema.ts';
import { courseSchema, lessonSchema, moduleSchema } from '#src/lib/content/schema.ts';
import { buildCatalogue, type Catalogue } from '#src/lib/learning/structure.ts';
import { listLearnerCertificates, loadDashboardCertificates } from '#src/lib/server/certificate/issue.ts';
import { findOrCreateOrganisation } from '#src/lib/server/employer/directory.ts';
import { newId } from '#src/lib/server/ids.ts';
import { DAY_MS } from '#src/lib/time.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';

/**
 * The dashboard's certificates come from one read of the standing certificates, with the
 * completed courses taken from the learner state the page already holds: due automatic
 * certificates (first ones and renewals) are still issued, exactly once, and listed.
 */

/** 14 August 2026, 10:30 in Kuala Lumpur. */
const now = Date.UTC(2026, 7, 14, 2, 30);
let test: TestDatabase;
let catalogue: Catalogue;

beforeEach(async () => {
  test = await createTestDb();
  catalogue = buildCatalogue({
    courses: [
      {
        id: 'supervisors',
        data: courseSchema.parse({
          title: 'Early intervention for supervisors',
          summary: 'For supervisors.',
          modules: ['first-days'],
          estimatedHours: 2,
          cpdHours: 2,
          completion: { requiredLessons: true, moduleQuizzes: false, finalAssessment: 'supervisors-final' },
          certificate: {
            title: 'Certificate of Completion',
            issueMode: 'auto',
            validityMonths: 12,
            signatoryName: 'Dr. Nurul Hidayah binti Kamaruddin',
            signatoryTitle: 'Programme Director',
          },
        }),
      },
    ],
    modules: [
      {
        id: 'first-days',
        data: moduleSchema.parse({
          title: 'First days',
          summary: 'The first days.',
          order: 1,
          objectives: ['Call the worker early'],
        }),
      },
    ],
    lessons: [
      {
        id: 'first-days/01-call',
        data: lessonSchema.parse({ title: 'The first call', order: 1, minutes: 5 }),
      },
    ],
    quizIds: [],
    assessmentIds: ['supervisors-final'],
  });
});
afterEach(() => test.cleanup());

async function completedLearner(): Promise<string> {
  const id = newId();
  await test.db.write(async (orm) => {
    const org = await findOrCreateOrganisation(orm, 'Syarikat Ujian Sdn Bhd');
    await orm.insert(user).values({
      id,
      email: 'tan@example.my',
      fullName: 'Tan Wei Ming',
      passwordHash: 'x',
      role: 'learner',
      organisationId: org.id,
      emailVerifiedAt: new Date(now - 30 * DAY_MS),
    });
    await orm.insert(enrolment).values({
      id: newId(),
      userId: id,
      courseId: 'supervisors',
      enrolledAt: new Date(now - 20 * DAY_MS),
      completedAt: new Date(now - 2 * DAY_MS),
    });
    await orm.insert(quizAttempt).values({
      id: newId(),
      userId: id,
      quizId: 'supervisors-final',
      attemptNumber: 1,
      contentVersion: 'v1',
      layout: [],
      status: 'submitted',
      startedAt: new Date(now - 2 * DAY_MS - 60_000),
      submittedAt: new Date(now - 2 * DAY_MS),
      passed: true,
    });
  });
  return id;
}

describe('the dashboard certificates', () => {
  it('issues a due automatic certificate once and lists it', async () => {
    const learnerId = await completedLearner();
    // Without the completion in the page's state nothing is issued: the state is the one source.
    expect(await loadDashboardCertificates(test.db, catalogue, learnerId, [], now)).toEqual([]);

    const first = await loadDashboardCertificates(test.db, catalogue, learnerId, ['supervisors'], now);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ courseId: 'supervisors', status: 'valid', dueForRenewal: false });
    const again = await loadDashboardCertificates(test.db, catalogue, learnerId, ['supervisors'], now + 1);
    expect(again.map((item) => item.id)).toEqual(first.map((item) => item.id));
    expect(again).toEqual(await listLearnerCertificates(test.db.orm, learnerId, now + 1));
  });

  it('renews an expiring automatic certificate only after a later final pass', async () => {
    const learnerId = await completedLearner();
    const [issued] = await loadDashboardCertificates(test.db, catalogue, learnerId, ['supervisors'], now);
    if (!issued) throw new Error('no certificate issued');

    // Inside the renewal window, with no final pass since the issue: listed as due, not renewed.
    const later = now + 330 * DAY_MS;
    const due = await loadDashboardCertificates(test.db, catalogue, learnerId, ['supervisors'], later);
    expect(due.map((item) => [item.id, item.dueForRenewal])).toEqual([[issued.id, true]]);

    await test.db.write((orm) =>
      orm.insert(quizAttempt).values({
        id: newId(),
        userId: learnerId,
        quizId: 'supervisors-final',
        attemptNumber: 2,
        contentVersion: 'v1',
        layout: [],
        status: 'submitted',
        startedAt: new Date(later - 60_000),
        submittedAt: new Date(later),
        passed: true,
      }),
    );
    const renewed = await loadDashboardCertificates(
      test.db,
      catalogue,
      learnerId,
      ['supervisors'],
      later + 1,
    );
    expect(renewed).toHaveLength(1);
    expect(renewed[0]?.id).not.toBe(issued.id);
    expect(renewed[0]).toMatchObject({ courseId: 'supervisors', status: 'valid', dueForRenewal: false });
  });
});
