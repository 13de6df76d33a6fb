import { eq } from 'drizzle-orm';
import { user, type Locale } from '#db/schema.ts';
import type { Role } from '#src/lib/roles.ts';
import {
  checkEmail,
  checkFullName,
  cleanText,
  normaliseEmail,
  type EmailProblem,
  type NameProblem,
} from '#src/lib/account/rules.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database } from '#src/lib/server/db.ts';
import { newId } from '#src/lib/server/ids.ts';
import { findOrCreateOrganisation } from '#src/lib/server/employer/directory.ts';
import { findEmployerByJoinCode } from '#src/lib/server/employer/join-code.ts';
import { checkPasswordPolicy, hashPassword, verifyPassword, type PasswordProblem } from './password.ts';
import { findKnownDevice } from './known-device.ts';
import {
  clearThrottle,
  reserveAttempt,
  throttledCheck,
  throttleKeys,
  type ThrottleRule,
} from './throttle.ts';
import { throttlePolicies } from './throttle-policy.ts';

export interface UserRecord {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  locale: Locale;
  /** The employer; null for an independent learner. */
  organisationId: string | null;
  status: 'active' | 'deactivated';
  createdAt: Date;
  lastActiveAt: Date | null;
}

const userColumns = {
  id: user.id,
  email: user.email,
  fullName: user.fullName,
  role: user.role,
  locale: user.locale,
  organisationId: user.organisationId,
  status: user.status,
  createdAt: user.createdAt,
  lastActiveAt: user.lastActiveAt,
};

export async function getUserById(db: Database, id: string): Promise<UserRecord | null> {
  const [row] = await db.orm.select(userColumns).from(user).where(eq(user.id, id));
  return row ?? null;
}

export async function getUserByEmail(db: Database, email: string): Promise<UserRecord | null> {
  const [row] = await db.orm
    .select(userColumns)
    .from(user)
    .where(eq(user.email, normaliseEmail(email)));
  return row ?? null;
}

export interface RegistrationInput {
  fullName: string;
  email: string;
  password: string;
  /**
   * The employer the account joins when already decided (an invitation's); otherwise the one
   * `joinCode` names; otherwise none: an independent learner. Registration never creates an
   * employer (only admins do).
   */
  organisationId?: string | null;
  /** A join code as typed, '' or absent when none was given. */
  joinCode?: string;
  locale?: Locale;
}

export type RegistrationErrors = Partial<{
  fullName: NameProblem;
  email: EmailProblem | 'taken';
  password: PasswordProblem;
  joinCode: 'unknown';
}>;

export type RegistrationResult =
  | { ok: true; user: UserRecord }
  | { ok: false; reason: 'invalid'; errors: RegistrationErrors }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

/** Creates a learner account: under an employer (an invitation's, a join code's) or independent. */
export async function registerUser(
  db: Database,
  input: RegistrationInput,
  context: { now: number; address: string },
): Promise<RegistrationResult> {
  const throttleKey = throttleKeys.register(context.address);
  // Every registration counts (recorded atomically before anything else is checked).
  const grant = await reserveAttempt(
    db,
    [{ key: throttleKey, policy: throttlePolicies.registerAddress }],
    context.now,
  );
  if (!grant.ok) return { ok: false, reason: 'throttled', retryAfterMs: grant.retryAfterMs };

  const errors: RegistrationErrors = {};
  const fullNameProblem = checkFullName(input.fullName);
  if (fullNameProblem) errors.fullName = fullNameProblem;
  const emailProblem = checkEmail(input.email);
  if (emailProblem) errors.email = emailProblem;
  const email = normaliseEmail(input.email);
  const passwordProblem = checkPasswordPolicy(input.password, { email, fullName: input.fullName });
  if (passwordProblem) errors.password = passwordProblem;
  let organisationId = input.organisationId ?? null;
  if (!organisationId && input.joinCode?.trim()) {
    const employer = await findEmployerByJoinCode(db.orm, input.joinCode);
    if (employer) organisationId = employer.id;
    else errors.joinCode = 'unknown';
  }
  if (!errors.email && (await getUserByEmail(db, email))) errors.email = 'taken';
  if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };

  const passwordHash = await hashPassword(input.password);
  const id = newId();
  try {
    await db.write(async (orm) => {
      await orm.insert(user).values({
        id,
        email,
        fullName: cleanText(input.fullName),
        passwordHash,
        role: 'learner',
        organisationId,
        locale: input.locale ?? 'en',
        createdAt: new Date(context.now),
        lastActiveAt: new Date(context.now),
      });
    });
  } catch (error) {
    // Two registrations for one email racing: the unique index decides.
    if (await getUserByEmail(db, email)) return { ok: false, reason: 'invalid', errors: { email: 'taken' } };
    throw new Error('Could not create the account', { cause: error });
  }
  const created = await getUserById(db, id);
  if (!created) throw new Error('The new account could not be read back');
  return { ok: true, user: created };
}

