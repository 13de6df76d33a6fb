/**
 * Demo data for employers as customers (`npm start`): two employer managers (one managing two
 * employers), staff at their employers in every state the workspace shows (overdue, not started,
 * in progress with a due date, completed, certified, certificates ending within 30, 60 and 90
 * days, expired, withdrawn, not assigned), join codes, a verified email domain, invitations, and
 * audit entries. Managers need two-step verification: they get the demo TOTP key, as the demo
 * admin does (`npm run demo:totp` prints the current code).
 */
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import {
  auditEvent,
  employerDomain,
  employerJoinCode,
  enrolment,
  invitation,
  lessonProgress,
  managerEmployer,
  mfaCredential,
  user,
} from '#db/schema.ts';
import type { CourseView } from '#src/lib/learning/structure.ts';
import { insertCertificate } from '#src/lib/server/certificate/store.ts';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';
import { findOrCreateOrganisation } from '#src/lib/server/employer/directory.ts';
import { newId } from '#src/lib/server/ids.ts';
import { createLinkToken } from '#src/lib/server/mail/link-token.ts';
import { DAY_MS, HOUR_MS } from '#src/lib/time.ts';
import { DEMO_TOTP_SECRET, demoAccounts, type SeedStep } from './demo.ts';

const day = DAY_MS;
const COURSE = 'rtw-coordinator';

/** The demo managers (also in the README's demo accounts table). */
export const demoManagers = [
  {
    email: 'manager@demo.rtw-academy.my',
    fullName: 'Azlan bin Hashim',
    employers: ['Syarikat Elektronik Cahaya Sdn Bhd'],
    joinCode: 'CAHAYA26',
    locale: 'en' as const,
  },
  {
    email: 'manager.lintas@demo.rtw-academy.my',
    fullName: 'Chong Siew Lan',
    employers: ['Lintas Pulau Logistics Sdn Bhd', 'Hotel Seri Selatan Johor Bahru'],
    joinCode: 'PERAHU26',
    locale: 'ms' as const,
  },
] as const;

type Plan =
  | { kind: 'none' }
  | { kind: 'progress'; modules: number; lessons: number; dueInDays: number | null; withdrawn?: boolean }
  | { kind: 'complete'; daysAgo: number; certificateEndsInDays: number | null };

/** One member of staff per state, per employer: the prefix makes the addresses unique. */
const staffPlans: { name: string; plan: Plan }[] = [
  { name: 'Nor Azizah binti Yusof', plan: { kind: 'progress', modules: 1, lessons: 1, dueInDays: -6 } },
  { name: 'Gopal a/l Krishnan', plan: { kind: 'progress', modules: 0, lessons: 0, dueInDays: -2 } },
  { name: 'Wong Kar Mun', plan: { kind: 'progress', modules: 2, lessons: 2, dueInDays: 21 } },
  { name: 'Aminah binti Salleh', plan: { kind: 'progress', modules: 0, lessons: 0, dueInDays: 45 } },
  { name: 'Ravi a/l Chandran', plan: { kind: 'complete', daysAgo: 3, certificateEndsInDays: null } },
  { name: 'Lee Hui Min', plan: { kind: 'complete', daysAgo: 40, certificateEndsInDays: 25 } },
  { name: 'Faizal bin Abdul Rahman', plan: { kind: 'complete', daysAgo: 50, certificateEndsInDays: 52 } },
  { name: 'Siti Khadijah binti Omar', plan: { kind: 'complete', daysAgo: 60, certificateEndsInDays: 84 } },
  { name: 'Balqis binti Zainal', plan: { kind: 'complete', daysAgo: 400, certificateEndsInDays: -12 } },
  { name: 'Tan Boon Keat', plan: { kind: 'complete', daysAgo: 20, certificateEndsInDays: 700 } },
  {
    name: 'Muthu a/l Arumugam',
    plan: { kind: 'progress', modules: 1, lessons: 0, dueInDays: 30, withdrawn: true },
  },
  { name: 'Dayang Nurul binti Awang', plan: { kind: 'none' } },
];

