import { and, eq, ne, sql } from 'drizzle-orm';
import { mfaCredential, session, user, type Locale } from '#db/schema.ts';
import { hasStaffSessionLimits, type Role } from '#src/lib/roles.ts';
import type { Database } from '#src/lib/server/db.ts';
import { generateSessionToken, hashSecret, parseSessionToken, secretMatches } from './session-token.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '#src/lib/time.ts';

/** How long a session lasts without a request, at most, and how often its expiry slides. */
export interface SessionLimits {
  inactivityTimeoutMs: number;
  absoluteLifetimeMs: number;
  /** A request slides the inactivity expiry at most once per interval (one write at most). */
  activityCheckIntervalMs: number;
}

/** A learner's session ends after this long without a request... */
export const SESSION_INACTIVITY_TIMEOUT_MS = 10 * DAY_MS;
/** ...and in any case this long after sign-in. */
export const SESSION_ABSOLUTE_LIFETIME_MS = 30 * DAY_MS;
export const SESSION_ACTIVITY_CHECK_INTERVAL_MS = HOUR_MS;

const learnerLimits: SessionLimits = {
  inactivityTimeoutMs: SESSION_INACTIVITY_TIMEOUT_MS,
  absoluteLifetimeMs: SESSION_ABSOLUTE_LIFETIME_MS,
  activityCheckIntervalMs: SESSION_ACTIVITY_CHECK_INTERVAL_MS,
};

/** Staff (trainers, admins, managers) see other people's records: 2 hours idle, 12 at most. */
export const STAFF_SESSION_LIMITS: SessionLimits = {
  inactivityTimeoutMs: 2 * HOUR_MS,
  absoluteLifetimeMs: 12 * HOUR_MS,
  // Sliding every 5 minutes keeps the real idle limit within 5 minutes of 2 hours.
  activityCheckIntervalMs: 5 * MINUTE_MS,
};

/** Time to give the second factor after the password. */
export const SECOND_FACTOR_TIMEOUT_MS = 10 * MINUTE_MS;
/** Time to finish the mandatory MFA set-up after the password. */
export const MFA_SETUP_TIMEOUT_MS = 30 * MINUTE_MS;
/** Sensitive changes need a sign-in or re-authentication no older than this. */
export const REAUTHENTICATION_WINDOW_MS = 10 * MINUTE_MS;

export function sessionLimitsFor(role: string): SessionLimits {
  return hasStaffSessionLimits(role) ? STAFF_SESSION_LIMITS : learnerLimits;
}

export interface SessionUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  locale: Locale;
  /** The employer; null for an independent learner. */
  organisationId: string | null;
  /** The address is confirmed (`user.email_verified_at`): pages need not ask the database again. */
  emailVerified: boolean;
}

export interface ValidSession {
  id: string;
  userId: string;
  createdAt: number;
  lastVerifiedAt: number;
  /** When the person last proved who they are here (sign-in or re-authentication). */
  authenticatedAt: number | null;
  /** When the cookie should now expire. */
  expiresAt: number;
  /** True when this validation slid the expiry, so the cookie must be re-sent. */
  renewed: boolean;
}

/**
 * How far a session's sign-in has got: `signed-in` sessions sign the person in; the others only
 * open the second-factor step (`second-factor`) or the mandatory MFA set-up (`mfa-setup`).
 */
export type SignInStep = 'signed-in' | 'second-factor' | 'mfa-setup';

export interface SessionOptions {
  userAgent?: string | null | undefined;
  /** The password is proven but a second factor (or its set-up) is still owed. */
  mfaPending?: boolean;
}

