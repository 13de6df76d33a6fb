/**
 * Security hardening (issue 18) on a real migrated database: no hard lockout of the owner,
 * throttled password checks for signed-in users, TOTP two-step verification with one-time codes,
 * re-authentication, staff session lifetimes, and the admin-only operations around them.
 */
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvent, mfaCredential, session, user } from '#db/schema.ts';
import type { Role } from '#src/lib/roles.ts';
import { findKnownDevice, rememberDevice } from '#src/lib/server/account/known-device.ts';
import {
  confirmMfaEnrolment,
  disableOwnMfa,
  getMfaStatus,
  regenerateRecoveryCodes,
  resetUserMfa,
  startMfaEnrolment,
  totpCodeAt,
  verifySecondFactor,
} from '#src/lib/server/account/mfa.ts';
import { completePasswordReset, createPasswordResetLink } from '#src/lib/server/account/password-reset.ts';
import {
  createSession,
  invalidateOtherSessions,
  isRecentlyAuthenticated,
  listUserSessions,
  markReauthenticated,
  REAUTHENTICATION_WINDOW_MS,
  SECOND_FACTOR_TIMEOUT_MS,
  validateSessionToken,
} from '#src/lib/server/account/session.ts';
import { stepAfterPassword } from '#src/lib/server/account/sign-in.ts';
import {
  authenticate,
  changePassword,
  registerUser,
  verifyCurrentPassword,
} from '#src/lib/server/account/user.ts';
import { HOUR_MS, MINUTE_MS } from '#src/lib/time.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';

let test: TestDatabase;
beforeEach(async () => {
  test = await createTestDb();
});
afterEach(() => test.cleanup());

const t0 = Date.UTC(2026, 10, 1, 9, 0, 0);
const password = 'teh-tarik-kurang-manis';

