/**
 * The steps of signing in after the password: a second factor where the person has one, the
 * mandatory MFA set-up where their role requires it and they have none, else signed in.
 */
import { requiresMfa } from '#src/lib/roles.ts';
import type { Database } from '#src/lib/server/db.ts';
import { getMfaStatus } from './mfa.ts';
import type { SignInStep } from './session.ts';

export async function stepAfterPassword(
  db: Database,
  account: { id: string; role: string },
): Promise<SignInStep> {
  const status = await getMfaStatus(db, account.id);
  if (status.enabled) return 'second-factor';
  return requiresMfa(account.role) ? 'mfa-setup' : 'signed-in';
}

/** The page of a step, carrying where to go once signed in. */
export function signInStepPath(step: Exclude<SignInStep, 'signed-in'>, next: string): string {
  const page = step === 'second-factor' ? '/sign-in/mfa' : '/sign-in/mfa-setup';
  return `${page}?next=${encodeURIComponent(next)}`;
}
