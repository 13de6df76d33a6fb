/**
 * Certificates: who is eligible, issuing (one, many, on completion, by exception), revoking and
 * re-issuing, and what a learner holds. Every change is one short immediate transaction with its
 * audit entry (who, when, what, why); the record itself is made in certificate-store.ts.
 */
import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { certificate, enrolment, quizAttempt, user } from '#db/schema.ts';
import { checkFullName, cleanText, normaliseEmail } from '#src/lib/account/rules.ts';
import {
  certificateStatus,
  daysUntilExpiry,
  isDueForRenewal,
  type CertificateStatus,
} from '#src/lib/certificate/status.ts';
import {
  decideEligibility,
  ELIGIBILITY_REFUSALS,
  type EligibilityRefusal as DecidedRefusal,
} from '#src/lib/certificate/eligibility.ts';
import type { Catalogue, CourseView } from '#src/lib/learning/structure.ts';
import type { Locale } from '#src/i18n/index.ts';
import { parseLanguageChoice, resolveLanguage, type LanguageChoice } from '#src/lib/certificate/language.ts';
import { isStaff } from '#src/lib/roles.ts';
import { cleanReason } from '#src/lib/server/admin/access.ts';
import { isAdmin, type Actor } from '#src/lib/roles.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import { enqueueCertificateRevokedMail } from '#src/lib/server/mail/certificate-notices.ts';
import { findUnsupportedCharacters } from '#src/lib/server/pdf/fonts.ts';
import {
  certificateColumns,
  getCertificate,
  getStandingCertificate,
  insertCertificate,
  toCertificateRecord,
  type CertificateRecord,
  type Reader,
} from './store.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import { courseProgressFor, loadLearnerState } from '#src/lib/server/learning/progress.ts';

export type { CertificateRecord } from './store.ts';

/** The most certificates one bulk request issues; the desk sends larger selections in batches. */
export const MAX_BULK_ISSUE = 200;

export type EligibilityRefusal = 'course-not-found' | DecidedRefusal;

export type Eligibility =
  | { eligible: true; kind: 'first' | 'renewal'; replaces: CertificateRecord | null }
  | { eligible: false; reason: EligibilityRefusal; standing: CertificateRecord | null };

/** `<userId> <courseId>` → the newest pass of that course's final assessment (ms). */
export async function latestFinalPasses(
  orm: Reader,
  catalogue: Catalogue,
  rows: ReadonlyArray<{ userId: string; courseId: string }>,
): Promise<Map<string, number>> {
  const passes = new Map<string, number>();
  const finalOf = new Map<string, string>();
  for (const course of catalogue.published.courses) {
    if (course.rules.finalAssessmentId) finalOf.set(course.id, course.rules.finalAssessmentId);
  }
  const wanted = rows.filter((row) => finalOf.has(row.courseId));
  for (let start = 0; start < wanted.length; start += 400) {
    const chunk = wanted.slice(start, start + 400);
    const found = await orm
      .select({
        userId: quizAttempt.userId,
        quizId: quizAttempt.quizId,
        at: sql<number>`max(${quizAttempt.submittedAt})`,
      })
      .from(quizAttempt)
      .where(
        and(
          inArray(quizAttempt.userId, [...new Set(chunk.map((row) => row.userId))]),
          inArray(quizAttempt.quizId, [...new Set(chunk.map((row) => finalOf.get(row.courseId) ?? ''))]),
          eq(quizAttempt.status, 'submitted'),
          eq(quizAttempt.passed, true),
        ),
      )
      .groupBy(quizAttempt.userId, quizAttempt.quizId);
    for (const row of chunk) {
      const quizId = finalOf.get(row.courseId);
      const hit = found.find((pass) => pass.userId === row.userId && pass.quizId === quizId);
      if (hit) passes.set(`${row.userId} ${row.courseId}`, Number(hit.at));
    }
  }
  return passes;
}

