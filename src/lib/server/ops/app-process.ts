import { eq, lt } from 'drizzle-orm';
import { hostname } from 'node:os';
import { appProcess } from '#db/schema.ts';
import type { Database } from '#src/lib/server/db.ts';
import type { Logger } from './log.ts';

/** How often a running app writes its heartbeat. */
export const HEARTBEAT_EVERY_MS = 5_000;
/** A heartbeat older than this belongs to a process that stopped without saying so. */
export const HEARTBEAT_STALE_MS = 3 * HEARTBEAT_EVERY_MS;

export interface RunningProcess {
  id: string;
  host: string;
  pid: number;
  startedAt: number;
  seenAt: number;
}

async function beat(db: Database, id: string, startedAt: number, now: number): Promise<void> {
  await db.write(async (orm) => {
    await orm
      .insert(appProcess)
      .values({
        id,
        host: hostname(),
        pid: process.pid,
        startedAt: new Date(startedAt),
        seenAt: new Date(now),
      })
      .onConflictDoUpdate({ target: appProcess.id, set: { seenAt: new Date(now) } });
    // Rows of processes that died without a goodbye, long ago.
    await orm.delete(appProcess).where(lt(appProcess.seenAt, new Date(now - 24 * 60 * 60_000)));
  });
}

export interface Heartbeat {
  /** Stops beating and removes this process's row. */
  stop(): Promise<void>;
}

/**
 * Records that this app process is running, every HEARTBEAT_EVERY_MS, so that `npm run restore`
 * can refuse to replace a database an app is using.
 */
export function startHeartbeat(
  db: Database,
  id: string,
  log: Logger,
  now: () => number = Date.now,
): Heartbeat {
  const startedAt = now();
  let stopped = false;
  const tick = (): void => {
    beat(db, id, startedAt, now()).catch((error: unknown) =>
      log.warn({ err: error }, 'could not write the process heartbeat'),
    );
  };
  tick();
  const timer = setInterval(tick, HEARTBEAT_EVERY_MS);
  timer.unref();
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await db.write((orm) => orm.delete(appProcess).where(eq(appProcess.id, id)));
    },
  };
}
