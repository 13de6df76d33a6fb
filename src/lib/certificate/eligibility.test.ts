import { describe, expect, it } from 'vitest';
import { DAY_MS } from '#src/lib/time.ts';
import { decideEligibility, type EligibilityFacts } from './eligibility.ts';

const now = Date.UTC(2026, 11, 5);
const base: EligibilityFacts = {
  certificateRule: true,
  completed: true,
  emailVerified: true,
  standing: null,
  lastFinalPassAt: null,
};

describe('decideEligibility', () => {
  it('gives a first certificate to a learner who completed a course with a certificate rule', () => {
    expect(decideEligibility(base, now)).toEqual({ eligible: true, kind: 'first' });
  });

  it('refuses without a rule, then without a completion', () => {
    expect(decideEligibility({ ...base, certificateRule: false }, now)).toMatchObject({
      reason: 'no-certificate-rule',
    });
    expect(decideEligibility({ ...base, completed: false }, now)).toMatchObject({ reason: 'not-completed' });
  });

  it('gives certificates only to confirmed email addresses, first or renewal', () => {
    expect(decideEligibility({ ...base, emailVerified: false }, now)).toEqual({
      eligible: false,
      reason: 'email-not-verified',
    });
    const due = { issuedAt: now - 3 * 365 * DAY_MS, expiresAt: now + 10 * DAY_MS, revokedAt: null };
    expect(
      decideEligibility({ ...base, emailVerified: false, standing: due, lastFinalPassAt: now }, now),
    ).toMatchObject({ reason: 'email-not-verified' });
    // Not finished comes first: that is what the learner has to do next.
    expect(decideEligibility({ ...base, emailVerified: false, completed: false }, now)).toMatchObject({
      reason: 'not-completed',
    });
  });

  it('never follows a revoked certificate automatically', () => {
    const standing = { issuedAt: now - 400 * DAY_MS, expiresAt: now - DAY_MS, revokedAt: now - 10 * DAY_MS };
    expect(decideEligibility({ ...base, standing, lastFinalPassAt: now }, now)).toMatchObject({
      reason: 'revoked',
    });
  });

  it('renews only when due and the final was passed again after the issue', () => {
    const issuedAt = now - 3 * 365 * DAY_MS;
    const due = { issuedAt, expiresAt: now + 10 * DAY_MS, revokedAt: null };
    const notDue = { issuedAt, expiresAt: now + 300 * DAY_MS, revokedAt: null };
    expect(decideEligibility({ ...base, standing: notDue, lastFinalPassAt: now }, now)).toMatchObject({
      reason: 'already-certified',
    });
    expect(decideEligibility({ ...base, standing: due, lastFinalPassAt: issuedAt - 1 }, now)).toMatchObject({
      reason: 'renewal-not-completed',
    });
    expect(decideEligibility({ ...base, standing: due, lastFinalPassAt: now - DAY_MS }, now)).toEqual({
      eligible: true,
      kind: 'renewal',
    });
  });

  it('treats a certificate without expiry as held for good', () => {
    const standing = { issuedAt: now - DAY_MS, expiresAt: null, revokedAt: null };
    expect(decideEligibility({ ...base, standing, lastFinalPassAt: now }, now)).toMatchObject({
      reason: 'already-certified',
    });
  });
});
