/**
 * Where the downloadable PDFs live (produced by the handbook and job-aid builds): one file per
 * job aid, named by its id, and the handbook.
 */
import { HANDBOOK_AID } from './schema.ts';

export const HANDBOOK_FILE = 'rtw-coordinator-handbook.pdf';

/** The file name under public/downloads/ for an aid id (`handbook` or a job aid id). */
export function downloadFileName(aid: string): string {
  return aid === HANDBOOK_AID ? HANDBOOK_FILE : `${aid}.pdf`;
}

export function downloadHref(aid: string): string {
  return `/downloads/${downloadFileName(aid)}`;
}

/** "240 KB", "1.2 MB": a size a reader can weigh against their data plan. */
export function formatFileSize(bytes: number, locale: string): string {
  const format = (value: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${format(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${format(Math.max(1, Math.round(bytes / 1024)), 0)} KB`;
  return `${format(bytes / (1024 * 1024), 1)} MB`;
}
