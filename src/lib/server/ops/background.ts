import { BACKUP_DIR, BACKUP_EVERY } from 'astro:env/server';
import type { Database } from '#src/lib/server/db.ts';
import { mailJobEnvironment } from '#src/lib/server/mail/environment.ts';
import { registerAllJobs } from '#src/lib/server/jobs/catalogue.ts';
import type { JobEnvironment } from '#src/lib/server/jobs/environment.ts';
import { createHolderId } from '#src/lib/server/jobs/lease.ts';
import { registeredJobs } from '#src/lib/server/jobs/registry.ts';
import { startScheduler } from '#src/lib/server/jobs/scheduler.ts';
import { appLog } from './app-log.ts';
import { startHeartbeat } from './app-process.ts';
import { outsideRequest } from './log.ts';
import { onShutdown } from './shutdown.ts';

/** Settings jobs read, by variable name: astro:env's values (the dev server's .env included). */
function jobEnvironment(): JobEnvironment {
  return { ...process.env, BACKUP_DIR, BACKUP_EVERY, ...mailJobEnvironment() };
}

const startedKey = Symbol.for('rtw-academy.background-started');

/**
 * Starts what a server process runs besides answering requests: its heartbeat (restore checks
 * it) and the job scheduler. Called once the process-wide database is open; idempotent; does
 * nothing under Vitest, whose tests start a scheduler themselves when they mean to.
 */
export function startBackgroundWork(db: Database): void {
  // Started during some visitor's request: its timers must not inherit that request's id.
  outsideRequest(() => start(db));
}

function start(db: Database): void {
  const flags = globalThis as { [startedKey]?: boolean };
  if (flags[startedKey] || process.env.VITEST) return;
  flags[startedKey] = true;
  const log = appLog();
  onShutdown(
    async () => {
      await db.drain();
      db.close();
    },
    { stage: 'storage', name: 'database' },
  );
  const holder = createHolderId();
  const heartbeat = startHeartbeat(db, holder, log);
  onShutdown(() => heartbeat.stop(), { name: 'process heartbeat' });
  try {
    registerAllJobs(jobEnvironment());
  } catch (error) {
    // A bad setting (BACKUP_EVERY=often) must not take the site down: say what to fix.
    log.error({ err: error }, 'scheduled jobs are not running: fix the setting and restart');
    return;
  }
  const scheduler = startScheduler({
    db,
    log: log.child({ component: 'jobs' }),
    holder,
    jobs: registeredJobs,
  });
  onShutdown(() => scheduler.stop(), { name: 'job scheduler' });
  log.info({ jobs: registeredJobs().map((job) => job.name), holder }, 'background work started');
}
