/**
 * Accounts and records the HTTP reliability checks work with, written straight into the
 * database the servers use (no sign-in round trips, no Argon2 per account): dedicated learners,
 * a trainer and an admin with sessions, employers and users for admin actions to aim at, and an
 * open attempt at each quiz of the supervisors' course. Nothing here touches the demo accounts.
 */
import { eq } from 'drizzle-orm';
import { organisation, quizAttempt, user } from '#db/schema.ts';
import { organisationNameKey } from '#src/lib/account/rules.ts';
import { lessonHref } from '#src/lib/learning/paths.ts';
import type { Database } from '#src/lib/server/db.ts';
import { enrolSelf } from '#src/lib/server/learning/enrolment.ts';
import { newId } from '#src/lib/server/ids.ts';
import { hashPassword } from '#src/lib/server/account/password.ts';
import { drawAttempt, seededRandom } from '#src/lib/server/quiz/draw.ts';
import { answerableQuestions, resolveLayout } from '#src/lib/server/quiz/draw.ts';
import { createSession } from '#src/lib/server/account/session.ts';
import { sessionCookieName } from '#src/lib/server/account/session-cookie.ts';
import type { BenchContent } from '../../bench/content.ts';
import type { FuzzContext, FuzzIdentity } from './http-fuzz.ts';

export const FIXTURE_COURSE_ID = 'supervisors-early-intervention';
export const FIXTURE_PASSWORD = 'fixture-password-2026';

/**
 * A Cookie header carrying `token` under both session cookie names, so it works whether the
 * server runs with secure cookies (`__Host-rtw_session`) or without (`rtw_session`).
 */
export function sessionCookieHeader(token: string): string {
  return `${sessionCookieName(false)}=${token}; ${sessionCookieName(true)}=${token}`;
}

let passwordHash: Promise<string> | undefined;

async function addUser(
  db: Database,
  input: { email: string; fullName: string; role: 'learner' | 'trainer' | 'admin'; organisationId: string },
): Promise<string> {
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  const id = newId();
  const hash = await passwordHash;
  // Confirmed addresses, so completions issue certificates (they need a confirmed address).
  await db.write((orm) =>
    orm.insert(user).values({ id, ...input, passwordHash: hash, emailVerifiedAt: new Date() }),
  );
  return id;
}

async function addEmployer(db: Database, name: string): Promise<string> {
  const id = newId();
  await db.write((orm) => orm.insert(organisation).values({ id, name, nameKey: organisationNameKey(name) }));
  return id;
}

/** `count` new learners with a session each, in a new employer named after `tag`. */
export async function createLearners(
  db: Database,
  tag: string,
  count: number,
  now: number,
): Promise<{ id: string; email: string; cookie: string }[]> {
  const employerId = await addEmployer(db, `Reliability ${tag} Sdn Bhd`);
  const learners: { id: string; email: string; cookie: string }[] = [];
  for (let index = 0; index < count; index++) {
    const email = `reliability.${tag}.${index}@example.my`;
    const id = await addUser(db, {
      email,
      fullName: `Peserta ${tag} ${index}`,
      role: 'learner',
      organisationId: employerId,
    });
    const { token } = await createSession(db, id, now);
    learners.push({ id, email, cookie: sessionCookieHeader(token) });
  }
  return learners;
}

/**
 * Everything the HTTP fuzzer needs except the server origins and source addresses: signed-in
 * identities of each role, and real ids to mix into the hostile values.
 */