/**
 * Whether a learner may be given a certificate for a course now, by `decideEligibility`. A
 * completion recorded on the enrolment stays valid whatever changed in the content since;
 * otherwise the completion rules are applied to the published content (a completion not yet
 * recorded counts).
 */
export async function checkEligibility(
  orm: Orm,
  catalogue: Catalogue,
  userId: string,
  courseId: string,
  now: number,
): Promise<Eligibility> {
  const course = catalogue.preview.course(courseId);
  if (!course) return { eligible: false, reason: 'course-not-found', standing: null };
  if (!course.certificate) return { eligible: false, reason: 'no-certificate-rule', standing: null };

  const published = catalogue.published.course(courseId);
  const state = await loadLearnerState(orm, catalogue, userId);
  const recorded = (state.enrolments.get(courseId)?.completedAt ?? null) !== null;
  const completed = recorded || (published ? courseProgressFor(state, published).complete : false);
  const holder = await holderOf(orm, userId);
  const standing = await getStandingCertificate(orm, userId, courseId);
  const passes = standing
    ? await latestFinalPasses(orm, catalogue, [{ userId, courseId }])
    : new Map<string, number>();
  const decision = decideEligibility(
    {
      certificateRule: true,
      completed,
      emailVerified: holder?.emailVerified ?? false,
      standing,
      lastFinalPassAt: passes.get(`${userId} ${courseId}`) ?? null,
    },
    now,
  );
  if (!decision.eligible) return { eligible: false, reason: decision.reason, standing };
  return { eligible: true, kind: decision.kind, replaces: decision.kind === 'renewal' ? standing : null };
}

export type NameProblem = 'required' | 'too-long' | 'invalid' | 'unprintable';

/** A holder name as it will be printed, or what is wrong with it. */
export function checkHolderName(
  value: string,
): { ok: true; name: string } | { ok: false; problem: NameProblem; characters: string[] } {
  const name = cleanText(value);
  const problem = checkFullName(name);
  // Hidden characters and stacked marks are both "characters we cannot print" here.
  if (problem)
    return {
      ok: false,
      problem: problem === 'required' || problem === 'too-long' ? problem : 'invalid',
      characters: [],
    };
  const characters = findUnsupportedCharacters(name);
  if (characters.length > 0) return { ok: false, problem: 'unprintable', characters };
  return { ok: true, name };
}

/** Every reason an issue can be refused, for pages that word each one. */
export const ISSUE_REFUSALS = [
  'course-not-found',
  ...ELIGIBILITY_REFUSALS,
  'forbidden',
  'user-not-found',
  'name-unprintable',
  'changed-meanwhile',
] as const;
export type IssueRefusal = (typeof ISSUE_REFUSALS)[number];

export type IssueResult =
  { ok: true; certificate: CertificateRecord } | { ok: false; reason: IssueRefusal; characters?: string[] };

async function holderOf(
  orm: Reader,
  userId: string,
): Promise<{ fullName: string; locale: Locale; emailVerified: boolean } | null> {
  const [row] = await orm
    .select({ fullName: user.fullName, locale: user.locale, emailVerifiedAt: user.emailVerifiedAt })
    .from(user)
    .where(eq(user.id, userId));
  return row
    ? { fullName: row.fullName, locale: row.locale, emailVerified: row.emailVerifiedAt !== null }
    : null;
}

/**
 * The course as a certificate in `language` prints it: the title and certificate wording from the
 * course file in that language (English where it has none), the rules and CPD hours as they are.
 */
function courseInLanguage<T extends Pick<CourseView, 'id' | 'title' | 'cpdHours' | 'certificate'>>(
  catalogue: Partial<Pick<Catalogue, 'courseWording'>>,
  course: T,
  language: Locale,
): T {
  const wording = catalogue.courseWording?.(course.id, language);
  return wording ? { ...course, title: wording.title, certificate: wording.certificate } : course;
}

