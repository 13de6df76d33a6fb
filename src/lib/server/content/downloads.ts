import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locale } from '#src/i18n/index.ts';
import { downloadFileName, downloadHref } from '#src/lib/content/downloads.ts';

/** Folders that may hold the PDFs: the source tree (dev, scripts) and the built client. */
function candidateFolders(): string[] {
  const cwd = process.cwd();
  return [resolve(cwd, 'public/downloads'), resolve(cwd, 'dist/client/downloads')];
}

const CACHE_MS = 60_000;
const cache = new Map<string, { bytes: number | null; checkedAt: number }>();

/**
 * The size in bytes of an aid's PDF in a language, or null while it has not been produced. Sizes
 * are cached for a minute: lessons link downloads, and the lesson page must not touch the disk
 * each time.
 */
export function downloadFileSize(aid: string, now = Date.now(), locale: Locale = 'en'): number | null {
  return publicDownloadSize(downloadFileName(aid, locale), now);
}

/** The size in bytes of a file in public/downloads/ (such as a job aid's .xlsx), or null; cached alike. */
export function publicDownloadSize(name: string, now = Date.now()): number | null {
  const cached = cache.get(name);
  if (cached && now - cached.checkedAt < CACHE_MS) return cached.bytes;
  let bytes: number | null = null;
  for (const folder of candidateFolders()) {
    try {
      bytes = statSync(join(folder, name)).size;
      break;
    } catch {
      // Not in this folder; try the next.
    }
  }
  cache.set(name, { bytes, checkedAt: now });
  return bytes;
}

export interface AvailableDownload {
  href: string;
  bytes: number;
  /** The edition's language: the one asked for, or English where no translated edition exists. */
  locale: Locale;
}

/** The aid's PDF in `locale` when that edition exists, else the English one; null when neither does. */
export function findDownload(aid: string, locale: Locale, now = Date.now()): AvailableDownload | null {
  for (const candidate of locale === 'en' ? (['en'] as const) : [locale, 'en' as const]) {
    const bytes = downloadFileSize(aid, now, candidate);
    if (bytes !== null) return { href: downloadHref(aid, candidate), bytes, locale: candidate };
  }
  return null;
}
