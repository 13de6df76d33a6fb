/**
 * Proving a person reads their email address: a one-time link sent at registration (the account
 * signs in at once; certificates wait for the proof), again on request, and to the new address
 * when a learner changes it (the account keeps the old address until the link is opened; the old
 * address is then told). `user.email_verified_at` records the proof; `isEmailVerified` is the
 * rule certificate eligibility asks.
 */
import { and, eq, isNull, ne } from 'drizzle-orm';
import { emailVerification, user } from '#db/schema.ts';
import { checkEmail, normaliseEmail, type EmailProblem } from '#src/lib/account/rules.ts';
import { reserveAttempt } from '#src/lib/server/account/throttle.ts';
import type { ThrottlePolicy } from '#src/lib/server/account/throttle-policy.ts';
import { verifyCurrentPassword } from '#src/lib/server/account/user.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import { joinEmployerByVerifiedDomain } from '#src/lib/server/employer/domains.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '#src/lib/time.ts';
import { createLinkToken, linkSecretMatches, parseLinkToken } from './link-token.ts';
import { enqueueMail } from './outbox.ts';

/** A registration link works for a week; a link to a new address for a day. */
export const VERIFICATION_LINK_LIFETIME_MS = 7 * DAY_MS;
export const EMAIL_CHANGE_LINK_LIFETIME_MS = DAY_MS;

const requestPolicy: ThrottlePolicy = {
  maxFailures: 5,
  windowMs: HOUR_MS,
  baseBlockMs: 15 * MINUTE_MS,
  maxBlockMs: HOUR_MS,
};
/** Verification links a user may ask for (resends and changes of address) per hour. */
const requestKey = (userId: string) => `verify-email:user:${userId}`;

type Reader = Pick<Orm, 'select'>;

/**
 * Whether a person's email address is verified: the rule "certificates only to verified
 * addresses" asks this. Accounts made before email existed count as verified (migration 0005).
 */
export function isEmailVerified(person: { emailVerifiedAt: Date | number | null }): boolean {
  return person.emailVerifiedAt !== null;
}

/** Whether user `userId` has verified their current address (false when there is no such user). */
export async function hasVerifiedEmail(orm: Reader, userId: string): Promise<boolean> {
  const [row] = await orm
    .select({ emailVerifiedAt: user.emailVerifiedAt })
    .from(user)
    .where(eq(user.id, userId));
  return row ? isEmailVerified(row) : false;
}

export interface EmailStatus {
  email: string;
  verified: boolean;
  /** A change of address waiting for its link to be opened. */
  pendingEmail: string | null;
}

/** What the profile shows about a person's address. */
export async function getEmailStatus(orm: Reader, userId: string, now: number): Promise<EmailStatus | null> {
  const [row] = await orm
    .select({ email: user.email, emailVerifiedAt: user.emailVerifiedAt })
    .from(user)
    .where(eq(user.id, userId));
  if (!row) return null;
  const pending = await orm
    .select({ email: emailVerification.email, expiresAt: emailVerification.expiresAt })
    .from(emailVerification)
    .where(
      and(
        eq(emailVerification.userId, userId),
        eq(emailVerification.purpose, 'change'),
        isNull(emailVerification.usedAt),
      ),
    );
  const live = pending.find((item) => item.expiresAt.getTime() > now);
  return { email: row.email, verified: isEmailVerified(row), pendingEmail: live?.email ?? null };
}

/** Writes a link row and its message in the caller's transaction. */
async function insertVerification(
  tx: Pick<Orm, 'insert' | 'delete'>,
  person: { id: string; fullName: string; locale: 'en' | 'ms' },
  email: string,
  purpose: 'registration' | 'change',
  now: number,
): Promise<void> {
  const link = createLinkToken();
  const expiresAt =
    now + (purpose === 'change' ? EMAIL_CHANGE_LINK_LIFETIME_MS : VERIFICATION_LINK_LIFETIME_MS);
  // Only the newest link of each purpose works.
  await tx
    .delete(emailVerification)
    .where(
      and(
        eq(emailVerification.userId, person.id),
        eq(emailVerification.purpose, purpose),
        isNull(emailVerification.usedAt),
      ),
    );
  await tx.insert(emailVerification).values({
    id: link.id,
    userId: person.id,
    email,
    purpose,
    tokenHash: link.hash,
    createdAt: new Date(now),
    expiresAt: new Date(expiresAt),
  });
  await enqueueMail(
    tx,
    {
      kind: 'verify-email',
      to: email,
      userId: person.id,
      locale: person.locale,
      params: { fullName: person.fullName, email, purpose, expiresAt },
      secret: link.token,
      linkExpiresAt: expiresAt,
    },
    now,
  );
}