/** Starts a new session for a user who has just proved who they are. */
export async function createSession(
  db: Database,
  userId: string,
  now: number,
  userAgentOrOptions?: string | null | SessionOptions,
): Promise<{ token: string; session: ValidSession }> {
  const options: SessionOptions =
    typeof userAgentOrOptions === 'object' && userAgentOrOptions !== null
      ? userAgentOrOptions
      : { userAgent: userAgentOrOptions };
  const mfaPending = options.mfaPending ?? false;
  const { id, secret, token } = generateSessionToken();
  const [owner] = await db.orm.select({ role: user.role }).from(user).where(eq(user.id, userId));
  await db.write((orm) =>
    orm.insert(session).values({
      id,
      userId,
      secretHash: Buffer.from(hashSecret(secret)),
      createdAt: new Date(now),
      lastVerifiedAt: new Date(now),
      authenticatedAt: mfaPending ? null : new Date(now),
      mfaPending,
      userAgent: options.userAgent?.slice(0, 300) ?? null,
    }),
  );
  return {
    token,
    session: {
      id,
      userId,
      createdAt: now,
      lastVerifiedAt: now,
      authenticatedAt: mfaPending ? null : now,
      expiresAt: mfaPending ? now + MFA_SETUP_TIMEOUT_MS : sessionExpiry(now, now, owner?.role ?? 'learner'),
      renewed: true,
    },
  };
}

/** When a session of a user with `role`, created at `createdAt` and last seen at `lastVerifiedAt`, ends. */
export function sessionExpiry(createdAt: number, lastVerifiedAt: number, role: string = 'learner'): number {
  const limits = sessionLimitsFor(role);
  return Math.min(lastVerifiedAt + limits.inactivityTimeoutMs, createdAt + limits.absoluteLifetimeMs);
}

/** Whether the person proved who they are in this session within the re-authentication window. */
export function isRecentlyAuthenticated(
  current: Pick<ValidSession, 'authenticatedAt'>,
  now: number,
): boolean {
  return current.authenticatedAt !== null && now - current.authenticatedAt <= REAUTHENTICATION_WINDOW_MS;
}

const selectSessionWithUser = (db: Database) =>
  db.orm
    .select({
      id: session.id,
      secretHash: session.secretHash,
      createdAt: session.createdAt,
      lastVerifiedAt: session.lastVerifiedAt,
      authenticatedAt: session.authenticatedAt,
      mfaPending: session.mfaPending,
      user: {
        id: user.id,
        email: user.email,
        fullName: user.fullName,
        role: user.role,
        locale: user.locale,
        organisationId: user.organisationId,
        status: user.status,
        emailVerifiedAt: user.emailVerifiedAt,
      },
    })
    .from(session)
    .innerJoin(user, eq(session.userId, user.id))
    .where(eq(session.id, sql.placeholder('id')))
    .limit(1)
    .prepare();

type SessionLookup = ReturnType<typeof selectSessionWithUser>;
const sessionLookups = new WeakMap<Database, SessionLookup>();

/**
 * The session and its user by session id: every signed-in request asks, so the query is built
 * once per database (drizzle's prepared query) instead of on every request, where building it
 * cost more CPU than SQLite's answer (issue #20).
 */
function lookUpSession(db: Database, id: string) {
  let lookup = sessionLookups.get(db);
  if (!lookup) {
    lookup = selectSessionWithUser(db);
    sessionLookups.set(db, lookup);
  }
  return lookup.all({ id });
}

async function hasConfirmedMfa(db: Database, userId: string): Promise<boolean> {
  const [row] = await db.orm
    .select({ confirmedAt: mfaCredential.confirmedAt })
    .from(mfaCredential)
    .where(eq(mfaCredential.userId, userId));
  return Boolean(row?.confirmedAt);
}

/**
 * Checks a cookie token: one indexed query, then the expiry rules for the user's role. Slides
 * the inactivity expiry at most once per activity interval. Returns null for anything not
 * valid. A session still owing its second factor (or MFA set-up) comes back with that `step`
 * and must not be treated as signed in.
 */