async function account(email: string, role: Role = 'learner', fullName = 'Siti Nur Aisyah binti Abdullah') {
  const result = await registerUser(
    test.db,
    { fullName, email, password },
    { now: t0, address: `10.200.0.${email.length}` },
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  if (role !== 'learner')
    await test.db.write((orm) => orm.update(user).set({ role }).where(eq(user.id, result.user.id)));
  return { ...result.user, role };
}

/** Sets up two-step verification as a person would: start, read the key, type a code. */
async function enrol(userId: string, email: string, now = t0) {
  const started = await startMfaEnrolment(test.db, { id: userId, email }, now);
  if (!started.ok) throw new Error('already enrolled');
  const key = decodeBase32IgnorePadding(started.view.secretText.replaceAll(' ', ''));
  const confirmed = await confirmMfaEnrolment(test.db, userId, totpCodeAt(key, now), now);
  if (!confirmed.ok) throw new Error(JSON.stringify(confirmed));
  return { key, recoveryCodes: confirmed.recoveryCodes, started };
}

describe('sign-in throttle without a hard lockout', () => {
  it('holds a stranger after 5 wrong passwords but lets the owner in from a known device', async () => {
    const owner = await account('aisyah@example.my');
    const device = await rememberDevice(test.db, owner.id, null, t0);
    for (let i = 0; i < 5; i++) {
      await authenticate(
        test.db,
        { email: owner.email, password: 'guess' },
        { now: t0 + i, address: `203.0.113.${i}` },
      );
    }
    const stranger = await authenticate(
      test.db,
      { email: owner.email, password },
      { now: t0 + 10, address: '198.51.100.9' },
    );
    expect(stranger).toMatchObject({ ok: false, reason: 'throttled' });
    const fromOwnDevice = await authenticate(
      test.db,
      { email: owner.email, password },
      { now: t0 + 10, address: '198.51.100.9', deviceToken: device.token },
    );
    expect(fromOwnDevice.ok).toBe(true);
  });

  it('never makes anyone wait more than 15 minutes, however many attempts strangers make', async () => {
    const owner = await account('aisyah@example.my');
    let now = t0;
    let longest = 0;
    for (let i = 0; i < 40; i++) {
      const result = await authenticate(
        test.db,
        { email: owner.email, password: 'guess' },
        { now, address: `203.0.113.${i}` },
      );
      if (!result.ok && result.reason === 'throttled') {
        longest = Math.max(longest, result.retryAfterMs);
        now += result.retryAfterMs;
      } else now += 1;
    }
    expect(longest).toBeLessThanOrEqual(15 * MINUTE_MS);
    expect(
      (
        await authenticate(
          test.db,
          { email: owner.email, password },
          { now: now + 15 * MINUTE_MS, address: '192.0.2.1' },
        )
      ).ok,
    ).toBe(true);
  });

  it('gives a stolen device cookie no more guesses than the device throttle allows', async () => {
    const owner = await account('aisyah@example.my');
    const device = await rememberDevice(test.db, owner.id, null, t0);
    const results = [];
    for (let i = 0; i < 7; i++) {
      results.push(
        await authenticate(
          test.db,
          { email: owner.email, password: `guess-${i}` },
          { now: t0 + i, address: '203.0.113.5', deviceToken: device.token },
        ),
      );
    }
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(5);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('does not treat another account’s device cookie as known', async () => {
    const owner = await account('aisyah@example.my');
    const other = await account('tan@example.my');
    const device = await rememberDevice(test.db, other.id, null, t0);
    expect(await findKnownDevice(test.db, device.token, owner.id, t0)).toBeNull();
    expect(await findKnownDevice(test.db, device.token, other.id, t0)).not.toBeNull();
  });
});

describe('password checks of signed-in users', () => {
  it('throttles the current password on the change-password form', async () => {
    const owner = await account('aisyah@example.my');
    const answers = [];
    for (let i = 0; i < 6; i++) {
      answers.push(
        await changePassword(
          test.db,
          owner.id,
          { currentPassword: `guess-${i}`, newPassword: 'nasi-lemak-sambal' },
          t0 + i,
        ),
      );
    }
    expect(answers.slice(0, 5).every((a) => !a.ok && a.reason === 'invalid')).toBe(true);
    expect(answers[5]).toMatchObject({ ok: false, reason: 'throttled' });
    // Even the right password waits now: a stolen session cannot keep guessing.
    expect(await verifyCurrentPassword(test.db, owner.id, password, t0 + 10)).toMatchObject({
      reason: 'throttled',
    });
    expect(await verifyCurrentPassword(test.db, owner.id, password, t0 + 16 * MINUTE_MS)).toEqual({
      ok: true,
    });
  });

  it('refuses new passwords an estimator scores below 3, with the person’s name and the app’s words as known', async () => {
    const owner = await account('aisyah@example.my');
    for (const weak of ['aaaaaaaa', 'rtwacademy', 'rtw-academy', 'aisyah-abdullah-2026']) {
      const result = await changePassword(
        test.db,
        owner.id,
        { currentPassword: password, newPassword: weak },
        t0,
      );
      expect(result.ok, weak).toBe(false);
    }
  });
});

describe('two-step verification', () => {
  it('is set up with a confirm step and ten recovery codes, and each code works once', async () => {
    const owner = await account('aisyah@example.my');
    expect(await stepAfterPassword(test.db, owner)).toBe('signed-in');
    const { key, recoveryCodes } = await enrol(owner.id, owner.email);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await getMfaStatus(test.db, owner.id)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect(await stepAfterPassword(test.db, owner)).toBe('second-factor');

    const later = t0 + 60_000;
    const code = totpCodeAt(key, later);
    expect(await verifySecondFactor(test.db, owner.id, { method: 'totp', code }, later)).toEqual({
      ok: true,
      method: 'totp',
    });
    // The same code again (a replay) is refused.
    expect(await verifySecondFactor(test.db, owner.id, { method: 'totp', code }, later + 1000)).toMatchObject(
      { ok: false, reason: 'invalid' },
    );

    const [first] = recoveryCodes;
    expect(
      await verifySecondFactor(
        test.db,
        owner.id,
        { method: 'recovery', code: ` ${first?.toUpperCase()} ` },
        later,
      ),
    ).toMatchObject({ ok: true });
    expect(
      await verifySecondFactor(test.db, owner.id, { method: 'recovery', code: first ?? '' }, later),
    ).toMatchObject({ ok: false, reason: 'invalid' });
    expect((await getMfaStatus(test.db, owner.id)).recoveryCodesLeft).toBe(9);
    // Only hashes are stored.
    const [stored] = await test.db.orm.select().from(mfaCredential).where(eq(mfaCredential.userId, owner.id));
    expect(stored?.confirmedAt).not.toBeNull();
  });

  it('refuses a wrong first code and throttles code guessing', async () => {
    const owner = await account('aisyah@example.my');
    await startMfaEnrolment(test.db, owner, t0);
    expect(await confirmMfaEnrolment(test.db, owner.id, '000000', t0)).toMatchObject({ ok: false });
    const { key } = await enrol(owner.id, owner.email, t0 + 1);
    const answers = [];
    for (let i = 0; i < 6; i++)
      answers.push(
        await verifySecondFactor(test.db, owner.id, { method: 'totp', code: '123456' }, t0 + 100 + i),
      );
    expect(answers[5]).toMatchObject({ ok: false, reason: 'throttled' });
    // Even the right code waits until the block ends.
    expect(
      await verifySecondFactor(
        test.db,
        owner.id,
        { method: 'totp', code: totpCodeAt(key, t0 + 200) },
        t0 + 200,
      ),
    ).toMatchObject({ reason: 'throttled' });
  });

  it('is required for admins: the first sign-in goes to the set-up, and an admin cannot turn it off', async () => {
    const admin = await account('nurul@example.my', 'admin');
    expect(await stepAfterPassword(test.db, admin)).toBe('mfa-setup');
    const pending = await createSession(test.db, admin.id, t0, { mfaPending: true });
    expect((await validateSessionToken(test.db, pending.token, t0 + 1000))?.step).toBe('mfa-setup');
    await enrol(admin.id, admin.email);
    expect((await validateSessionToken(test.db, pending.token, t0 + 2000))?.step).toBe('second-factor');
    expect(await validateSessionToken(test.db, pending.token, t0 + SECOND_FACTOR_TIMEOUT_MS)).toBeNull();
    expect(await disableOwnMfa(test.db, admin.id, t0)).toEqual({ ok: false, reason: 'required-for-role' });
    const learner = await account('aisyah@example.my');
    await enrol(learner.id, learner.email);
    expect(await disableOwnMfa(test.db, learner.id, t0)).toEqual({ ok: true });
    expect(await regenerateRecoveryCodes(test.db, learner.id, t0)).toBeNull();
  });

  it('can be reset by another admin, who is audited, and the person is signed out', async () => {
    const admin = await account('nurul@example.my', 'admin');
    const trainer = await account('rajesh@example.my', 'trainer', 'Rajesh a/l Subramaniam');
    await enrol(trainer.id, trainer.email);
    await createSession(test.db, trainer.id, t0);
    expect(await resetUserMfa(test.db, trainer, { userId: admin.id, reason: '' }, t0)).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(await resetUserMfa(test.db, admin, { userId: admin.id, reason: '' }, t0)).toEqual({
      ok: false,
      reason: 'self',
    });
    const reset = await resetUserMfa(
      test.db,
      admin,
      { userId: trainer.id, reason: 'Lost phone, checked by call' },
      t0,
    );
    expect(reset).toMatchObject({ ok: true, sessionsEnded: 1 });
    expect((await getMfaStatus(test.db, trainer.id)).enabled).toBe(false);
    const [entry] = await test.db.orm
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'mfa-reset'), eq(auditEvent.subjectId, trainer.id)));
    expect(entry).toMatchObject({
      actorId: admin.id,
      data: { reason: 'Lost phone, checked by call', sessionsEnded: 1 },
    });
  });
});