function lessonsDone(course: CourseView, modules: number, lessons: number): string[] {
  return [
    ...course.modules.slice(0, modules).flatMap((module) => module.lessons.map((lesson) => lesson.id)),
    ...(course.modules[modules]?.lessons.slice(0, lessons).map((lesson) => lesson.id) ?? []),
  ];
}

export const seedEmployers: SeedStep = async (orm, { now, users }) => {
  const catalogue = catalogueFromTree(readContentTree());
  const course = catalogue.published.course(COURSE);
  if (!course) return 'Skipped the employer demo data: the RTW Coordinator course is missing.';
  const adminId = users.get(demoAccounts.find((account) => account.role === 'admin')?.email ?? '') ?? null;
  const [template] = adminId
    ? await orm.select({ passwordHash: user.passwordHash }).from(user).where(eq(user.id, adminId))
    : [];
  if (!template) return 'Skipped the employer demo data: the demo admin is missing.';

  const audit: (typeof auditEvent.$inferInsert)[] = [];
  const entry = (
    at: number,
    action: string,
    subjectType: string,
    subjectId: string,
    data: Record<string, unknown>,
    actorId = adminId,
  ) => audit.push({ at: new Date(at), actorId, action, subjectType, subjectId, data });
  let staffCount = 0;

  for (const [managerIndex, manager] of demoManagers.entries()) {
    const employers = [];
    for (const name of manager.employers) employers.push(await findOrCreateOrganisation(orm, name));
    const home = employers[0];
    if (!home) continue;
    const managerId = newId();
    const since = now - 120 * day;
    await orm.insert(user).values({
      id: managerId,
      email: manager.email,
      fullName: manager.fullName,
      passwordHash: template.passwordHash,
      role: 'manager',
      organisationId: home.id,
      locale: manager.locale,
      createdAt: new Date(since),
      lastActiveAt: new Date(now - day),
      emailVerifiedAt: new Date(since),
    });
    users.set(manager.email, managerId);
    await orm.insert(mfaCredential).values({
      userId: managerId,
      secret: Buffer.from(decodeBase32IgnorePadding(DEMO_TOTP_SECRET)),
      createdAt: new Date(since),
      confirmedAt: new Date(since),
    });
    entry(since + HOUR_MS, 'role-changed', 'user', managerId, {
      before: 'learner',
      after: 'manager',
      email: manager.email,
    });
    for (const employer of employers) {
      await orm.insert(managerEmployer).values({
        userId: managerId,
        organisationId: employer.id,
        assignedBy: adminId,
        assignedAt: new Date(since),
      });
      entry(since + HOUR_MS, 'manager-assigned', 'organisation', employer.id, {
        userId: managerId,
        email: manager.email,
        name: manager.fullName,
      });
    }
    await orm.insert(employerJoinCode).values({
      organisationId: home.id,
      code: manager.joinCode,
      createdBy: managerId,
      createdAt: new Date(now - 30 * day),
    });
    entry(now - 30 * day, 'join-code-created', 'organisation', home.id, {}, managerId);
    if (managerIndex === 0) {
      await orm.insert(employerDomain).values({
        domain: 'cahaya-elektronik.example.my',
        organisationId: home.id,
        addedBy: adminId,
        addedAt: new Date(since),
      });
      entry(since, 'employer-domain-added', 'organisation', home.id, {
        domain: 'cahaya-elektronik.example.my',
      });
    }

    const prefix = managerIndex === 0 ? 'cahaya' : 'lintas';
    const lessons: (typeof lessonProgress.$inferInsert)[] = [];
    for (const [index, staff] of staffPlans.entries()) {
      const userId = newId();
      const email = `${prefix}.${String(index + 1).padStart(2, '0')}@demo.rtw-academy.my`;
      const plan = staff.plan;
      const enrolledAt = plan.kind === 'complete' ? now - (plan.daysAgo + 40) * day : now - 60 * day;
      // Joined the employer's workspace before being enrolled (Balqis finished over a year ago).
      const joined = Math.min(now - 100 * day, enrolledAt - 7 * day);
      await orm.insert(user).values({
        id: userId,
        email,
        fullName: staff.name,
        passwordHash: template.passwordHash,
        role: 'learner',
        organisationId: home.id,
        locale: index % 3 === 0 ? 'ms' : 'en',
        createdAt: new Date(joined),
        lastActiveAt: new Date(now - ((index % 5) + 1) * day),
        emailVerifiedAt: new Date(joined),
      });
      staffCount += 1;
      if (plan.kind === 'none') continue;
      const enrolmentId = newId();
      const dueAt = plan.kind === 'progress' && plan.dueInDays !== null ? now + plan.dueInDays * day : null;
      const done =
        plan.kind === 'complete'
          ? lessonsDone(course, course.modules.length, 0)
          : lessonsDone(course, plan.modules, plan.lessons);
      done.forEach((lessonId, step) => {
        const at = new Date(enrolledAt + (step + 1) * HOUR_MS * 6);
        lessons.push({ userId, lessonId, firstViewedAt: at, lastViewedAt: at, completedAt: at });
      });
      await orm.insert(enrolment).values({
        id: enrolmentId,
        userId,
        courseId: course.id,
        status: plan.kind === 'progress' && plan.withdrawn ? 'withdrawn' : 'active',
        enrolledAt: new Date(enrolledAt),
        enrolledBy: managerId,
        withdrawnAt: plan.kind === 'progress' && plan.withdrawn ? new Date(now - 10 * day) : null,
        completedAt: plan.kind === 'complete' ? new Date(now - plan.daysAgo * day) : null,
        dueAt: dueAt === null ? null : new Date(dueAt),
      });
      entry(
        enrolledAt,
        'course-assigned',
        'enrolment',
        enrolmentId,
        { userId, email, courseId: course.id },
        managerId,
      );
      if (plan.kind === 'complete' && plan.certificateEndsInDays !== null) {
        await insertCertificate(
          orm,
          {
            userId,
            course,
            holderName: staff.name,
            mode: 'auto',
            actorId: null,
            expiresAt: now + plan.certificateEndsInDays * day,
          },
          now - plan.daysAgo * day + 2 * HOUR_MS,
        );
      }
    }
    for (let start = 0; start < lessons.length; start += 400)
      await orm.insert(lessonProgress).values(lessons.slice(start, start + 400));

    // Two invitations still open and one accepted long ago, so the list has something to show.
    for (const [offset, invitee] of [
      [2, { email: `${prefix}.new1@example.my`, fullName: 'Hairul Nizam bin Ahmad' }],
      [5, { email: `${prefix}.new2@example.my`, fullName: 'Priya a/p Subramaniam' }],
    ] as const) {
      const link = createLinkToken();
      await orm.insert(invitation).values({
        id: link.id,
        email: invitee.email,
        organisationId: home.id,
        locale: manager.locale,
        tokenHash: link.hash,
        invitedBy: managerId,
        createdAt: new Date(now - offset * day),
        expiresAt: new Date(now + (14 - offset) * day),
        fullName: invitee.fullName,
        courseId: course.id,
        dueAt: new Date(now + 60 * day),
      });
      entry(
        now - offset * day,
        'invitation-sent',
        'organisation',
        home.id,
        { email: invitee.email, invitationId: link.id },
        managerId,
      );
    }
  }
  for (let start = 0; start < audit.length; start += 400)
    await orm.insert(auditEvent).values(audit.slice(start, start + 400));
  return `Seeded ${demoManagers.length} employer managers and ${staffCount} staff in every workspace state (join codes ${demoManagers
    .map((manager) => manager.joinCode)
    .join(', ')}).`;
};
