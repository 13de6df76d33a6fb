/**
 * The assignments as the running app sees them: `src/content/modules/<module>/assignment.yaml`
 * and its Bahasa Malaysia copy `ms/assignment.yaml`, compiled at build time and read once per
 * process. Ids, parts, points and rules always come from the English file (content:check makes
 * the copy match it); the text comes from the reader's language where it exists.
 */
import { createHash } from 'node:crypto';
import { getCollection } from 'astro:content';
import type { Locale } from '#src/i18n/index.ts';
import type { AssignmentData } from '#src/lib/content/assignment-schema.ts';

export interface AssignmentContent {
  /** The module id. */
  id: string;
  data: AssignmentData;
  /** The language of the text: the one asked for, or en where no translation exists. */
  textLocale: Locale;
  /** Hash of the English file, kept with each submission so a later edit is visible. */
  version: string;
}

interface Loaded {
  english: Map<string, AssignmentData>;
  malay: Map<string, AssignmentData>;
  versions: Map<string, string>;
}

let loaded: Promise<Loaded> | undefined;

function load(): Promise<Loaded> {
  loaded ??= Promise.all([getCollection('assignments'), getCollection('assignmentsMs')]).then(
    ([english, malay]) => ({
      english: new Map(english.map((entry) => [entry.id, entry.data])),
      malay: new Map(malay.map((entry) => [entry.id, entry.data])),
      versions: new Map(english.map((entry) => [entry.id, contentVersion(entry.data)])),
    }),
  );
  return loaded;
}

/** A short, stable hash of an assignment's content. */
export function contentVersion(data: AssignmentData): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16);
}

/** An assignment in `locale` (English where it is not translated), or null when none exists. */
export async function getAssignment(id: string, locale: Locale = 'en'): Promise<AssignmentContent | null> {
  const { english, malay, versions } = await load();
  const source = english.get(id);
  if (!source) return null;
  const translated = locale === 'ms' ? malay.get(id) : undefined;
  return {
    id,
    data: translated ?? source,
    textLocale: translated ? locale : 'en',
    version: versions.get(id) ?? '',
  };
}

/** Ids (module ids) of the published assignments: the ones completion counts. */
export async function listAssignmentIds(): Promise<string[]> {
  return [...(await load()).english].filter(([, data]) => !data.draft).map(([id]) => id);
}

/** The titles of these assignments in `locale` (English where not translated), by id. */
export async function listAssignmentTitles(
  ids: Iterable<string>,
  locale: Locale,
): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const id of ids) {
    const assignment = await getAssignment(id, locale);
    if (assignment) titles.set(id, assignment.data.title);
  }
  return titles;
}
