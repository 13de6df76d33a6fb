/**
 * Mail as the running app sees it: the settings from astro:env, whether mail can go out (pages
 * that need it say so when it cannot), and a nudge to send right after a request queued a
 * message instead of waiting for the next outbox tick. Astro-only (astro:env, astro:content).
 */
import { MAIL_FROM, SITE_URL, SMTP_URL } from 'astro:env/server';
import { getDb } from '#src/lib/server/app.ts';
import { getCatalogue } from '#src/lib/server/content/course.ts';
import type { JobEnvironment } from '#src/lib/server/jobs/index.ts';
import { appLog } from '#src/lib/server/ops/app-log.ts';
import { outsideRequest } from '#src/lib/server/ops/log.ts';
import { provideCourseTitles } from './course-titles.ts';
import { getMailSender, mailSettingsFrom } from './jobs.ts';
import type { MailSettings } from './settings.ts';

function environment(): JobEnvironment {
  return {
    SMTP_URL,
    MAIL_FROM,
    // As app.ts's siteUrl(): in development the dev server's own address when SITE_URL is unset.
    SITE_URL:
      SITE_URL ?? (import.meta.env.DEV ? `http://localhost:${process.env.PORT ?? '4321'}` : undefined),
    MAIL_DEV_OUTBOX: import.meta.env.DEV ? 'true' : undefined,
  };
}

/** The job settings of the mail module, as this server has them. Also hands the jobs the catalogue. */
export function mailJobEnvironment(): JobEnvironment {
  provideCourseTitles(async (locale) => {
    const catalogue = await getCatalogue(locale);
    return new Map(catalogue.published.courses.map((course) => [course.id, course.title]));
  });
  return environment();
}

export function mailSettings(): MailSettings {
  return mailSettingsFrom(environment());
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
