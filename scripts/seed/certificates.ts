/**
 * Demo certificates for `npm start`, so that the certificate desk, the issued list, the public
 * check page and the dashboard all show something: learners waiting for an admin, valid
 * certificates (names in Latin with diacritics, Chinese and Tamil), one revoked, one corrected
 * (the old one superseded), one expired, and the demo learner's own certificate expiring within
 * 60 days. The learners of db/seed-learning.ts keep their states; this step adds its own learners
 * (same demo password) and gives Siti a finished short course.
 */
import { eq } from 'drizzle-orm';
import { computeExpiry } from '#src/lib/certificate/status.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import { insertCertificate, type CertificateRecord } from '#src/lib/server/certificate/store.ts';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';
import type { Orm } from '#src/lib/server/db.ts';
import { newId } from '#src/lib/server/ids.ts';
import { findOrCreateOrganisation } from '#src/lib/server/employer/directory.ts';
import { certificate, enrolment, user } from '#db/schema.ts';
import { demoAccounts, type SeedStep } from './demo.ts';
import { DAY_MS } from '#src/lib/time.ts';

const day = DAY_MS;

interface CertificatePlan {
  email: string;
  /** A learner this step creates; absent for a demo account that already exists. */
  create?: { fullName: string; employer: string; locale?: 'en' | 'ms' };
  courseId: string;
  /** Days ago the course was completed. */
  completedDaysAgo: number;
  /** How the certificate came about; absent: completed and waiting for an admin. */
  certificate?:
    | { kind: 'issued'; issuedAt: (now: number) => number }
    | { kind: 'revoked'; issuedAt: (now: number) => number; revokedDaysAgo: number; reason: string }
    | {
        kind: 'corrected';
        issuedAt: (now: number) => number;
        misspeltName: string;
        correctedDaysAgo: number;
        reason: string;
      };
}

const daysAgo = (days: number) => (now: number) => now - days * day;

/** Learners who finished a course and what happened to their certificate. */
export const certificatePlans: CertificatePlan[] = [
  // The demo learner: the short course finished nearly two years ago, certificate expiring in 25 days.
  {
    email: 'learner@demo.rtw-academy.my',
    courseId: 'supervisors-early-intervention',
    completedDaysAgo: 706,
    certificate: { kind: 'issued', issuedAt: (now) => computeExpiry(now + 25 * day, -24) ?? now },
  },
  // Waiting for an admin (the main course is issued on approval).
  {
    email: 'nurul.aina@demo.rtw-academy.my',
    create: { fullName: 'Nurul Aina binti Zakaria', employer: 'Syarikat Elektronik Cahaya Sdn Bhd' },
    courseId: 'rtw-coordinator',
    completedDaysAgo: 3,
  },
  {
    email: 'kahyee.chong@demo.rtw-academy.my',
    create: { fullName: 'Chong Kah Yee', employer: 'Hotel Seri Selatan Johor Bahru' },
    courseId: 'rtw-coordinator',
    completedDaysAgo: 9,
  },
  // Certified.
  {
    email: 'arjun@demo.rtw-academy.my',
    create: { fullName: 'Arjun a/l Krishnan', employer: 'Lintas Pulau Logistics Sdn Bhd' },
    courseId: 'rtw-coordinator',
    completedDaysAgo: 120,
    certificate: { kind: 'issued', issuedAt: daysAgo(118) },
  },
  {
    email: 'chen.zhiming@demo.rtw-academy.my',
    create: { fullName: '陈志明', employer: 'Syarikat Elektronik Cahaya Sdn Bhd' },
    courseId: 'rtw-coordinator',
    completedDaysAgo: 64,
    certificate: { kind: 'issued', issuedAt: daysAgo(60) },
  },
  {
    email: 'huong.nguyen@demo.rtw-academy.my',
    create: { fullName: 'Nguyễn Thị Hương', employer: 'Hotel Seri Selatan Johor Bahru' },
    courseId: 'supervisors-early-intervention',
    completedDaysAgo: 30,
    certificate: { kind: 'issued', issuedAt: daysAgo(30) },
  },
  {
    email: 'saravanan@demo.rtw-academy.my',
    create: { fullName: 'சரவணன் முருகன்', employer: 'Ladang Sungai Sarawak Berhad', locale: 'ms' },
    courseId: 'supervisors-early-intervention',
    completedDaysAgo: 45,
    certificate: { kind: 'issued', issuedAt: daysAgo(45) },
  },
  // Revoked.
  {
    email: 'faizal@demo.rtw-academy.my',
    create: { fullName: 'Ahmad Faizal bin Rahman', employer: 'Lintas Pulau Logistics Sdn Bhd' },
    courseId: 'rtw-coordinator',
    completedDaysAgo: 205,
    certificate: {
      kind: 'revoked',
      issuedAt: daysAgo(200),
      revokedDaysAgo: 20,
      reason: 'The employer confirmed that another person sat the final assessment for this learner.',
    },
  },
  // Corrected: the first certificate misspelt the name and is superseded by the re-issue.
  {
    email: 'syafiqah@demo.rtw-academy.my',
    create: { fullName: 'Nur Syafiqah binti Azman', employer: 'Ladang Sungai Sarawak Berhad' },
    courseId: 'rtw-coordinator',
    completedDaysAgo: 92,
    certificate: {
      kind: 'corrected',
      issuedAt: daysAgo(90),
      misspeltName: 'Nur Syafiqa binti Azman',
      correctedDaysAgo: 80,
      reason: 'Name misspelt (missing "h"); the learner asked for a corrected certificate.',
    },
  },
  // Expired: the two-year certificate of the short course ran out last month.
  {
    email: 'lee.cheekeong@demo.rtw-academy.my',
    create: { fullName: 'Lee Chee Keong', employer: 'Syarikat Elektronik Cahaya Sdn Bhd' },
    courseId: 'supervisors-early-intervention',
    completedDaysAgo: 800,
    certificate: { kind: 'issued', issuedAt: (now) => computeExpiry(now - 31 * day, -24) ?? now },
  },
];

