/**
 * `npm run jobs`: runs the scheduled jobs outside the web server, for cron-driven deployments.
 *
 *   npm run jobs                        every due job once, then exit (1 if one failed)
 *   npm run jobs -- --only <name>       just that job (repeatable); add --force to run it even if not due
 *   npm run jobs -- --loop              keep running them, like the server's scheduler (SIGTERM stops)
 *   npm run jobs -- --list              the jobs and their last runs
 *
 * Each job still runs under its lease, so cron and N servers never run one job twice at once.
 */
import { parseArgs } from 'node:util';
import { createDb, migrateDb, parseSynchronousMode } from '#src/lib/server/db.ts';
import { registerAllJobs } from '#src/lib/server/jobs/catalogue.ts';
import { createHolderId, listLeases } from '#src/lib/server/jobs/lease.ts';
import { registeredJobs } from '#src/lib/server/jobs/registry.ts';
import { runJobOnce, startScheduler, type JobRunResult } from '#src/lib/server/jobs/scheduler.ts';
import { startHeartbeat } from '#src/lib/server/ops/app-process.ts';
import { createScriptLogger } from '#src/lib/server/ops/log.ts';
import { runShutdownHooks, onShutdown } from '#src/lib/server/ops/shutdown.ts';
import { databaseUrl } from './db-url.ts';

const usage = 'Usage: npm run jobs [-- --only <name> [--force]] [-- --loop] [-- --list]';
let values;
try {
  ({ values } = parseArgs({
    options: {
      only: { type: 'string', multiple: true },
      force: { type: 'boolean', default: false },
      loop: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}

const log = createScriptLogger();
try {
  registerAllJobs(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const all = registeredJobs();
const unknown = (values.only ?? []).filter((name) => !all.some((job) => job.name === name));
if (unknown.length > 0) {
  const known = all.map((job) => job.name).join(', ') || '(none: set BACKUP_DIR, SMTP_URL ...)';
  console.error(`No job named ${unknown.join(', ')}. Jobs configured here: ${known}.`);
  process.exit(2);
}
const jobs = values.only ? all.filter((job) => values.only?.includes(job.name)) : all;

const db = await createDb(databaseUrl(), {
  authToken: process.env.DATABASE_AUTH_TOKEN,
  synchronous: parseSynchronousMode(process.env.DB_SYNCHRONOUS),
});
await migrateDb(db);
const holder = createHolderId();

if (values.list) {
  const leases = new Map((await listLeases(db)).map((lease) => [lease.name, lease]));
  for (const job of all) {
    const lease = leases.get(job.name);
    const last = lease?.lastFinishedAt ? new Date(lease.lastFinishedAt).toISOString() : 'never';
    const state = lease?.lastError ? `failed: ${lease.lastError}` : 'ok';
    console.log(
      `${job.name}\tevery ${Math.round(job.everyMs / 1000)} s\tlast finished ${last}\t${lease ? state : ''}`,
    );
  }
  db.close();
} else if (values.loop) {
  const heartbeat = startHeartbeat(db, holder, log);
  const scheduler = startScheduler({ db, log, holder, jobs: () => jobs });
  onShutdown(() => scheduler.stop(), { name: 'job scheduler' });
  onShutdown(() => heartbeat.stop(), { name: 'process heartbeat' });
  onShutdown(
    async () => {
      await db.drain();
      db.close();
    },
    { stage: 'storage', name: 'database' },
  );
  log.info({ jobs: jobs.map((job) => job.name), holder }, 'running scheduled jobs until SIGTERM');
  // The scheduler's timers do not keep the process alive on their own.
  const keepAlive = setInterval(() => undefined, 60_000);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log.info({ signal }, 'stopping');
      clearInterval(keepAlive);
      void runShutdownHooks(30_000).then((failures) => {
        for (const failure of failures)
          log.error({ err: failure.error, hook: failure.name }, 'shutdown hook failed');
        process.exitCode = failures.length > 0 ? 1 : 0;
      });
    });
  }
} else {
  const results: JobRunResult[] = [];
  for (const job of jobs) results.push(await runJobOnce(db, job, { holder, log, force: values.force }));
  await db.drain();
  db.close();
  for (const result of results) {
    switch (result.outcome) {
      case 'ran':
        console.log(`${result.name}: ran in ${result.durationMs} ms`);
        break;
      case 'failed':
        console.log(`${result.name}: FAILED after ${result.durationMs} ms: ${result.error}`);
        break;
      case 'not-due':
        console.log(`${result.name}: not due until ${new Date(result.nextDueAt).toISOString()}`);
        break;
      case 'held-elsewhere':
        console.log(`${result.name}: running in another process (${result.holder})`);
        break;
    }
  }
  if (jobs.length === 0) console.log('No jobs are configured (set BACKUP_DIR, SMTP_URL ...).');
  process.exitCode = results.some((result) => result.outcome === 'failed') ? 1 : 0;
}