// A real Argon2id hash of a random password: checking it costs what checking a real one does.
let dummyHash: Promise<string> | undefined;

export type SignInResult =
  | { ok: true; user: UserRecord }
  | { ok: false; reason: 'invalid' | 'deactivated' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Checks an email and password. The attempt is recorded against its throttles before the
 * password is verified (so attempts sent at once cannot outrun the limit) and cleared on
 * success. A browser the account has fully signed in from before (`deviceToken`) is held only
 * by its own throttle, not by the per-account and per-address ones that strangers can fill: a
 * stranger cannot lock the owner out.
 */
export async function authenticate(
  db: Database,
  input: { email: string; password: string },
  context: { now: number; address: string; deviceToken?: string | null },
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const [row] = await db.orm
    .select({ ...userColumns, passwordHash: user.passwordHash })
    .from(user)
    .where(eq(user.email, email));
  const deviceId = row ? await findKnownDevice(db, context.deviceToken, row.id, context.now) : null;
  const rules: ThrottleRule[] = deviceId
    ? [{ key: throttleKeys.device(deviceId), policy: throttlePolicies.signInDevice }]
    : [
        { key: throttleKeys.account(email), policy: throttlePolicies.signInAccount },
        { key: throttleKeys.address(context.address), policy: throttlePolicies.signInAddress },
      ];
  const grant = await reserveAttempt(db, rules, context.now);
  if (!grant.ok) return { ok: false, reason: 'throttled', retryAfterMs: grant.retryAfterMs };

  const password = input.password.slice(0, 1024);
  let valid: boolean;
  if (row) {
    valid = await verifyPassword(row.passwordHash, password);
  } else {
    dummyHash ??= hashPassword(crypto.randomUUID());
    await verifyPassword(await dummyHash, password);
    valid = false;
  }
  if (!valid || !row) return { ok: false, reason: 'invalid' };
  // The address key is left as it is: one good account must not reset a guesser's count.
  await clearThrottle(db, deviceId ? throttleKeys.device(deviceId) : throttleKeys.account(email));
  if (row.status !== 'active') return { ok: false, reason: 'deactivated' };
  const { passwordHash: _hash, ...record } = row;
  return { ok: true, user: record };
}

export type PasswordCheckResult =
  { ok: true } | { ok: false; reason: 'wrong' } | { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Asks a signed-in user for their current password again (change password, re-authentication),
 * throttled per user like sign-in: a stolen session cannot guess the password without limit.
 */
export async function verifyCurrentPassword(
  db: Database,
  userId: string,
  password: string,
  now: number,
): Promise<PasswordCheckResult> {
  const [row] = await db.orm
    .select({ passwordHash: user.passwordHash })
    .from(user)
    .where(eq(user.id, userId));
  if (!row) throw new Error(`No user ${userId}`);
  const checked = await throttledCheck(
    db,
    [{ key: throttleKeys.passwordCheck(userId), policy: throttlePolicies.passwordCheck }],
    now,
    async () => ({ ok: await verifyPassword(row.passwordHash, password.slice(0, 1024)), value: null }),
  );
  if (checked.ok) return { ok: true };
  return checked.reason === 'throttled' ? checked : { ok: false, reason: 'wrong' };
}

export type ProfileErrors = Partial<{ fullName: NameProblem; locale: 'invalid' }>;

export async function updateProfile(
  db: Database,
  userId: string,
  input: { fullName: string; locale: string },
): Promise<{ ok: true } | { ok: false; errors: ProfileErrors }> {
  const errors: ProfileErrors = {};
  const nameProblem = checkFullName(input.fullName);
  if (nameProblem) errors.fullName = nameProblem;
  if (input.locale !== 'en' && input.locale !== 'ms') errors.locale = 'invalid';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  await db.write((orm) =>
    orm
      .update(user)
      .set({ fullName: cleanText(input.fullName), locale: input.locale as Locale })
      .where(eq(user.id, userId)),
  );
  return { ok: true };
}

export async function setUserLocale(db: Database, userId: string, locale: Locale): Promise<void> {
  await db.write((orm) => orm.update(user).set({ locale }).where(eq(user.id, userId)));
}

export type PasswordChangeErrors = Partial<{
  currentPassword: 'wrong';
  newPassword: PasswordProblem | 'same';
}>;

export type PasswordChangeResult =
  | { ok: true }
  | { ok: false; reason: 'invalid'; errors: PasswordChangeErrors }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Changes a password after checking the current one (throttled per user). The caller ends the
 * user's other sessions.
 */
export async function changePassword(
  db: Database,
  userId: string,
  input: { currentPassword: string; newPassword: string },
  now: number = Date.now(),
): Promise<PasswordChangeResult> {
  const [row] = await db.orm
    .select({ email: user.email, fullName: user.fullName })
    .from(user)
    .where(eq(user.id, userId));
  if (!row) throw new Error(`No user ${userId}`);
  const errors: PasswordChangeErrors = {};
  const current = await verifyCurrentPassword(db, userId, input.currentPassword, now);
  if (!current.ok && current.reason === 'throttled') return current;
  if (!current.ok) errors.currentPassword = 'wrong';
  const problem = checkPasswordPolicy(input.newPassword, { email: row.email, fullName: row.fullName });
  if (problem) errors.newPassword = problem;
  else if (input.newPassword === input.currentPassword) errors.newPassword = 'same';
  if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };
  const passwordHash = await hashPassword(input.newPassword);
  await db.write((orm) => orm.update(user).set({ passwordHash }).where(eq(user.id, userId)));
  return { ok: true };
}

export type AdminUpsertResult =
  { ok: true; created: boolean; user: UserRecord } | { ok: false; problem: string };

/**
 * Creates an admin, or promotes an existing account to admin (its password is then reset to
 * the one given). Used by `npm run admin:create` against any DATABASE_URL.
 */
export async function createOrPromoteAdmin(
  db: Database,
  input: { email: string; fullName: string; password: string; organisationName?: string },
  now: number,
): Promise<AdminUpsertResult> {
  const emailProblem = checkEmail(input.email);
  if (emailProblem) return { ok: false, problem: `email is ${emailProblem}` };
  const email = normaliseEmail(input.email);
  const nameProblem = checkFullName(input.fullName);
  if (nameProblem) return { ok: false, problem: `name is ${nameProblem}` };
  const passwordProblem = checkPasswordPolicy(input.password, { email, fullName: input.fullName });
  if (passwordProblem) return { ok: false, problem: `password is ${passwordProblem}` };
  const passwordHash = await hashPassword(input.password);
  const existing = await getUserByEmail(db, email);
  const id = existing?.id ?? newId();
  await db.write(async (orm) => {
    if (existing) {
      await orm
        .update(user)
        .set({ role: 'admin', fullName: cleanText(input.fullName), passwordHash, status: 'active' })
        .where(eq(user.id, existing.id));
      await recordAudit(orm, {
        actorId: null,
        action: 'role-changed',
        subjectType: 'user',
        subjectId: existing.id,
        data: { before: existing.role, after: 'admin', via: 'admin:create' },
        at: now,
      });
      return;
    }
    const org = await findOrCreateOrganisation(orm, input.organisationName ?? 'RTW Academy');
    await orm.insert(user).values({
      id,
      email,
      fullName: cleanText(input.fullName),
      passwordHash,
      role: 'admin',
      organisationId: org.id,
      createdAt: new Date(now),
    });
    await recordAudit(orm, {
      actorId: null,
      action: 'admin-created',
      subjectType: 'user',
      subjectId: id,
      data: { email, via: 'admin:create' },
      at: now,
    });
  });
  const saved = await getUserById(db, id);
  if (!saved) throw new Error('The admin account could not be read back');
  return { ok: true, created: !existing, user: saved };
}
