/**
 * Where the downloadable PDFs live (produced by the handbook and job-aid builds): one file per
 * job aid, named by its id, and the handbook; a translated edition has the language after a
 * hyphen (`rtw-coordinator-handbook-ms.pdf`, `consent-form-ms.pdf`).
 */
import type { Locale } from '#src/i18n/index.ts';
import { numberFormatter } from '#src/lib/number.ts';
import { HANDBOOK_AID } from './schema.ts';

const HANDBOOK_FILE = 'rtw-coordinator-handbook.pdf';

/** The file name under public/downloads/ for an aid id (`handbook` or a job aid id) in a language. */
export function downloadFileName(aid: string, locale: Locale = 'en'): string {
  const base = aid === HANDBOOK_AID ? HANDBOOK_FILE : `${aid}.pdf`;
  return locale === 'en' ? base : base.replace(/\.pdf$/, `-${locale}.pdf`);
}

export function downloadHref(aid: string, locale: Locale = 'en'): string {
  return `/downloads/${downloadFileName(aid, locale)}`;
}

/** The spreadsheet of a job aid that has one (a table): `<id>.xlsx`, `<id>-ms.xlsx`. */
export function spreadsheetFileName(aid: string, locale: Locale = 'en'): string {
  return downloadFileName(aid, locale).replace(/\.pdf$/, '.xlsx');
}

/** "240 KB", "1.2 MB": a size a reader can weigh against their data plan. */
export function formatFileSize(bytes: number, locale: string): string {
  const format = (value: number, digits: number) =>
    numberFormatter(locale, { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${format(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${format(Math.max(1, Math.round(bytes / 1024)), 0)} KB`;
  return `${format(bytes / (1024 * 1024), 1)} MB`;
}