/** Issues one certificate under the course rules, inside a write. */
async function issueUnderRules(
  orm: Orm,
  catalogue: Catalogue,
  actorId: string | null,
  target: { userId: string; courseId: string },
  now: number,
  language: LanguageChoice = 'holder',
): Promise<IssueResult> {
  const holder = await holderOf(orm, target.userId);
  if (!holder) return { ok: false, reason: 'user-not-found' };
  const eligibility = await checkEligibility(orm, catalogue, target.userId, target.courseId, now);
  if (!eligibility.eligible) return { ok: false, reason: eligibility.reason };
  const course = catalogue.preview.course(target.courseId);
  if (!course) return { ok: false, reason: 'course-not-found' };
  const characters = findUnsupportedCharacters(holder.fullName);
  if (characters.length > 0) return { ok: false, reason: 'name-unprintable', characters };
  const auto = actorId === null;
  const chosen = resolveLanguage(language, holder.locale);
  return insertCertificate(
    orm,
    {
      userId: target.userId,
      course: courseInLanguage(catalogue, course, chosen),
      language: chosen,
      holderName: cleanText(holder.fullName),
      mode: eligibility.kind === 'renewal' ? 'renewal' : auto ? 'auto' : 'approval',
      actorId,
      replaces: eligibility.replaces,
    },
    now,
  );
}

/**
 * An admin issues a certificate to an eligible learner (approval courses, renewals, or a stuck
 * auto issue), in the chosen language (default: the holder's preferred language).
 */
export async function issueCertificate(
  db: Database,
  catalogue: Catalogue,
  actor: Actor,
  target: { userId: string; courseId: string },
  now: number,
  language: LanguageChoice = 'holder',
): Promise<IssueResult> {
  if (!isAdmin(actor)) return { ok: false, reason: 'forbidden' };
  return db.write((orm) => issueUnderRules(orm, catalogue, actor.id, target, now, language));
}

export interface BulkIssueReport {
  issued: Array<{ id: string; serial: string; holderName: string; courseTitle: string }>;
  refused: Array<{ userId: string; courseId: string; holderName: string | null; reason: IssueRefusal }>;
}

export type BulkIssueResult =
  { ok: true; report: BulkIssueReport } | { ok: false; reason: 'forbidden' | 'none-selected' | 'too-many' };

/** `<userId>:<courseId>` as the desk's checkboxes send them. */
export function parseIssueItems(values: readonly string[]): Array<{ userId: string; courseId: string }> {
  const seen = new Set<string>();
  const items: Array<{ userId: string; courseId: string }> = [];
  for (const value of values) {
    const [userId = '', courseId = '', extra] = value.trim().split(':');
    if (!userId || !courseId || extra !== undefined || seen.has(value)) continue;
    seen.add(value);
    items.push({ userId, courseId });
  }
  return items;
}

/**
 * Issues many certificates, each in the chosen language (default: each holder's preferred
 * language). Each one is its own short transaction, so other requests are served in between and
 * one refusal does not stop the rest.
 */
export async function issueCertificates(
  db: Database,
  catalogue: Catalogue,
  actor: Actor,
  values: readonly string[],
  now: number,
  language: LanguageChoice = 'holder',
): Promise<BulkIssueResult> {
  if (!isAdmin(actor)) return { ok: false, reason: 'forbidden' };
  const items = parseIssueItems(values);
  if (items.length === 0) return { ok: false, reason: 'none-selected' };
  if (items.length > MAX_BULK_ISSUE) return { ok: false, reason: 'too-many' };
  const report: BulkIssueReport = { issued: [], refused: [] };
  for (const item of items) {
    const result = await db.write((orm) => issueUnderRules(orm, catalogue, actor.id, item, now, language));
    if (result.ok) {
      const { id, serial, holderName, courseTitle } = result.certificate;
      report.issued.push({ id, serial, holderName, courseTitle });
    } else {
      const holder = await holderOf(db.orm, item.userId);
      report.refused.push({ ...item, holderName: holder?.fullName ?? null, reason: result.reason });
    }
  }
  return { ok: true, report };
}

