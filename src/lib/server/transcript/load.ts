/** The transcript a viewer asked for, in a language, or null when they may not read it. */
import { eq } from 'drizzle-orm';
import { user } from '#db/schema.ts';
import type { Locale } from '#src/i18n/index.ts';
import type { Actor } from '#src/lib/roles.ts';
import { getCatalogue } from '#src/lib/server/content/course.ts';
import type { Database } from '#src/lib/server/db.ts';
import { buildTranscript, canReadTranscript, type Transcript } from './build.ts';

/**
 * Reads `learnerId`'s transcript for `viewer` in `locale` (`'learner'`: the learner's own
 * language); null both when the learner does not exist and when the viewer may not see them, so
 * the two cannot be told apart.
 */
export async function loadTranscriptFor(
  db: Database,
  viewer: Actor,
  learnerId: string,
  locale: Locale | 'learner',
  siteUrl: string,
  now: number,
): Promise<{ transcript: Transcript; locale: Locale } | null> {
  if (learnerId.length === 0 || learnerId.length > 64) return null;
  if (!(await canReadTranscript(db, viewer, learnerId))) return null;
  let language: Locale;
  if (locale === 'learner') {
    const [row] = await db.orm.select({ locale: user.locale }).from(user).where(eq(user.id, learnerId));
    if (!row) return null;
    language = row.locale;
  } else language = locale;
  const transcript = await buildTranscript(db, await getCatalogue(language), learnerId, siteUrl, now);
  return transcript ? { transcript, locale: language } : null;
}
