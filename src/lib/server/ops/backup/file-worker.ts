import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What `PRAGMA integrity_check` said and how many rows each table holds. */
export interface FileCheck {
  /** `['ok']` for a sound file; otherwise SQLite's list of problems. */
  integrity: string[];
  rowCounts: Record<string, number>;
}

type FileTask =
  | { kind: 'snapshot'; sourceUrl: string; target: string; busyTimeoutMs: number }
  | { kind: 'check'; target: string; busyTimeoutMs: number };

type WorkerReply = ({ ok: true } & FileCheck) | { ok: false; message: string };

// Runs in a worker thread: the libSQL Node binding is synchronous, so a VACUUM INTO or an
// integrity check of a large file on the app's own thread would stall every request meanwhile.
// The worker opens its own connections (read-only work: a snapshot and checks of the copy).
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { createClient } = await import(workerData.clientModule);
  const task = workerData.task;
  if (task.kind === 'snapshot') {
    const source = createClient({ url: task.sourceUrl, timeout: task.busyTimeoutMs, concurrency: 1 });
    try {
      await source.execute({ sql: 'VACUUM INTO ?', args: [task.target] });
    } finally {
      source.close();
    }
  }
  const copy = createClient({ url: 'file:' + task.target, timeout: task.busyTimeoutMs, concurrency: 1 });
  try {
    const integrity = (await copy.execute('PRAGMA integrity_check')).rows.map((row) => String(row[0]));
    const tables = (
      await copy.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    ).rows.map((row) => String(row[0]));
    const rowCounts = {};
    for (const table of tables) {
      const quoted = '"' + table.replaceAll('"', '""') + '"';
      rowCounts[table] = Number((await copy.execute('SELECT count(*) FROM ' + quoted)).rows[0][0]);
    }
    parentPort.postMessage({ ok: true, integrity, rowCounts });
  } finally {
    copy.close();
  }
})().catch((error) => parentPort.postMessage({ ok: false, message: String(error && error.message ? error.message : error) }));
`;

function clientModuleUrl(): string {
  // Resolved from here so it works from the source tree and from the built server alike.
  return pathToFileURL(createRequire(import.meta.url).resolve('@libsql/client')).href;
}

function runTask(task: FileTask): Promise<FileCheck> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { task, clientModule: clientModuleUrl() },
    });
    let settled = false;
    worker.once('message', (reply: WorkerReply) => {
      settled = true;
      if (reply.ok) resolve({ integrity: reply.integrity, rowCounts: reply.rowCounts });
      else reject(new Error(reply.message));
      void worker.terminate();
    });
    worker.once('error', (error: Error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The backup worker stopped (exit code ${code}) before it answered.`));
    });
  });
}

/**
 * Writes a consistent copy of the local database at `sourceUrl` (a `file:` URL) to `target` with
 * `VACUUM INTO` while the app keeps serving (a read transaction: writers carry on in WAL mode),
 * then checks the copy.
 */
export function snapshotFile(sourceUrl: string, target: string, busyTimeoutMs = 5000): Promise<FileCheck> {
  return runTask({ kind: 'snapshot', sourceUrl, target, busyTimeoutMs });
}

/** Runs `PRAGMA integrity_check` on the database file `path` and counts each table's rows. */
export function checkFile(path: string, busyTimeoutMs = 5000): Promise<FileCheck> {
  return runTask({ kind: 'check', target: path, busyTimeoutMs });
}
