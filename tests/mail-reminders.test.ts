/**
 * Messages with a cause elsewhere: certificate notices written in the certificate's own
 * transaction, expiry reminders (60, 30, 7 days, each once), inactivity nudges (at most every 14
 * days), the preferences and one-click unsubscribe that stop them, the admin's retry, and the
 * demo seed. Sent through a real SMTP server process.
 */
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { certificate, enrolment, mailOutbox, mailPreference } from '#db/schema.ts';
import { revokeCertificate } from '#src/lib/server/certificate/issue.ts';
import { insertCertificate } from '#src/lib/server/certificate/store.ts';
import { retryFailedMail, countMailByStatus, listMail } from '#src/lib/server/mail/desk.ts';
import { listDevMessages } from '#src/lib/server/mail/dev-mailbox.ts';
import { enqueueMail } from '#src/lib/server/mail/outbox.ts';
import { getMailPreferences, saveMailPreferences } from '#src/lib/server/mail/preferences.ts';
import {
  enqueueExpiryReminders,
  enqueueInactivityNudges,
  expiryStage,
} from '#src/lib/server/mail/reminders.ts';
import { drainOutbox } from '#src/lib/server/mail/sender.ts';
import {
  createDevOutboxTransport,
  createSmtpTransport,
  type MailTransport,
} from '#src/lib/server/mail/transport.ts';
import { checkUnsubscribeToken, unsubscribe } from '#src/lib/server/mail/unsubscribe.ts';
import { newId } from '#src/lib/server/ids.ts';
import { DAY_MS, MINUTE_MS } from '#src/lib/time.ts';
import { seedDemo } from '../scripts/seed/demo.ts';
import { demoSeedSteps } from '../scripts/demo-steps.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';
import { addPerson } from './helpers/mail-fixture.ts';
import { startMailSink, type MailSink } from './helpers/mail-sink-client.ts';

const site = 'https://rtw.test';
const settings = { from: 'RTW Academy <no-reply@rtw.test>', siteUrl: site };
const course = {
  id: 'rtw-coordinator',
  title: 'RTW Coordinator',
  cpdHours: 2,
  certificate: {
    title: 'Certificate of Completion',
    issueMode: 'approval' as const,
    validityMonths: 24,
    signatoryName: 'Dr Aminah binti Yusof',
    signatoryTitle: 'Programme Director',
  },
};
const titles = () => Promise.resolve(new Map([['rtw-coordinator', 'RTW Coordinator']]));

let sink: MailSink;
let test: TestDatabase;
let transport: MailTransport;
let now: number;

beforeAll(async () => {
  sink = await startMailSink();
});
afterAll(async () => {
  await sink.stop();
});
beforeEach(async () => {
  test = await createTestDb();
  transport = createSmtpTransport(sink.smtpUrl);
  await sink.clear();
  now = Date.now();
});
afterEach(() => {
  transport.close();
  test.cleanup();
});

const deliver = (at: number) => drainOutbox({ db: test.db, transport, settings, now: () => at });
const outbox = () => test.db.orm.select().from(mailOutbox);

async function issue(userId: string, at: number, expiresAt?: number) {
  const result = await test.db.write((orm) =>
    insertCertificate(
      orm,
      {
        userId,
        course,
        holderName: 'Siti Nur Aisyah binti Abdullah',
        mode: 'approval',
        actorId: null,
        ...(expiresAt ? { expiresAt } : {}),
      },
      at,
    ),
  );
  if (!result.ok) throw new Error('not issued');
  return result.certificate;
}

