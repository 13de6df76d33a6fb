/**
 * The outbox against a real SMTP server process: sending, language and links, retries with
 * backoff, the failure limit, stale messages, crash recovery (a claim abandoned between commit
 * and send), and two processes draining one database file (every message sent exactly once).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mailOutbox } from '#db/schema.ts';
import { claimDueMail, enqueueMail, type NewMail } from '#src/lib/server/mail/outbox.ts';
import { drainOutbox } from '#src/lib/server/mail/sender.ts';
import { createSmtpTransport, type MailTransport } from '#src/lib/server/mail/transport.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '#src/lib/time.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';
import { startMailSink, type MailSink } from './helpers/mail-sink-client.ts';

const run = promisify(execFile);
const settings = { from: 'RTW Academy <no-reply@rtw.test>', siteUrl: 'https://rtw.test' };
const fastRetries = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 4000 };

let sink: MailSink;
let test: TestDatabase;
let transport: MailTransport;

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
  await sink.setMode('ok');
});
afterEach(() => {
  transport.close();
  test.cleanup();
});

function revoked(to: string, locale: 'en' | 'ms' = 'en'): NewMail<'certificate-revoked'> {
  return {
    kind: 'certificate-revoked',
    to,
    userId: null,
    locale,
    params: {
      holderName: 'Siti Nur Aisyah binti Abdullah',
      courseTitle: 'RTW Coordinator',
      serial: 'RTW-2026-000042',
      reason: 'Issued in error',
    },
  };
}

async function enqueue(mail: NewMail, now: number): Promise<string> {
  return test.db.write((orm) => enqueueMail(orm, mail, now));
}

async function row(id: string) {
  const [found] = await test.db.orm.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  if (!found) throw new Error(`no outbox row ${id}`);
  return found;
}

describe('the outbox', () => {
  it('sends a message once, in the recipient language, with SITE_URL in its links', async () => {
    const now = Date.now();
    const id = await enqueue(
      {
        kind: 'password-reset',
        to: 'kavitha@example.my',
        userId: null,
        locale: 'ms',
        params: { fullName: 'Kavitha a/p Ramasamy', email: 'kavitha@example.my', expiresAt: now + HOUR_MS },
        secret: 'abcdefghijkmnpqrstuvwxyz.abcdefghijkmnpqrstuvwxyz',
        linkExpiresAt: now + HOUR_MS,
      },
      now,
    );
    const report = await drainOutbox({ db: test.db, transport, settings, now: () => now });
    expect(report).toMatchObject({ sent: 1, failed: 0, retrying: 0 });
    const mail = await sink.waitFor((m) => m.envelopeTo.includes('kavitha@example.my'));
    expect(mail.subject).toBe('Set semula kata laluan RTW Academy anda');
    expect(mail.headers['content-language']).toBe('ms');
    expect(mail.headers['message-id']).toBe(`<${id}@rtw.test>`);
    expect(mail.text).toContain(
      'https://rtw.test/reset-password/abcdefghijkmnpqrstuvwxyz.abcdefghijkmnpqrstuvwxyz',
    );
    expect(mail.html).toContain('<html lang="ms">');
    expect(mail.html).toContain('href="https://rtw.test/reset-password/');
    expect(mail.headers['list-unsubscribe']).toBeUndefined();
    const sent = await row(id);
    expect(sent.status).toBe('sent');
    expect(sent.secret).toBeNull();
    expect(sent.subject).toBe('Set semula kata laluan RTW Academy anda');
    expect(await drainOutbox({ db: test.db, transport, settings, now: () => now + MINUTE_MS })).toMatchObject(
      {
        sent: 0,
      },
    );
    expect(await sink.messages()).toHaveLength(1);
  });

  it('retries a temporary failure with growing waits, then gives up at the limit', async () => {
    let now = Date.now();
    const id = await enqueue(revoked('busy.tempfail@example.my'), now);
    const drain = () =>
      drainOutbox({ db: test.db, transport, settings, policy: fastRetries, now: () => now });
    expect(await drain()).toMatchObject({ retrying: 1 });
    const first = await row(id);
    expect(first.status).toBe('queued');
    expect(first.attempts).toBe(1);
    expect(first.lastError).toContain('451');
    const firstWait = first.nextAttemptAt.getTime() - now;
    expect(firstWait).toBeGreaterThanOrEqual(800);
    expect(firstWait).toBeLessThanOrEqual(1200);
    // Not due yet: nothing is tried.
    expect(await drain()).toMatchObject({ retrying: 0, failed: 0 });
    now = first.nextAttemptAt.getTime();
    expect(await drain()).toMatchObject({ retrying: 1 });
    const second = await row(id);
    const secondWait = second.nextAttemptAt.getTime() - now;
    expect(secondWait).toBeGreaterThanOrEqual(1600);
    expect(secondWait).toBeLessThanOrEqual(2400);
    now = second.nextAttemptAt.getTime();
    expect(await drain()).toMatchObject({ failed: 1 });
    const last = await row(id);
    expect(last.status).toBe('failed');
    expect(last.attempts).toBe(3);
    expect(last.failedAt).not.toBeNull();
    expect(await sink.messages()).toHaveLength(0);
  });

  it('goes through once the server accepts mail again', async () => {
    let now = Date.now();
    const id = await enqueue(revoked('learner@example.my'), now);
    await sink.setMode('tempfail');
    const drain = () =>
      drainOutbox({ db: test.db, transport, settings, policy: fastRetries, now: () => now });
    expect(await drain()).toMatchObject({ retrying: 1 });
    await sink.setMode('ok');
    now = (await row(id)).nextAttemptAt.getTime();
    expect(await drain()).toMatchObject({ sent: 1 });
    expect((await row(id)).lastError).toBeNull();
    expect(await sink.messages()).toHaveLength(1);
  });

  it('gives up at once on a permanent refusal', async () => {
    const now = Date.now();
    const id = await enqueue(revoked('nobody.permfail@example.my'), now);
    expect(await drainOutbox({ db: test.db, transport, settings, now: () => now })).toMatchObject({
      failed: 1,
    });
    const failed = await row(id);
    expect(failed.status).toBe('failed');
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain('550');
  });

  it('treats wrong SMTP credentials as temporary (the message goes once an admin fixes them)', async () => {
    const now = Date.now();
    const id = await enqueue(revoked('learner@example.my'), now);
    const wrong = createSmtpTransport(sink.smtpUrl.replace('smtp://', 'smtp://rtw:wrong@'));
    try {
      expect(
        await drainOutbox({ db: test.db, transport: wrong, settings, policy: fastRetries, now: () => now }),
      ).toMatchObject({ retrying: 1 });
    } finally {
      wrong.close();
    }
    expect((await row(id)).lastError).toContain('EAUTH');
    const right = createSmtpTransport(sink.smtpUrl.replace('smtp://', 'smtp://rtw:sink-pass@'));
    try {
      const later = (await row(id)).nextAttemptAt.getTime();
      expect(await drainOutbox({ db: test.db, transport: right, settings, now: () => later })).toMatchObject({
        sent: 1,
      });
    } finally {
      right.close();
    }
  });

  it('does not send a message whose link expired while it waited', async () => {
    const now = Date.now();
    const id = await enqueue(
      {
        kind: 'password-reset',
        to: 'late@example.my',
        userId: null,
        locale: 'en',
        params: { fullName: 'Tan Wei Ming', email: 'late@example.my', expiresAt: now + HOUR_MS },
        secret: 'abcdefghijkmnpqrstuvwxyz.abcdefghijkmnpqrstuvwxyz',
        linkExpiresAt: now + HOUR_MS,
      },
      now,
    );
    expect(await drainOutbox({ db: test.db, transport, settings, now: () => now + HOUR_MS })).toMatchObject({
      expired: 1,
    });
    const expired = await row(id);
    expect(expired.status).toBe('failed');
    expect(expired.secret).toBeNull();
    expect(await sink.messages()).toHaveLength(0);
  });

  it('sends a message abandoned between claim and send exactly once, after the claim timeout', async () => {
    const now = Date.now();
    const id = await enqueue(revoked('crash@example.my'), now);
    // A process claims the message and dies before sending (nothing more happens to its claim).
    const abandoned = await claimDueMail(test.db, { now, limit: 10 });
    expect(abandoned.map((mail) => mail.id)).toEqual([id]);
    // Another process (after a restart) finds it claimed and leaves it while the claim is fresh.
    expect(await drainOutbox({ db: test.db, transport, settings, now: () => now + MINUTE_MS })).toMatchObject(
      {
        sent: 0,
      },
    );
    expect(await sink.messages()).toHaveLength(0);
    // Once the claim has timed out, it takes the message over and sends it.
    const later = now + 5 * MINUTE_MS;
    expect(await drainOutbox({ db: test.db, transport, settings, now: () => later })).toMatchObject({
      sent: 1,
    });
    expect(await drainOutbox({ db: test.db, transport, settings, now: () => later + DAY_MS })).toMatchObject({
      sent: 0,
    });
    const mails = await sink.messages();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.headers['message-id']).toBe(`<${id}@rtw.test>`);
    expect((await row(id)).attempts).toBe(2);
  });

  it('two processes draining one database file send every message exactly once', async () => {
    const now = Date.now();
    const count = 40;
    await test.db.write(async (orm) => {
      for (let i = 0; i < count; i += 1)
        await enqueueMail(orm, revoked(`learner${i}@example.my`), now - 1000);
    });
    const worker = fileURLToPath(new URL('./helpers/mail-drain-worker.ts', import.meta.url));
    const env = { ...process.env, DATABASE_URL: test.url, SMTP_URL: sink.smtpUrl };
    const reports = await Promise.all(
      [1, 2].map(async () => {
        const { stdout } = await run(process.execPath, [worker], { env });
        return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { sent: number; lostClaims: number };
      }),
    );
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(count);
    expect(reports.every((report) => report.lostClaims === 0)).toBe(true);
    const mails = await sink.messages();
    expect(mails).toHaveLength(count);
    const recipients = new Set(mails.flatMap((mail) => mail.envelopeTo));
    expect(recipients.size).toBe(count);
    const rows = await test.db.orm.select({ status: mailOutbox.status }).from(mailOutbox);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });
});
