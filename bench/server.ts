/**
 * The processes the bench measures: the production build (through scripts/serve.ts, as
 * `npm run serve` runs it) and the ceiling server. Each runs in its own process; the bench waits
 * until it answers, keeps the end of its stderr, and counts database-busy errors in it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { sendHttp } from '../tests/reliability/http-client.ts';

export interface RunningServer {
  origin: string;
  pid: number | undefined;
  /** The last 64 KB of its output (stdout and stderr). */
  stderr: () => string;
  /** Lines of output that mention SQLITE_BUSY or a locked database, counted over the whole run. */
  busyErrors: () => number;
  /** Lines logged as errors. */
  loggedErrors: () => number;
  stop: () => Promise<void>;
}

function watch(child: ChildProcess, origin: string): RunningServer {
  let tail = '';
  let busy = 0;
  let errors = 0;
  // The production server logs JSON lines (pino) on stdout; Astro's console format on stderr
  // only before its logger is set up. Both are watched.
  const read = (chunk: string) => {
    tail = (tail + chunk).slice(-65_536);
    busy += (chunk.match(/SQLITE_BUSY|database is locked/g) ?? []).length;
    errors += (chunk.match(/\[ERROR\]|"level":"(?:error|fatal)"/g) ?? []).length;
  };
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', read);
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', read);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    origin,
    pid: child.pid,
    stderr: () => tail,
    busyErrors: () => busy,
    loggedErrors: () => errors,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

async function waitUntilAnswering(server: RunningServer, child: ChildProcess, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${what} exited (code ${child.exitCode}).\n${server.stderr()}`);
    try {
      await sendHttp({ origin: server.origin, method: 'GET', path: '/', timeoutMs: 5000 });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${what} did not answer within 60 s.\n${server.stderr()}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}

/**
 * Starts the built app on `port` with the bench database, as `npm run serve` runs it
 * (scripts/serve.ts: migrations, then `workers` worker processes, or one process for 1);
 * resolves once it answers.
 */
export async function startAppServer(input: {
  entry: string;
  databaseUrl: string;
  port: number;
  projectRoot: string;
  /** Worker processes (`WEB_CONCURRENCY`); 1, the default, runs a single process. */
  workers?: number;
  /** Write a V8 CPU profile of the server (of each worker) into this folder when it stops. */
  profileDir?: string | undefined;
  /** More environment for the server (DB_SYNCHRONOUS=normal for the durability rows). */
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const origin = `http://127.0.0.1:${input.port}`;
  // scripts/serve.ts exits through process.exit on SIGTERM, which writes the profile; workers
  // inherit the flags.
  const profile = input.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${input.profileDir}`] : [];
  const distDir = dirname(dirname(input.entry));
  const child = spawn(
    process.execPath,
    [...profile, join(input.projectRoot, 'scripts/serve.ts'), '--dist', distDir],
    {
      cwd: input.projectRoot,
      env: {
        ...process.env,
        DATABASE_URL: input.databaseUrl,
        PORT: String(input.port),
        HOST: '127.0.0.1',
        SITE_URL: origin,
        SECURE_COOKIES: 'false',
        NODE_ENV: 'production',
        WEB_CONCURRENCY: String(input.workers ?? 1),
        ...input.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const server = watch(child, origin);
  await waitUntilAnswering(server, child, 'The app server');
  return server;
}

/** Starts the ceiling server answering with the given body and headers. */
export async function startCeilingServer(input: {
  port: number;
  bodyFile: string;
  headersFile: string;
  projectRoot: string;
}): Promise<RunningServer> {
  const child = spawn(
    process.execPath,
    [
      join(input.projectRoot, 'bench/ceiling-server.ts'),
      String(input.port),
      input.bodyFile,
      input.headersFile,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const server = watch(child, `http://127.0.0.1:${input.port}`);
  await waitUntilAnswering(server, child, 'The ceiling server');
  return server;
}