describe('certificate notices', () => {
  it('are written in the transaction that issues or revokes, and sent with the verification link', async () => {
    const userId = await addPerson(test.db, { email: 'siti@example.my' });
    const admin = {
      id: await addPerson(test.db, { email: 'admin@example.my', role: 'admin' }),
      role: 'admin' as const,
    };
    const record = await issue(userId, now);
    await revokeCertificate(test.db, admin, { id: record.id, reason: 'Issued to the wrong person' }, now + 1);
    expect((await outbox()).map((row) => row.kind).sort()).toEqual([
      'certificate-issued',
      'certificate-revoked',
    ]);
    await deliver(now + MINUTE_MS);
    const issued = await sink.waitFor((m) => m.subject === 'Your certificate is ready: RTW Coordinator');
    expect(issued.text).toContain(`${site}/verify/${record.verificationCode}`);
    expect(issued.text).toContain(record.serial);
    const revoked = await sink.waitFor((m) => m.subject === 'Your certificate was revoked: RTW Coordinator');
    expect(revoked.text).toContain('Issued to the wrong person');
  });

  it('are lost together with the change when it fails, never sent for something that did not happen', async () => {
    const userId = await addPerson(test.db, { email: 'siti@example.my' });
    // Make the outbox write fail: the certificate must not be issued without its notice.
    await test.db.client.execute('ALTER TABLE mail_outbox RENAME TO mail_outbox_away');
    await expect(issue(userId, now)).rejects.toThrow();
    await test.db.client.execute('ALTER TABLE mail_outbox_away RENAME TO mail_outbox');
    expect(await test.db.orm.select().from(certificate)).toHaveLength(0);
    expect(await outbox()).toHaveLength(0);
  });
});

describe('expiry reminders', () => {
  it('go 60, 30 and 7 days before, each once, with the way to renew', async () => {
    const userId = await addPerson(test.db, { email: 'siti@example.my' });
    const expiresAt = now + 100 * DAY_MS;
    const record = await issue(userId, now, expiresAt);
    // The issue notices are not what these tests are about.
    await test.db.write((orm) => orm.delete(mailOutbox).where(eq(mailOutbox.kind, 'certificate-issued')));
    const at = (daysLeft: number) => expiresAt - daysLeft * DAY_MS;
    expect((await enqueueExpiryReminders(test.db, at(61))).queued).toBe(0);
    expect((await enqueueExpiryReminders(test.db, at(59))).queued).toBe(1);
    expect((await enqueueExpiryReminders(test.db, at(58))).queued).toBe(0);
    expect((await enqueueExpiryReminders(test.db, at(29))).queued).toBe(1);
    expect((await enqueueExpiryReminders(test.db, at(29))).queued).toBe(0);
    expect((await enqueueExpiryReminders(test.db, at(6.5))).queued).toBe(1);
    expect((await enqueueExpiryReminders(test.db, at(1))).queued).toBe(0);
    expect((await enqueueExpiryReminders(test.db, at(-1))).queued).toBe(0);
    await deliver(at(6));
    const mails = await sink.messages();
    expect(mails).toHaveLength(1); // the older two went stale (three days) before this drain
    const mail = mails[0]!;
    expect(mail.subject).toContain('Your certificate expires on');
    expect(mail.text).toContain(record.serial);
    expect(mail.text).toContain(`${site}/courses/rtw-coordinator`);
    expect(mail.text).toContain('pass the final assessment again');
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.headers['list-unsubscribe']).toMatch(new RegExp(`^<${site}/unsubscribe/[^>]+>$`, 'u'));
  });

  it('send only the latest stage when the job starts late, never an earlier one after it', async () => {
    expect(expiryStage(now + 5 * DAY_MS, now)).toBe(7);
    expect(expiryStage(now + 45 * DAY_MS, now)).toBe(60);
    expect(expiryStage(now + 61 * DAY_MS, now)).toBeNull();
    const userId = await addPerson(test.db, { email: 'siti@example.my' });
    await issue(userId, now, now + 5 * DAY_MS);
    // The issue notices are not what these tests are about.
    await test.db.write((orm) => orm.delete(mailOutbox).where(eq(mailOutbox.kind, 'certificate-issued')));
    expect((await enqueueExpiryReminders(test.db, now)).queued).toBe(1);
    expect((await enqueueExpiryReminders(test.db, now + DAY_MS)).queued).toBe(0);
    expect((await outbox())[0]?.kind).toBe('expiry-reminder');
  });

  it('stop when turned off, and the one-click link in the message turns them off', async () => {
    const userId = await addPerson(test.db, { email: 'siti@example.my', locale: 'ms' });
    const other = await addPerson(test.db, { email: 'tan@example.my' });
    await issue(userId, now, now + 50 * DAY_MS);
    await issue(other, now, now + 50 * DAY_MS);
    // The issue notices are not what these tests are about.
    await test.db.write((orm) => orm.delete(mailOutbox).where(eq(mailOutbox.kind, 'certificate-issued')));
    await saveMailPreferences(test.db, other, { expiryReminders: false, inactivityNudges: true }, now);
    expect((await enqueueExpiryReminders(test.db, now)).queued).toBe(1);
    await deliver(now + MINUTE_MS);
    const mail = await sink.waitFor((m) => m.envelopeTo.includes('siti@example.my'));
    expect(mail.headers['content-language']).toBe('ms');
    const url = /^<(.+)>$/u.exec(mail.headers['list-unsubscribe'] ?? '')?.[1] ?? '';
    const token = url.slice(url.lastIndexOf('/') + 1);
    expect(await checkUnsubscribeToken(test.db, `${token.slice(0, -2)}xx`)).toEqual({ ok: false });
    expect(await unsubscribe(test.db, token, now)).toMatchObject({
      ok: true,
      topic: 'reminders',
      email: 'siti@example.my',
    });
    expect(await getMailPreferences(test.db.orm, userId)).toEqual({
      expiryReminders: false,
      inactivityNudges: true,
    });
    // The same link again changes nothing.
    expect((await unsubscribe(test.db, token, now)).ok).toBe(true);
  });
});

