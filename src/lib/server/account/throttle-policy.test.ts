import { describe, expect, it } from 'vitest';
import {
  addFailure,
  decideAttempt,
  isBlocked,
  retryAfterMs,
  retryAfterSeconds,
  type ThrottlePolicy,
} from './throttle-policy.ts';

const policy: ThrottlePolicy = { maxFailures: 3, windowMs: 10_000, baseBlockMs: 1_000, maxBlockMs: 5_000 };

describe('throttle maths', () => {
  it('allows failures below the limit', () => {
    let state = addFailure(null, 0, policy);
    state = addFailure(state, 100, policy);
    expect(state.failures).toBe(2);
    expect(isBlocked(state, 100)).toBe(false);
  });

  it('blocks at the limit and doubles the block with each further failure, up to the cap', () => {
    let state = addFailure(addFailure(addFailure(null, 0, policy), 1, policy), 2, policy);
    expect(retryAfterMs(state, 2)).toBe(1_000);
    state = addFailure(state, 3, policy);
    expect(retryAfterMs(state, 3)).toBe(2_000);
    state = addFailure(state, 4, policy);
    expect(retryAfterMs(state, 4)).toBe(4_000);
    state = addFailure(state, 5, policy);
    expect(retryAfterMs(state, 5)).toBe(5_000);
    for (let i = 0; i < 100; i++) state = addFailure(state, 6, policy);
    expect(retryAfterMs(state, 6)).toBe(5_000);
  });

  it('lifts the block when it runs out', () => {
    const state = addFailure(addFailure(addFailure(null, 0, policy), 1, policy), 2, policy);
    expect(isBlocked(state, 1_001)).toBe(true);
    expect(isBlocked(state, 1_002)).toBe(false);
    expect(retryAfterMs(state, 50_000)).toBe(0);
  });

  it('starts a new window after the old one ends', () => {
    const state = addFailure(addFailure(null, 0, policy), 1, policy);
    const later = addFailure(state, 20_000, policy);
    expect(later).toEqual({ failures: 1, windowStartedAt: 20_000, blockedUntil: null });
  });

  it('rounds Retry-After up to whole seconds, never 0 while blocked', () => {
    expect(retryAfterSeconds(0)).toBe(0);
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1_001)).toBe(2);
  });

  it('counts an attempt before it is checked, and refuses while the key waits', () => {
    let state = null;
    for (let i = 0; i < 3; i++) {
      const decision = decideAttempt(state, i, policy);
      expect(decision.allowed).toBe(true);
      if (decision.allowed) state = decision.next;
    }
    expect(decideAttempt(state, 3, policy)).toEqual({ allowed: false, retryAfterMs: 999 });
  });

  it('only starts afresh once the key has been quiet for a window after its wait ended', () => {
    const blocked = addFailure(addFailure(addFailure(null, 0, policy), 1, policy), 2, policy);
    // The wait ended at 1,002; a try soon after still counts on, and waits twice as long.
    expect(addFailure(blocked, 5_000, policy)).toMatchObject({ failures: 4, blockedUntil: 7_000 });
    expect(addFailure(blocked, 1_002 + 10_001, policy)).toEqual({
      failures: 1,
      windowStartedAt: 11_003,
      blockedUntil: null,
    });
  });
});
