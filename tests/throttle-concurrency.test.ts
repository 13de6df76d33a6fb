/**
 * The sign-in throttle under concurrency (issue 18): attempts are recorded in the database before
 * anything is verified, so however many arrive at once, and through however many database
 * connections (standing in for app processes, each with its own write queue), no more than the
 * limit are ever checked.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type Database } from '#src/lib/server/db.ts';
import { registerUser, authenticate } from '#src/lib/server/account/user.ts';
import { throttledCheck, type ThrottleRule } from '#src/lib/server/account/throttle.ts';
import { throttlePolicies, type ThrottlePolicy } from '#src/lib/server/account/throttle-policy.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';

let test: TestDatabase;
const extra: Database[] = [];
beforeEach(async () => {
  test = await createTestDb();
});
afterEach(() => {
  for (const db of extra.splice(0)) db.close();
  test.cleanup();
});

const t0 = Date.UTC(2026, 10, 1, 9, 0, 0);

describe('throttle under concurrency', () => {
  it('checks at most the limit of N parallel wrong attempts, across several connections', async () => {
    // Two more connections to the same file, as two more app processes would have.
    for (let i = 0; i < 2; i++) extra.push(await createDb(test.url));
    const connections = [test.db, ...extra];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 3 }),
        async (attempts, maxFailures, processes) => {
          run += 1;
          const policy: ThrottlePolicy = {
            maxFailures,
            windowMs: 60_000,
            baseBlockMs: 60_000,
            maxBlockMs: 600_000,
          };
          const rules: ThrottleRule[] = [{ key: `property:${run}`, policy }];
          let verified = 0;
          const results = await Promise.all(
            Array.from({ length: attempts }, (_, index) =>
              throttledCheck(connections[index % processes] ?? test.db, rules, t0, async () => {
                verified += 1;
                // A slow verification, like Argon2: the others arrive meanwhile.
                await new Promise((resolve) => setTimeout(resolve, 1));
                return { ok: false, value: null };
              }),
            ),
          );
          expect(verified).toBeLessThanOrEqual(maxFailures);
          expect(verified).toBe(Math.min(attempts, maxFailures));
          expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(attempts - verified);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('lets 60 wrong passwords sent at once for one account check only 5 (real Argon2)', async () => {
    const registered = await registerUser(
      test.db,
      {
        fullName: 'Siti Nur Aisyah binti Abdullah',
        email: 'aisyah@example.my',
        password: 'teh-tarik-kurang-manis',
      },
      { now: t0, address: '10.0.0.1' },
    );
    expect(registered.ok).toBe(true);
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        authenticate(
          test.db,
          { email: 'aisyah@example.my', password: `wrong-${i}` },
          { now: t0 + 1, address: `10.1.${Math.floor(i / 10)}.${i % 10}` },
        ),
      ),
    );
    const checked = results.filter((r) => !r.ok && r.reason === 'invalid').length;
    expect(checked).toBe(throttlePolicies.signInAccount.maxFailures);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(60 - checked);
  });
});