export async function validateSessionToken(
  db: Database,
  token: string | undefined | null,
  now: number,
): Promise<{ session: ValidSession; user: SessionUser; step: SignInStep } | null> {
  const parts = parseSessionToken(token);
  if (!parts) return null;
  const [row] = await lookUpSession(db, parts.id);
  if (!row) return null;
  if (!secretMatches(parts.secret, new Uint8Array(row.secretHash))) return null;
  const createdAt = row.createdAt.getTime();
  let lastVerifiedAt = row.lastVerifiedAt.getTime();
  const authenticatedAt = row.authenticatedAt?.getTime() ?? null;
  const { status, emailVerifiedAt, ...person } = row.user;
  const sessionUser: SessionUser = { ...person, emailVerified: emailVerifiedAt !== null };
  if (status !== 'active') {
    await invalidateSession(db, row.id);
    return null;
  }

  if (row.mfaPending) {
    const step: SignInStep = (await hasConfirmedMfa(db, row.user.id)) ? 'second-factor' : 'mfa-setup';
    const expiresAt =
      createdAt + (step === 'second-factor' ? SECOND_FACTOR_TIMEOUT_MS : MFA_SETUP_TIMEOUT_MS);
    if (now >= expiresAt) {
      await invalidateSession(db, row.id);
      return null;
    }
    return {
      session: {
        id: row.id,
        userId: row.user.id,
        createdAt,
        lastVerifiedAt,
        authenticatedAt,
        expiresAt,
        renewed: false,
      },
      user: sessionUser,
      step,
    };
  }

  const limits = sessionLimitsFor(row.user.role);
  if (now >= sessionExpiry(createdAt, lastVerifiedAt, row.user.role)) {
    await invalidateSession(db, row.id);
    return null;
  }
  let renewed = false;
  if (now - lastVerifiedAt >= limits.activityCheckIntervalMs) {
    lastVerifiedAt = now;
    renewed = true;
    await db.write(async (orm) => {
      await orm
        .update(session)
        .set({ lastVerifiedAt: new Date(now) })
        .where(eq(session.id, row.id));
      await orm
        .update(user)
        .set({ lastActiveAt: new Date(now) })
        .where(eq(user.id, row.user.id));
    });
  }
  return {
    session: {
      id: row.id,
      userId: row.user.id,
      createdAt,
      lastVerifiedAt,
      authenticatedAt,
      expiresAt: sessionExpiry(createdAt, lastVerifiedAt, row.user.role),
      renewed,
    },
    user: sessionUser,
    step: 'signed-in',
  };
}

/** Records that the person has just proved who they are again in this session. */
export async function markReauthenticated(db: Database, sessionId: string, now: number): Promise<void> {
  await db.write((orm) =>
    orm
      .update(session)
      .set({ authenticatedAt: new Date(now) })
      .where(eq(session.id, sessionId)),
  );
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
  await db.write((orm) => orm.delete(session).where(eq(session.id, sessionId)));
}

/** Ends every session of a user (deactivation, password reset, an admin's MFA reset). */
export async function invalidateUserSessions(db: Database, userId: string): Promise<void> {
  await db.write((orm) => orm.delete(session).where(eq(session.userId, userId)));
}

/** "Sign out everywhere else": ends every session of the user except `keepSessionId`. */
export async function invalidateOtherSessions(
  db: Database,
  userId: string,
  keepSessionId: string,
): Promise<number> {
  const ended = await db.write((orm) =>
    orm
      .delete(session)
      .where(and(eq(session.userId, userId), ne(session.id, keepSessionId)))
      .returning({ id: session.id }),
  );
  return ended.length;
}

/** Ends one of the user's own sessions; false when it is not theirs (or already gone). */
export async function invalidateOwnSession(
  db: Database,
  userId: string,
  sessionId: string,
): Promise<boolean> {
  const ended = await db.write((orm) =>
    orm
      .delete(session)
      .where(and(eq(session.userId, userId), eq(session.id, sessionId)))
      .returning({ id: session.id }),
  );
  return ended.length === 1;
}

export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastVerifiedAt: Date;
  userAgent: string | null;
}

/** A user's signed-in sessions that have not yet expired (not those owing a second factor), newest first. */
export async function listUserSessions(
  db: Database,
  userId: string,
  now = Date.now(),
): Promise<SessionSummary[]> {
  const rows = await db.orm
    .select({
      id: session.id,
      createdAt: session.createdAt,
      lastVerifiedAt: session.lastVerifiedAt,
      userAgent: session.userAgent,
      role: user.role,
    })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .where(and(eq(session.userId, userId), eq(session.mfaPending, false)));
  return rows
    .filter((row) => sessionExpiry(row.createdAt.getTime(), row.lastVerifiedAt.getTime(), row.role) > now)
    .map(({ role: _role, ...summary }) => summary)
    .sort((a, b) => b.lastVerifiedAt.getTime() - a.lastVerifiedAt.getTime());
}
