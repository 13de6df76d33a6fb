import { execFile } from 'node:child_process';
import { copyFile, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HEARTBEAT_STALE_MS, type RunningProcess } from '../app-process.ts';
import { checkFile, type FileCheck } from './file-worker.ts';

/** The local path of a `file:` database URL, or null for a server URL. */
export function localDatabasePath(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  let path = url.slice('file:'.length).split('?')[0] ?? '';
  if (path.startsWith('//')) path = path.slice(2); // file:///abs/path has an empty authority
  return path === '' || path === ':memory:' ? null : resolve(path);
}

export type RestoreResult =
  | { ok: true; target: string; previousCopy: string | null; check: FileCheck }
  | { ok: false; reason: 'not-a-local-file'; url: string }
  | { ok: false; reason: 'backup-unreadable'; detail: string }
  | { ok: false; reason: 'backup-damaged'; integrity: string[] }
  | { ok: false; reason: 'not-an-app-database' }
  | { ok: false; reason: 'app-running'; processes: RunningProcess[] }
  | { ok: false; reason: 'database-open'; detail: string }
  | { ok: false; reason: 'check-failed'; detail: string };

async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

type Inspection =
  { state: 'free' } | { state: 'busy' } | { state: 'app-running'; processes: RunningProcess[] };

// Runs in a child process that exits before the file is replaced. On one connection in exclusive
// locking mode it takes the lock (SQLITE_BUSY while any other connection has the database open:
// in WAL mode each holds a shared lock), reads the heartbeats, folds the WAL into the file and
// copies it aside. In this process a closed libSQL connection can linger until garbage collection
// with its lock and, later, delete the WAL by name — which by then would be the restored file's.
const inspectSource = `
const [clientModule, target, copy, freshAfter] = process.argv.slice(1);
const { createClient } = await import(clientModule);
const db = createClient({ url: 'file:' + target, concurrency: 1 });
const answer = (value) => process.stdout.write(JSON.stringify(value));
try {
  await db.execute('PRAGMA locking_mode = EXCLUSIVE');
  const table = await db.execute("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'app_process'");
  const processes = table.rows.length === 0 ? [] : (await db.execute({
    sql: 'SELECT id, host, pid, started_at, seen_at FROM app_process WHERE seen_at > ?',
    args: [Number(freshAfter)],
  })).rows.map((row) => ({ id: row.id, host: row.host, pid: Number(row.pid), startedAt: Number(row.started_at), seenAt: Number(row.seen_at) }));
  if (processes.length > 0) answer({ state: 'app-running', processes });
  else {
    await db.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    await db.execute({ sql: 'VACUUM INTO ?', args: [copy] });
    answer({ state: 'free' });
  }
} catch (error) {
  if (/SQLITE_BUSY|database is locked/i.test(String(error && error.message) + String(error && error.code))) answer({ state: 'busy' });
  else throw error;
}
`;

function inspectInChildProcess(target: string, copy: string, freshAfter: number): Promise<Inspection> {
  const clientModule = pathToFileURL(createRequire(import.meta.url).resolve('@libsql/client')).href;
  return new Promise((resolveInspection, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', inspectSource, clientModule, target, copy, String(freshAfter)],
      { encoding: 'utf8', timeout: 10 * 60_000, maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`Could not inspect ${target}: ${stderr.trim() || error.message}`));
        else resolveInspection(JSON.parse(stdout) as Inspection);
      },
    );
  });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Replaces the local database at `targetUrl` with the backup file `backupPath`, after checking
 * the backup, and only when no app uses the database: no fresh heartbeat in it (an app process
 * writes one every few seconds) and no other process holding it open (an exclusive lock attempt
 * fails while any connection is open). The database being replaced is first copied next to it
 * (`<name>.before-restore-<time>.db`). The restored file is checked again in place.
 */
export async function restoreDatabase(input: {
  backupPath: string;
  targetUrl: string;
  now?: Date;
}): Promise<RestoreResult> {
  const target = localDatabasePath(input.targetUrl);
  if (!target) return { ok: false, reason: 'not-a-local-file', url: input.targetUrl };
  const now = input.now ?? new Date();

  let backupCheck: FileCheck;
  try {
    backupCheck = await checkFile(resolve(input.backupPath));
  } catch (error) {
    return {
      ok: false,
      reason: 'backup-unreadable',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
  if (backupCheck.integrity.join() !== 'ok') {
    return { ok: false, reason: 'backup-damaged', integrity: backupCheck.integrity };
  }
  if (!('__drizzle_migrations' in backupCheck.rowCounts) || !('user' in backupCheck.rowCounts)) {
    return { ok: false, reason: 'not-an-app-database' };
  }

  let previousCopy: string | null = null;
  if (await exists(target)) {
    const stamp = now.toISOString().replace(/[:.]/g, '');
    const copy = resolve(dirname(target), `${basename(target)}.before-restore-${stamp}.db`);
    const inspection = await inspectInChildProcess(target, copy, now.getTime() - HEARTBEAT_STALE_MS);
    if (inspection.state === 'busy') {
      return { ok: false, reason: 'database-open', detail: 'another process has the database open' };
    }
    if (inspection.state === 'app-running')
      return { ok: false, reason: 'app-running', processes: inspection.processes };
    previousCopy = copy;
  }

  await mkdir(dirname(target), { recursive: true });
  const staged = `${target}.restoring`;
  await copyFile(resolve(input.backupPath), staged);
  await syncPath(staged);
  // A WAL left beside the old file would be replayed into the restored one: remove it first.
  await rm(`${target}-wal`, { force: true });
  await rm(`${target}-shm`, { force: true });
  await rename(staged, target);
  await syncPath(dirname(target));

  const check = await checkFile(target);
  if (check.integrity.join() !== 'ok') {
    return { ok: false, reason: 'check-failed', detail: check.integrity.slice(0, 5).join('; ') };
  }
  const differing = Object.keys(backupCheck.rowCounts).filter(
    (table) => check.rowCounts[table] !== backupCheck.rowCounts[table],
  );
  if (differing.length > 0) {
    return { ok: false, reason: 'check-failed', detail: `row counts differ in ${differing.join(', ')}` };
  }
  return { ok: true, target, previousCopy, check };
}
