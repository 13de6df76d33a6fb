/**
 * Demo data for the admin area (`npm start`): six employers (one with a misspelt duplicate to
 * merge, three with a SOCSO code), 42 more learners in every state the admin screens show
 * (completed over the past year, in progress, inactive for 30+ days, never enrolled, withdrawn,
 * deactivated), certificates that expire within 30, 60 and 90 days, and audit entries for the
 * changes staff made. Runs after the other demo steps; reuses the demo password hash, so it
 * adds no Argon2 work, and inserts in batches.
 */
import { eq } from 'drizzle-orm';
import type { Catalogue, CourseView } from '#src/lib/learning/structure.ts';
import { insertCertificate } from '#src/lib/server/certificate/store.ts';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';
import type { Orm } from '#src/lib/server/db.ts';
import { newId } from '#src/lib/server/ids.ts';
import { findOrCreateOrganisation } from '#src/lib/server/employer/directory.ts';
import {
  auditEvent,
  enrolment,
  lessonProgress,
  moduleCompletion,
  organisation,
  passwordReset,
  user,
} from '#db/schema.ts';
import { demoAccounts, type SeedStep } from './demo.ts';
import { DAY_MS, HOUR_MS } from '#src/lib/time.ts';

const day = DAY_MS;
const RTW = 'rtw-coordinator';
const SUP = 'supervisors-early-intervention';

const employers = [
  'Syarikat Elektronik Cahaya Sdn Bhd',
  'Lintas Pulau Logistics Sdn Bhd',
  'Hotel Seri Selatan Johor Bahru',
  'Ladang Sungai Sarawak Berhad',
  'Klinik Mutiara Healthcare Sdn Bhd',
  'Pembinaan Jaya Bina Sdn Bhd',
  // A second spelling of Lintas Pulau, registered by mistake: there for an admin to merge.
  'Lintas Pulau Logistic Sdn. Bhd.',
] as const;

const socsoCodes: Record<number, string> = { 0: 'E1100012345A', 3: 'E3300098765B', 5: 'E1400055501C' };

type Plan =
  | { kind: 'none' }
  | {
      kind: 'progress';
      course: string;
      modules: number;
      lessons: number;
      enrolledDaysAgo: number;
      withdrawn?: boolean;
      /** Enrolled by the demo trainer (with an audit entry). */
      byStaff?: boolean;
    }
  | { kind: 'complete'; course: string; completedDaysAgo: number; certificate: 'issued' | 'waiting' };

interface Learner {
  fullName: string;
  email: string;
  employer: number;
  plan: Plan;
  /** Days since the last request; null: never came back after registering. */
  lastActiveDaysAgo: number | null;
  deactivated?: string;
}

const progress = (
  course: string,
  modules: number,
  lessons: number,
  enrolledDaysAgo: number,
  extra: Partial<Plan> = {},
): Plan => ({ kind: 'progress', course, modules, lessons, enrolledDaysAgo, ...extra }) as Plan;
const complete = (
  course: string,
  completedDaysAgo: number,
  certificate: 'issued' | 'waiting' = 'issued',
): Plan => ({
  kind: 'complete',
  course,
  completedDaysAgo,
  certificate,
});
// Two years of validity, less 45 and 80 days: certificates that expire inside the 60 and 90 day windows.
const twoYears = 730;

