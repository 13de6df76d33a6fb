/**
 * One-time password reset links that an admin makes for a user who forgot their password (the
 * admin passes the link on; it expires after 24 hours), or that the user asks for themself and
 * gets by email (src/lib/server/mail/forgot-password.ts; it expires after one hour). A link is
 * `<id>.<secret>` like a session token; only SHA-256 of the secret is stored, and it works once.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { passwordReset, session, user } from '#db/schema.ts';
import { hasRole, isAdmin, type Actor } from '#src/lib/roles.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import { generateSecureRandomString } from '#src/lib/server/ids.ts';
import { checkPasswordPolicy, hashPassword, type PasswordProblem } from './password.ts';
import { hashSecret, secretMatches } from './session-token.ts';
import {
  clearThrottle,
  getThrottleWait,
  recordThrottleFailure,
  reserveAttempt,
  throttleKeys,
} from './throttle.ts';
import { throttlePolicies } from './throttle-policy.ts';
import { DAY_MS, HOUR_MS } from '#src/lib/time.ts';

export const RESET_LINK_LIFETIME_MS = DAY_MS;
const PART_LENGTH = 24;
const partPattern = /^[a-km-z2-9]{24}$/u;

function parseResetToken(token: string): { id: string; secret: string } | null {
  if (token.length !== PART_LENGTH * 2 + 1) return null;
  const [id, secret, ...rest] = token.split('.');
  if (rest.length > 0 || !id || !secret || !partPattern.test(id) || !partPattern.test(secret)) return null;
  return { id, secret };
}

export type ResetLinkResult =
  | { ok: true; token: string; expiresAt: number; fullName: string }
  | { ok: false; reason: 'forbidden' | 'not-found' | 'deactivated' | 'target-is-admin' };

/**
 * Makes a new reset link for an active user; any earlier unused link of theirs stops working.
 * The token is returned once and never stored. Never for an admin: one admin must not be able to
 * take over another's account (an admin who forgot their password uses `npm run admin:create`,
 * or the emailed self-service reset). The caller must have re-authenticated.
 */
export async function createPasswordResetLink(
  db: Database,
  actor: Actor,
  userId: string,
  now: number,
): Promise<ResetLinkResult> {
  if (!isAdmin(actor)) return { ok: false, reason: 'forbidden' };
  const id = generateSecureRandomString(PART_LENGTH);
  const secret = generateSecureRandomString(PART_LENGTH);
  const expiresAt = now + RESET_LINK_LIFETIME_MS;
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<ResetLinkResult> => {
      const [target] = await tx
        .select({
          id: user.id,
          status: user.status,
          fullName: user.fullName,
          email: user.email,
          role: user.role,
        })
        .from(user)
        .where(eq(user.id, userId));
      if (!target) return { ok: false, reason: 'not-found' };
      if (hasRole(target, 'admin')) return { ok: false, reason: 'target-is-admin' };
      if (target.status !== 'active') return { ok: false, reason: 'deactivated' };
      await tx
        .delete(passwordReset)
        .where(and(eq(passwordReset.userId, target.id), isNull(passwordReset.usedAt)));
      await tx.insert(passwordReset).values({
        id,
        userId: target.id,
        tokenHash: Buffer.from(hashSecret(secret)),
        createdBy: actor.id,
        createdAt: new Date(now),
        expiresAt: new Date(expiresAt),
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'password-reset-link-created',
        subjectType: 'user',
        subjectId: target.id,
        data: { email: target.email, expiresAt: new Date(expiresAt).toISOString() },
        at: now,
      });
      return { ok: true, token: `${id}.${secret}`, expiresAt, fullName: target.fullName };
    }),
  );
}

export type ResetTokenProblem = 'invalid' | 'expired' | 'used';

export type ResetTokenCheck =
  | { ok: true; resetId: string; userId: string; email: string; fullName: string; expiresAt: number }
  | { ok: false; reason: ResetTokenProblem };

