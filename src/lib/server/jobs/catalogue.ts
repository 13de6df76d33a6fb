import { registerMailJobs } from '#src/lib/server/mail/jobs.ts';
import { registerBackupJob } from '#src/lib/server/ops/backup/job.ts';
import type { JobEnvironment } from './environment.ts';

/**
 * Registers every feature's scheduled jobs. The server (src/lib/server/ops/background.ts) and
 * `npm run jobs` call it once at start; a feature adds one line here.
 */
export function registerAllJobs(env: JobEnvironment): void {
  registerBackupJob(env);
  registerMailJobs(env);
}
