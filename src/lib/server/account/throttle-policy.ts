/**
 * How many attempts a key may make before it must wait, and for how long. There is no hard
 * lockout: after `maxFailures` attempts each further one must wait twice as long as the one
 * before, up to `maxBlockMs`. A key forgets its failures once it has been quiet for `windowMs`
 * after its last wait ended.
 */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  /** The first wait, once the limit is reached; doubles with each further attempt. */
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
  /**
   * Wrong passwords for one account from clients it has not signed in from before. The wait
   * never exceeds 15 minutes, and the owner's own known devices are not held by it.
   */
  signInAccount: { maxFailures: 5, windowMs: 15 * minute, baseBlockMs: minute, maxBlockMs: 15 * minute },
  /** Wrong passwords from one client address, across accounts. */
  signInAddress: { maxFailures: 20, windowMs: 15 * minute, baseBlockMs: minute, maxBlockMs: 30 * minute },
  /** Wrong passwords from one known device (its own counter, so a stolen cookie is no key). */
  signInDevice: { maxFailures: 5, windowMs: 15 * minute, baseBlockMs: minute, maxBlockMs: 15 * minute },
  /** The current password asked again of a signed-in user (change password, re-authentication). */
  passwordCheck: { maxFailures: 5, windowMs: 15 * minute, baseBlockMs: minute, maxBlockMs: 15 * minute },
  /** Authenticator and recovery codes of one user. */
  secondFactor: { maxFailures: 5, windowMs: 15 * minute, baseBlockMs: minute, maxBlockMs: 15 * minute },
  /** Password-reset links tried from one client address (wrong or used-up links count). */
  resetAddress: { maxFailures: 10, windowMs: 60 * minute, baseBlockMs: 5 * minute, maxBlockMs: 60 * minute },
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

/** Whether a key has been quiet long enough to start counting afresh. */
function isQuiet(state: ThrottleState, now: number, policy: ThrottlePolicy): boolean {
  return now - (state.blockedUntil ?? state.windowStartedAt) > policy.windowMs;
}

/** The state after one more attempt (or failure) at `now`. */
export function addFailure(state: ThrottleState | null, now: number, policy: ThrottlePolicy): ThrottleState {
  const fresh = !state || (!isBlocked(state, now) && isQuiet(state, now, policy));
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  if (failures < policy.maxFailures) return { failures, windowStartedAt, blockedUntil: null };
  const doublings = Math.min(failures - policy.maxFailures, 30);
  const blockMs = Math.min(policy.maxBlockMs, policy.baseBlockMs * 2 ** doublings);
  return { failures, windowStartedAt, blockedUntil: now + blockMs };
}

export type AttemptDecision =
  { allowed: true; next: ThrottleState } | { allowed: false; retryAfterMs: number };

/**
 * Whether one more attempt may go ahead now, and the state that records it. An attempt is
 * counted before it is checked, so it counts whatever the outcome; success clears the key.
 */
export function decideAttempt(
  state: ThrottleState | null,
  now: number,
  policy: ThrottlePolicy,
): AttemptDecision {
  const wait = retryAfterMs(state, now);
  if (wait > 0) return { allowed: false, retryAfterMs: wait };
  return { allowed: true, next: addFailure(state, now, policy) };
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
