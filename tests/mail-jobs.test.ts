/**
 * The mail jobs as the scheduler and `npm run jobs` run them: what is registered for each way
 * mail is set up, the start-up line that says mail is off, and the outbox job sending through a
 * real SMTP server process.
 */
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearJobs, registeredJobs } from '#src/lib/server/jobs/registry.ts';
import { runJobOnce } from '#src/lib/server/jobs/scheduler.ts';
import { registerMailJobs } from '#src/lib/server/mail/jobs.ts';
import { enqueueMail } from '#src/lib/server/mail/outbox.ts';
import { createLogger } from '#src/lib/server/ops/log.ts';
import { runShutdownHooks } from '#src/lib/server/ops/shutdown.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';
import { startMailSink, type MailSink } from './helpers/mail-sink-client.ts';

let sink: MailSink;
let test: TestDatabase;

beforeAll(async () => {
  sink = await startMailSink();
});
afterAll(async () => {
  await runShutdownHooks(5000);
  await sink.stop();
});
beforeEach(async () => {
  clearJobs();
  test = await createTestDb();
  await sink.clear();
});
afterEach(() => {
  clearJobs();
  test.cleanup();
});

function capturingLog(): {
  log: ReturnType<typeof createLogger>;
  lines: () => Array<{ msg: string; level: string | number }>;
} {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return {
    log: createLogger({ level: 'info', pretty: false }, destination),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { msg: string; level: string | number }),
  };
}

describe('mail jobs', () => {
  it('without SMTP_URL in production: only the outbox job, which says at start that email is off', async () => {
    registerMailJobs({ SITE_URL: 'https://rtw.test' });
    expect(registeredJobs().map((job) => job.name)).toEqual(['mail-outbox']);
    const { log, lines } = capturingLog();
    const job = registeredJobs()[0]!;
    expect((await runJobOnce(test.db, job, { holder: 'test', log })).outcome).toBe('ran');
    const warning = lines().find((line) => line.msg.startsWith('Email is OFF'));
    expect(warning?.level).toBe('warn');
    expect(warning?.msg).toContain('SMTP_URL');
  });

  it('in development without SMTP_URL: mail goes to the development outbox', async () => {
    registerMailJobs({ MAIL_DEV_OUTBOX: 'true' });
    expect(registeredJobs().map((job) => job.name)).toEqual([
      'mail-outbox',
      'mail-expiry-reminders',
      'mail-inactivity-nudges',
      'mail-workshop-reminders',
    ]);
    const { log, lines } = capturingLog();
    await runJobOnce(test.db, registeredJobs()[0]!, { holder: 'test', log });
    expect(lines().some((line) => line.msg.includes('/dev/outbox'))).toBe(true);
  });

  it('with SMTP_URL: the outbox job sends what is queued', async () => {
    registerMailJobs({
      SMTP_URL: sink.smtpUrl.replace('smtp://', 'smtp://rtw:sink-pass@'),
      MAIL_FROM: 'RTW Academy <hello@rtw.test>',
      SITE_URL: 'https://rtw.test',
    });
    const now = Date.now();
    await test.db.write((orm) =>
      enqueueMail(
        orm,
        {
          kind: 'email-changed',
          to: 'old@example.my',
          userId: null,
          locale: 'en',
          params: { fullName: 'Lim Mei Ling', oldEmail: 'old@example.my', newEmail: 'new@example.my' },
        },
        now,
      ),
    );
    const { log, lines } = capturingLog();
    await runJobOnce(test.db, registeredJobs()[0]!, { holder: 'test', log });
    const mail = await sink.waitFor((m) => m.envelopeTo.includes('old@example.my'));
    expect(mail.from).toBe('RTW Academy <hello@rtw.test>');
    expect(lines().some((line) => line.msg.startsWith('Email: sending through smtp://127.0.0.1'))).toBe(true);
    expect(JSON.stringify(lines())).not.toContain('sink-pass');
  });
});
