/**
 * The job aids for pages: a spec in the reader's language for its printable page, and the list of
 * aids with their downloads (fillable PDF, spreadsheet) in the reader's language where that
 * edition exists, else in English. Specs come from src/content/job-aids/<id>.yaml and ms/<id>.yaml.
 */
import { getCollection } from 'astro:content';
import type { Locale } from '#src/i18n/index.ts';
import type { JobAidSpec } from '#src/lib/content/job-aid-schema.ts';
import { spreadsheetFileName } from '#src/lib/content/downloads.ts';
import { findDownload, publicDownloadSize } from './downloads.ts';

interface JobAidTexts {
  readonly english: ReadonlyMap<string, JobAidSpec>;
  readonly ms: ReadonlyMap<string, JobAidSpec>;
}

let texts: Promise<JobAidTexts> | undefined;

function loadTexts(): Promise<JobAidTexts> {
  texts ??= Promise.all([getCollection('jobAids'), getCollection('jobAidsMs')]).then(([english, ms]) => ({
    english: new Map(english.map((entry) => [entry.id, entry.data])),
    ms: new Map(ms.map((entry) => [entry.id, entry.data])),
  }));
  return texts;
}

export interface LocalisedJobAid {
  readonly spec: JobAidSpec;
  /** The language of the spec's text: the one asked for, or en where it is not translated. */
  readonly textLocale: Locale;
}

/** A job aid's spec in `locale` (English where it has no translation), or null for an unknown id. */
export async function findJobAid(id: string, locale: Locale): Promise<LocalisedJobAid | null> {
  const { english, ms } = await loadTexts();
  const base = english.get(id);
  if (!base) return null;
  const translated = locale === 'ms' ? ms.get(id) : undefined;
  return translated ? { spec: translated, textLocale: 'ms' } : { spec: base, textLocale: 'en' };
}

export interface JobAidFile {
  readonly href: string;
  readonly bytes: number;
  /** The language the file leads with (a bilingual PDF also carries the other language). */
  readonly locale: Locale;
}

export interface JobAidDownload {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly textLocale: Locale;
  /** The printable page, /resources/job-aids/<id>. */
  readonly page: string;
  readonly pdf: JobAidFile | null;
  /** True when the PDF has the form in both English and Bahasa Malaysia (the consent form). */
  readonly bilingual: boolean;
  /** The .xlsx of an aid with a table, or null (none, or not built yet). */
  readonly spreadsheet: JobAidFile | null;
}

function findSpreadsheet(id: string, locale: Locale): JobAidFile | null {
  for (const candidate of locale === 'en' ? (['en'] as const) : [locale, 'en' as const]) {
    const name = spreadsheetFileName(id, candidate);
    const bytes = publicDownloadSize(name);
    if (bytes !== null) return { href: `/downloads/${name}`, bytes, locale: candidate };
  }
  return null;
}

/**
 * Every job aid in resource order, with its title and description in `locale` where translated,
 * and its downloads in that language where they exist (else the English ones).
 */
export async function jobAidDownloads(locale: Locale): Promise<JobAidDownload[]> {
  const { english } = await loadTexts();
  const aids = await Promise.all(
    [...english.keys()].map(async (id) => {
      const found = await findJobAid(id, locale);
      if (!found) throw new Error(`Job aid "${id}" vanished while listing`);
      const { spec, textLocale } = found;
      const pdf = findDownload(id, locale);
      return {
        order: spec.order,
        download: {
          id,
          title: spec.title,
          description: spec.description,
          textLocale,
          page: `/resources/job-aids/${id}`,
          pdf: pdf && { href: pdf.href, bytes: pdf.bytes, locale: pdf.locale },
          bilingual: english.get(id)?.bilingual === true,
          spreadsheet: spec.spreadsheet ? findSpreadsheet(id, locale) : null,
        } satisfies JobAidDownload,
      };
    }),
  );
  return aids
    .sort((a, b) => a.order - b.order || a.download.id.localeCompare(b.download.id))
    .map((aid) => aid.download);
}