describe('sessions', () => {
  it('last 2 hours idle and 12 hours at most for staff, and as before for learners', async () => {
    const trainer = await account('rajesh@example.my', 'trainer');
    const learner = await account('aisyah@example.my');
    const staff = await createSession(test.db, trainer.id, t0);
    expect(staff.session.expiresAt).toBe(t0 + 2 * HOUR_MS);
    expect(await validateSessionToken(test.db, staff.token, t0 + 2 * HOUR_MS)).toBeNull();
    const busy = await createSession(test.db, trainer.id, t0);
    for (let now = t0 + HOUR_MS; now < t0 + 12 * HOUR_MS; now += HOUR_MS) {
      expect(await validateSessionToken(test.db, busy.token, now)).not.toBeNull();
    }
    expect(await validateSessionToken(test.db, busy.token, t0 + 12 * HOUR_MS)).toBeNull();
    const own = await createSession(test.db, learner.id, t0);
    expect(await validateSessionToken(test.db, own.token, t0 + 9 * 24 * HOUR_MS)).not.toBeNull();
  });

  it('count as recently authenticated for 10 minutes after sign-in or re-authentication', async () => {
    const admin = await account('nurul@example.my', 'admin');
    const { token } = await createSession(test.db, admin.id, t0);
    const fresh = await validateSessionToken(test.db, token, t0 + 1000);
    expect(fresh && isRecentlyAuthenticated(fresh.session, t0 + REAUTHENTICATION_WINDOW_MS)).toBe(true);
    expect(fresh && isRecentlyAuthenticated(fresh.session, t0 + REAUTHENTICATION_WINDOW_MS + 1)).toBe(false);
    await markReauthenticated(test.db, fresh?.session.id ?? '', t0 + HOUR_MS);
    const again = await validateSessionToken(test.db, token, t0 + HOUR_MS + 1000);
    expect(again && isRecentlyAuthenticated(again.session, t0 + HOUR_MS + 1000)).toBe(true);
  });

  it('are listed without half-finished sign-ins, and "everywhere else" keeps this one', async () => {
    const owner = await account('aisyah@example.my');
    const here = await createSession(
      test.db,
      owner.id,
      t0,
      'Mozilla/5.0 (Windows NT 10.0) Chrome/130.0 Safari/537.36',
    );
    await createSession(test.db, owner.id, t0, 'Mozilla/5.0 (iPhone) Version/18.0 Safari/604.1');
    await createSession(test.db, owner.id, t0, { mfaPending: true });
    expect(await listUserSessions(test.db, owner.id, t0)).toHaveLength(2);
    expect(await invalidateOtherSessions(test.db, owner.id, here.session.id)).toBe(2);
    const left = await test.db.orm
      .select({ id: session.id })
      .from(session)
      .where(eq(session.userId, owner.id));
    expect(left).toEqual([{ id: here.session.id }]);
  });
});

describe('reset links', () => {
  it('cannot be made for an admin, and are throttled per address', async () => {
    const admin = await account('nurul@example.my', 'admin');
    const other = await account('huda@example.my', 'admin');
    const learner = await account('aisyah@example.my');
    expect(await createPasswordResetLink(test.db, admin, other.id, t0)).toEqual({
      ok: false,
      reason: 'target-is-admin',
    });
    expect(await createPasswordResetLink(test.db, admin, admin.id, t0)).toEqual({
      ok: false,
      reason: 'target-is-admin',
    });
    expect((await createPasswordResetLink(test.db, admin, learner.id, t0)).ok).toBe(true);
    const answers = [];
    for (let i = 0; i < 11; i++)
      answers.push(
        await completePasswordReset(test.db, `nope.${i}`, 'nasi-lemak-sambal', t0 + i, '203.0.113.7'),
      );
    expect(answers[9]).toMatchObject({ ok: false, reason: 'invalid' });
    expect(answers[10]).toMatchObject({ ok: false, reason: 'throttled' });
  });
});
