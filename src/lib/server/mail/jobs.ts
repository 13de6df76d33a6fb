/**
 * The mail work that runs outside requests, registered with the scheduler (jobs/catalogue.ts):
 * `mail-outbox` sends what is due in every process (claims are atomic), `mail-expiry-reminders`,
 * `mail-inactivity-nudges` and `mail-workshop-reminders` run in one process of N under their leases. The first outbox run
 * of a process logs how mail is set up, so a production server without SMTP_URL says so at start.
 */
import { registerJob, onShutdown, type JobEnvironment } from '#src/lib/server/jobs/index.ts';
import type { Database } from '#src/lib/server/db.ts';
import { HOUR_MS, MINUTE_MS } from '#src/lib/time.ts';
import { courseTitles } from './course-titles.ts';
import { forgetExpiredLinkTokens } from './outbox.ts';
import { enqueueWorkshopReminders } from './practical-notices.ts';
import { enqueueExpiryReminders, enqueueInactivityNudges } from './reminders.ts';
import { drainOutbox, type DrainReport, type MailLog } from './sender.ts';
import { describeMailSettings, resolveMailSettings, type MailSettings } from './settings.ts';
import { createDevOutboxTransport, createSmtpTransport, type MailTransport } from './transport.ts';

/**
 * How this process sends mail, from its job environment: SMTP_URL, MAIL_FROM, SITE_URL, and
 * MAIL_DEV_OUTBOX=true, which only the development server sets (mail/app.ts).
 */
export function mailSettingsFrom(env: JobEnvironment): MailSettings {
  return resolveMailSettings({
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    siteUrl: env.SITE_URL,
    development: env.MAIL_DEV_OUTBOX === 'true',
  });
}

export interface MailSender {
  readonly settings: MailSettings;
  /**
   * Sends what is due now. A call while a drain is running makes it go round once more rather
   * than start a second one, so a message queued meanwhile is not left for the next tick.
   */
  drain(options?: { log?: MailLog; shouldStop?: () => boolean }): Promise<DrainReport | null>;
}

const senders = new WeakMap<Database, MailSender>();

function sameSettings(a: MailSettings, b: MailSettings): boolean {
  return a.mode === b.mode && a.smtpUrl === b.smtpUrl && a.from === b.from && a.siteUrl === b.siteUrl;
}

/** The process's sender for `db` (one transport, closed at shutdown). */
export function getMailSender(db: Database, settings: MailSettings): MailSender {
  const existing = senders.get(db);
  if (existing && sameSettings(existing.settings, settings)) return existing;
  let transport: MailTransport | null = null;
  let running: Promise<DrainReport | null> | null = null;
  let again = false;
  let stopping = false;

  const openTransport = (): MailTransport | null => {
    if (settings.mode === 'off') return null;
    transport ??= settings.smtpUrl ? createSmtpTransport(settings.smtpUrl) : createDevOutboxTransport(db);
    return transport;
  };

  const sender: MailSender = {
    settings,
    drain(options = {}) {
      if (running) {
        again = true;
        return running;
      }
      const current = openTransport();
      if (!current || stopping) return Promise.resolve(null);
      running = (async () => {
        const total: DrainReport = { sent: 0, retrying: 0, failed: 0, expired: 0, lostClaims: 0 };
        do {
          again = false;
          const report = await drainOutbox({
            db,
            transport: current,
            settings,
            ...(options.log ? { log: options.log } : {}),
            shouldStop: () => stopping || (options.shouldStop?.() ?? false),
          });
          for (const key of Object.keys(total) as (keyof DrainReport)[]) total[key] += report[key];
        } while (again && !stopping);
        return total;
      })().finally(() => {
        running = null;
      });
      return running;
    },
  };
  senders.set(db, sender);
  onShutdown(
    async () => {
      stopping = true;
      await running?.catch(() => undefined);
      transport?.close();
    },
    { name: 'mail sender' },
  );
  return sender;
}

/** Registers the mail jobs (called from jobs/catalogue.ts with the server's or the script's settings). */
export function registerMailJobs(env: JobEnvironment): void {
  const settings = mailSettingsFrom(env);
  let announced = false;
  let linksForgottenAt = 0;
  registerJob({
    name: 'mail-outbox',
    everyMs: 5000,
    scope: 'every-process',
    async run({ db, log, signal, now }) {
      if (!announced) {
        announced = true;
        const line = describeMailSettings(settings);
        if (settings.mode === 'off') log.warn({ mode: settings.mode }, line);
        else log.info({ mode: settings.mode }, line);
      }
      if (settings.mode === 'off') return;
      const report = await getMailSender(db, settings).drain({ log, shouldStop: () => signal.aborted });
      if (report && report.sent + report.failed + report.expired + report.lostClaims > 0) {
        log.info(report, 'outbox sent');
      }
      if (now - linksForgottenAt >= 10 * MINUTE_MS) {
        linksForgottenAt = now;
        await forgetExpiredLinkTokens(db, now);
      }
    },
  });
  // Reminders wait until mail can go: queued now, they would only go stale.
  if (settings.mode === 'off') return;
  registerJob({
    name: 'mail-expiry-reminders',
    everyMs: HOUR_MS,
    async run({ db, log, signal, now }) {
      const result = await enqueueExpiryReminders(db, now, { shouldStop: () => signal.aborted });
      if (result.queued > 0) log.info(result, 'expiry reminders queued');
    },
  });
  registerJob({
    name: 'mail-inactivity-nudges',
    everyMs: HOUR_MS,
    leaseMs: 5 * MINUTE_MS,
    async run({ db, log, signal, now }) {
      const result = await enqueueInactivityNudges(db, now, courseTitles, {
        shouldStop: () => signal.aborted,
      });
      if (result.queued > 0) log.info(result, 'inactivity nudges queued');
    },
  });
  // Every 15 minutes, so "the day before" is never more than a quarter of an hour late.
  registerJob({
    name: 'mail-workshop-reminders',
    everyMs: 15 * MINUTE_MS,
    async run({ db, log, signal, now }) {
      const result = await enqueueWorkshopReminders(db, now, courseTitles, {
        shouldStop: () => signal.aborted,
      });
      if (result.queued > 0) log.info(result, 'session reminders queued');
    },
  });
}
