import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { session, user } from '#db/schema.ts';
import { hasRole } from '#src/lib/roles.ts';
import {
  createSession,
  invalidateUserSessions,
  SESSION_ABSOLUTE_LIFETIME_MS,
  SESSION_ACTIVITY_CHECK_INTERVAL_MS,
  SESSION_INACTIVITY_TIMEOUT_MS,
  validateSessionToken,
} from '#src/lib/server/account/session.ts';
import { authenticate, changePassword, registerUser, updateProfile } from '#src/lib/server/account/user.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';

let test: TestDatabase;
beforeEach(async () => {
  test = await createTestDb();
});
afterEach(() => test.cleanup());

const t0 = Date.UTC(2026, 10, 1, 9, 0, 0);
const base = {
  fullName: 'Siti Nur Aisyah binti Abdullah',
  email: 'Aisyah@Example.my',
  password: 'teh-tarik-kurang-manis',
};
const context = (address = '10.0.0.1', now = t0) => ({ now, address });

async function registered() {
  const result = await registerUser(test.db, base, context());
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.user;
}

describe('registration', () => {
  it('creates a learner, with the email normalised', async () => {
    const created = await registered();
    expect(created).toMatchObject({ email: 'aisyah@example.my', role: 'learner', status: 'active' });
  });

  it('refuses a duplicate email, whatever its case', async () => {
    await registered();
    const again = await registerUser(test.db, { ...base, email: 'AISYAH@example.MY' }, context('10.0.0.3'));
    expect(again).toMatchObject({ ok: false, reason: 'invalid', errors: { email: 'taken' } });
  });

  it('reports every problem at once', async () => {
    const result = await registerUser(
      test.db,
      { fullName: '', email: 'not-an-email', password: 'password' },
      context(),
    );
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { fullName: 'required', email: 'invalid', password: 'common' },
    });
  });

  it('stores hostile text as text', async () => {
    const name = `<script>alert(1)</script>'); DROP TABLE user;-- 🙂`;
    const result = await registerUser(test.db, { ...base, fullName: name }, context());
    expect(result.ok && result.user.fullName).toBe(name);
  });

  it('is throttled per client address', async () => {
    let last;
    for (let i = 0; i < 11; i++) {
      last = await registerUser(test.db, { ...base, email: `u${i}@example.my` }, context('10.9.9.9', t0 + i));
    }
    expect(last).toMatchObject({ ok: false, reason: 'throttled' });
    const other = await registerUser(test.db, { ...base, email: 'other@example.my' }, context('10.9.9.8'));
    expect(other.ok).toBe(true);
  });
});