async function ensureLearner(
  orm: Orm,
  plan: CertificatePlan,
  passwordHash: string,
  users: Map<string, string>,
  now: number,
): Promise<string | null> {
  const known = users.get(plan.email);
  if (known) return known;
  if (!plan.create) return null;
  const org = await findOrCreateOrganisation(orm, plan.create.employer);
  const id = newId();
  await orm.insert(user).values({
    id,
    email: plan.email,
    fullName: plan.create.fullName,
    passwordHash,
    role: 'learner',
    organisationId: org.id,
    locale: plan.create.locale ?? 'en',
    createdAt: new Date(now - (plan.completedDaysAgo + 40) * day),
    lastActiveAt: new Date(now - Math.min(plan.completedDaysAgo, 5) * day),
  });
  users.set(plan.email, id);
  return id;
}

async function recordCompletion(
  orm: Orm,
  userId: string,
  courseId: string,
  completedAt: number,
): Promise<void> {
  await orm
    .insert(enrolment)
    .values({
      id: newId(),
      userId,
      courseId,
      status: 'active',
      enrolledAt: new Date(completedAt - 30 * day),
      completedAt: new Date(completedAt),
    })
    .onConflictDoUpdate({
      target: [enrolment.userId, enrolment.courseId],
      set: { completedAt: new Date(completedAt) },
    });
}

async function issue(
  orm: Orm,
  catalogue: Catalogue,
  plan: CertificatePlan,
  userId: string,
  holderName: string,
  adminId: string | null,
  at: number,
  replaces: CertificateRecord | null = null,
): Promise<CertificateRecord | null> {
  const course = catalogue.preview.course(plan.courseId);
  if (!course?.certificate) return null;
  const auto = course.certificate.issueMode === 'auto';
  const result = await insertCertificate(
    orm,
    {
      userId,
      course,
      holderName,
      mode: replaces ? 'reissue' : auto ? 'auto' : 'approval',
      actorId: replaces || !auto ? adminId : null,
      replaces,
      ...(replaces && plan.certificate?.kind === 'corrected'
        ? { reason: plan.certificate.reason, expiresAt: replaces.expiresAt }
        : {}),
    },
    at,
  );
  return result.ok ? result.certificate : null;
}

/** The seed step: completions and certificates in every state. */
export const seedCertificates: SeedStep = async (orm, { now, users }) => {
  const catalogue = catalogueFromTree(readContentTree());
  const adminEmail = demoAccounts.find((account) => account.role === 'admin')?.email ?? '';
  const adminId = users.get(adminEmail) ?? null;
  const [admin] = await orm
    .select({ passwordHash: user.passwordHash })
    .from(user)
    .where(eq(user.email, adminEmail));
  if (!admin) return 'Skipped demo certificates: the demo admin is missing.';

  const counts = { waiting: 0, issued: 0, revoked: 0, corrected: 0 };
  // Oldest first, so that serial numbers follow the issue dates as they would have.
  const firstIssue = (plan: CertificatePlan) => plan.certificate?.issuedAt(now) ?? now;
  for (const plan of [...certificatePlans].sort((a, b) => firstIssue(a) - firstIssue(b))) {
    const userId = await ensureLearner(orm, plan, admin.passwordHash, users, now);
    if (!userId || !catalogue.preview.course(plan.courseId)) continue;
    const [holder] = await orm.select({ fullName: user.fullName }).from(user).where(eq(user.id, userId));
    if (!holder) continue;
    const completedAt = now - plan.completedDaysAgo * day;
    await recordCompletion(orm, userId, plan.courseId, completedAt);
    const spec = plan.certificate;
    if (!spec) {
      counts.waiting += 1;
      continue;
    }
    const issuedAt = Math.max(spec.issuedAt(now), completedAt);
    if (spec.kind === 'corrected') {
      const first = await issue(orm, catalogue, plan, userId, spec.misspeltName, adminId, issuedAt);
      if (first)
        await issue(
          orm,
          catalogue,
          plan,
          userId,
          holder.fullName,
          adminId,
          now - spec.correctedDaysAgo * day,
          first,
        );
      counts.corrected += 1;
      continue;
    }
    const record = await issue(orm, catalogue, plan, userId, holder.fullName, adminId, issuedAt);
    counts.issued += 1;
    if (record && spec.kind === 'revoked') {
      const revokedAt = now - spec.revokedDaysAgo * day;
      await orm
        .update(certificate)
        .set({ revokedAt: new Date(revokedAt), revokedReason: spec.reason })
        .where(eq(certificate.id, record.id));
      await recordAudit(orm, {
        actorId: adminId,
        action: 'certificate-revoked',
        subjectType: 'certificate',
        subjectId: record.id,
        data: {
          serial: record.serial,
          userId,
          courseId: plan.courseId,
          before: 'valid',
          after: 'revoked',
          reason: spec.reason,
        },
        at: revokedAt,
      });
      counts.revoked += 1;
    }
  }
  return `Seeded demo certificates: ${counts.waiting} learners waiting for an admin, ${counts.issued} issued (${counts.revoked} revoked), ${counts.corrected} corrected by a re-issue.`;
};