/** Whether a link still works (looking at it changes nothing, so link previews cannot use it up). */
export async function checkPasswordResetToken(
  db: Database,
  token: string,
  now: number,
): Promise<ResetTokenCheck> {
  const parts = parseResetToken(token);
  if (!parts) return { ok: false, reason: 'invalid' };
  const [row] = await db.orm
    .select({
      id: passwordReset.id,
      tokenHash: passwordReset.tokenHash,
      expiresAt: passwordReset.expiresAt,
      usedAt: passwordReset.usedAt,
      userId: user.id,
      email: user.email,
      fullName: user.fullName,
      status: user.status,
    })
    .from(passwordReset)
    .innerJoin(user, eq(user.id, passwordReset.userId))
    .where(eq(passwordReset.id, parts.id));
  if (!row || !secretMatches(parts.secret, new Uint8Array(row.tokenHash)))
    return { ok: false, reason: 'invalid' };
  if (row.usedAt) return { ok: false, reason: 'used' };
  if (row.status !== 'active') return { ok: false, reason: 'invalid' };
  if (now >= row.expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return {
    ok: true,
    resetId: row.id,
    userId: row.userId,
    email: row.email,
    fullName: row.fullName,
    expiresAt: row.expiresAt.getTime(),
  };
}

export type PasswordResetResult =
  | { ok: true; userId: string }
  | { ok: false; reason: ResetTokenProblem }
  | { ok: false; reason: 'password'; problem: PasswordProblem }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Looks at a link for the page that shows it, counting a wrong one against the client address
 * (a blocked address learns nothing about any link).
 */
export async function inspectPasswordResetToken(
  db: Database,
  token: string,
  context: { now: number; address: string },
): Promise<ResetTokenCheck | { ok: false; reason: 'throttled'; retryAfterMs: number }> {
  const key = throttleKeys.resetAddress(context.address);
  const wait = await getThrottleWait(db, [key], context.now);
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterMs: wait };
  const check = await checkPasswordResetToken(db, token, context.now);
  if (!check.ok && check.reason === 'invalid')
    await recordThrottleFailure(db, key, throttlePolicies.resetAddress, context.now);
  return check;
}

/**
 * Sets a new password through a reset link: the link is used up, and every session of the user
 * ends (whoever knew the old password is signed out). The link is marked used by a conditional
 * update, so two submissions at once cannot both succeed. Each submission is recorded against
 * the client address before the link is checked, and the account's sign-in throttle is cleared
 * once the owner has proved themselves this way.
 */
export async function completePasswordReset(
  db: Database,
  token: string,
  newPassword: string,
  now: number,
  address = 'unknown',
): Promise<PasswordResetResult> {
  const addressKey = throttleKeys.resetAddress(address);
  const grant = await reserveAttempt(db, [{ key: addressKey, policy: throttlePolicies.resetAddress }], now);
  if (!grant.ok) return { ok: false, reason: 'throttled', retryAfterMs: grant.retryAfterMs };
  const check = await checkPasswordResetToken(db, token, now);
  if (!check.ok) return check;
  const problem = checkPasswordPolicy(newPassword, { email: check.email, fullName: check.fullName });
  if (problem) return { ok: false, reason: 'password', problem };
  const passwordHash = await hashPassword(newPassword);
  const result = await db.write((orm) =>
    orm.transaction(async (tx): Promise<PasswordResetResult> => {
      const claimed = await tx
        .update(passwordReset)
        .set({ usedAt: new Date(now) })
        .where(and(eq(passwordReset.id, check.resetId), isNull(passwordReset.usedAt)))
        .returning({ id: passwordReset.id });
      if (claimed.length === 0) return { ok: false, reason: 'used' };
      await tx.update(user).set({ passwordHash }).where(eq(user.id, check.userId));
      const ended = await tx
        .delete(session)
        .where(eq(session.userId, check.userId))
        .returning({ id: session.id });
      await recordAudit(tx, {
        actorId: check.userId,
        action: 'password-reset-completed',
        subjectType: 'user',
        subjectId: check.userId,
        data: { email: check.email, sessionsEnded: ended.length },
        at: now,
      });
      return { ok: true, userId: check.userId };
    }),
  );
  if (result.ok) await clearThrottle(db, [addressKey, throttleKeys.account(check.email)]);
  return result;
}

/** A link the user asks for themself (forgot password) works once, for one hour. */
export const EMAILED_RESET_LINK_LIFETIME_MS = HOUR_MS;

/**
 * Makes a reset link for `userId` inside the caller's transaction, so that the email carrying it
 * is written in the same one (the outbox); any earlier unused link of theirs stops working. The
 * token is returned once and only its hash is stored. The caller checks the account is active.
 */
export async function insertEmailedResetLink(
  tx: Pick<Orm, 'insert' | 'delete'>,
  userId: string,
  now: number,
): Promise<{ token: string; expiresAt: number }> {
  const id = generateSecureRandomString(PART_LENGTH);
  const secret = generateSecureRandomString(PART_LENGTH);
  const expiresAt = now + EMAILED_RESET_LINK_LIFETIME_MS;
  await tx.delete(passwordReset).where(and(eq(passwordReset.userId, userId), isNull(passwordReset.usedAt)));
  await tx.insert(passwordReset).values({
    id,
    userId,
    tokenHash: Buffer.from(hashSecret(secret)),
    createdBy: null,
    createdAt: new Date(now),
    expiresAt: new Date(expiresAt),
  });
  return { token: `${id}.${secret}`, expiresAt };
}