/**
 * Issues what the rules now give a learner automatically: certificates of `auto` courses they
 * completed (when completion was recorded before this feature, or the issue at completion failed)
 * and renewals of `auto` certificates after the final assessment was passed again. It reads twice
 * and writes nothing when nothing is due.
 */
export async function issueDueAutoCertificates(
  db: Database,
  catalogue: Catalogue,
  userId: string,
  now: number,
): Promise<CertificateRecord[]> {
  const completed = await db.orm
    .select({ courseId: enrolment.courseId })
    .from(enrolment)
    .where(and(eq(enrolment.userId, userId), isNotNull(enrolment.completedAt)));
  const autoCourses = autoCoursesOf(
    catalogue,
    completed.map((row) => row.courseId),
  );
  if (autoCourses.length === 0) return [];
  return issueDue(db, catalogue, userId, autoCourses, await listStandingCertificates(db.orm, userId), now);
}

function autoCoursesOf(catalogue: Catalogue, courseIds: readonly string[]): CourseView[] {
  return courseIds
    .map((courseId) => catalogue.published.course(courseId))
    .filter((course): course is CourseView => course?.certificate?.issueMode === 'auto');
}

async function issueDue(
  db: Database,
  catalogue: Catalogue,
  userId: string,
  autoCourses: readonly CourseView[],
  held: readonly CertificateRecord[],
  now: number,
): Promise<CertificateRecord[]> {
  // A later final pass matters only to renew a certificate in its renewal window (decideEligibility).
  const renewable = held.filter(
    (record) =>
      record.revokedAt === null &&
      isDueForRenewal(record, now) &&
      autoCourses.some((course) => course.id === record.courseId),
  );
  const passes = await latestFinalPasses(
    db.orm,
    catalogue,
    renewable.map((record) => ({ userId, courseId: record.courseId })),
  );
  const holder = await holderOf(db.orm, userId);
  if (!holder || findUnsupportedCharacters(holder.fullName).length > 0) return [];
  // Read-only checks first, so that a dashboard view queues a write only when one is due.
  const due = autoCourses.filter(
    (course) =>
      decideEligibility(
        {
          certificateRule: true,
          completed: true,
          emailVerified: holder.emailVerified,
          standing: held.find((record) => record.courseId === course.id) ?? null,
          lastFinalPassAt: passes.get(`${userId} ${course.id}`) ?? null,
        },
        now,
      ).eligible,
  );
  if (due.length === 0) return [];
  const issued: CertificateRecord[] = [];
  for (const course of due) {
    const result = await db.write((orm) =>
      issueUnderRules(orm, catalogue, null, { userId, courseId: course.id }, now),
    );
    if (result.ok) issued.push(result.certificate);
  }
  return issued;
}

export type ExceptionField = 'email' | 'courseId' | 'holderName' | 'reason' | 'language';
export type ExceptionProblem =
  | 'required'
  | 'not-found'
  | 'no-certificate-rule'
  | 'too-long'
  | 'invalid'
  | 'unprintable'
  | 'already-certified';

export type ExceptionResult =
  | { ok: true; certificate: CertificateRecord }
  | { ok: false; reason: 'forbidden' }
  | {
      ok: false;
      reason: 'invalid';
      errors: Partial<Record<ExceptionField, ExceptionProblem>>;
      characters: string[];
    };

/**
 * An admin issues a certificate outside the completion rules, for example to someone who attended
 * the classroom programme. The reason is required and kept on the record and in the audit log.
 * A learner who holds a valid certificate for the course (not yet due for renewal) is refused:
 * correct a certificate with a re-issue instead. A revoked or renewable one is replaced. The
 * certificate is in `input.language` (`en`, `ms`; blank: the holder's preferred language).
 */
