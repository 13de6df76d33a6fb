/**
 * Crash safety: starts the crash worker (crash-worker.ts) on one database file again and again,
 * kills it with SIGKILL at a random moment while it writes, and after every kill opens the file
 * as a restarting server would and checks the invariants (db-invariants.ts), including that every
 * write the worker acknowledged survived. Used small by Vitest and full size by `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readContentSnapshot, contentFromSnapshot } from '../../bench/content.ts';
import { createDb, migrateDb } from '#src/lib/server/db.ts';
import { seededRandom } from '#src/lib/server/quiz/draw.ts';
import { checkAcknowledged, checkInvariants, parseAcknowledged } from './db-invariants.ts';

const here = dirname(fileURLToPath(import.meta.url));
const workerSource = join(here, 'crash-worker.ts');
const projectRoot = resolve(here, '../..');

/**
 * The worker as one bundled file when esbuild is at hand (it comes with Astro): a restart then
 * takes a fraction of the time that resolving and type-stripping a few hundred modules does,
 * which is most of the cost of each kill. The bundle lives under test-results/ so that the
 * libSQL packages left outside it resolve from the project's node_modules.
 */
async function prepareWorker(): Promise<string> {
  try {
    const { build } = await import('esbuild');
    const folder = join(projectRoot, 'test-results/reliability');
    mkdirSync(folder, { recursive: true });
    const target = join(folder, 'crash-worker.mjs');
    const temporary = `${target}.${process.pid}.tmp.mjs`;
    await build({
      entryPoints: [workerSource],
      outfile: temporary,
      bundle: true,
      platform: 'node',
      format: 'esm',
      external: ['libsql', '@libsql/*'],
      logLevel: 'error',
      // Bundled CommonJS code calls require(); give the ES module one.
      banner: {
        js: "import { createRequire as rtwCreateRequire } from 'node:module'; const require = rtwCreateRequire(import.meta.url);",
      },
    });
    renameSync(temporary, target);
    return target;
  } catch {
    return workerSource;
  }
}

export interface CrashOptions {
  /** How many times to kill the worker. */
  kills: number;
  /** Folder for the database file (emptied first). */
  folder: string;
  /** Kill after a random delay in [minDelayMs, maxDelayMs] once the worker is writing. */
  minDelayMs?: number;
  maxDelayMs?: number;
  seed?: string;
  /** Stop at the first kill that leaves a problem (default true). */
  stopOnProblem?: boolean;
  /** Called after each kill with its number and the problems found. */
  onKill?: (kill: number, problems: readonly string[], acknowledged: number) => void;
}

export interface CrashReport {
  kills: number;
  /** Writes the worker reported done before a kill, all checked after it. */
  acknowledged: number;
  problems: string[];
  rows: Record<string, number>;
  seconds: number;
}

interface Run {
  lines: string[];
  stderr: string;
  exitedBeforeKill: boolean;
}

/** Runs the worker until `delayMs` after it is ready, then kills it with SIGKILL. */
function runAndKill(
  worker: string,
  url: string,
  snapshotFile: string,
  seed: string,
  delayMs: number,
): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [worker, url, snapshotFile, seed], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    const lines: string[] = [];
    let stderr = '';
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    const startup = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, 60_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        if (line === 'ready' && !timer) {
          clearTimeout(startup);
          timer = setTimeout(() => {
            killed = true;
            child.kill('SIGKILL');
          }, delayMs);
        } else lines.push(line);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on('error', fail);
    child.on('exit', () => {
      clearTimeout(startup);
      if (timer) clearTimeout(timer);
      // A line cut off by the kill is not an acknowledgement.
      done({ lines, stderr, exitedBeforeKill: !killed });
    });
  });
}

/** Kills the worker `options.kills` times and checks the database after each kill. */
export async function runCrashTrials(options: CrashOptions): Promise<CrashReport> {
  const started = performance.now();
  const folder = resolve(options.folder);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const worker = await prepareWorker();
  const snapshot = readContentSnapshot();
  const content = contentFromSnapshot(snapshot);
  const snapshotFile = join(folder, 'content.json');
  writeFileSync(snapshotFile, JSON.stringify(snapshot));
  const url = `file:${join(folder, 'crash.db')}`;
  const setup = await createDb(url);
  await migrateDb(setup);
  setup.close();

  const random = seededRandom(options.seed ?? 'crash');
  const minDelay = options.minDelayMs ?? 20;
  const maxDelay = options.maxDelayMs ?? 400;
  const problems: string[] = [];
  let acknowledged = 0;
  let kills = 0;
  for (let kill = 1; kill <= options.kills; kill++) {
    const delay = Math.floor(minDelay + random() * (maxDelay - minDelay));
    const run = await runAndKill(worker, url, snapshotFile, `${options.seed ?? 'crash'}:${kill}`, delay);
    kills = kill;
    const found: string[] = [];
    if (run.exitedBeforeKill)
      found.push(`the worker stopped by itself before kill ${kill}: ${run.stderr.trim()}`);
    const db = await createDb(url);
    try {
      const writes = parseAcknowledged(run.lines);
      acknowledged += writes.length;
      found.push(...(await checkInvariants(db, content)));
      found.push(...(await checkAcknowledged(db, writes)));
    } finally {
      db.close();
    }
    problems.push(...found.map((problem) => `kill ${kill} (after ${delay} ms): ${problem}`));
    options.onKill?.(kill, found, acknowledged);
    if (found.length > 0 && options.stopOnProblem !== false) break;
  }

  const db = await createDb(url);
  const rows: Record<string, number> = {};
  try {
    for (const table of [
      'user',
      'enrolment',
      'lesson_progress',
      'module_completion',
      'quiz_attempt',
      'certificate',
    ]) {
      const result = await db.client.execute(`SELECT count(*) AS n FROM "${table}"`);
      rows[table] = Number(result.rows[0]?.n ?? 0);
    }
  } finally {
    db.close();
  }
  return { kills, acknowledged, problems, rows, seconds: (performance.now() - started) / 1000 };
}