export type SendVerificationResult =
  | { ok: true; email: string }
  | { ok: false; reason: 'already-verified' | 'not-found' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Sends a link that proves the account's current address (at registration, and when the person
 * asks again). Earlier links stop working.
 */
export async function sendEmailVerification(
  db: Database,
  userId: string,
  now: number,
): Promise<SendVerificationResult> {
  const grant = await reserveAttempt(db, [{ key: requestKey(userId), policy: requestPolicy }], now);
  if (!grant.ok) return { ok: false, reason: 'throttled', retryAfterMs: grant.retryAfterMs };
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<SendVerificationResult> => {
      const [person] = await tx
        .select({
          id: user.id,
          email: user.email,
          fullName: user.fullName,
          locale: user.locale,
          emailVerifiedAt: user.emailVerifiedAt,
        })
        .from(user)
        .where(and(eq(user.id, userId), eq(user.status, 'active')));
      if (!person) return { ok: false, reason: 'not-found' };
      if (isEmailVerified(person)) return { ok: false, reason: 'already-verified' };
      await insertVerification(tx, person, person.email, 'registration', now);
      return { ok: true, email: person.email };
    }),
  );
}

export type EmailChangeErrors = Partial<{
  newEmail: EmailProblem | 'same' | 'taken';
  currentPassword: 'required' | 'wrong';
}>;

export type EmailChangeResult =
  | { ok: true; email: string }
  | { ok: false; reason: 'invalid'; errors: EmailChangeErrors }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Starts a change of address: checks the current password (throttled like sign-in), then sends
 * a link to the new address. Nothing changes until that link is opened.
 */
export async function requestEmailChange(
  db: Database,
  userId: string,
  input: { newEmail: string; currentPassword: string },
  now: number,
): Promise<EmailChangeResult> {
  const errors: EmailChangeErrors = {};
  const problem = checkEmail(input.newEmail);
  const email = normaliseEmail(input.newEmail);
  const [person] = await db.orm
    .select({ id: user.id, email: user.email, fullName: user.fullName, locale: user.locale })
    .from(user)
    .where(eq(user.id, userId));
  if (!person) throw new Error(`No user ${userId}`);
  if (problem) errors.newEmail = problem;
  else if (email === person.email) errors.newEmail = 'same';
  else {
    const [other] = await db.orm.select({ id: user.id }).from(user).where(eq(user.email, email));
    if (other) errors.newEmail = 'taken';
  }
  if (input.currentPassword === '') errors.currentPassword = 'required';
  if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };

  const checked = await verifyCurrentPassword(db, userId, input.currentPassword, now);
  if (!checked.ok) {
    if (checked.reason === 'throttled') return checked;
    return { ok: false, reason: 'invalid', errors: { currentPassword: 'wrong' } };
  }
  const grant = await reserveAttempt(db, [{ key: requestKey(userId), policy: requestPolicy }], now);
  if (!grant.ok) return { ok: false, reason: 'throttled', retryAfterMs: grant.retryAfterMs };
  await db.write((orm) => orm.transaction((tx) => insertVerification(tx, person, email, 'change', now)));
  return { ok: true, email };
}

export type VerificationProblem = 'invalid' | 'expired' | 'used';

export type VerificationCheck =
  | {
      ok: true;
      verificationId: string;
      userId: string;
      email: string;
      purpose: 'registration' | 'change';
    }
  | { ok: false; reason: VerificationProblem };

