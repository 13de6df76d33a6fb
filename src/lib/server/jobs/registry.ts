import type { Database } from '#src/lib/server/db.ts';
import type { Logger } from '#src/lib/server/ops/log.ts';

export interface JobContext {
  readonly db: Database;
  /** Aborted when the process shuts down or the lease was lost: stop soon, leave work for the next run. */
  readonly signal: AbortSignal;
  readonly log: Logger;
  /** When this run started (ms since the epoch). */
  readonly now: number;
}

/**
 * A named piece of work that runs every `everyMs`. It must be idempotent: a run that is
 * repeated (a crash after the work but before the lease was released, two cron runs) must do
 * nothing twice.
 */
export interface JobDefinition {
  /** Unique, kebab-case, prefixed by the feature (`mail-expiry-reminders`, `backup`). */
  readonly name: string;
  readonly everyMs: number;
  /**
   * `one-process` (default): under the job's lease, so one process of N runs it, and "due" is
   * shared through the database. `every-process`: each process runs it on its own timer with no
   * lease — for work that claims its own rows atomically, like an outbox sender.
   */
  readonly scope?: 'one-process' | 'every-process';
  /** Lease length; renewed every third of it while the run lasts. Default 60 s. */
  readonly leaseMs?: number;
  run(context: JobContext): Promise<void>;
}

const jobs = new Map<string, JobDefinition>();

/** Adds a job (or replaces the one with the same name, as a dev-server reload does). */
export function registerJob(job: JobDefinition): void {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(job.name)) {
    throw new Error(`Job name "${job.name}" must be kebab-case (a-z, 0-9 and single dashes).`);
  }
  if (!Number.isFinite(job.everyMs) || job.everyMs < 1000) {
    throw new Error(`Job "${job.name}" must run at most once a second (everyMs >= 1000).`);
  }
  jobs.set(job.name, job);
}

/** The registered jobs, in registration order. */
export function registeredJobs(): JobDefinition[] {
  return [...jobs.values()];
}

/** Forgets every job (tests). */
export function clearJobs(): void {
  jobs.clear();
}
