/** How many failures a key may have in a window before it is blocked, and for how long. */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  /** Block after the limit is reached; doubles with each further failure up to maxBlockMs. */
  baseBlockMs: number;
  maxBlockMs: number;
}

export interface ThrottleState {
  failures: number;
  windowStartedAt: number;
  blockedUntil: number | null;
}

const minute = 60_000;

export const throttlePolicies = {
  /** Wrong passwords for one account. */
  signInAccount: { maxFailures: 5, windowMs: 15 * minute, baseBlockMs: minute, maxBlockMs: 60 * minute },
  /** Wrong passwords from one client address, across accounts. */
  signInAddress: { maxFailures: 20, windowMs: 15 * minute, baseBlockMs: 5 * minute, maxBlockMs: 60 * minute },
  /** Registrations from one client address (every attempt counts). */
  registerAddress: {
    maxFailures: 10,
    windowMs: 60 * minute,
    baseBlockMs: 15 * minute,
    maxBlockMs: 60 * minute,
  },
  /** Certificate code look-ups from one client address. */
  verifyAddress: { maxFailures: 30, windowMs: 10 * minute, baseBlockMs: 5 * minute, maxBlockMs: 30 * minute },
} as const satisfies Record<string, ThrottlePolicy>;

/** The state after one more failure at `now`. */
export function addFailure(state: ThrottleState | null, now: number, policy: ThrottlePolicy): ThrottleState {
  const fresh = !state || (now - state.windowStartedAt > policy.windowMs && !isBlocked(state, now));
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  if (failures < policy.maxFailures) return { failures, windowStartedAt, blockedUntil: null };
  const doublings = Math.min(failures - policy.maxFailures, 30);
  const blockMs = Math.min(policy.maxBlockMs, policy.baseBlockMs * 2 ** doublings);
  return { failures, windowStartedAt, blockedUntil: now + blockMs };
}

export function isBlocked(state: ThrottleState | null, now: number): boolean {
  return retryAfterMs(state, now) > 0;
}

/** Milliseconds until the key may try again (0 when it may now). */
export function retryAfterMs(state: ThrottleState | null, now: number): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, state.blockedUntil - now);
}

/** Whole seconds for a Retry-After header (at least 1 when blocked). */
export function retryAfterSeconds(ms: number): number {
  return ms <= 0 ? 0 : Math.max(1, Math.ceil(ms / 1000));
}