/** Whether a verification link still works (looking changes nothing: link previews use nothing up). */
export async function checkVerificationToken(
  db: Database,
  token: string,
  now: number,
): Promise<VerificationCheck> {
  const parts = parseLinkToken(token);
  if (!parts) return { ok: false, reason: 'invalid' };
  const [row] = await db.orm
    .select({
      id: emailVerification.id,
      userId: emailVerification.userId,
      email: emailVerification.email,
      purpose: emailVerification.purpose,
      tokenHash: emailVerification.tokenHash,
      expiresAt: emailVerification.expiresAt,
      usedAt: emailVerification.usedAt,
      status: user.status,
      currentEmail: user.email,
    })
    .from(emailVerification)
    .innerJoin(user, eq(user.id, emailVerification.userId))
    .where(eq(emailVerification.id, parts.id));
  if (!row || !linkSecretMatches(parts.secret, new Uint8Array(row.tokenHash)))
    return { ok: false, reason: 'invalid' };
  if (row.usedAt) return { ok: false, reason: 'used' };
  if (row.status !== 'active') return { ok: false, reason: 'invalid' };
  // A registration link proves the address it was sent to, not one the account changed to since.
  if (row.purpose === 'registration' && row.email !== row.currentEmail)
    return { ok: false, reason: 'invalid' };
  if (now >= row.expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, verificationId: row.id, userId: row.userId, email: row.email, purpose: row.purpose };
}

export type ConfirmEmailResult =
  | { ok: true; userId: string; email: string; purpose: 'registration' | 'change' }
  | { ok: false; reason: VerificationProblem | 'taken' };

/**
 * Opens a verification link: the address is marked verified, or (a change) becomes the account's
 * address and the old address is told. The link is used up by a conditional update, so two
 * submissions at once cannot both succeed.
 */
export async function confirmEmail(db: Database, token: string, now: number): Promise<ConfirmEmailResult> {
  const check = await checkVerificationToken(db, token, now);
  if (!check.ok) return check;
  try {
    return await db.write((orm) =>
      orm.transaction(async (tx): Promise<ConfirmEmailResult> => {
        const used = await tx
          .update(emailVerification)
          .set({ usedAt: new Date(now) })
          .where(and(eq(emailVerification.id, check.verificationId), isNull(emailVerification.usedAt)))
          .returning({ id: emailVerification.id });
        if (used.length === 0) return { ok: false, reason: 'used' };
        const [person] = await tx
          .select({ email: user.email, fullName: user.fullName, locale: user.locale })
          .from(user)
          .where(eq(user.id, check.userId));
        if (!person) return { ok: false, reason: 'invalid' };
        if (check.purpose === 'registration') {
          await tx
            .update(user)
            .set({ emailVerifiedAt: new Date(now) })
            .where(and(eq(user.id, check.userId), eq(user.email, check.email)));
          // Employers (issue 15): an address at an employer's verified domain joins that employer.
          await joinEmployerByVerifiedDomain(tx, { userId: check.userId, email: check.email }, now);
          return { ok: true, userId: check.userId, email: check.email, purpose: 'registration' };
        }
        const [taken] = await tx
          .select({ id: user.id })
          .from(user)
          .where(and(eq(user.email, check.email), ne(user.id, check.userId)));
        if (taken) return { ok: false, reason: 'taken' };
        await tx
          .update(user)
          .set({ email: check.email, emailVerifiedAt: new Date(now) })
          .where(eq(user.id, check.userId));
        await joinEmployerByVerifiedDomain(tx, { userId: check.userId, email: check.email }, now);
        // Links to the old address (or to other new ones) mean nothing now.
        await tx
          .delete(emailVerification)
          .where(and(eq(emailVerification.userId, check.userId), isNull(emailVerification.usedAt)));
        await enqueueMail(
          tx,
          {
            kind: 'email-changed',
            to: person.email,
            userId: check.userId,
            locale: person.locale,
            params: { fullName: person.fullName, oldEmail: person.email, newEmail: check.email },
          },
          now,
        );
        await recordAudit(tx, {
          actorId: check.userId,
          action: 'email-changed',
          subjectType: 'user',
          subjectId: check.userId,
          data: { before: person.email, after: check.email },
          at: now,
        });
        return { ok: true, userId: check.userId, email: check.email, purpose: 'change' };
      }),
    );
  } catch (error) {
    // Another account took the address between the check and the update: the unique index decides.
    const [other] = await db.orm.select({ id: user.id }).from(user).where(eq(user.email, check.email));
    if (other && other.id !== check.userId) return { ok: false, reason: 'taken' };
    throw new Error('The email address could not be confirmed', { cause: error });
  }
}