export async function issueByException(
  db: Database,
  catalogue: Catalogue,
  actor: Actor,
  input: { email: string; courseId: string; holderName: string; reason: string; language?: string },
  now: number,
): Promise<ExceptionResult> {
  if (!isAdmin(actor)) return { ok: false, reason: 'forbidden' };
  const errors: Partial<Record<ExceptionField, ExceptionProblem>> = {};
  let characters: string[] = [];
  const email = normaliseEmail(input.email);
  const [holder] = email
    ? await db.orm
        .select({ id: user.id, fullName: user.fullName, locale: user.locale })
        .from(user)
        .where(eq(user.email, email))
    : [];
  if (!email) errors.email = 'required';
  else if (!holder) errors.email = 'not-found';
  const course = input.courseId ? catalogue.preview.course(input.courseId) : undefined;
  if (!input.courseId) errors.courseId = 'required';
  else if (!course) errors.courseId = 'not-found';
  else if (!course.certificate) errors.courseId = 'no-certificate-rule';
  const reason = cleanReason(input.reason);
  if (!reason) errors.reason = 'required';
  let holderName = '';
  if (holder) {
    const checked = checkHolderName(input.holderName.trim() ? input.holderName : holder.fullName);
    if (checked.ok) holderName = checked.name;
    else {
      errors.holderName = checked.problem;
      characters = checked.characters;
    }
  }
  if (Object.keys(errors).length > 0 || !holder || !course || !reason) {
    return { ok: false, reason: 'invalid', errors, characters };
  }
  return db.write(async (orm): Promise<ExceptionResult> => {
    const standing = await getStandingCertificate(orm, holder.id, course.id);
    if (standing && standing.revokedAt === null && !isDueForRenewal(standing, now)) {
      return { ok: false, reason: 'invalid', errors: { courseId: 'already-certified' }, characters: [] };
    }
    const language = resolveLanguage(parseLanguageChoice(input.language), holder.locale);
    const result = await insertCertificate(
      orm,
      {
        userId: holder.id,
        course: courseInLanguage(catalogue, course, language),
        language,
        holderName,
        mode: 'exception',
        actorId: actor.id,
        reason,
        replaces: standing,
      },
      now,
    );
    if (!result.ok)
      return { ok: false, reason: 'invalid', errors: { courseId: 'already-certified' }, characters: [] };
    return result;
  });
}

export type RevokeResult =
  | { ok: true; certificate: CertificateRecord }
  | {
      ok: false;
      reason:
        'forbidden' | 'reason-required' | 'not-found' | 'already-revoked' | 'superseded' | 'unconfirmed';
    };

/**
 * An admin revokes a certificate, with a reason. The verification page then says "revoked".
 * With `confirmed: false` nothing changes: every check runs and a revocable certificate answers
 * `unconfirmed`, so a form can ask "are you sure?" before the step that cannot be undone.
 */
export async function revokeCertificate(
  db: Database,
  actor: Actor,
  input: { id: string; reason: string; confirmed?: boolean },
  now: number,
): Promise<RevokeResult> {
  if (!isAdmin(actor)) return { ok: false, reason: 'forbidden' };
  const reason = cleanReason(input.reason);
  if (!reason) return { ok: false, reason: 'reason-required' };
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<RevokeResult> => {
      const record = await getCertificate(tx, input.id);
      if (!record) return { ok: false, reason: 'not-found' };
      if (record.revokedAt !== null) return { ok: false, reason: 'already-revoked' };
      if (record.supersededBy !== null) return { ok: false, reason: 'superseded' };
      if (input.confirmed === false) return { ok: false, reason: 'unconfirmed' };
      const before = certificateStatus(record, now);
      await tx
        .update(certificate)
        .set({ revokedAt: new Date(now), revokedReason: reason })
        .where(and(eq(certificate.id, record.id), isNull(certificate.revokedAt)));
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'certificate-revoked',
        subjectType: 'certificate',
        subjectId: record.id,
        data: {
          serial: record.serial,
          userId: record.userId,
          courseId: record.courseId,
          before,
          after: 'revoked',
          reason,
        },
        at: now,
      });
      await enqueueCertificateRevokedMail(tx, record, reason, now);
      return { ok: true, certificate: { ...record, revokedAt: now, revokedReason: reason } };
    }),
  );
}

