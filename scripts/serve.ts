/**
 * `npm run serve`: the production server from `npm run build`. Applies pending migrations
 * first, never seeds demo data. On SIGTERM (or SIGINT) it stops gracefully: readiness turns 503,
 * it stops accepting connections, finishes the requests it has (up to SHUTDOWN_REQUESTS_MS,
 * default 10 s), stops the scheduled jobs and the outbox worker, drains the write queue and
 * closes the database. `-- --dist <dir>` serves another build folder (tests use dist-ops).
 *
 * With more than one CPU core it runs one worker process per core (`WEB_CONCURRENCY` sets the
 * number; `1` runs a single process as before): this process has the migrations applied, then
 * supervises the workers (src/lib/server/ops/workers.ts), and each worker runs the server below.
 */
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { tuneCollector } from '#src/lib/server/ops/collector.ts';
import { makeGraceful } from '#src/lib/server/ops/graceful-server.ts';
import { createLogger } from '#src/lib/server/ops/log.ts';
import { createSiteListener } from '#src/lib/server/ops/static-files.ts';
import { beginShutdown, runShutdownHooks } from '#src/lib/server/ops/shutdown.ts';
import {
  listenerClosedEverywhere,
  parseWorkerCount,
  superviseWorkers,
  useSharedSocket,
} from '#src/lib/server/ops/workers.ts';
import { databaseUrl } from './db-url.ts';

tuneCollector();
const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
const root = resolve(import.meta.dirname, '..');
const entry = pathToFileURL(resolve(root, values.dist, 'server/entry.mjs'));
if (!existsSync(entry)) {
  console.error('There is no build yet. Run `npm run build` first, then `npm run serve`.');
  process.exit(1);
}
if (!process.env.SITE_URL?.trim()) {
  console.error(
    'SITE_URL is not set. Set it to the public address of the site (e.g. SITE_URL=https://rtw.example.my): ' +
      'certificate QR codes and the links in emails use it.',
  );
  process.exit(1);
}
const log = createLogger({ level: process.env.LOG_LEVEL, pretty: false }).child({ component: 'serve' });
process.on('uncaughtException', (error) => {
  log.fatal({ err: error }, 'uncaught exception: stopping');
  process.exit(1);
});
process.on('unhandledRejection', (reason) => {
  log.error({ err: reason }, 'unhandled promise rejection');
});

const workers = parseWorkerCount(process.env.WEB_CONCURRENCY, availableParallelism());
if ('error' in workers) {
  console.error(workers.error);
  process.exit(1);
}
const requestLimitMs = Number(process.env.SHUTDOWN_REQUESTS_MS ?? 10_000);

/** Applies pending migrations. */
async function migrate(): Promise<void> {
  const { createDb, migrateDb, parseSynchronousMode } = await import('#src/lib/server/db.ts');
  const db = await createDb(databaseUrl(), {
    authToken: process.env.DATABASE_AUTH_TOKEN,
    synchronous: parseSynchronousMode(process.env.DB_SYNCHRONOUS),
  });
  await migrateDb(db);
  db.close();
}

/**
 * Migrations run once, before any worker opens the database. With workers, in a short-lived
 * process of their own: opening the database leaves about 160 MB of native memory in the
 * process that did it (measured on the full-size bench database), which the supervising
 * process, alive as long as the server, would otherwise keep.
 */
async function migrateInChild(): Promise<void> {
  const child = cluster.fork({ RTW_SERVE_ROLE: 'migrate' });
  const code = await new Promise<number | null>((done) => child.once('exit', (exitCode) => done(exitCode)));
  if (code !== 0) {
    log.fatal({ code }, 'migrations failed (see the error above): not starting the workers');
    process.exit(1);
  }
}

if (cluster.isPrimary && workers.count > 1) {
  useSharedSocket();
  await migrateInChild();
  // The workers' own limits (requests, then the shutdown hooks' 10 s) plus a margin.
  superviseWorkers({ count: workers.count, log, stopLimitMs: requestLimitMs + 15_000 });
} else if (process.env.RTW_SERVE_ROLE === 'migrate') {
  await migrate();
  process.exit(0);
} else {
  if (cluster.isPrimary) await migrate();
  await serve();
}

async function serve(): Promise<void> {
  process.env.HOST ??= '0.0.0.0';
  process.env.PORT ??= '4321';
  const app = (await import(entry.href)) as { handler: RequestListener };
  // The build's static files (listed once), then the adapter's app handler (its `middleware`
  // mode), on a server of our own. In a worker, the listening socket is the one the primary
  // opened, shared (see workers.ts).
  const server = createServer(createSiteListener(resolve(root, values.dist, 'client'), app.handler));
  server.listen({ host: process.env.HOST, port: Number(process.env.PORT) });
  const graceful = makeGraceful(server);

  server.once('listening', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : Number(process.env.PORT);
    log.info({ host: process.env.HOST, port }, 'listening');
    // Opens the database in the app and starts its background work (heartbeat, scheduled jobs)
    // now rather than at the first visitor's request.
    fetch(`http://127.0.0.1:${port}/readyz`)
      .then((response) => {
        if (!response.ok) log.warn({ status: response.status }, 'not ready yet after start');
      })
      .catch((error: unknown) => log.warn({ err: error }, 'could not reach /readyz after start'));
  });

  let stopping = false;
  async function stop(signal: NodeJS.Signals): Promise<void> {
    if (stopping) {
      // A worker's stop is escalated by the primary (SIGKILL after its limit); systemd's
      // default KillMode sends SIGTERM to the workers as well as passing it on through the primary.
      if (cluster.isWorker) return;
      log.warn({ signal }, 'second stop signal: exiting at once');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal, inFlight: graceful.inFlight() }, 'stopping: no new connections, finishing requests');
    beginShutdown();
    // With workers, clients are sent away only once no worker listens any more (see workers.ts).
    const drained = await graceful.drain(requestLimitMs, {
      listenerClosed: () => listenerClosedEverywhere(5_000),
    });
    if (drained.abandoned > 0) log.warn(drained, 'requests still running at the limit were cut off');
    else log.info(drained, 'every request answered');
    const failures = await runShutdownHooks(10_000);
    for (const failure of failures)
      log.error({ err: failure.error, hook: failure.name }, 'shutdown step failed');
    log.info('stopped');
    process.exit(failures.length > 0 || drained.abandoned > 0 ? 1 : 0);
  }
  process.on('SIGTERM', (signal) => void stop(signal));
  // A worker stops when the primary passes SIGTERM on; Ctrl-C in a terminal reaches every process
  // of the group, and the primary's SIGTERM would then be a second signal.
  process.on('SIGINT', (signal) => {
    if (cluster.isPrimary) void stop(signal);
  });
}
