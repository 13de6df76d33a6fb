/**
 * Messages about a learner's certificate, written in the same transaction as the certificate
 * change itself (src/lib/server/certificate/store.ts and issue.ts call these): issued, renewed,
 * re-issued (a correction) and revoked. Deactivated accounts get none.
 */
import { and, eq } from 'drizzle-orm';
import { user } from '#db/schema.ts';
import type { Orm } from '#src/lib/server/db.ts';
import { enqueueMail } from './outbox.ts';

type Writer = Pick<Orm, 'select' | 'insert'>;

/** What a notice needs of a certificate (a CertificateRecord fits). */
export interface CertificateFacts {
  userId: string;
  holderName: string;
  courseTitle: string;
  serial: string;
  verificationCode: string;
  expiresAt: number | null;
}

async function recipient(tx: Writer, userId: string) {
  const [row] = await tx
    .select({ email: user.email, locale: user.locale })
    .from(user)
    .where(and(eq(user.id, userId), eq(user.status, 'active')));
  return row ?? null;
}

/**
 * A new certificate: `issued` (first, by rule, approval or exception), `renewal` (replaces one
 * that was expiring), or `reissue` (a correction of `replaces`).
 */
export async function enqueueCertificateIssuedMail(
  tx: Writer,
  certificate: CertificateFacts,
  how: { mode: 'issued' | 'renewal' | 'reissue'; replacesSerial: string | null; reason: string | null },
  now: number,
): Promise<void> {
  const to = await recipient(tx, certificate.userId);
  if (!to) return;
  const facts = {
    holderName: certificate.holderName,
    courseTitle: certificate.courseTitle,
    serial: certificate.serial,
    verificationCode: certificate.verificationCode,
    expiresAt: certificate.expiresAt,
  };
  if (how.mode === 'reissue' && how.replacesSerial) {
    await enqueueMail(
      tx,
      {
        kind: 'certificate-reissued',
        to: to.email,
        userId: certificate.userId,
        locale: to.locale,
        params: { ...facts, replacesSerial: how.replacesSerial, reason: how.reason },
      },
      now,
    );
    return;
  }
  await enqueueMail(
    tx,
    {
      kind: 'certificate-issued',
      to: to.email,
      userId: certificate.userId,
      locale: to.locale,
      params: { ...facts, renewal: how.mode === 'renewal' },
    },
    now,
  );
}

/** A certificate was revoked, with the reason the admin gave. */
export async function enqueueCertificateRevokedMail(
  tx: Writer,
  certificate: Pick<CertificateFacts, 'userId' | 'holderName' | 'courseTitle' | 'serial'>,
  reason: string,
  now: number,
): Promise<void> {
  const to = await recipient(tx, certificate.userId);
  if (!to) return;
  await enqueueMail(
    tx,
    {
      kind: 'certificate-revoked',
      to: to.email,
      userId: certificate.userId,
      locale: to.locale,
      params: {
        holderName: certificate.holderName,
        courseTitle: certificate.courseTitle,
        serial: certificate.serial,
        reason,
      },
    },
    now,
  );
}
