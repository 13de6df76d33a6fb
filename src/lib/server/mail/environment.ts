/**
 * Mail settings as the running app has them, from astro:env, and what the mail jobs need at
 * start. Kept apart from ./app.ts so the process start-up (ops/background.ts) can read them
 * without importing the app's database (app.ts starts the background work: no cycle).
 * Astro-only (astro:env, astro:content).
 */
import { MAIL_FROM, SITE_URL, SMTP_URL } from 'astro:env/server';
import { getCatalogue } from '#src/lib/server/content/course.ts';
import type { JobEnvironment } from '#src/lib/server/jobs/index.ts';
import { provideCourseTitles } from './course-titles.ts';

/** The mail variables by name, as the jobs and mailSettingsFrom read them. */
export function mailEnvironment(): JobEnvironment {
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
  return mailEnvironment();
}
