import { and, eq, inArray, isNull } from 'drizzle-orm';
import { loginThrottle } from '#db/schema.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import {
  addFailure,
  decideAttempt,
  retryAfterMs,
  type ThrottlePolicy,
  type ThrottleState,
} from './throttle-policy.ts';

export type ThrottleKey = string;

export const throttleKeys = {
  account: (email: string): ThrottleKey => `signin:account:${email}`,
  address: (address: string): ThrottleKey => `signin:address:${address}`,
  device: (deviceId: string): ThrottleKey => `signin:device:${deviceId}`,
  /** The current password asked of a signed-in user: change password and re-authentication. */
  passwordCheck: (userId: string): ThrottleKey => `password:user:${userId}`,
  secondFactor: (userId: string): ThrottleKey => `mfa:user:${userId}`,
  resetAddress: (address: string): ThrottleKey => `reset:address:${address}`,
  register: (address: string): ThrottleKey => `register:address:${address}`,
  verify: (address: string): ThrottleKey => `verify:address:${address}`,
};

export interface ThrottleRule {
  key: ThrottleKey;
  policy: ThrottlePolicy;
}

type Row = typeof loginThrottle.$inferSelect;

function stateOf(row: Row | undefined): ThrottleState | null {
  if (!row) return null;
  return {
    failures: row.failures,
    windowStartedAt: row.windowStartedAt.getTime(),
    blockedUntil: row.blockedUntil?.getTime() ?? null,
  };
}

function columnsOf(state: ThrottleState) {
  return {
    failures: state.failures,
    windowStartedAt: new Date(state.windowStartedAt),
    blockedUntil: state.blockedUntil === null ? null : new Date(state.blockedUntil),
  };
}

/**
 * Replaces `key`'s row only if it still holds `before` (compare-and-swap): one statement, so it
 * is atomic across processes sharing the database. False when another process got there first.
 */
async function swap(
  orm: Orm,
  key: ThrottleKey,
  before: Row | undefined,
  after: ThrottleState,
): Promise<boolean> {
  if (!before) {
    const inserted = await orm
      .insert(loginThrottle)
      .values({ key, ...columnsOf(after) })
      .onConflictDoNothing()
      .returning({ key: loginThrottle.key });
    return inserted.length === 1;
  }
  const updated = await orm
    .update(loginThrottle)
    .set(columnsOf(after))
    .where(
      and(
        eq(loginThrottle.key, key),
        eq(loginThrottle.failures, before.failures),
        eq(loginThrottle.windowStartedAt, before.windowStartedAt),
        before.blockedUntil === null
          ? isNull(loginThrottle.blockedUntil)
          : eq(loginThrottle.blockedUntil, before.blockedUntil),
      ),
    )
    .returning({ key: loginThrottle.key });
  return updated.length === 1;
}

/** Reads the current rows of `keys`. */
async function readRows(orm: Orm, keys: ThrottleKey[]): Promise<Map<ThrottleKey, Row>> {
  const rows = await orm.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  return new Map(rows.map((row) => [row.key, row]));
}

export type AttemptGrant = { ok: true } | { ok: false; retryAfterMs: number };

const maxSwapRounds = 50;

/**
 * Records one attempt against every rule's key before the caller checks anything, or refuses
 * when any key must still wait. The record is written to the database first (a compare-and-swap
 * per key, retried when another process changed the row in between), so N attempts at once can
 * never get more than the limit through, in one process or many. The caller clears the keys on
 * success (`clearThrottle`).
 */
export async function reserveAttempt(
  db: Database,
  rules: ThrottleRule[],
  now: number,
): Promise<AttemptGrant> {
  const keys = rules.map((rule) => rule.key);
  return db.write(async (orm) => {
    for (let round = 0; round < maxSwapRounds; round++) {
      const rows = await readRows(orm, keys);
      let longest = 0;
      const planned: { rule: ThrottleRule; next: ThrottleState }[] = [];
      for (const rule of rules) {
        const decision = decideAttempt(stateOf(rows.get(rule.key)), now, rule.policy);
        if (decision.allowed) planned.push({ rule, next: decision.next });
        else longest = Math.max(longest, decision.retryAfterMs);
      }
      if (longest > 0) return { ok: false, retryAfterMs: longest };
      let swapped = true;
      for (const { rule, next } of planned) {
        if (!(await swap(orm, rule.key, rows.get(rule.key), next))) {
          swapped = false;
          break;
        }
      }
      // A lost race leaves at most some keys counted once more than needed: safe, so retry.
      if (swapped) return { ok: true };
    }
    throw new Error(`Throttle keys ${keys.join(', ')} kept changing under contention`);
  });
}

/**
 * Runs `check` (a password or code verification) only after `reserveAttempt` let it through,
 * and clears `clearOnSuccess` (default: every rule's key) when it succeeds.
 */
export async function throttledCheck<T>(
  db: Database,
  rules: ThrottleRule[],
  now: number,
  check: () => Promise<{ ok: boolean; value: T }>,
  clearOnSuccess: ThrottleKey[] = rules.map((rule) => rule.key),
): Promise<
  | { ok: true; value: T }
  | { ok: false; reason: 'failed'; value: T }
  | { ok: false; reason: 'throttled'; retryAfterMs: number }
> {
  const grant = await reserveAttempt(db, rules, now);
  if (!grant.ok) return { ok: false, reason: 'throttled', retryAfterMs: grant.retryAfterMs };
  const result = await check();
  if (!result.ok) return { ok: false, reason: 'failed', value: result.value };
  if (clearOnSuccess.length > 0) await clearThrottle(db, clearOnSuccess);
  return { ok: true, value: result.value };
}

/** The longest wait (ms) any of `keys` must still sit out; 0 when none is blocked. */
export async function getThrottleWait(db: Database, keys: ThrottleKey[], now: number): Promise<number> {
  const rows = await readRows(db.orm, keys);
  return Math.max(0, ...[...rows.values()].map((row) => retryAfterMs(stateOf(row), now)));
}

/** Counts one failure against `key` whether or not it is blocked (look-ups that count every try). */
export async function recordThrottleFailure(
  db: Database,
  key: ThrottleKey,
  policy: ThrottlePolicy,
  now: number,
): Promise<void> {
  await db.write(async (orm) => {
    for (let round = 0; round < maxSwapRounds; round++) {
      const rows = await readRows(orm, [key]);
      const before = rows.get(key);
      if (await swap(orm, key, before, addFailure(stateOf(before), now, policy))) return;
    }
    throw new Error(`Throttle key ${key} kept changing under contention`);
  });
}

/** Forgets the failures of `keys` (after a successful check). */
export async function clearThrottle(db: Database, keys: ThrottleKey | ThrottleKey[]): Promise<void> {
  const list = Array.isArray(keys) ? keys : [keys];
  await db.write((orm) => orm.delete(loginThrottle).where(inArray(loginThrottle.key, list)));
}
