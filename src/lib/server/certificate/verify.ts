/**
 * Public verification of a certificate code. Anyone may check a code, so it reveals only what the
 * certificate itself prints (no email, no employer, no revocation reason), and every unknown code
 * counts against the client address: after too many, every look-up from that address is refused
 * for a while (HTTP 429), which makes guessing codes hopeless.
 */
import { eq } from 'drizzle-orm';
import { certificate } from '#db/schema.ts';
import { normaliseSerial, normaliseVerificationCode } from '#src/lib/certificate/code.ts';
import { matchesHolderName } from '#src/lib/certificate/holder-name.ts';
import { certificateStatus, type CertificateStatus } from '#src/lib/certificate/status.ts';
import {
  certificateColumns,
  findCertificateByCode,
  toCertificateRecord,
  type CertificateRecord,
} from './store.ts';
import type { Database } from '#src/lib/server/db.ts';
import type { Locale } from '#src/i18n/index.ts';
import { getThrottleWait, recordThrottleFailure, throttleKeys } from '#src/lib/server/account/throttle.ts';
import { throttlePolicies } from '#src/lib/server/account/throttle-policy.ts';

export interface PublicCertificate {
  status: CertificateStatus;
  /** Compact code, for the canonical URL. */
  code: string;
  serial: string;
  holderName: string;
  courseId: string;
  courseTitle: string;
  /** The certificate title as printed; null on certificates issued before it was kept. */
  certificateTitle: string | null;
  /** The language the certificate is in: its titles are in it. */
  language: Locale;
  cpdHours: number;
  issuedAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  /** When a newer certificate replaced this one. */
  replacedAt: number | null;
}

export type VerifyOutcome =
  | { kind: 'throttled'; retryAfterMs: number }
  | { kind: 'malformed' }
  | { kind: 'not-found' }
  | { kind: 'found'; certificate: PublicCertificate };

/**
 * Looks a code up for the public (case, spaces and hyphens ignored). A blocked address gets
 * `throttled` whatever it asks, so a blocked client learns nothing more. A malformed code is
 * answered without a look-up and does not count; an unknown well-formed one counts as a failure.
 */
export async function verifyCertificateCode(
  db: Database,
  input: string,
  address: string,
  now: number,
): Promise<VerifyOutcome> {
  const key = throttleKeys.verify(address);
  const wait = await getThrottleWait(db, [key], now);
  if (wait > 0) return { kind: 'throttled', retryAfterMs: wait };
  const code = normaliseVerificationCode(input);
  if (code === null) return { kind: 'malformed' };
  const record = await findCertificateByCode(db.orm, code);
  if (!record) {
    await recordThrottleFailure(db, key, throttlePolicies.verifyAddress, now);
    return { kind: 'not-found' };
  }
  return { kind: 'found', certificate: await toPublicCertificate(db, record, now) };
}

/**
 * Looks a certificate up by its serial and a name of its holder (`matchesHolderName`), for an
 * auditor who has only the serial. A wrong name gets the same `not-found` as an unknown serial and
 * counts against the address the same way, so the pair cannot be used to learn which serials
 * exist. `malformed` names the field that is not usable (not counted, no look-up).
 */
export async function verifyCertificateSerial(
  db: Database,
  input: { serial: string; name: string },
  address: string,
  now: number,
): Promise<VerifyOutcome | { kind: 'malformed-serial' } | { kind: 'malformed-name' }> {
  const key = throttleKeys.verify(address);
  const wait = await getThrottleWait(db, [key], now);
  if (wait > 0) return { kind: 'throttled', retryAfterMs: wait };
  const serial = normaliseSerial(input.serial);
  if (serial === null) return { kind: 'malformed-serial' };
  if (input.name.trim() === '' || input.name.length > 200) return { kind: 'malformed-name' };
  const [row] = await db.orm
    .select(certificateColumns)
    .from(certificate)
    .where(eq(certificate.serial, serial));
  const record = row ? toCertificateRecord(row) : null;
  if (!record || !matchesHolderName(record.holderName, input.name)) {
    await recordThrottleFailure(db, key, throttlePolicies.verifyAddress, now);
    return { kind: 'not-found' };
  }
  return { kind: 'found', certificate: await toPublicCertificate(db, record, now) };
}

/** What the public may see of a certificate: what it prints, its status and its replacement date. */
async function toPublicCertificate(
  db: Database,
  record: CertificateRecord,
  now: number,
): Promise<PublicCertificate> {
  let replacedAt: number | null = null;
  if (record.supersededBy) {
    const [successor] = await db.orm
      .select({ issuedAt: certificate.issuedAt })
      .from(certificate)
      .where(eq(certificate.id, record.supersededBy));
    replacedAt = successor?.issuedAt.getTime() ?? null;
  }
  return {
    status: certificateStatus(record, now),
    code: record.verificationCode,
    serial: record.serial,
    holderName: record.holderName,
    courseId: record.courseId,
    courseTitle: record.courseTitle,
    certificateTitle: record.certificateTitle,
    language: record.language,
    cpdHours: record.cpdHours,
    issuedAt: record.issuedAt,
    expiresAt: record.expiresAt,
    revokedAt: record.revokedAt,
    replacedAt,
  };
}
