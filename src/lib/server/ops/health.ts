import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsFolder, type Database } from '#src/lib/server/db.ts';
import { isShuttingDown } from './shutdown.ts';

export type Readiness =
  { ready: true } | { ready: false; reason: 'stopping' | 'database-unreachable' | 'migrations-behind' };

let newestMigration: number | undefined;

/** The journal time of the newest migration this build ships. */
function newestShippedMigration(): number {
  if (newestMigration === undefined) {
    const journal = JSON.parse(readFileSync(join(migrationsFolder(), 'meta/_journal.json'), 'utf8')) as {
      entries: { when: number }[];
    };
    newestMigration = Math.max(0, ...journal.entries.map((entry) => entry.when));
  }
  return newestMigration;
}

function within<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`No answer within ${timeoutMs} ms.`)), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Whether this process should get traffic: not shutting down, the database answers (within
 * `timeoutMs`) and has every migration this build ships. One indexed query.
 */
export async function checkReadiness(openDb: () => Promise<Database>, timeoutMs = 2000): Promise<Readiness> {
  if (isShuttingDown()) return { ready: false, reason: 'stopping' };
  let applied: number;
  try {
    const result = await within(
      openDb().then((db) => db.client.execute('SELECT max(created_at) AS newest FROM __drizzle_migrations')),
      timeoutMs,
    );
    applied = Number(result.rows[0]?.newest ?? 0);
  } catch {
    return { ready: false, reason: 'database-unreachable' };
  }
  if (applied < newestShippedMigration()) return { ready: false, reason: 'migrations-behind' };
  return isShuttingDown() ? { ready: false, reason: 'stopping' } : { ready: true };
}

/** A plain-text probe answer: a status word and nothing else, never cached. */
export function probeResponse(status: 200 | 503): Response {
  return new Response(status === 200 ? 'ok\n' : 'unavailable\n', {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
