/**
 * The certificate record and the one way a certificate comes into being: a serial from the
 * per-year counter, a verification code, the holder's name as it is now, the expiry from the
 * course's validity, the supersession of the one it replaces and the audit entry, all in one
 * immediate transaction. The rules of who may get one live in certificate.ts.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { certificate, counter } from '#db/schema.ts';
import { computeExpiry, malaysianYear } from '#src/lib/certificate/status.ts';
import {
  formatSerial,
  generateVerificationCode,
  normaliseVerificationCode,
} from '#src/lib/certificate/code.ts';
import type { Locale } from '#src/i18n/index.ts';
import type { CourseView } from '#src/lib/learning/structure.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Orm } from '#src/lib/server/db.ts';
import { newId } from '#src/lib/server/ids.ts';
import { enqueueCertificateIssuedMail } from '#src/lib/server/mail/certificate-notices.ts';

export type Reader = Pick<Orm, 'select'>;
export type Writer = Pick<Orm, 'select' | 'insert' | 'update'>;

export interface CertificateRecord {
  /** Unguessable, used in download URLs. */
  id: string;
  serial: string;
  /** Compact stored form: 20 symbols without separators. */
  verificationCode: string;
  userId: string;
  courseId: string;
  holderName: string;
  courseTitle: string;
  /** Certificate title and signatory as the course stated them at issue; null on older rows. */
  certificateTitle: string | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
  cpdHours: number;
  /** The language it is issued in: its titles are in it, and its PDF and verification page print in it. */
  language: Locale;
  issuedAt: number;
  /** The admin who issued it; null when the system issued it on completion. */
  issuedBy: string | null;
  exceptionReason: string | null;
  expiresAt: number | null;
  revokedAt: number | null;
  revokedReason: string | null;
  supersededBy: string | null;
}

export const certificateColumns = {
  id: certificate.id,
  serial: certificate.serial,
  verificationCode: certificate.verificationCode,
  userId: certificate.userId,
  courseId: certificate.courseId,
  holderName: certificate.holderName,
  courseTitle: certificate.courseTitle,
  certificateTitle: certificate.certificateTitle,
  signatoryName: certificate.signatoryName,
  signatoryTitle: certificate.signatoryTitle,
  cpdHours: certificate.cpdHours,
  language: certificate.language,
  issuedAt: certificate.issuedAt,
  issuedBy: certificate.issuedBy,
  exceptionReason: certificate.exceptionReason,
  expiresAt: certificate.expiresAt,
  revokedAt: certificate.revokedAt,
  revokedReason: certificate.revokedReason,
  supersededBy: certificate.supersededBy,
};

export type CertificateRow = {
  [K in keyof typeof certificateColumns]: (typeof certificate.$inferSelect)[K];
};

export function toCertificateRecord(row: CertificateRow): CertificateRecord {
  return {
    ...row,
    issuedAt: row.issuedAt.getTime(),
    expiresAt: row.expiresAt?.getTime() ?? null,
    revokedAt: row.revokedAt?.getTime() ?? null,
  };
}

export async function getCertificate(orm: Reader, id: string): Promise<CertificateRecord | null> {
  if (id.length === 0 || id.length > 64) return null;
  const [row] = await orm.select(certificateColumns).from(certificate).where(eq(certificate.id, id));
  return row ? toCertificateRecord(row) : null;
}

/** The certificate with this code in any spelling a person may type; null when there is none. */
export async function findCertificateByCode(orm: Reader, code: string): Promise<CertificateRecord | null> {
  const compact = normaliseVerificationCode(code);
  if (compact === null) return null;
  const [row] = await orm
    .select(certificateColumns)
    .from(certificate)
    .where(eq(certificate.verificationCode, compact));
  return row ? toCertificateRecord(row) : null;
}

/**
 * The learner's current certificate for a course: the newest one nothing has replaced (it may be
 * valid, expired or revoked). Every older certificate of the course points to a newer one.
 */
export async function getStandingCertificate(
  orm: Reader,
  userId: string,
  courseId: string,
): Promise<CertificateRecord | null> {
  const [row] = await orm
    .select(certificateColumns)
    .from(certificate)
    .where(
      and(
        eq(certificate.userId, userId),
        eq(certificate.courseId, courseId),
        isNull(certificate.supersededBy),
      ),
    )
    .orderBy(desc(certificate.issuedAt))
    .limit(1);
  return row ? toCertificateRecord(row) : null;
}

/** How a certificate came to be issued; recorded in the audit entry. */
export type IssueMode = 'auto' | 'approval' | 'renewal' | 'exception' | 'reissue';

export interface NewCertificate {
  userId: string;
  /** The course with its title and certificate wording in `language`. */
  course: Pick<CourseView, 'id' | 'title' | 'cpdHours' | 'certificate'>;
  /** The language of `course`'s wording; default en. */
  language?: Locale;
  /**
   * The certificate title and signatory to print instead of the course's (a re-issue in the same
   * language keeps what the certificate it corrects said).
   */
  wording?: Pick<CertificateRecord, 'certificateTitle' | 'signatoryName' | 'signatoryTitle'>;
  holderName: string;
  mode: IssueMode;
  /** The admin, or null for the system (automatic issue on completion). */
  actorId: string | null;
  /** Required for exceptions and re-issues; kept in the audit log (and on the record for exceptions). */
  reason?: string | null;
  /** The certificate this one replaces (renewal or re-issue); it becomes superseded. */
  replaces?: CertificateRecord | null;
  /** A re-issue keeps the expiry of the certificate it corrects; otherwise it follows the rules. */
  expiresAt?: number | null;
}