describe('inactivity nudges', () => {
  async function enrol(userId: string, enrolledAt: number, completedAt: number | null = null) {
    await test.db.write((orm) =>
      orm.insert(enrolment).values({
        id: newId(),
        userId,
        courseId: 'rtw-coordinator',
        enrolledAt: new Date(enrolledAt),
        completedAt: completedAt === null ? null : new Date(completedAt),
      }),
    );
  }

  it('go after 14 quiet days in an unfinished course, at most once per 14 days', async () => {
    const quiet = await addPerson(test.db, { email: 'quiet@example.my', lastActiveAt: now - 15 * DAY_MS });
    const busy = await addPerson(test.db, { email: 'busy@example.my', lastActiveAt: now - DAY_MS });
    const done = await addPerson(test.db, { email: 'done@example.my', lastActiveAt: now - 30 * DAY_MS });
    const off = await addPerson(test.db, { email: 'off@example.my', lastActiveAt: now - 30 * DAY_MS });
    const fresh = await addPerson(test.db, { email: 'fresh@example.my', lastActiveAt: now - 30 * DAY_MS });
    await enrol(quiet, now - 40 * DAY_MS);
    await enrol(busy, now - 40 * DAY_MS);
    await enrol(done, now - 40 * DAY_MS, now - 31 * DAY_MS);
    await enrol(off, now - 40 * DAY_MS);
    await enrol(fresh, now - 2 * DAY_MS); // enrolled by staff two days ago
    await test.db.write((orm) =>
      orm
        .insert(mailPreference)
        .values({ userId: off, expiryReminders: true, inactivityNudges: false, updatedAt: new Date(now) }),
    );
    const run = async (days: number) =>
      (await enqueueInactivityNudges(test.db, now + days * DAY_MS, titles)).queued;
    expect(await run(0)).toBe(1); // quiet (15 days)
    await deliver(now + MINUTE_MS);
    const mails = await sink.messages();
    expect(mails.map((m) => m.envelopeTo[0])).toEqual(['quiet@example.my']);
    expect(mails[0]?.text).toContain(`RTW Coordinator: ${site}/courses/rtw-coordinator`);
    expect(await run(1)).toBe(0);
    expect(await run(11)).toBe(0);
    expect(await run(12)).toBe(1); // fresh: 14 days since staff enrolled them
    expect(await run(13)).toBe(1); // busy: 14 days since their last visit
    expect(await run(13.5)).toBe(0);
    expect(await run(14)).toBe(1); // quiet: still away, 14 days since the last nudge
    expect(await run(15)).toBe(0);
    expect(mails[0]?.subject).toBe('Pick up where you left off at RTW Academy');
  });
});