export async function createFuzzFixture(
  db: Database,
  content: BenchContent,
  tag: string,
  now: number,
): Promise<Pick<FuzzContext, 'identities' | 'known'>> {
  const course = content.catalogue.published.course(FIXTURE_COURSE_ID);
  if (!course) throw new Error(`The fuzz fixture needs the course "${FIXTURE_COURSE_ID}".`);
  const employerA = await addEmployer(db, `Fuzz ${tag} Alpha Sdn Bhd`);
  const employerB = await addEmployer(db, `Fuzz ${tag} Beta Sdn Bhd`);
  const email = (who: string) => `fuzz.${tag}.${who}@example.my`;
  const learnerId = await addUser(db, {
    email: email('learner'),
    fullName: 'Fuzz Learner',
    role: 'learner',
    organisationId: employerA,
  });
  const trainerId = await addUser(db, {
    email: email('trainer'),
    fullName: 'Fuzz Trainer',
    role: 'trainer',
    organisationId: employerA,
  });
  const adminId = await addUser(db, {
    email: email('admin'),
    fullName: 'Fuzz Admin',
    role: 'admin',
    organisationId: employerA,
  });
  const targets = [
    await addUser(db, {
      email: email('target-1'),
      fullName: 'Fuzz Target Satu',
      role: 'learner',
      organisationId: employerA,
    }),
    await addUser(db, {
      email: email('target-2'),
      fullName: 'Fuzz Target Dua',
      role: 'learner',
      organisationId: employerB,
    }),
  ];
  await enrolSelf(db, content.catalogue, { id: learnerId, role: 'learner' }, course.id, now);

  const attemptIds: string[] = [];
  const questionIds = new Set<string>();
  const quizIds = [...course.modules.map((module) => module.quizId), course.rules.finalAssessmentId];
  for (const quizId of quizIds) {
    const quiz = quizId ? content.quizzes.get(quizId) : undefined;
    if (!quiz) continue;
    const layout = drawAttempt(quiz.quiz, seededRandom(`fuzz:${tag}:${quiz.id}`));
    for (const { question } of answerableQuestions(resolveLayout(quiz.quiz, layout)))
      questionIds.add(question.id);
    const id = newId();
    attemptIds.push(id);
    await db.write((orm) =>
      orm.insert(quizAttempt).values({
        id,
        userId: learnerId,
        quizId: quiz.id,
        attemptNumber: 1,
        contentVersion: quiz.version,
        layout,
        answers: {},
        status: 'in-progress',
        startedAt: new Date(now),
        deadlineAt:
          quiz.quiz.settings.timeLimitMinutes > 0
            ? new Date(now + quiz.quiz.settings.timeLimitMinutes * 60_000)
            : null,
      }),
    );
  }

  const identities: FuzzIdentity[] = [];
  for (const [role, id] of [
    ['learner', learnerId],
    ['trainer', trainerId],
    ['admin', adminId],
  ] as const) {
    const { token } = await createSession(db, id, now);
    identities.push({ role, cookie: sessionCookieHeader(token) });
  }
  const [exists] = await db.orm.select({ id: user.id }).from(user).where(eq(user.id, adminId));
  if (!exists) throw new Error('The fuzz fixture could not be written.');

  const firstLesson = course.lessons[0];
  const firstModule = course.modules[0];
  return {
    identities,
    known: {
      ids: [
        learnerId,
        trainerId,
        adminId,
        ...targets,
        employerA,
        employerB,
        `${targets[0] ?? ''}:${course.id}`,
      ],
      emails: [
        email('target-1'),
        email('target-2'),
        email('learner'),
        `${email('target-1')}\n${email('target-2')}`,
      ],
      courseIds: content.courses.map((entry) => entry.id),
      moduleIds: course.modules.map((module) => module.id),
      lessonPaths: course.lessons.map((lesson) => lessonHref(course.id, lesson.id)),
      quizRefs: [
        ...course.modules.flatMap((module) => (module.quizId ? [`module:${module.quizId}`] : [])),
        ...(course.rules.finalAssessmentId ? [`assessment:${course.rules.finalAssessmentId}`] : []),
      ],
      questionIds: [...questionIds],
      attemptIds,
      pages: [
        '/',
        '/sign-in',
        '/register',
        '/profile',
        '/dashboard',
        '/courses',
        `/courses/${course.id}`,
        firstLesson ? lessonHref(course.id, firstLesson.id) : '/courses',
        firstModule ? `/courses/${course.id}/${firstModule.id}/quiz` : '/courses',
        `/courses/${course.id}/assessment`,
        '/admin/users',
        '/admin/certificates/exception',
        '/staff/accommodations',
        '/staff/enrolments',
        '/verify',
      ],
    },
  };
}