/**
 * Takes the next serial of the year of `now` (in Malaysia). Call inside the transaction that
 * inserts the certificate, so a serial is never handed out twice, even by two app processes.
 */
async function nextSerial(tx: Writer, now: number): Promise<string> {
  const year = malaysianYear(now);
  const [row] = await tx
    .insert(counter)
    .values({ name: `certificate-serial:${year}`, value: 1 })
    .onConflictDoUpdate({ target: counter.name, set: { value: sql`${counter.value} + 1` } })
    .returning({ value: counter.value });
  if (!row) throw new Error(`The serial counter for ${year} returned no value`);
  return formatSerial(year, row.value);
}

export type InsertResult =
  | { ok: true; certificate: CertificateRecord }
  /** Another request issued, revoked or replaced the learner's certificate first. */
  | { ok: false; reason: 'changed-meanwhile' };

/**
 * Issues a certificate in one immediate transaction: serial, code, record, supersession of
 * `replaces` and the audit entry. Re-reads the learner's standing certificate inside the
 * transaction and refuses when it is not the one the caller decided on (`replaces`, or none).
 */
export async function insertCertificate(orm: Orm, input: NewCertificate, now: number): Promise<InsertResult> {
  return orm.transaction(async (tx): Promise<InsertResult> => {
    const standing = await getStandingCertificate(tx, input.userId, input.course.id);
    if ((standing?.id ?? null) !== (input.replaces?.id ?? null))
      return { ok: false, reason: 'changed-meanwhile' };

    const record: CertificateRecord = {
      id: newId(),
      serial: await nextSerial(tx, now),
      verificationCode: generateVerificationCode().replaceAll('-', ''),
      userId: input.userId,
      courseId: input.course.id,
      holderName: input.holderName,
      courseTitle: input.course.title,
      certificateTitle: input.wording
        ? input.wording.certificateTitle
        : (input.course.certificate?.title ?? null),
      signatoryName: input.wording
        ? input.wording.signatoryName
        : (input.course.certificate?.signatoryName ?? null),
      signatoryTitle: input.wording
        ? input.wording.signatoryTitle
        : (input.course.certificate?.signatoryTitle ?? null),
      cpdHours: input.course.cpdHours,
      language: input.language ?? 'en',
      issuedAt: now,
      issuedBy: input.actorId,
      exceptionReason: input.mode === 'exception' ? (input.reason ?? null) : null,
      expiresAt:
        input.expiresAt !== undefined
          ? input.expiresAt
          : computeExpiry(now, input.course.certificate?.validityMonths),
      revokedAt: null,
      revokedReason: null,
      supersededBy: null,
    };
    await tx.insert(certificate).values({
      ...record,
      issuedAt: new Date(record.issuedAt),
      expiresAt: record.expiresAt === null ? null : new Date(record.expiresAt),
      revokedAt: null,
    });
    if (input.replaces) {
      await tx
        .update(certificate)
        .set({ supersededBy: record.id })
        .where(and(eq(certificate.id, input.replaces.id), isNull(certificate.supersededBy)));
      await recordAudit(tx, {
        actorId: input.actorId,
        action: 'certificate-superseded',
        subjectType: 'certificate',
        subjectId: input.replaces.id,
        data: {
          serial: input.replaces.serial,
          supersededBy: record.id,
          supersededBySerial: record.serial,
          mode: input.mode,
          ...(input.reason ? { reason: input.reason } : {}),
        },
        at: now,
      });
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: input.mode === 'reissue' ? 'certificate-reissued' : 'certificate-issued',
      subjectType: 'certificate',
      subjectId: record.id,
      data: {
        mode: input.mode,
        serial: record.serial,
        userId: record.userId,
        courseId: record.courseId,
        holderName: record.holderName,
        language: record.language,
        expiresAt: record.expiresAt === null ? null : new Date(record.expiresAt).toISOString(),
        ...(input.replaces
          ? {
              replaces: input.replaces.id,
              replacesSerial: input.replaces.serial,
              before: { holderName: input.replaces.holderName, language: input.replaces.language },
              after: { holderName: record.holderName, language: record.language },
            }
          : {}),
        ...(input.reason ? { reason: input.reason } : {}),
      },
      at: now,
    });
    // The learner is told in this same transaction (the outbox sends it after commit).
    await enqueueCertificateIssuedMail(
      tx,
      record,
      {
        mode: input.mode === 'reissue' ? 'reissue' : input.mode === 'renewal' ? 'renewal' : 'issued',
        replacesSerial: input.replaces?.serial ?? null,
        reason: input.mode === 'reissue' ? (input.reason ?? null) : null,
      },
      now,
    );
    return { ok: true, certificate: record };
  });
}
