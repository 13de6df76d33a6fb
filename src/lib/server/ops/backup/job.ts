import { registerJob, type JobEnvironment } from '#src/lib/server/jobs/index.ts';
import { MINUTE_MS } from '#src/lib/time.ts';
import { parseDuration } from '../duration.ts';
import { createBackup } from './create.ts';

export interface BackupSchedule {
  dir: string;
  everyMs: number;
}

/**
 * The scheduled backup from BACKUP_DIR and BACKUP_EVERY (default `1d`); null when BACKUP_DIR is
 * unset. Throws with what to fix when BACKUP_EVERY does not parse or is under 5 minutes.
 */
export function readBackupSchedule(env: JobEnvironment): BackupSchedule | null {
  const dir = env.BACKUP_DIR?.trim();
  if (!dir) return null;
  const every = env.BACKUP_EVERY?.trim() || '1d';
  const everyMs = parseDuration(every);
  if (everyMs === null || everyMs < 5 * MINUTE_MS) {
    throw new Error(
      `BACKUP_EVERY "${every}" is not a duration of 5 minutes or more. Write it like 6h, 1d or 30m.`,
    );
  }
  return { dir, everyMs };
}

/** Registers the `backup` job when BACKUP_DIR is set (one process of N takes each backup). */
export function registerBackupJob(env: JobEnvironment): void {
  const schedule = readBackupSchedule(env);
  if (!schedule) return;
  registerJob({
    name: 'backup',
    everyMs: schedule.everyMs,
    leaseMs: 5 * MINUTE_MS,
    async run({ db, log }) {
      const result = await createBackup(db, schedule.dir);
      log.info(
        {
          path: result.path,
          sizeBytes: result.sizeBytes,
          durationMs: result.durationMs,
          tables: Object.keys(result.check.rowCounts).length,
          removed: result.removed.length,
        },
        'backup written and checked',
      );
    },
  });
}
