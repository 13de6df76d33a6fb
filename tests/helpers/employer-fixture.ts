/**
 * Two employers with a member of staff in every state the employer workspace shows, a manager of
 * the first, two trainers (one limited to the first employer) and an admin, written straight into
 * a test database. Uses the fixture catalogue's `main` course.
 */
import {
  assignmentSubmission,
  certificate,
  enrolment,
  lessonProgress,
  managerEmployer,
  organisation,
  quizAttempt,
  trainerEmployer,
  trainerScope,
  user,
} from '#db/schema.ts';
import { organisationNameKey } from '#src/lib/account/rules.ts';
import type { StaffState } from '#src/lib/employer/staff-state.ts';
import type { Role } from '#src/lib/roles.ts';
import type { Database } from '#src/lib/server/db.ts';
import { newId } from '#src/lib/server/ids.ts';
import { DAY_MS } from '#src/lib/time.ts';

export const FIXTURE_COURSE = 'main';

export interface EmployerFixture {
  id: string;
  name: string;
  /** Learner id by the state they are in. */
  staff: Record<StaffState, string>;
  emails: Record<StaffState, string>;
  enrolmentIds: string[];
  attemptIds: string[];
  certificateIds: string[];
}

export interface Fixture {
  a: EmployerFixture;
  b: EmployerFixture;
  independentId: string;
  manager: { id: string; role: Role };
  admin: { id: string; role: Role };
  limitedTrainer: { id: string; role: Role };
  trainer: { id: string; role: Role };
}

async function addUser(db: Database, email: string, role: Role, organisationId: string | null, now: number) {
  const id = newId();
  await db.write((orm) =>
    orm.insert(user).values({
      id,
      email,
      fullName: `Person ${email.split('@')[0] ?? ''}`,
      passwordHash: 'not-a-real-hash',
      role,
      organisationId,
      createdAt: new Date(now - 100 * DAY_MS),
      lastActiveAt: new Date(now - DAY_MS),
      emailVerifiedAt: new Date(now - 100 * DAY_MS),
    }),
  );
  return id;
}

let serial = 0;

async function addEmployer(
  db: Database,
  name: string,
  prefix: string,
  now: number,
): Promise<EmployerFixture> {
  const id = newId();
  await db.write((orm) => orm.insert(organisation).values({ id, name, nameKey: organisationNameKey(name) }));
  const staff = {} as Record<StaffState, string>;
  const emails = {} as Record<StaffState, string>;
  const fixture: EmployerFixture = {
    id,
    name,
    staff,
    emails,
    enrolmentIds: [],
    attemptIds: [],
    certificateIds: [],
  };
  const states: StaffState[] = [
    'overdue',
    'not-started',
    'in-progress',
    'awaiting-marking',
    'completed',
    'certified',
    'expiring-30',
    'expiring-60',
    'expiring-90',
    'expired',
    'withdrawn',
    'not-assigned',
  ];
  for (const state of states) {
    const email = `${prefix}.${state}@example.my`;
    const userId = await addUser(db, email, 'learner', id, now);
    staff[state] = userId;
    emails[state] = email;
    if (state === 'not-assigned') continue;
    const enrolmentId = newId();
    fixture.enrolmentIds.push(enrolmentId);
    const finished = [
      'completed',
      'certified',
      'expiring-30',
      'expiring-60',
      'expiring-90',
      'expired',
    ].includes(state);
    await db.write(async (orm) => {
      await orm.insert(enrolment).values({
        id: enrolmentId,
        userId,
        courseId: FIXTURE_COURSE,
        status: state === 'withdrawn' ? 'withdrawn' : 'active',
        enrolledAt: new Date(now - 60 * DAY_MS),
        withdrawnAt: state === 'withdrawn' ? new Date(now - 5 * DAY_MS) : null,
        completedAt: finished ? new Date(now - 30 * DAY_MS) : null,
        dueAt:
          state === 'overdue'
            ? new Date(now - DAY_MS)
            : state === 'in-progress'
              ? new Date(now + 20 * DAY_MS)
              : null,
      });
      if (state === 'in-progress' || state === 'overdue') {
        await orm.insert(lessonProgress).values({
          userId,
          lessonId: 'first-steps/01-why',
          firstViewedAt: new Date(now - 10 * DAY_MS),
          lastViewedAt: new Date(now - 10 * DAY_MS),
          completedAt: new Date(now - 10 * DAY_MS),
        });
        const attemptId = newId();
        fixture.attemptIds.push(attemptId);
        await orm.insert(quizAttempt).values({
          id: attemptId,
          userId,
          quizId: 'planning',
          attemptNumber: 1,
          contentVersion: 'v1',
          layout: [],
          status: 'submitted',
          startedAt: new Date(now - 9 * DAY_MS),
          submittedAt: new Date(now - 9 * DAY_MS),
          percent: 40,
          passed: false,
        });
      }
      if (state === 'awaiting-marking') {
        await orm.insert(assignmentSubmission).values({
          id: newId(),
          userId,
          assignmentId: 'planning',
          courseId: FIXTURE_COURSE,
          status: 'submitted',
          createdAt: new Date(now - 3 * DAY_MS),
          savedAt: new Date(now - 3 * DAY_MS),
          submittedAt: new Date(now - 3 * DAY_MS),
        });
      }
      const expiresInDays: Partial<Record<StaffState, number>> = {
        certified: 400,
        'expiring-30': 10,
        'expiring-60': 45,
        'expiring-90': 80,
        expired: -5,
      };
      const days = expiresInDays[state];
      if (days !== undefined) {
        const certificateId = newId();
        fixture.certificateIds.push(certificateId);
        serial += 1;
        await orm.insert(certificate).values({
          id: certificateId,
          serial: `T-${serial}`,
          verificationCode: `CODE${serial}`,
          userId,
          courseId: FIXTURE_COURSE,
          holderName: `Person ${state}`,
          courseTitle: 'Course main',
          cpdHours: 2,
          issuedAt: new Date(now - 29 * DAY_MS),
          expiresAt: new Date(now + days * DAY_MS),
        });
      }
    });
  }
  return fixture;
}

/** Writes the two employers and their people. */
export async function seedEmployerFixture(db: Database, now: number): Promise<Fixture> {
  const a = await addEmployer(db, 'Syarikat Alpha Sdn Bhd', 'alpha', now);
  const b = await addEmployer(db, 'Syarikat Beta Sdn Bhd', 'beta', now);
  const independentId = await addUser(db, 'solo@example.my', 'learner', null, now);
  const managerId = await addUser(db, 'manager.alpha@example.my', 'manager', a.id, now);
  const adminId = await addUser(db, 'admin@example.my', 'admin', null, now);
  const limitedId = await addUser(db, 'trainer.alpha@example.my', 'trainer', null, now);
  const trainerId = await addUser(db, 'trainer.all@example.my', 'trainer', null, now);
  await db.write(async (orm) => {
    await orm
      .insert(managerEmployer)
      .values({ userId: managerId, organisationId: a.id, assignedAt: new Date(now) });
    await orm.insert(trainerScope).values({ userId: limitedId, allEmployers: false, setAt: new Date(now) });
    await orm
      .insert(trainerEmployer)
      .values({ userId: limitedId, organisationId: a.id, assignedAt: new Date(now) });
  });
  return {
    a,
    b,
    independentId,
    manager: { id: managerId, role: 'manager' },
    admin: { id: adminId, role: 'admin' },
    limitedTrainer: { id: limitedId, role: 'trainer' },
    trainer: { id: trainerId, role: 'trainer' },
  };
}
