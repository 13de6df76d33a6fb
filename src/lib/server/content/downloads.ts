import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { downloadFileName } from '#src/lib/content/downloads.ts';

/** Folders that may hold the PDFs: the source tree (dev, scripts) and the built client. */
function candidateFolders(): string[] {
  const cwd = process.cwd();
  return [resolve(cwd, 'public/downloads'), resolve(cwd, 'dist/client/downloads')];
}

const CACHE_MS = 60_000;
const cache = new Map<string, { bytes: number | null; checkedAt: number }>();

/**
 * The size in bytes of an aid's PDF, or null while it has not been produced. Sizes are cached
 * for a minute: lessons link downloads, and the lesson page must not touch the disk each time.
 */
export function downloadFileSize(aid: string, now = Date.now()): number | null {
  const cached = cache.get(aid);
  if (cached && now - cached.checkedAt < CACHE_MS) return cached.bytes;
  let bytes: number | null = null;
  for (const folder of candidateFolders()) {
    try {
      bytes = statSync(join(folder, downloadFileName(aid))).size;
      break;
    } catch {
      // Not in this folder; try the next.
    }
  }
  cache.set(aid, { bytes, checkedAt: now });
  return bytes;
}