export const adminDemoLearners: Learner[] = [
  {
    fullName: 'Ahmad Zulkifli bin Hassan',
    email: 'zulkifli.hassan',
    employer: 0,
    plan: complete(RTW, 12),
    lastActiveDaysAgo: 2,
  },
  {
    fullName: 'Wong Mei Fong',
    email: 'meifong.wong',
    employer: 0,
    plan: progress(RTW, 9, 2, 70),
    lastActiveDaysAgo: 1,
  },
  {
    fullName: 'Priya a/p Ganesan',
    email: 'priya.ganesan',
    employer: 0,
    plan: progress(RTW, 3, 1, 95),
    lastActiveDaysAgo: 48,
  },
  {
    fullName: 'Mohd Firdaus bin Kamal',
    email: 'firdaus.kamal',
    employer: 0,
    plan: complete(SUP, 40),
    lastActiveDaysAgo: 6,
  },
  {
    fullName: 'Lee Kah Wai',
    email: 'kahwai.lee',
    employer: 0,
    plan: progress(SUP, 1, 1, 15, { byStaff: true }),
    lastActiveDaysAgo: 3,
  },
  {
    fullName: 'Jessica Lajim',
    email: 'jessica.lajim',
    employer: 0,
    plan: { kind: 'none' },
    lastActiveDaysAgo: 12,
  },
  {
    fullName: 'Nor Azlina binti Yusof',
    email: 'azlina.yusof',
    employer: 0,
    plan: complete(SUP, twoYears - 45),
    lastActiveDaysAgo: 200,
  },

  {
    fullName: 'Suresh a/l Muthu',
    email: 'suresh.muthu',
    employer: 1,
    plan: complete(RTW, 75),
    lastActiveDaysAgo: 20,
  },
  {
    fullName: 'Tan Siew Ling',
    email: 'siewling.tan',
    employer: 1,
    plan: progress(RTW, 6, 0, 120),
    lastActiveDaysAgo: 62,
  },
  {
    fullName: 'Siti Hajar binti Rahim',
    email: 'sitihajar.rahim',
    employer: 1,
    plan: progress(RTW, 1, 3, 30, { byStaff: true }),
    lastActiveDaysAgo: 4,
  },
  {
    fullName: 'Ricky anak Nyuak',
    email: 'ricky.nyuak',
    employer: 1,
    plan: progress(SUP, 0, 0, 45),
    lastActiveDaysAgo: null,
  },
  {
    fullName: 'Lim Boon Huat',
    email: 'boonhuat.lim',
    employer: 1,
    plan: complete(SUP, 160),
    lastActiveDaysAgo: 90,
  },
  {
    fullName: 'Devi a/p Raman',
    email: 'devi.raman',
    employer: 1,
    plan: progress(RTW, 11, 2, 150),
    lastActiveDaysAgo: 9,
  },
  {
    fullName: 'Khairul Anuar bin Ismail',
    email: 'khairul.ismail',
    employer: 1,
    plan: progress(RTW, 2, 0, 140),
    lastActiveDaysAgo: 110,
    deactivated: 'Left the company in August; the employer asked us to close the account.',
  },

  {
    fullName: 'Ng Pei Shan',
    email: 'peishan.ng',
    employer: 2,
    plan: complete(RTW, 130),
    lastActiveDaysAgo: 30,
  },
  {
    fullName: 'Rajendran a/l Pillai',
    email: 'rajendran.pillai',
    employer: 2,
    plan: progress(SUP, 2, 1, 25),
    lastActiveDaysAgo: 2,
  },
  {
    fullName: 'Wan Nurul Izzah binti Wan Ahmad',
    email: 'izzah.wanahmad',
    employer: 2,
    plan: progress(RTW, 4, 2, 80),
    lastActiveDaysAgo: 37,
  },
  {
    fullName: 'Chan Kok Leong',
    email: 'kokleong.chan',
    employer: 2,
    plan: complete(SUP, 20),
    lastActiveDaysAgo: 1,
  },
  {
    fullName: 'Lidia Majinbon',
    email: 'lidia.majinbon',
    employer: 2,
    plan: progress(RTW, 0, 2, 10),
    lastActiveDaysAgo: 0,
  },
  {
    fullName: 'Azman bin Abdul Latif',
    email: 'azman.latif',
    employer: 2,
    plan: { kind: 'none' },
    lastActiveDaysAgo: null,
  },
  {
    fullName: 'Anitha a/p Chandran',
    email: 'anitha.chandran',
    employer: 2,
    plan: complete(SUP, twoYears - 80),
    lastActiveDaysAgo: 150,
  },

  {
    fullName: 'Dayang Norhayati binti Awang',
    email: 'norhayati.awang',
    employer: 3,
    plan: complete(RTW, 200),
    lastActiveDaysAgo: 40,
  },
  {
    fullName: 'Ooi Hui Min',
    email: 'huimin.ooi',
    employer: 3,
    plan: progress(RTW, 7, 1, 100),
    lastActiveDaysAgo: 5,
  },
  {
    fullName: 'Mohd Jefry bin Gimbang',
    email: 'jefry.gimbang',
    employer: 3,
    plan: progress(SUP, 1, 0, 60),
    lastActiveDaysAgo: 55,
  },
  {
    fullName: 'Stella anak Jimbun',
    email: 'stella.jimbun',
    employer: 3,
    plan: complete(SUP, 100),
    lastActiveDaysAgo: 14,
  },
  {
    fullName: 'Kumaresan a/l Velu',
    email: 'kumaresan.velu',
    employer: 3,
    plan: progress(RTW, 5, 4, 90, { withdrawn: true }),
    lastActiveDaysAgo: 33,
  },
  {
    fullName: 'Teoh Jun Hao',
    email: 'junhao.teoh',
    employer: 3,
    plan: progress(SUP, 0, 2, 50),
    lastActiveDaysAgo: 45,
    deactivated: 'Duplicate account: the learner registered twice with different email addresses.',
  },

  {
    fullName: 'Fatimah Zahra binti Osman',
    email: 'fatimah.osman',
    employer: 4,
    plan: complete(RTW, 290),
    lastActiveDaysAgo: 60,
  },
  {
    fullName: '黄丽华',
    email: 'lihua.wong',
    employer: 4,
    plan: progress(RTW, 10, 0, 130),
    lastActiveDaysAgo: 8,
  },
  {
    fullName: 'Vijay a/l Nair',
    email: 'vijay.nair',
    employer: 4,
    plan: complete(SUP, 240),
    lastActiveDaysAgo: 70,
  },
  {
    fullName: 'Roslinda binti Mat Isa',
    email: 'roslinda.matisa',
    employer: 4,
    plan: progress(SUP, 2, 0, 35, { byStaff: true }),
    lastActiveDaysAgo: 31,
  },
  {
    fullName: 'Bryan Ting',
    email: 'bryan.ting',
    employer: 4,
    plan: progress(RTW, 0, 0, 3),
    lastActiveDaysAgo: 3,
  },
  {
    fullName: 'Siti Aminah binti Ibrahim',
    email: 'aminah.ibrahim',
    employer: 4,
    plan: complete(RTW, 5, 'waiting'),
    lastActiveDaysAgo: 5,
  },

  {
    fullName: 'Hairul Nizam bin Jaafar',
    email: 'hairul.jaafar',
    employer: 5,
    plan: complete(SUP, 330),
    lastActiveDaysAgo: 120,
  },
  {
    fullName: 'Goh Wei Jie',
    email: 'weijie.goh',
    employer: 5,
    plan: progress(RTW, 8, 3, 110),
    lastActiveDaysAgo: 75,
  },
  {
    fullName: 'Kamala a/p Subramaniam',
    email: 'kamala.subramaniam',
    employer: 5,
    plan: progress(SUP, 1, 2, 20),
    lastActiveDaysAgo: 0,
  },
  {
    fullName: 'Syed Amirul bin Syed Ali',
    email: 'amirul.syedali',
    employer: 5,
    plan: complete(RTW, 50),
    lastActiveDaysAgo: 10,
  },
  {
    fullName: 'Muhammad Irfan bin Zainal',
    email: 'irfan.zainal',
    employer: 5,
    plan: progress(RTW, 0, 1, 40),
    lastActiveDaysAgo: 39,
  },
  {
    fullName: 'Nurul Ain binti Mohd Salleh',
    email: 'nurulain.salleh',
    employer: 5,
    plan: { kind: 'none' },
    lastActiveDaysAgo: 21,
  },
  {
    fullName: 'Chong Wai Kit',
    email: 'waikit.chong',
    employer: 5,
    plan: progress(RTW, 1, 0, 65),
    lastActiveDaysAgo: 65,
    deactivated: 'The employer reported the account as shared between two staff members.',
  },

  {
    fullName: 'Hafizah binti Rosli',
    email: 'hafizah.rosli',
    employer: 6,
    plan: progress(RTW, 2, 1, 18),
    lastActiveDaysAgo: 6,
  },
  {
    fullName: 'Yap Chee Seng',
    email: 'cheeseng.yap',
    employer: 6,
    plan: { kind: 'none' },
    lastActiveDaysAgo: 16,
  },
];

