import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '#src/lib/time.ts';
import { decideAfterFailure, defaultRetryPolicy } from './retry-policy.ts';

const now = 1_800_000_000_000;
const far = now + 24 * HOUR_MS;
const middle = () => 0.5;

describe('retry policy', () => {
  it('doubles the wait after each temporary failure, up to an hour', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((attempts) => {
      const decision = decideAfterFailure(
        { attempts, permanent: false, sendBefore: far },
        now,
        defaultRetryPolicy,
        middle,
      );
      return decision.action === 'retry' ? (decision.at - now) / MINUTE_MS : null;
    });
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60]);
  });

  it('gives up at the limit, on a permanent refusal, and when the next try would be too late', () => {
    expect(
      decideAfterFailure({ attempts: 8, permanent: false, sendBefore: far }, now, defaultRetryPolicy),
    ).toEqual({
      action: 'give-up',
    });
    expect(
      decideAfterFailure({ attempts: 1, permanent: true, sendBefore: far }, now, defaultRetryPolicy),
    ).toEqual({
      action: 'give-up',
    });
    expect(
      decideAfterFailure(
        { attempts: 1, permanent: false, sendBefore: now + 30_000 },
        now,
        defaultRetryPolicy,
      ),
    ).toEqual({ action: 'give-up' });
  });

  it('spreads retries by ±20%', () => {
    const at = (random: number) => {
      const decision = decideAfterFailure(
        { attempts: 1, permanent: false, sendBefore: far },
        now,
        defaultRetryPolicy,
        () => random,
      );
      return decision.action === 'retry' ? decision.at - now : 0;
    };
    expect(at(0)).toBe(0.8 * MINUTE_MS);
    expect(at(1)).toBe(1.2 * MINUTE_MS);
  });
});
