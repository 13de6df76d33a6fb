/**
 * Course titles for reminder messages, in the reader's language, of published courses only. The
 * server hands over its compiled catalogue (app.ts, at start); `npm run jobs` runs outside Astro
 * and reads the content files instead, once per language.
 */
import type { Locale } from '#db/schema.ts';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';
import type { CourseTitles } from './reminders.ts';

const providedKey = Symbol.for('rtw-academy.mail.course-titles');
const fromFiles = new Map<Locale, Map<string, string>>();

/** The server gives the mail jobs its catalogue. */
export function provideCourseTitles(source: CourseTitles): void {
  (globalThis as { [providedKey]?: CourseTitles })[providedKey] = source;
}

/** Titles of the published courses in `locale`. */
export const courseTitles: CourseTitles = async (locale) => {
  const provided = (globalThis as { [providedKey]?: CourseTitles })[providedKey];
  if (provided) return provided(locale);
  let titles = fromFiles.get(locale);
  if (!titles) {
    const catalogue = catalogueFromTree(readContentTree(), locale);
    titles = new Map(catalogue.published.courses.map((course) => [course.id, course.title]));
    fromFiles.set(locale, titles);
  }
  return titles;
};
