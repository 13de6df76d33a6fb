/**
 * Demo data for email (/admin/mail): a few messages sent, one failed after its tries (to send
 * again from the page), and every demo address verified except Tan Wei Ming's (he has just
 * registered: his profile asks him to confirm it). The certificate notices the earlier steps
 * queued while seeding are dropped, so `npm start` does not mail every seeded certificate.
 */
import { and, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import { certificate, mailOutbox, user, type Locale } from '#db/schema.ts';
import type { Orm } from '#src/lib/server/db.ts';
import { newId } from '#src/lib/server/ids.ts';
import type { MailKind, MailParams } from '#src/lib/server/mail/messages/kinds.ts';
import { renderMail } from '#src/lib/server/mail/messages/render.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '#src/lib/time.ts';
import type { SeedStep } from './demo.ts';

const UNVERIFIED = 'tan.weiming@demo.rtw-academy.my';
const SITE = 'http://localhost:4321';

interface DemoMail<K extends MailKind> {
  kind: K;
  email: string;
  params: MailParams[K];
  writtenAgo: number;
  outcome: 'sent' | 'failed';
}

export const seedMail: SeedStep = async (orm: Orm, { now, users }) => {
  await orm.delete(mailOutbox).where(eq(mailOutbox.status, 'queued'));
  await orm
    .update(user)
    .set({ emailVerifiedAt: user.createdAt })
    .where(and(isNull(user.emailVerifiedAt), ne(user.email, UNVERIFIED)));

  const name = async (email: string) =>
    (
      await orm
        .select({ fullName: user.fullName, locale: user.locale })
        .from(user)
        .where(eq(user.email, email))
    )[0];
  const [issued] = await orm
    .select({
      email: user.email,
      holderName: certificate.holderName,
      courseTitle: certificate.courseTitle,
      serial: certificate.serial,
      verificationCode: certificate.verificationCode,
      expiresAt: certificate.expiresAt,
    })
    .from(certificate)
    .innerJoin(user, eq(user.id, certificate.userId))
    .where(
      and(isNull(certificate.revokedAt), isNull(certificate.supersededBy), isNotNull(certificate.expiresAt)),
    )
    .limit(1);
  const siti = await name('learner@demo.rtw-academy.my');
  const tan = await name(UNVERIFIED);
  const jugah = await name('jugah@demo.rtw-academy.my');

  const mails: DemoMail<MailKind>[] = [];
  if (siti)
    mails.push({
      kind: 'password-reset',
      email: 'learner@demo.rtw-academy.my',
      params: {
        fullName: siti.fullName,
        email: 'learner@demo.rtw-academy.my',
        expiresAt: now - 2 * DAY_MS + HOUR_MS,
      },
      writtenAgo: 2 * DAY_MS,
      outcome: 'sent',
    });
  if (tan)
    mails.push({
      kind: 'verify-email',
      email: UNVERIFIED,
      params: {
        fullName: tan.fullName,
        email: UNVERIFIED,
        purpose: 'registration',
        expiresAt: now + 5 * DAY_MS,
      },
      writtenAgo: 2 * DAY_MS,
      outcome: 'sent',
    });
  if (issued)
    mails.push({
      kind: 'certificate-issued',
      email: issued.email,
      params: {
        holderName: issued.holderName,
        courseTitle: issued.courseTitle,
        serial: issued.serial,
        verificationCode: issued.verificationCode,
        expiresAt: issued.expiresAt?.getTime() ?? null,
        renewal: false,
      },
      writtenAgo: 20 * DAY_MS,
      outcome: 'sent',
    });
  if (jugah)
    mails.push({
      kind: 'inactivity-nudge',
      email: 'jugah@demo.rtw-academy.my',
      params: { fullName: jugah.fullName, courses: [{ id: 'rtw-coordinator', title: 'RTW Coordinator' }] },
      writtenAgo: 3 * HOUR_MS,
      outcome: 'failed',
    });

  for (const mail of mails) {
    const userId = users.get(mail.email) ?? null;
    const locale: Locale = (await name(mail.email))?.locale ?? 'en';
    const written = now - mail.writtenAgo;
    const rendered = renderMail(mail.kind, mail.params, {
      locale,
      siteUrl: SITE,
      secret: 'demo-link-token-demo-link-token',
      unsubscribeUrl: null,
    });
    if (!rendered.ok) continue;
    const failed = mail.outcome === 'failed';
    await orm.insert(mailOutbox).values({
      id: newId(),
      kind: mail.kind,
      toAddress: mail.email,
      userId,
      locale,
      params: mail.params,
      secret: null,
      status: mail.outcome,
      attempts: failed ? 8 : 1,
      nextAttemptAt: new Date(written),
      sendBefore: new Date(written + 3 * DAY_MS),
      subject: rendered.mail.subject,
      lastError: failed ? 'EENVELOPE: 452 4.2.2 Mailbox full, try again later' : null,
      createdAt: new Date(written),
      sentAt: failed ? null : new Date(written + 2000),
      failedAt: failed ? new Date(written + 2 * HOUR_MS + 7 * MINUTE_MS) : null,
    });
  }
  const sent = mails.filter((mail) => mail.outcome === 'sent').length;
  return `Seeded ${sent} sent and ${mails.length - sent} failed email messages; ${UNVERIFIED} left unverified.`;
};