describe('sign in', () => {
  it('accepts the right password and any case of the email', async () => {
    await registered();
    const result = await authenticate(
      test.db,
      { email: ' AISYAH@example.my', password: base.password },
      context(),
    );
    expect(result.ok).toBe(true);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    await registered();
    expect(await authenticate(test.db, { email: base.email, password: 'wrong-password' }, context())).toEqual(
      {
        ok: false,
        reason: 'invalid',
      },
    );
    expect(await authenticate(test.db, { email: 'nobody@example.my', password: 'x' }, context())).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('holds an account after 5 wrong passwords from unknown clients, even with the right one, until the wait ends', async () => {
    await registered();
    for (let i = 0; i < 5; i++) {
      await authenticate(test.db, { email: base.email, password: 'wrong' }, context(`10.1.0.${i}`, t0 + i));
    }
    const blocked = await authenticate(
      test.db,
      { email: base.email, password: base.password },
      context('10.2.0.1', t0 + 10),
    );
    expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
    if (!blocked.ok && blocked.reason === 'throttled') expect(blocked.retryAfterMs).toBeGreaterThan(0);
    const later = await authenticate(
      test.db,
      { email: base.email, password: base.password },
      context('10.2.0.1', t0 + 61 * 60_000),
    );
    expect(later.ok).toBe(true);
  });

  it('blocks a client address that tries many accounts', async () => {
    for (let i = 0; i < 20; i++) {
      await authenticate(
        test.db,
        { email: `guess${i}@example.my`, password: 'x' },
        context('10.3.3.3', t0 + i),
      );
    }
    const result = await authenticate(
      test.db,
      { email: 'another@example.my', password: 'x' },
      context('10.3.3.3', t0 + 30),
    );
    expect(result).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('refuses a deactivated account', async () => {
    const created = await registered();
    await test.db.write((orm) =>
      orm.update(user).set({ status: 'deactivated' }).where(eq(user.id, created.id)),
    );
    expect(await authenticate(test.db, { email: base.email, password: base.password }, context())).toEqual({
      ok: false,
      reason: 'deactivated',
    });
  });
});

describe('sessions', () => {
  it('validate, store only the hash, and end when all of the user’s sessions end', async () => {
    const created = await registered();
    const { token } = await createSession(test.db, created.id, t0);
    const [row] = await test.db.orm.select().from(session);
    expect(row?.secretHash.byteLength).toBe(32);
    expect(token.includes(Buffer.from(row!.secretHash).toString('hex'))).toBe(false);
    const valid = await validateSessionToken(test.db, token, t0 + 1000);
    expect(valid?.user).toMatchObject({ id: created.id, fullName: base.fullName, role: 'learner' });
    const second = await createSession(test.db, created.id, t0);
    await invalidateUserSessions(test.db, created.id);
    expect(await validateSessionToken(test.db, token, t0 + 2000)).toBeNull();
    expect(await validateSessionToken(test.db, second.token, t0 + 2000)).toBeNull();
  });

  it('reject a tampered secret', async () => {
    const created = await registered();
    const { token } = await createSession(test.db, created.id, t0);
    const tampered = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
    expect(await validateSessionToken(test.db, tampered, t0)).toBeNull();
    expect(await validateSessionToken(test.db, `${token.split('.')[0]}.`, t0)).toBeNull();
  });

  it('slide the inactivity expiry at most once per interval', async () => {
    const created = await registered();
    const { token } = await createSession(test.db, created.id, t0);
    const soon = await validateSessionToken(test.db, token, t0 + SESSION_ACTIVITY_CHECK_INTERVAL_MS - 1);
    expect(soon?.session.renewed).toBe(false);
    const later = t0 + SESSION_ACTIVITY_CHECK_INTERVAL_MS + 1;
    const slid = await validateSessionToken(test.db, token, later);
    expect(slid?.session.renewed).toBe(true);
    expect(slid?.session.expiresAt).toBe(later + SESSION_INACTIVITY_TIMEOUT_MS);
  });

  it('expire after the inactivity timeout', async () => {
    const created = await registered();
    const { token } = await createSession(test.db, created.id, t0);
    expect(await validateSessionToken(test.db, token, t0 + SESSION_INACTIVITY_TIMEOUT_MS - 1)).not.toBeNull();
    const { token: other } = await createSession(test.db, created.id, t0);
    expect(await validateSessionToken(test.db, other, t0 + SESSION_INACTIVITY_TIMEOUT_MS)).toBeNull();
    expect(await test.db.orm.select().from(session).where(eq(session.userId, created.id))).toHaveLength(1);
  });

  it('expire at the absolute lifetime even when used every day', async () => {
    const created = await registered();
    const { token } = await createSession(test.db, created.id, t0);
    const day = 24 * 3600_000;
    for (let now = t0 + day; now < t0 + SESSION_ABSOLUTE_LIFETIME_MS; now += day) {
      expect(await validateSessionToken(test.db, token, now)).not.toBeNull();
    }
    expect(await validateSessionToken(test.db, token, t0 + SESSION_ABSOLUTE_LIFETIME_MS)).toBeNull();
  });

  it('end when the user is deactivated', async () => {
    const created = await registered();
    const { token } = await createSession(test.db, created.id, t0);
    await test.db.write((orm) =>
      orm.update(user).set({ status: 'deactivated' }).where(eq(user.id, created.id)),
    );
    expect(await validateSessionToken(test.db, token, t0 + 1)).toBeNull();
  });
});

describe('profile', () => {
  it('changes name and language', async () => {
    const created = await registered();
    expect(
      await updateProfile(test.db, created.id, { fullName: 'Kavitha a/p Ramasamy', locale: 'ms' }),
    ).toEqual({ ok: true });
    const { token } = await createSession(test.db, created.id, t0);
    const valid = await validateSessionToken(test.db, token, t0);
    expect(valid?.user).toMatchObject({ fullName: 'Kavitha a/p Ramasamy', locale: 'ms' });
    expect(await updateProfile(test.db, created.id, { fullName: '', locale: 'fr' })).toEqual({
      ok: false,
      errors: { fullName: 'required', locale: 'invalid' },
    });
  });

  it('changes the password only with the current one', async () => {
    const created = await registered();
    expect(
      await changePassword(test.db, created.id, {
        currentPassword: 'wrong',
        newPassword: 'nasi-lemak-sambal',
      }),
    ).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { currentPassword: 'wrong' },
    });
    expect(
      await changePassword(test.db, created.id, {
        currentPassword: base.password,
        newPassword: 'nasi-lemak-sambal',
      }),
    ).toEqual({ ok: true });
    expect(
      (await authenticate(test.db, { email: base.email, password: 'nasi-lemak-sambal' }, context())).ok,
    ).toBe(true);
  });
});

describe('roles', () => {
  it('rank learner < trainer < admin', () => {
    expect(hasRole({ role: 'learner' }, 'learner')).toBe(true);
    expect(hasRole({ role: 'learner' }, 'trainer')).toBe(false);
    expect(hasRole({ role: 'trainer' }, 'trainer')).toBe(true);
    expect(hasRole({ role: 'trainer' }, 'admin')).toBe(false);
    expect(hasRole({ role: 'admin' }, 'trainer')).toBe(true);
    expect(hasRole({ role: 'admin' }, 'admin')).toBe(true);
  });
});
