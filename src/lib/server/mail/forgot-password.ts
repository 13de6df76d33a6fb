/**
 * "Forgot your password?": a one-time link, valid for one hour, sent to the account's address.
 * The answer is the same whether or not the address has an account, and requests are throttled
 * per client address and per email address (every request counts), so the form can neither
 * tell who has an account nor flood anyone's mailbox.
 */
import { and, eq } from 'drizzle-orm';
import { user } from '#db/schema.ts';
import { checkEmail, normaliseEmail, type EmailProblem } from '#src/lib/account/rules.ts';
import { insertEmailedResetLink } from '#src/lib/server/account/password-reset.ts';
import { reserveAttempt } from '#src/lib/server/account/throttle.ts';
import type { ThrottlePolicy } from '#src/lib/server/account/throttle-policy.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database } from '#src/lib/server/db.ts';
import { HOUR_MS, MINUTE_MS } from '#src/lib/time.ts';
import { enqueueMail } from './outbox.ts';

export const forgotPasswordPolicies = {
  /** Requests from one client address, whatever the email. */
  address: { maxFailures: 10, windowMs: HOUR_MS, baseBlockMs: 15 * MINUTE_MS, maxBlockMs: HOUR_MS },
  /** Requests for one email address, from anywhere: at most three links an hour reach a mailbox. */
  email: { maxFailures: 3, windowMs: HOUR_MS, baseBlockMs: 20 * MINUTE_MS, maxBlockMs: HOUR_MS },
} as const satisfies Record<string, ThrottlePolicy>;

export const forgotPasswordKeys = {
  address: (address: string): string => `forgot:address:${address}`,
  email: (email: string): string => `forgot:email:${email}`,
};

export type ForgotPasswordResult =
  | { ok: true; email: string }
  | { ok: false; reason: 'invalid'; problem: EmailProblem }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Sends a reset link to `email` if it belongs to an active account: the link and its message
 * are written in one transaction. Returns `ok` either way.
 */
export async function requestPasswordReset(
  db: Database,
  input: { email: string },
  context: { now: number; address: string },
): Promise<ForgotPasswordResult> {
  const problem = checkEmail(input.email);
  if (problem) return { ok: false, reason: 'invalid', problem };
  const email = normaliseEmail(input.email);
  const grant = await reserveAttempt(
    db,
    [
      { key: forgotPasswordKeys.address(context.address), policy: forgotPasswordPolicies.address },
      { key: forgotPasswordKeys.email(email), policy: forgotPasswordPolicies.email },
    ],
    context.now,
  );
  if (!grant.ok) return { ok: false, reason: 'throttled', retryAfterMs: grant.retryAfterMs };

  await db.write((orm) =>
    orm.transaction(async (tx) => {
      const [account] = await tx
        .select({ id: user.id, fullName: user.fullName, locale: user.locale })
        .from(user)
        .where(and(eq(user.email, email), eq(user.status, 'active')));
      if (!account) return;
      const link = await insertEmailedResetLink(tx, account.id, context.now);
      await enqueueMail(
        tx,
        {
          kind: 'password-reset',
          to: email,
          userId: account.id,
          locale: account.locale,
          params: { fullName: account.fullName, email, expiresAt: link.expiresAt },
          secret: link.token,
          linkExpiresAt: link.expiresAt,
        },
        context.now,
      );
      await recordAudit(tx, {
        actorId: account.id,
        action: 'password-reset-emailed',
        subjectType: 'user',
        subjectId: account.id,
        data: { expiresAt: new Date(link.expiresAt).toISOString() },
        at: context.now,
      });
    }),
  );
  return { ok: true, email };
}