export type ReissueField = 'holderName' | 'reason' | 'language';
export type ReissueResult =
  | { ok: true; certificate: CertificateRecord }
  | { ok: false; reason: 'forbidden' | 'not-found' | 'revoked' | 'superseded' }
  | {
      ok: false;
      reason: 'invalid';
      errors: Partial<Record<ReissueField, NameProblem | 'required' | 'unavailable'>>;
      characters: string[];
    };

/**
 * An admin re-issues a certificate, for example with a corrected name (blank: the holder's name
 * as it is now in their account), or in the other language (`input.language`; blank keeps the
 * certificate's). The new certificate has a new serial and code and the same course, CPD hours
 * and expiry; the old one is marked superseded and points to it. In the same language it keeps
 * the titles printed at issue; in the other, it takes them from the course file in that language
 * (`catalogue`), which must still have the course.
 */
export async function reissueCertificate(
  db: Database,
  actor: Actor,
  input: { id: string; holderName: string; reason: string; language?: string },
  now: number,
  catalogue?: Pick<Catalogue, 'courseWording'>,
): Promise<ReissueResult> {
  if (!isAdmin(actor)) return { ok: false, reason: 'forbidden' };
  const old = await getCertificate(db.orm, input.id);
  if (!old) return { ok: false, reason: 'not-found' };
  const errors: Partial<Record<ReissueField, NameProblem | 'required' | 'unavailable'>> = {};
  const reason = cleanReason(input.reason);
  if (!reason) errors.reason = 'required';
  const holder = await holderOf(db.orm, old.userId);
  const checked = checkHolderName(
    input.holderName.trim() ? input.holderName : (holder?.fullName ?? old.holderName),
  );
  if (!checked.ok) errors.holderName = checked.problem;
  const choice = parseLanguageChoice(input.language);
  const language = choice === 'holder' ? old.language : choice;
  const wording = language === old.language ? undefined : catalogue?.courseWording(old.courseId, language);
  if (language !== old.language && wording?.textLocale !== language) errors.language = 'unavailable';
  if (!checked.ok || !reason || errors.language) {
    return { ok: false, reason: 'invalid', errors, characters: checked.ok ? [] : checked.characters };
  }
  return db.write(async (orm): Promise<ReissueResult> => {
    const current = await getCertificate(orm, old.id);
    if (!current) return { ok: false, reason: 'not-found' };
    if (current.revokedAt !== null) return { ok: false, reason: 'revoked' };
    if (current.supersededBy !== null) return { ok: false, reason: 'superseded' };
    const result = await insertCertificate(
      orm,
      {
        userId: current.userId,
        // A correction keeps what was awarded: the CPD hours and expiry at issue, and in the same
        // language the titles printed at issue.
        course: {
          id: current.courseId,
          title: wording?.title ?? current.courseTitle,
          cpdHours: current.cpdHours,
          certificate: wording?.certificate,
        },
        language,
        ...(wording ? {} : { wording: current }),
        holderName: checked.name,
        mode: 'reissue',
        actorId: actor.id,
        reason,
        replaces: current,
        expiresAt: current.expiresAt,
      },
      now,
    );
    return result.ok ? result : { ok: false, reason: 'superseded' };
  });
}

/** Certificates nothing has replaced, newest first (valid, expired or revoked). */
async function listStandingCertificates(orm: Reader, userId: string): Promise<CertificateRecord[]> {
  const rows = await orm
    .select(certificateColumns)
    .from(certificate)
    .where(and(eq(certificate.userId, userId), isNull(certificate.supersededBy)))
    .orderBy(desc(certificate.issuedAt));
  return rows.map(toCertificateRecord);
}

export interface LearnerCertificate extends CertificateRecord {
  status: CertificateStatus;
  /** Expired, or expiring within the renewal window. */
  dueForRenewal: boolean;
  /** Days until expiry (rounded up), null without an expiry. */
  daysLeft: number | null;
}

