/**
 * Mail as the running app sees it: whether mail can go out (pages that need it say so when it
 * cannot), and a nudge to send right after a request queued a message instead of waiting for the
 * next outbox tick. The settings themselves come from ./environment.ts. Astro-only.
 */
import { getDb } from '#src/lib/server/app.ts';
import { appLog } from '#src/lib/server/ops/app-log.ts';
import { outsideRequest } from '#src/lib/server/ops/log.ts';
import { mailEnvironment } from './environment.ts';
import { getMailSender, mailSettingsFrom } from './jobs.ts';
import type { MailSettings } from './settings.ts';

export function mailSettings(): MailSettings {
  return mailSettingsFrom(mailEnvironment());
}

/** Whether messages can go out (SMTP, or the development outbox). */
export function mailAvailable(): boolean {
  return mailSettings().mode !== 'off';
}

/**
 * Sends what is due now, in the background, after a request committed a message (a reset link
 * should not wait for the next tick). Failures are logged; the outbox job retries anyway.
 */
export function sendQueuedMailSoon(): void {
  const settings = mailSettings();
  if (settings.mode === 'off') return;
  // Not part of the request that queued the mail: its log lines must not carry that request's id.
  outsideRequest(() => {
    getDb()
      .then((db) => getMailSender(db, settings).drain({ log: appLog() }))
      .catch((error: unknown) =>
        appLog().warn({ err: error }, 'sending queued mail failed; the outbox job will try again'),
      );
  });
}
