/**
 * When to try a message again after a temporary failure: exponential backoff with jitter, and a
 * limit after which the message is marked failed for an admin to look at. Pure.
 */
import { HOUR_MS, MINUTE_MS } from '#src/lib/time.ts';

export interface RetryPolicy {
  /** Tries in all (the first send included) before the message is marked failed. */
  maxAttempts: number;
  /** Wait after the first failure; each further failure doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** 1, 2, 4 … 60 minutes: eight tries over about two hours. */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: MINUTE_MS,
  maxDelayMs: HOUR_MS,
};

export type AfterFailure = { action: 'retry'; at: number } | { action: 'give-up' };

/**
 * What to do after try number `attempts` (1 = the first) failed at `now`. Jitter of ±20% keeps
 * many messages that failed together from all trying again at the same moment.
 */
export function decideAfterFailure(
  input: { attempts: number; permanent: boolean; sendBefore: number },
  now: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): AfterFailure {
  if (input.permanent || input.attempts >= policy.maxAttempts) return { action: 'give-up' };
  const exponent = Math.min(Math.max(input.attempts - 1, 0), 30);
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const at = now + Math.round(delay * (0.8 + 0.4 * random()));
  if (at >= input.sendBefore) return { action: 'give-up' };
  return { action: 'retry', at };
}
