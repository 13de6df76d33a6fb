/**
 * Public verification of a certificate code. Anyone may check a code, so it reveals only what the
 * certificate itself prints (no email, no employer, no revocation reason), and every unknown code
 * counts against the client address: after too many, every look-up from that address is refused
 * for a while (HTTP 429), which makes guessing codes hopeless.
 */
import { eq } from 'drizzle-orm';
import { certificate } from '#db/schema.ts';
import { normaliseVerificationCode } from '#src/lib/certificate/code.ts';
import { certificateStatus, type CertificateStatus } from '#src/lib/certificate/status.ts';
import { findCertificateByCode } from './store.ts';
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
  let replacedAt: number | null = null;
  if (record.supersededBy) {
    const [successor] = await db.orm
      .select({ issuedAt: certificate.issuedAt })
      .from(certificate)
      .where(eq(certificate.id, record.supersededBy));
    replacedAt = successor?.issuedAt.getTime() ?? null;
  }
  return {
    kind: 'found',
    certificate: {
      status: certificateStatus(record, now),
      code,
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
    },
  };
}