interface Rows {
  lessons: (typeof lessonProgress.$inferInsert)[];
  modules: (typeof moduleCompletion.$inferInsert)[];
}

/** Lessons and module completions for `modules` whole modules and `lessons` more, spread over time. */
function addProgress(
  rows: Rows,
  course: CourseView,
  userId: string,
  modules: number,
  lessons: number,
  from: number,
  to: number,
): void {
  const done = course.modules.slice(0, modules);
  const steps = [
    ...done.flatMap((module) => module.lessons),
    ...(course.modules[modules]?.lessons.slice(0, lessons) ?? []),
  ];
  const at = (index: number) => Math.round(from + ((index + 1) / (steps.length + 1)) * (to - from));
  steps.forEach((lesson, index) => {
    const time = new Date(at(index));
    rows.lessons.push({
      userId,
      lessonId: lesson.id,
      firstViewedAt: time,
      lastViewedAt: time,
      completedAt: time,
    });
  });
  let seen = 0;
  for (const module of done) {
    seen += module.lessons.length;
    rows.modules.push({ userId, moduleId: module.id, completedAt: new Date(at(seen - 1)) });
  }
}

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += 400) await insert(rows.slice(start, start + 400));
}

async function issueCertificates(
  orm: Orm,
  catalogue: Catalogue,
  issues: { userId: string; holderName: string; courseId: string; at: number; adminId: string | null }[],
): Promise<number> {
  let issued = 0;
  for (const issue of issues.sort((a, b) => a.at - b.at)) {
    const course = catalogue.preview.course(issue.courseId);
    if (!course?.certificate) continue;
    const auto = course.certificate.issueMode === 'auto';
    const result = await insertCertificate(
      orm,
      {
        userId: issue.userId,
        course,
        holderName: issue.holderName,
        mode: auto ? 'auto' : 'approval',
        actorId: auto ? null : issue.adminId,
      },
      issue.at,
    );
    if (result.ok) issued += 1;
  }
  return issued;
}

