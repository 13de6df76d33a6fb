/**
 * Two-step verification: TOTP (RFC 6238: 30-second steps, 6 digits, SHA-1, as every
 * authenticator app reads it) with one-time recovery codes. Required for the roles in
 * `requiresMfa`, offered to everyone else. A code is accepted once: the last accepted time step
 * is stored and only a later step passes. Every code check is throttled per user.
 */
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { and, count, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import QRCode from 'qrcode';
import { mfaCredential, mfaRecoveryCode, session, user } from '#db/schema.ts';
import { isAdmin, requiresMfa, type Actor } from '#src/lib/roles.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database } from '#src/lib/server/db.ts';
import { generateSecureRandomString, newId } from '#src/lib/server/ids.ts';
import { MINUTE_MS } from '#src/lib/time.ts';
import { hashSecret } from './session-token.ts';
import { throttledCheck, throttleKeys } from './throttle.ts';
import { throttlePolicies } from './throttle-policy.ts';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now that still pass, for phone clocks a little off. */
const TOTP_SKEW_STEPS = 1;
const TOTP_KEY_BYTES = 20;
export const RECOVERY_CODE_COUNT = 10;
/** An unconfirmed set-up is replaced by a fresh key after this long. */
const ENROLMENT_LIFETIME_MS = 30 * MINUTE_MS;
const ISSUER = 'RTW Academy';

/** The TOTP time step of a moment. */
export function totpStep(now: number): number {
  return Math.floor(now / (TOTP_PERIOD_SECONDS * 1000));
}

/** The code an authenticator shows for `key` at `now` (seed scripts and tests use it too). */
export function totpCodeAt(key: Uint8Array, now: number): string {
  return generateHOTP(key, BigInt(totpStep(now)), TOTP_DIGITS);
}

const encoder = new TextEncoder();

/** The time step `code` belongs to, among now and one step either side after `afterStep`; or null. */
export function matchTotpStep(
  key: Uint8Array,
  code: string,
  now: number,
  afterStep: number | null,
): number | null {
  if (!/^\d{6}$/u.test(code)) return null;
  const current = totpStep(now);
  let matched: number | null = null;
  for (let step = current - TOTP_SKEW_STEPS; step <= current + TOTP_SKEW_STEPS; step++) {
    const expected = generateHOTP(key, BigInt(step), TOTP_DIGITS);
    // Every candidate is compared, so timing does not tell which step matched.
    const same = constantTimeEqual(encoder.encode(expected), encoder.encode(code));
    if (same && (afterStep === null || step > afterStep) && matched === null) matched = step;
  }
  return matched;
}

/** What people type: spaces and hyphens dropped, lower case. */
function normaliseCode(value: string): string {
  return value
    .replace(/[\s-]+/gu, '')
    .toLowerCase()
    .slice(0, 64);
}

function hashRecoveryCode(code: string): Buffer {
  return Buffer.from(hashSecret(normaliseCode(code)));
}

/** Ten new codes like `k7m2p-x9d4q` (50 bits each). */
function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = generateSecureRandomString(10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

export interface MfaStatus {
  enabled: boolean;
  enabledAt: number | null;
  recoveryCodesLeft: number;
}

export async function getMfaStatus(db: Database, userId: string): Promise<MfaStatus> {
  const [row] = await db.orm
    .select({ confirmedAt: mfaCredential.confirmedAt })
    .from(mfaCredential)
    .where(eq(mfaCredential.userId, userId));
  const confirmedAt = row?.confirmedAt?.getTime() ?? null;
  if (confirmedAt === null) return { enabled: false, enabledAt: null, recoveryCodesLeft: 0 };
  const [left] = await db.orm
    .select({ n: count() })
    .from(mfaRecoveryCode)
    .where(and(eq(mfaRecoveryCode.userId, userId), isNull(mfaRecoveryCode.usedAt)));
  return { enabled: true, enabledAt: confirmedAt, recoveryCodesLeft: left?.n ?? 0 };
}

export interface EnrolmentView {
  /** The key in base32, in groups of four, for typing into an app by hand. */
  secretText: string;
  /** The `otpauth://` address the QR code carries. */
  uri: string;
  /** The QR code as SVG markup (no inline styles, so the CSP allows it). */
  qrSvg: string;
}

export type StartEnrolmentResult =
  { ok: true; view: EnrolmentView } | { ok: false; reason: 'already-enabled' };

/**
 * The key to set up: the unconfirmed one made in the last 30 minutes, or a new one. Making one
 * changes nothing about how the person signs in until `confirmMfaEnrolment`.
 */
export async function startMfaEnrolment(
  db: Database,
  account: { id: string; email: string },
  now: number,
): Promise<StartEnrolmentResult> {
  const secret = await db.write(async (orm): Promise<Uint8Array | null> => {
    const [row] = await orm.select().from(mfaCredential).where(eq(mfaCredential.userId, account.id));
    if (row?.confirmedAt) return null;
    if (row && now - row.createdAt.getTime() < ENROLMENT_LIFETIME_MS) return new Uint8Array(row.secret);
    const key = new Uint8Array(TOTP_KEY_BYTES);
    crypto.getRandomValues(key);
    const values = {
      secret: Buffer.from(key),
      createdAt: new Date(now),
      confirmedAt: null,
      lastUsedStep: null,
    };
    await orm
      .insert(mfaCredential)
      .values({ userId: account.id, ...values })
      .onConflictDoUpdate({ target: mfaCredential.userId, set: values });
    return key;
  });
  if (!secret) return { ok: false, reason: 'already-enabled' };
  const uri = createTOTPKeyURI(ISSUER, account.email, secret, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const secretText = (encodeBase32UpperCaseNoPadding(secret).match(/.{1,4}/gu) ?? []).join(' ');
  return { ok: true, view: { secretText, uri, qrSvg } };
}

export type CodeProblem = 'invalid' | 'expired';

export type ConfirmEnrolmentResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; reason: CodeProblem }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Turns two-step verification on once the person types a code from the new key, and returns
 * ten recovery codes to show once (only their hashes are kept).
 */
export async function confirmMfaEnrolment(
  db: Database,
  userId: string,
  code: string,
  now: number,
): Promise<ConfirmEnrolmentResult> {
  const [pending] = await db.orm.select().from(mfaCredential).where(eq(mfaCredential.userId, userId));
  if (!pending || pending.confirmedAt || now - pending.createdAt.getTime() >= ENROLMENT_LIFETIME_MS)
    return { ok: false, reason: 'expired' };
  const key = new Uint8Array(pending.secret);
  const checked = await throttledCheck(
    db,
    [{ key: throttleKeys.secondFactor(userId), policy: throttlePolicies.secondFactor }],
    now,
    () => {
      const step = matchTotpStep(key, normaliseCode(code), now, null);
      return Promise.resolve({ ok: step !== null, value: step });
    },
  );
  if (!checked.ok) return checked.reason === 'throttled' ? checked : { ok: false, reason: 'invalid' };
  const recoveryCodes = newRecoveryCodes();
  const confirmed = await db.write((orm) =>
    orm.transaction(async (tx) => {
      const done = await tx
        .update(mfaCredential)
        .set({ confirmedAt: new Date(now), lastUsedStep: checked.value })
        .where(
          and(
            eq(mfaCredential.userId, userId),
            isNull(mfaCredential.confirmedAt),
            eq(mfaCredential.createdAt, pending.createdAt),
          ),
        )
        .returning({ userId: mfaCredential.userId });
      if (done.length === 0) return false;
      await tx.delete(mfaRecoveryCode).where(eq(mfaRecoveryCode.userId, userId));
      await tx.insert(mfaRecoveryCode).values(
        recoveryCodes.map((value) => ({
          id: newId(),
          userId,
          codeHash: hashRecoveryCode(value),
          createdAt: new Date(now),
        })),
      );
      await recordAudit(tx, {
        actorId: userId,
        action: 'mfa-enabled',
        subjectType: 'user',
        subjectId: userId,
        at: now,
      });
      return true;
    }),
  );
  if (!confirmed) return { ok: false, reason: 'expired' };
  return { ok: true, recoveryCodes };
}

export type SecondFactorMethod = 'totp' | 'recovery';

export type SecondFactorResult =
  | { ok: true; method: SecondFactorMethod }
  | { ok: false; reason: 'invalid' | 'not-enrolled' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Checks a code from the authenticator app or a recovery code. Each is accepted once: a TOTP
 * step must be later than the last one accepted, and a recovery code is marked used by a
 * conditional update, so two sign-ins racing with one code cannot both pass.
 */
export async function verifySecondFactor(
  db: Database,
  userId: string,
  input: { method: SecondFactorMethod; code: string },
  now: number,
): Promise<SecondFactorResult> {
  const [credential] = await db.orm.select().from(mfaCredential).where(eq(mfaCredential.userId, userId));
  if (!credential?.confirmedAt) return { ok: false, reason: 'not-enrolled' };
  const code = normaliseCode(input.code);
  const checked = await throttledCheck(
    db,
    [{ key: throttleKeys.secondFactor(userId), policy: throttlePolicies.secondFactor }],
    now,
    async () => {
      if (input.method === 'recovery') {
        if (!/^[a-km-z2-9]{10}$/u.test(code)) return { ok: false, value: null };
        const used = await db.write((orm) =>
          orm
            .update(mfaRecoveryCode)
            .set({ usedAt: new Date(now) })
            .where(
              and(
                eq(mfaRecoveryCode.userId, userId),
                eq(mfaRecoveryCode.codeHash, hashRecoveryCode(code)),
                isNull(mfaRecoveryCode.usedAt),
              ),
            )
            .returning({ id: mfaRecoveryCode.id }),
        );
        return { ok: used.length === 1, value: null };
      }
      const step = matchTotpStep(new Uint8Array(credential.secret), code, now, credential.lastUsedStep);
      if (step === null) return { ok: false, value: null };
      const claimed = await db.write((orm) =>
        orm
          .update(mfaCredential)
          .set({ lastUsedStep: step })
          .where(
            and(
              eq(mfaCredential.userId, userId),
              isNotNull(mfaCredential.confirmedAt),
              or(isNull(mfaCredential.lastUsedStep), lt(mfaCredential.lastUsedStep, step)),
            ),
          )
          .returning({ userId: mfaCredential.userId }),
      );
      return { ok: claimed.length === 1, value: null };
    },
  );
  if (checked.ok) return { ok: true, method: input.method };
  return checked.reason === 'throttled' ? checked : { ok: false, reason: 'invalid' };
}

/** Replaces the recovery codes with ten new ones (the old ones stop working). */
export async function regenerateRecoveryCodes(
  db: Database,
  userId: string,
  now: number,
): Promise<string[] | null> {
  const codes = newRecoveryCodes();
  const done = await db.write((orm) =>
    orm.transaction(async (tx) => {
      const [credential] = await tx
        .select({ confirmedAt: mfaCredential.confirmedAt })
        .from(mfaCredential)
        .where(eq(mfaCredential.userId, userId));
      if (!credential?.confirmedAt) return false;
      await tx.delete(mfaRecoveryCode).where(eq(mfaRecoveryCode.userId, userId));
      await tx.insert(mfaRecoveryCode).values(
        codes.map((value) => ({
          id: newId(),
          userId,
          codeHash: hashRecoveryCode(value),
          createdAt: new Date(now),
        })),
      );
      await recordAudit(tx, {
        actorId: userId,
        action: 'mfa-recovery-codes-replaced',
        subjectType: 'user',
        subjectId: userId,
        at: now,
      });
      return true;
    }),
  );
  return done ? codes : null;
}

export type DisableMfaResult = { ok: true } | { ok: false; reason: 'required-for-role' | 'not-enrolled' };

/** The person turns their own two-step verification off (not allowed where the role requires it). */
export async function disableOwnMfa(db: Database, userId: string, now: number): Promise<DisableMfaResult> {
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<DisableMfaResult> => {
      const [owner] = await tx.select({ role: user.role }).from(user).where(eq(user.id, userId));
      if (!owner) return { ok: false, reason: 'not-enrolled' };
      if (requiresMfa(owner.role)) return { ok: false, reason: 'required-for-role' };
      const removed = await tx
        .delete(mfaCredential)
        .where(and(eq(mfaCredential.userId, userId), isNotNull(mfaCredential.confirmedAt)))
        .returning({ userId: mfaCredential.userId });
      if (removed.length === 0) return { ok: false, reason: 'not-enrolled' };
      await tx.delete(mfaRecoveryCode).where(eq(mfaRecoveryCode.userId, userId));
      await recordAudit(tx, {
        actorId: userId,
        action: 'mfa-disabled',
        subjectType: 'user',
        subjectId: userId,
        at: now,
      });
      return { ok: true };
    }),
  );
}

export type ResetMfaResult =
  | { ok: true; fullName: string; sessionsEnded: number }
  | { ok: false; reason: 'forbidden' | 'not-found' | 'self' | 'not-enrolled' };

/**
 * An admin clears another person's two-step verification (lost phone and recovery codes). Every
 * session of theirs ends; at the next sign-in they set it up again (at once, where their role
 * requires it). The caller must have re-authenticated; the audit entry records who and why.
 */
export async function resetUserMfa(
  db: Database,
  actor: Actor,
  input: { userId: string; reason: string },
  now: number,
): Promise<ResetMfaResult> {
  if (!isAdmin(actor)) return { ok: false, reason: 'forbidden' };
  if (input.userId === actor.id) return { ok: false, reason: 'self' };
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<ResetMfaResult> => {
      const [target] = await tx
        .select({ id: user.id, email: user.email, fullName: user.fullName })
        .from(user)
        .where(eq(user.id, input.userId));
      if (!target) return { ok: false, reason: 'not-found' };
      const removed = await tx
        .delete(mfaCredential)
        .where(and(eq(mfaCredential.userId, target.id), isNotNull(mfaCredential.confirmedAt)))
        .returning({ userId: mfaCredential.userId });
      if (removed.length === 0) return { ok: false, reason: 'not-enrolled' };
      await tx.delete(mfaRecoveryCode).where(eq(mfaRecoveryCode.userId, target.id));
      const ended = await tx
        .delete(session)
        .where(eq(session.userId, target.id))
        .returning({ id: session.id });
      const reason = input.reason.trim().slice(0, 500);
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'mfa-reset',
        subjectType: 'user',
        subjectId: target.id,
        data: { email: target.email, sessionsEnded: ended.length, ...(reason ? { reason } : {}) },
        at: now,
      });
      return { ok: true, fullName: target.fullName, sessionsEnded: ended.length };
    }),
  );
}