describe('the admin desk', () => {
  it('counts by status and sends a failed message again', async () => {
    const admin = {
      id: await addPerson(test.db, { email: 'admin@example.my', role: 'admin' }),
      role: 'admin' as const,
    };
    const learner = { id: await addPerson(test.db, { email: 'l@example.my' }), role: 'learner' as const };
    await test.db.write((orm) =>
      enqueueMail(
        orm,
        {
          kind: 'certificate-revoked',
          to: 'nobody.permfail@example.my',
          userId: null,
          locale: 'en',
          params: {
            holderName: 'A',
            courseTitle: 'RTW Coordinator',
            serial: 'RTW-2026-000001',
            reason: 'Test',
          },
        },
        now,
      ),
    );
    await deliver(now);
    expect(await countMailByStatus(test.db)).toMatchObject({ failed: 1, queued: 0 });
    const { rows } = await listMail(test.db, { status: 'failed', page: 1, pageSize: 25, now });
    expect(rows[0]).toMatchObject({ retryable: true, attempts: 1 });
    expect(rows[0]?.lastError).toContain('550');
    expect(await retryFailedMail(test.db, learner, 'all', now)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await retryFailedMail(test.db, admin, { id: rows[0]!.id }, now)).toEqual({ ok: true, count: 1 });
    expect(await countMailByStatus(test.db)).toMatchObject({ failed: 0, queued: 1 });
    expect(await retryFailedMail(test.db, admin, { id: rows[0]!.id }, now)).toEqual({
      ok: false,
      reason: 'not-failed',
    });
  });

  it('does not send again a link that has expired', async () => {
    const admin = {
      id: await addPerson(test.db, { email: 'admin@example.my', role: 'admin' }),
      role: 'admin' as const,
    };
    const id = await test.db.write((orm) =>
      enqueueMail(
        orm,
        {
          kind: 'password-reset',
          to: 'x.permfail@example.my',
          userId: null,
          locale: 'en',
          params: { fullName: 'X', email: 'x.permfail@example.my', expiresAt: now + 60 * MINUTE_MS },
          secret: 'abcdefghijkmnpqrstuvwxyz.abcdefghijkmnpqrstuvwxyz',
          linkExpiresAt: now + 60 * MINUTE_MS,
        },
        now,
      ),
    );
    await deliver(now);
    expect(await retryFailedMail(test.db, admin, { id }, now + 61 * MINUTE_MS)).toEqual({
      ok: false,
      reason: 'link-expired',
    });
  });
});

describe('development outbox and demo data', () => {
  it('keeps what would have been sent, and the demo seed leaves a few sent and one failed', async () => {
    const report = await seedDemo(test.db, now, demoSeedSteps);
    expect(report).toContain('email messages');
    const counts = await countMailByStatus(test.db);
    expect(counts.queued).toBe(0);
    expect(counts.sent).toBeGreaterThanOrEqual(3);
    expect(counts.failed).toBe(1);
    const userId = await addPerson(test.db, { email: 'dev@example.my' });
    await issue(userId, now);
    await drainOutbox({
      db: test.db,
      transport: createDevOutboxTransport(test.db),
      settings,
      now: () => now,
    });
    const [message] = await listDevMessages(test.db);
    expect(message?.toAddress).toBe('dev@example.my');
    expect(message?.subject).toBe('Your certificate is ready: RTW Coordinator');
    expect(message?.html).toContain('<html lang="en">');
    expect(await sink.messages()).toHaveLength(0);
    expect(
      (await test.db.orm.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'dev@example.my')))[0]
        ?.status,
    ).toBe('sent');
  });
});