function withStatus(record: CertificateRecord, now: number): LearnerCertificate {
  return {
    ...record,
    status: certificateStatus(record, now),
    dueForRenewal: isDueForRenewal(record, now),
    daysLeft: record.expiresAt === null ? null : daysUntilExpiry(record.expiresAt, now),
  };
}

/** The certificates a learner holds (replaced ones left out), newest first, with their status at `now`. */
export async function listLearnerCertificates(
  orm: Reader,
  userId: string,
  now: number,
): Promise<LearnerCertificate[]> {
  const records = await listStandingCertificates(orm, userId);
  return records.map((record) => withStatus(record, now));
}

/**
 * The dashboard's certificates: issues the automatic certificates now due (as
 * `issueDueAutoCertificates`), then lists what the learner holds. `completedCourseIds` comes
 * from the learner state the page already read, and the standing certificates are read once
 * (a second time only after an issue wrote one).
 */
export async function loadDashboardCertificates(
  db: Database,
  catalogue: Catalogue,
  userId: string,
  completedCourseIds: readonly string[],
  now: number,
): Promise<LearnerCertificate[]> {
  let held = await listStandingCertificates(db.orm, userId);
  const autoCourses = autoCoursesOf(catalogue, completedCourseIds);
  if (autoCourses.length > 0) {
    const issued = await issueDue(db, catalogue, userId, autoCourses, held, now);
    if (issued.length > 0) held = await listStandingCertificates(db.orm, userId);
  }
  return held.map((record) => withStatus(record, now));
}

/**
 * Who may download a certificate PDF: trainers and admins, and the holder while it is not revoked.
 * Everyone else, signed in or not, is told it does not exist.
 */
export function canDownloadCertificate(
  viewer: Actor | null,
  record: Pick<CertificateRecord, 'userId' | 'revokedAt'>,
): boolean {
  if (!viewer) return false;
  if (isStaff(viewer.role)) return true;
  return viewer.id === record.userId && record.revokedAt === null;
}

/** The certificate if `viewer` may download it, otherwise null (the endpoint answers 404). */
export async function getDownloadableCertificate(
  orm: Reader,
  viewer: Actor | null,
  id: string,
): Promise<CertificateRecord | null> {
  if (!viewer) return null;
  const record = await getCertificate(orm, id);
  return record && canDownloadCertificate(viewer, record) ? record : null;
}

/**
 * Issues the certificates of `courseIds` that are issued automatically and that the learner does
 * not hold yet (none revoked, none standing). A name no bundled font can print is left to an
 * admin, who sees it in the eligible queue. Never throws: a failure here must not undo or fail
 * the completion itself (recorded before this runs); the learner stays in the desk's eligible queue.
 */
export async function issueCertificatesOnCompletion(
  db: Database,
  catalogue: Pick<Catalogue, 'published'> & Partial<Pick<Catalogue, 'courseWording'>>,
  userId: string,
  courseIds: readonly string[],
  now: number,
): Promise<CertificateRecord[]> {
  const issued: CertificateRecord[] = [];
  try {
    const courses = courseIds
      .map((id) => catalogue.published.course(id))
      .filter((course) => course?.certificate?.issueMode === 'auto');
    if (courses.length === 0) return issued;
    await db.write(async (orm) => {
      const holder = await holderOf(orm, userId);
      if (!holder || findUnsupportedCharacters(holder.fullName).length > 0) return;
      for (const course of courses) {
        if (!course || (await getStandingCertificate(orm, userId, course.id))) continue;
        // Issued without an admin: in the holder's preferred language.
        const result = await insertCertificate(
          orm,
          {
            userId,
            course: courseInLanguage(catalogue, course, holder.locale),
            language: holder.locale,
            holderName: holder.fullName,
            mode: 'auto',
            actorId: null,
          },
          now,
        );
        if (result.ok) issued.push(result.certificate);
      }
    });
  } catch (error) {
    console.error(
      new Error('Automatic certificate issue failed; the learner stays eligible', { cause: error }),
    );
  }
  return issued;
}
