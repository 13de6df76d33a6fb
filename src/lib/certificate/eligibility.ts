/**
 * Whether a learner may be given a certificate: the one rule, pure, used by the one-learner path
 * (`checkEligibility`) and the desk's bulk queue (`listEligible`). The callers gather the facts.
 */
import { isDueForRenewal } from './status.ts';

export const ELIGIBILITY_REFUSALS = [
  'no-certificate-rule',
  'not-completed',
  'email-not-verified',
  'already-certified',
  'revoked',
  'renewal-not-completed',
] as const;
export type EligibilityRefusal = (typeof ELIGIBILITY_REFUSALS)[number];

export interface EligibilityFacts {
  /** The course has a `certificate` block. */
  certificateRule: boolean;
  /** A completion is recorded, or the published rules grant one now. */
  completed: boolean;
  /** The learner confirmed their current email address (issue 14: certificates go to verified addresses only). */
  emailVerified: boolean;
  /** The learner's standing (not superseded) certificate of the course, if any. */
  standing: { issuedAt: number; expiresAt: number | null; revokedAt: number | null } | null;
  /** When the learner last passed the course's final assessment, or null (never, or no final). */
  lastFinalPassAt: number | null;
}

export type EligibilityDecision =
  { eligible: true; kind: 'first' | 'renewal' } | { eligible: false; reason: EligibilityRefusal };

/**
 * - The course must have a certificate rule and the learner must have completed it.
 * - The learner's email address must be confirmed: a certificate (and its notice with the
 *   verification link) goes only to an address shown to be theirs.
 * - A learner who holds a certificate is eligible again only to renew it: when it is expired or
 *   expires within the renewal window, and they passed the final assessment again after it was
 *   issued. A revoked certificate is never followed automatically; an admin decides (exception).
 */
export function decideEligibility(facts: EligibilityFacts, now: number): EligibilityDecision {
  if (!facts.certificateRule) return { eligible: false, reason: 'no-certificate-rule' };
  if (!facts.completed) return { eligible: false, reason: 'not-completed' };
  if (!facts.emailVerified) return { eligible: false, reason: 'email-not-verified' };
  const { standing } = facts;
  if (!standing) return { eligible: true, kind: 'first' };
  if (standing.revokedAt !== null) return { eligible: false, reason: 'revoked' };
  if (!isDueForRenewal({ expiresAt: standing.expiresAt, revokedAt: null, supersededBy: null }, now)) {
    return { eligible: false, reason: 'already-certified' };
  }
  if (facts.lastFinalPassAt === null || facts.lastFinalPassAt <= standing.issuedAt) {
    return { eligible: false, reason: 'renewal-not-completed' };
  }
  return { eligible: true, kind: 'renewal' };
}
