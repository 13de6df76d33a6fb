/** Everything the admin's learner record page shows about one person. */
import { desc, eq } from 'drizzle-orm';
import { certificate, organisation, quizAttempt, user, type Locale } from '#db/schema.ts';
import type { Role } from '#src/lib/roles.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import type { Database } from '#src/lib/server/db.ts';
import { courseProgressFor, loadLearnerState } from '#src/lib/server/learning/progress.ts';

export interface PersonProfile {
  id: string;
  fullName: string;
  email: string;
  role: Role;
  status: 'active' | 'deactivated';
  locale: Locale;
  /** Null for an independent learner. */
  employerId: string | null;
  employerName: string | null;
  createdAt: number;
  lastActiveAt: number | null;
}

export async function getPersonProfile(db: Database, userId: string): Promise<PersonProfile | null> {
  const [row] = await db.orm
    .select({
      id: user.id,
      fullName: user.fullName,
      email: user.email,
      role: user.role,
      status: user.status,
      locale: user.locale,
      employerId: organisation.id,
      employerName: organisation.name,
      createdAt: user.createdAt,
      lastActiveAt: user.lastActiveAt,
    })
    .from(user)
    .leftJoin(organisation, eq(organisation.id, user.organisationId))
    .where(eq(user.id, userId));
  if (!row) return null;
  return { ...row, createdAt: row.createdAt.getTime(), lastActiveAt: row.lastActiveAt?.getTime() ?? null };
}

export interface EnrolmentSummary {
  id: string;
  courseId: string;
  status: 'active' | 'withdrawn';
  enrolledAt: number;
  withdrawnAt: number | null;
  completedAt: number | null;
  /** % complete as the learner sees it; null for a course no longer published. */
  percent: number | null;
}

/** The person's enrolments (newest first) with their progress. */
export async function listEnrolmentsWithProgress(
  db: Database,
  catalogue: Pick<Catalogue, 'published' | 'aliases'>,
  userId: string,
): Promise<EnrolmentSummary[]> {
  const state = await loadLearnerState(db.orm, catalogue, userId);
  return [...state.enrolments.values()]
    .map((row) => {
      const course = catalogue.published.course(row.courseId);
      return {
        id: row.id,
        courseId: row.courseId,
        status: row.status,
        enrolledAt: row.enrolledAt,
        withdrawnAt: row.withdrawnAt,
        completedAt: row.completedAt,
        percent: course ? courseProgressFor(state, course).percent : null,
      };
    })
    .sort((a, b) => b.enrolledAt - a.enrolledAt);
}

export interface AttemptSummary {
  id: string;
  quizId: string;
  attemptNumber: number;
  status: 'in-progress' | 'submitted';
  startedAt: number;
  submittedAt: number | null;
  percent: number | null;
  passed: boolean | null;
}

/** The person's latest quiz and assessment attempts, newest first. */
export async function listQuizAttempts(db: Database, userId: string, limit = 100): Promise<AttemptSummary[]> {
  const rows = await db.orm
    .select({
      id: quizAttempt.id,
      quizId: quizAttempt.quizId,
      attemptNumber: quizAttempt.attemptNumber,
      status: quizAttempt.status,
      startedAt: quizAttempt.startedAt,
      submittedAt: quizAttempt.submittedAt,
      percent: quizAttempt.percent,
      passed: quizAttempt.passed,
    })
    .from(quizAttempt)
    .where(eq(quizAttempt.userId, userId))
    .orderBy(desc(quizAttempt.startedAt))
    .limit(limit);
  return rows.map((row) => ({
    ...row,
    startedAt: row.startedAt.getTime(),
    submittedAt: row.submittedAt?.getTime() ?? null,
  }));
}

export interface CertificateSummary {
  id: string;
  serial: string;
  courseTitle: string;
  issuedAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  supersededBy: string | null;
}

export type CertificateState = 'valid' | 'expired' | 'revoked' | 'superseded';

export function certificateState(row: CertificateSummary, now: number): CertificateState {
  if (row.revokedAt !== null) return 'revoked';
  if (row.supersededBy !== null) return 'superseded';
  if (row.expiresAt !== null && row.expiresAt <= now) return 'expired';
  return 'valid';
}

export async function listCertificates(db: Database, userId: string): Promise<CertificateSummary[]> {
  const rows = await db.orm
    .select({
      id: certificate.id,
      serial: certificate.serial,
      courseTitle: certificate.courseTitle,
      issuedAt: certificate.issuedAt,
      expiresAt: certificate.expiresAt,
      revokedAt: certificate.revokedAt,
      supersededBy: certificate.supersededBy,
    })
    .from(certificate)
    .where(eq(certificate.userId, userId))
    .orderBy(desc(certificate.issuedAt));
  return rows.map((row) => ({
    ...row,
    issuedAt: row.issuedAt.getTime(),
    expiresAt: row.expiresAt?.getTime() ?? null,
    revokedAt: row.revokedAt?.getTime() ?? null,
  }));
}

/** Quiz ids are module ids (module quizzes) or assessment ids (final assessments): a readable name for each. */
export function quizTitles(
  catalogue: Pick<Catalogue, 'preview'>,
): Map<string, { kind: 'module' | 'final'; title: string }> {
  const titles = new Map<string, { kind: 'module' | 'final'; title: string }>();
  for (const course of catalogue.preview.courses) {
    for (const module of course.modules) {
      if (module.quizId && !titles.has(module.quizId))
        titles.set(module.quizId, { kind: 'module', title: module.title });
    }
    const finalId = course.rules.finalAssessmentId;
    if (finalId && !titles.has(finalId)) titles.set(finalId, { kind: 'final', title: course.title });
  }
  return titles;
}