/** The seed step: employers, learners in every state, certificates about to expire, audit entries. */
export const seedAdmin: SeedStep = async (orm, { now, users }) => {
  const catalogue = catalogueFromTree(readContentTree());
  const adminId = users.get(demoAccounts.find((account) => account.role === 'admin')?.email ?? '') ?? null;
  const trainerId =
    users.get(demoAccounts.find((account) => account.role === 'trainer')?.email ?? '') ?? null;
  const [admin] = adminId
    ? await orm.select({ passwordHash: user.passwordHash }).from(user).where(eq(user.id, adminId))
    : [];
  if (!admin) return 'Skipped the admin demo data: the demo admin is missing.';

  const employerIds: string[] = [];
  for (const name of employers) employerIds.push((await findOrCreateOrganisation(orm, name)).id);
  const audit: (typeof auditEvent.$inferInsert)[] = [];
  const entry = (
    at: number,
    action: string,
    subjectType: string,
    subjectId: string,
    data: Record<string, unknown>,
    actorId = adminId,
  ) => audit.push({ at: new Date(at), actorId, action, subjectType, subjectId, data });

  for (const [index, code] of Object.entries(socsoCodes)) {
    const id = employerIds[Number(index)];
    if (!id) continue;
    await orm.update(organisation).set({ socsoCode: code }).where(eq(organisation.id, id));
    entry(now - (70 - Number(index)) * day, 'employer-code-changed', 'organisation', id, {
      before: null,
      after: code,
    });
  }
  // The clinic registered as "Klinik Mutiara Sdn Bhd"; an admin corrected the name.
  const clinic = employerIds[4];
  if (clinic) {
    entry(now - 45 * day, 'employer-renamed', 'organisation', clinic, {
      before: 'Klinik Mutiara Sdn Bhd',
      after: employers[4],
    });
  }

  const people = adminDemoLearners.map((learner) => ({
    ...learner,
    id: newId(),
    email: `${learner.email}@demo.rtw-academy.my`,
    organisationId: employerIds[learner.employer] ?? employerIds[0] ?? '',
  }));
  await orm.insert(user).values(
    people.map((person) => {
      const enrolled =
        person.plan.kind === 'progress'
          ? person.plan.enrolledDaysAgo
          : person.plan.kind === 'complete'
            ? person.plan.completedDaysAgo + 60
            : 30;
      return {
        id: person.id,
        email: person.email,
        fullName: person.fullName,
        passwordHash: admin.passwordHash,
        role: 'learner' as const,
        organisationId: person.organisationId,
        locale: person.employer === 3 || person.employer === 5 ? ('ms' as const) : ('en' as const),
        status: person.deactivated ? ('deactivated' as const) : ('active' as const),
        createdAt: new Date(now - (enrolled + 2) * day),
        lastActiveAt:
          person.lastActiveDaysAgo === null ? null : new Date(now - person.lastActiveDaysAgo * day - HOUR_MS),
      };
    }),
  );

  const rows: Rows = { lessons: [], modules: [] };
  const enrolments: (typeof enrolment.$inferInsert)[] = [];
  const certificates: {
    userId: string;
    holderName: string;
    courseId: string;
    at: number;
    adminId: string | null;
  }[] = [];
  for (const person of people) {
    const plan = person.plan;
    if (plan.kind === 'none') continue;
    const course = catalogue.published.course(plan.course);
    if (!course) continue;
    const enrolmentId = newId();
    if (plan.kind === 'progress') {
      const enrolledAt = now - plan.enrolledDaysAgo * day;
      const lastSeen =
        person.lastActiveDaysAgo === null
          ? enrolledAt + day
          : now - person.lastActiveDaysAgo * day - 2 * HOUR_MS;
      addProgress(
        rows,
        course,
        person.id,
        plan.modules,
        plan.lessons,
        enrolledAt,
        Math.max(enrolledAt + day, lastSeen),
      );
      enrolments.push({
        id: enrolmentId,
        userId: person.id,
        courseId: course.id,
        status: plan.withdrawn ? 'withdrawn' : 'active',
        enrolledAt: new Date(enrolledAt),
        enrolledBy: plan.byStaff ? trainerId : null,
        withdrawnAt: plan.withdrawn ? new Date(now - 30 * day) : null,
      });
      if (plan.byStaff) {
        entry(
          enrolledAt,
          'enrolment-created',
          'enrolment',
          enrolmentId,
          { userId: person.id, email: person.email, courseId: course.id, after: 'active' },
          trainerId,
        );
      }
    } else {
      const completedAt = now - plan.completedDaysAgo * day;
      const enrolledAt = completedAt - 45 * day;
      addProgress(rows, course, person.id, course.modules.length, 0, enrolledAt, completedAt);
      enrolments.push({
        id: enrolmentId,
        userId: person.id,
        courseId: course.id,
        status: 'active',
        enrolledAt: new Date(enrolledAt),
        completedAt: new Date(completedAt),
      });
      if (plan.certificate === 'issued') {
        certificates.push({
          userId: person.id,
          holderName: person.fullName,
          courseId: course.id,
          at: completedAt + 2 * HOUR_MS,
          adminId,
        });
      }
    }
    if (person.deactivated) {
      const at = now - Math.max(1, (person.lastActiveDaysAgo ?? 30) - 5) * day;
      entry(at, 'user-deactivated', 'user', person.id, {
        before: 'active',
        after: 'deactivated',
        email: person.email,
        sessionsEnded: 1,
        reason: person.deactivated,
      });
    }
  }
  await insertInChunks(rows.lessons, (chunk) => orm.insert(lessonProgress).values(chunk));
  await insertInChunks(rows.modules, (chunk) => orm.insert(moduleCompletion).values(chunk));
  await orm.insert(enrolment).values(enrolments);
  const issued = await issueCertificates(orm, catalogue, certificates);

  // A few more changes an admin made: a reactivation, a used reset link, a promotion.
  const byEmail = new Map(people.map((person) => [person.email.split('@')[0], person]));
  const reactivated = byEmail.get('devi.raman');
  if (reactivated) {
    entry(now - 26 * day, 'user-deactivated', 'user', reactivated.id, {
      before: 'active',
      after: 'deactivated',
      email: reactivated.email,
      sessionsEnded: 0,
      reason: 'On long medical leave; the employer asked to pause access.',
    });
    entry(now - 12 * day, 'user-reactivated', 'user', reactivated.id, {
      before: 'deactivated',
      after: 'active',
      email: reactivated.email,
    });
  }
  const forgetful = byEmail.get('huimin.ooi');
  if (forgetful) {
    const createdAt = now - 6 * day;
    await orm.insert(passwordReset).values({
      id: newId(),
      userId: forgetful.id,
      // A used link: its secret was never kept, so random bytes stand in for its hash.
      tokenHash: Buffer.from(crypto.getRandomValues(new Uint8Array(32))),
      createdBy: adminId,
      createdAt: new Date(createdAt),
      expiresAt: new Date(createdAt + day),
      usedAt: new Date(createdAt + 3 * HOUR_MS),
    });
    entry(createdAt, 'password-reset-link-created', 'user', forgetful.id, {
      email: forgetful.email,
      expiresAt: new Date(createdAt + day).toISOString(),
    });
    entry(
      createdAt + 3 * HOUR_MS,
      'password-reset-completed',
      'user',
      forgetful.id,
      { email: forgetful.email, sessionsEnded: 1 },
      forgetful.id,
    );
  }
  const trainer = trainerId ? demoAccounts.find((account) => account.role === 'trainer') : undefined;
  if (trainerId && trainer) {
    entry(now - 85 * day, 'role-changed', 'user', trainerId, {
      before: 'learner',
      after: 'trainer',
      email: trainer.email,
      reason: 'Joined the RTW Academy training team.',
    });
  }
  await orm.insert(auditEvent).values(audit.sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0)));

  const inactive = people.filter(
    (person) =>
      person.plan.kind === 'progress' && !person.deactivated && (person.lastActiveDaysAgo ?? 999) >= 30,
  ).length;
  return (
    `Seeded the admin demo: ${people.length} more learners across ${employers.length - 1} employers ` +
    `(${inactive} inactive for 30+ days, ${people.filter((person) => person.deactivated).length} deactivated), ` +
    `${issued} certificates, ${audit.length} audit entries, and a duplicate employer to merge ("${employers[6]}").`
  );
};
