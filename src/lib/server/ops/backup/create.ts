import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Database } from '#src/lib/server/db.ts';
import { backupFileName, parseBackupFileName } from './file-name.ts';
import { checkFile, snapshotFile, type FileCheck } from './file-worker.ts';
import { copyDatabaseLogically } from './logical-copy.ts';
import { DEFAULT_RETENTION, selectBackupsToKeep, type RetentionPolicy } from './retention.ts';

export interface BackupResult {
  path: string;
  takenAt: Date;
  sizeBytes: number;
  durationMs: number;
  check: FileCheck;
  /** Older backups deleted by the retention policy. */
  removed: string[];
}

export interface BackupOptions {
  /** The time the backup is named by; default now. */
  takenAt?: Date;
  /** Which older backups to keep; `null` keeps them all. */
  retention?: RetentionPolicy | null;
}

async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a consistent copy of `db` into `dir` while the app keeps serving, checks it (integrity
 * and row counts), names it by UTC time, then deletes older backups the retention policy does
 * not keep. A copy that fails its check is deleted and the backup fails.
 */
export async function createBackup(
  db: Database,
  dir: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const started = performance.now();
  const folder = resolve(dir);
  await mkdir(folder, { recursive: true });
  const takenAt = options.takenAt ?? new Date();
  const path = join(folder, backupFileName(takenAt));
  const partial = `${path}.partial`;
  await rm(partial, { force: true });
  let check: FileCheck;
  try {
    if (db.url.startsWith('file:')) {
      check = await snapshotFile(db.url, partial);
    } else {
      await copyDatabaseLogically(db.client, partial);
      check = await checkFile(partial);
    }
    if (check.integrity.length !== 1 || check.integrity[0] !== 'ok') {
      throw new Error(`The copy failed its integrity check: ${check.integrity.slice(0, 5).join('; ')}`);
    }
    // Only a complete, checked copy gets a backup's name; both the file and the rename are on disk.
    await syncPath(partial);
    await rename(partial, path);
    await syncPath(folder);
  } catch (error) {
    await rm(partial, { force: true });
    throw new Error(`The backup into ${folder} failed.`, { cause: error });
  }
  const removed = options.retention === null ? [] : await pruneBackups(folder, options.retention);
  return {
    path,
    takenAt,
    sizeBytes: (await stat(path)).size,
    durationMs: Math.round(performance.now() - started),
    check,
    removed,
  };
}

/** Deletes the backups in `dir` that `policy` does not keep; returns their paths. */
export async function pruneBackups(
  dir: string,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): Promise<string[]> {
  const backups = (await readdir(dir)).flatMap((name) => {
    const takenAt = parseBackupFileName(name);
    return takenAt ? [{ name, takenAt }] : [];
  });
  const { remove } = selectBackupsToKeep(backups, policy);
  const paths = remove.map((backup) => join(dir, backup.name));
  for (const path of paths) await rm(path, { force: true });
  return paths;
}
