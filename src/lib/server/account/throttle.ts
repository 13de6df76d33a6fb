import { eq, inArray } from 'drizzle-orm';
import { loginThrottle } from '#db/schema.ts';
import type { Database } from '#src/lib/server/db.ts';
import { addFailure, retryAfterMs, type ThrottlePolicy } from './throttle-policy.ts';

export type ThrottleKey = string;

export const throttleKeys = {
  account: (email: string): ThrottleKey => `signin:account:${email}`,
  address: (address: string): ThrottleKey => `signin:address:${address}`,
  register: (address: string): ThrottleKey => `register:address:${address}`,
  verify: (address: string): ThrottleKey => `verify:address:${address}`,
};

/** The longest wait (ms) any of `keys` must still sit out; 0 when none is blocked. */
export async function getThrottleWait(db: Database, keys: ThrottleKey[], now: number): Promise<number> {
  const rows = await db.orm.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  return Math.max(
    0,
    ...rows.map((row) =>
      retryAfterMs(
        {
          failures: row.failures,
          windowStartedAt: row.windowStartedAt.getTime(),
          blockedUntil: row.blockedUntil?.getTime() ?? null,
        },
        now,
      ),
    ),
  );
}

/** Counts one failure against `key`. Shared by every app process through the database. */
export async function recordThrottleFailure(
  db: Database,
  key: ThrottleKey,
  policy: ThrottlePolicy,
  now: number,
): Promise<void> {
  await db.write(async (orm) => {
    const [row] = await orm.select().from(loginThrottle).where(eq(loginThrottle.key, key));
    const next = addFailure(
      row
        ? {
            failures: row.failures,
            windowStartedAt: row.windowStartedAt.getTime(),
            blockedUntil: row.blockedUntil?.getTime() ?? null,
          }
        : null,
      now,
      policy,
    );
    const values = {
      failures: next.failures,
      windowStartedAt: new Date(next.windowStartedAt),
      blockedUntil: next.blockedUntil === null ? null : new Date(next.blockedUntil),
    };
    await orm
      .insert(loginThrottle)
      .values({ key, ...values })
      .onConflictDoUpdate({ target: loginThrottle.key, set: values });
  });
}

/** Forgets the failures of `key` (after a successful sign-in). */
export async function clearThrottle(db: Database, key: ThrottleKey): Promise<void> {
  await db.write((orm) => orm.delete(loginThrottle).where(eq(loginThrottle.key, key)));
}
