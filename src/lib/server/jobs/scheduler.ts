import { eq } from 'drizzle-orm';
import { jobLease } from '#db/schema.ts';
import type { Database } from '#src/lib/server/db.ts';
import type { Logger } from '#src/lib/server/ops/log.ts';
import { claimJobRun, releaseLease, renewLease } from './lease.ts';
import type { JobDefinition } from './registry.ts';

const defaultLeaseMs = 60_000;

export type JobRunResult =
  | { name: string; outcome: 'ran'; durationMs: number }
  | { name: string; outcome: 'failed'; durationMs: number; error: string }
  | { name: string; outcome: 'not-due'; nextDueAt: number }
  | { name: string; outcome: 'held-elsewhere'; holder: string; expiresAt: number };

export interface RunJobOptions {
  holder: string;
  log: Logger;
  /** Run even when the job is not due yet (still under its lease). */
  force?: boolean;
  /** Aborts the run (process shutdown). */
  signal?: AbortSignal;
  now?: () => number;
}

/**
 * Runs `job` once if it is due and this process gets its lease (a `one-process` job), or at
 * once (an `every-process` job). The lease is renewed while the run lasts and released after
 * it, with the outcome, so the next run is due `everyMs` after this one finished.
 */
export async function runJobOnce(
  db: Database,
  job: JobDefinition,
  options: RunJobOptions,
): Promise<JobRunResult> {
  const clock = options.now ?? Date.now;
  const log = options.log.child({ job: job.name });
  if ((job.scope ?? 'one-process') === 'every-process') {
    return execute(db, job, log, clock, options.signal);
  }
  const ttlMs = job.leaseMs ?? defaultLeaseMs;
  const lease = { name: job.name, holder: options.holder };
  const claimed = await claimJobRun(db, {
    ...lease,
    ttlMs,
    everyMs: job.everyMs,
    force: options.force,
    now: clock(),
  });
  if (!claimed) return whyNotClaimed(db, job, clock());

  const lost = new AbortController();
  const renewal = setInterval(
    () => {
      renewLease(db, { ...lease, ttlMs, now: clock() })
        .then((kept) => {
          if (!kept) {
            log.warn('lease lost during the run; stopping it');
            lost.abort(new Error(`The lease of job "${job.name}" was lost.`));
          }
        })
        .catch((error: unknown) => log.warn({ err: error }, 'lease renewal failed'));
    },
    Math.max(250, Math.floor(ttlMs / 3)),
  );
  renewal.unref();
  const signal = options.signal ? AbortSignal.any([options.signal, lost.signal]) : lost.signal;
  try {
    const result = await execute(db, job, log, clock, signal);
    await releaseLease(db, lease, {
      finishedAt: clock(),
      error: result.outcome === 'failed' ? result.error.slice(0, 2000) : null,
    });
    return result;
  } finally {
    clearInterval(renewal);
  }
}

async function execute(
  db: Database,
  job: JobDefinition,
  log: Logger,
  clock: () => number,
  signal: AbortSignal = new AbortController().signal,
): Promise<JobRunResult> {
  const started = clock();
  try {
    await job.run({ db, signal, log, now: started });
    const durationMs = clock() - started;
    log.debug({ durationMs }, 'job ran');
    return { name: job.name, outcome: 'ran', durationMs };
  } catch (error) {
    const durationMs = clock() - started;
    log.error({ err: error, durationMs }, 'job failed');
    return {
      name: job.name,
      outcome: 'failed',
      durationMs,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

async function whyNotClaimed(db: Database, job: JobDefinition, now: number): Promise<JobRunResult> {
  const [row] = await db.orm.select().from(jobLease).where(eq(jobLease.name, job.name));
  if (row && row.holder !== '' && row.expiresAt.getTime() > now) {
    return {
      name: job.name,
      outcome: 'held-elsewhere',
      holder: row.holder,
      expiresAt: row.expiresAt.getTime(),
    };
  }
  return {
    name: job.name,
    outcome: 'not-due',
    nextDueAt: (row?.lastFinishedAt?.getTime() ?? now) + job.everyMs,
  };
}

export interface SchedulerOptions {
  db: Database;
  log: Logger;
  holder: string;
  /** The jobs to run; read at every tick, so jobs registered later are picked up. */
  jobs: () => readonly JobDefinition[];
  /** How often to look for due jobs. Default 1 s. */
  tickMs?: number;
  now?: () => number;
}

export interface Scheduler {
  /**
   * Starts nothing new, aborts running jobs (their signal) and waits for them to return and
   * release their leases.
   */
  stop(): Promise<void>;
}

/**
 * Runs every registered job when it is due, in this process, under its lease. Started by the
 * server process (src/lib/server/ops/background.ts), never by merely importing a module, so
 * tests run no jobs unless they start a scheduler themselves.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const clock = options.now ?? Date.now;
  const tickMs = options.tickMs ?? 1000;
  const shutdown = new AbortController();
  const running = new Map<string, Promise<void>>();
  // When this process should look at a job again (it learnt the job is not due or held).
  const nextLook = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function launch(job: JobDefinition): void {
    const run = runJobOnce(options.db, job, {
      holder: options.holder,
      log: options.log,
      signal: shutdown.signal,
      now: clock,
    })
      .then((result) => {
        const now = clock();
        switch (result.outcome) {
          case 'ran':
          case 'failed':
            nextLook.set(job.name, now + job.everyMs);
            break;
          case 'not-due':
            nextLook.set(job.name, result.nextDueAt);
            break;
          case 'held-elsewhere':
            nextLook.set(job.name, Math.min(result.expiresAt, now + job.everyMs));
            break;
        }
      })
      .catch((error: unknown) => {
        // The database was unreachable for the claim or release: look again after a while.
        options.log.warn({ err: error, job: job.name }, 'could not claim or release the job lease');
        nextLook.set(job.name, clock() + Math.min(job.everyMs, 30_000));
      })
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
  }

  function tick(): void {
    if (stopped) return;
    const now = clock();
    for (const job of options.jobs()) {
      if (running.has(job.name)) continue;
      if ((nextLook.get(job.name) ?? 0) > now) continue;
      launch(job);
    }
    timer = setTimeout(tick, tickMs);
    timer.unref();
  }

  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      shutdown.abort(new Error('The process is shutting down.'));
      await Promise.allSettled(running.values());
    },
  };
}
