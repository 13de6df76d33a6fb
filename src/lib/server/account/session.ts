import { eq } from 'drizzle-orm';
import { session, user, type Locale } from '#db/schema.ts';
import type { Role } from '#src/lib/roles.ts';
import type { Database } from '#src/lib/server/db.ts';
import { generateSessionToken, hashSecret, parseSessionToken, secretMatches } from './session-token.ts';
import { HOUR_MS } from '#src/lib/time.ts';

const hour = HOUR_MS;
const day = 24 * hour;

/** A session ends after this long without a request... */
export const SESSION_INACTIVITY_TIMEOUT_MS = 10 * day;
/** ...and in any case this long after sign-in. */
export const SESSION_ABSOLUTE_LIFETIME_MS = 30 * day;
/** How often a request slides the inactivity expiry forward (one write per interval at most). */
export const SESSION_ACTIVITY_CHECK_INTERVAL_MS = hour;

export interface SessionUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  locale: Locale;
  organisationId: string;
}

export interface ValidSession {
  id: string;
  userId: string;
  createdAt: number;
  lastVerifiedAt: number;
  /** When the cookie should now expire. */
  expiresAt: number;
  /** True when this validation slid the expiry, so the cookie must be re-sent. */
  renewed: boolean;
}

/** Starts a new session for a user who has just proved who they are. */
export async function createSession(
  db: Database,
  userId: string,
  now: number,
  userAgent?: string | null,
): Promise<{ token: string; session: ValidSession }> {
  const { id, secret, token } = generateSessionToken();
  await db.write((orm) =>
    orm.insert(session).values({
      id,
      userId,
      secretHash: Buffer.from(hashSecret(secret)),
      createdAt: new Date(now),
      lastVerifiedAt: new Date(now),
      userAgent: userAgent?.slice(0, 300) ?? null,
    }),
  );
  return {
    token,
    session: {
      id,
      userId,
      createdAt: now,
      lastVerifiedAt: now,
      expiresAt: sessionExpiry(now, now),
      renewed: true,
    },
  };
}

/** When a session created at `createdAt` and last seen at `lastVerifiedAt` ends. */
export function sessionExpiry(createdAt: number, lastVerifiedAt: number): number {
  return Math.min(lastVerifiedAt + SESSION_INACTIVITY_TIMEOUT_MS, createdAt + SESSION_ABSOLUTE_LIFETIME_MS);
}

const selectSessionWithUser = (db: Database) =>
  db.orm
    .select({
      id: session.id,
      secretHash: session.secretHash,
      createdAt: session.createdAt,
      lastVerifiedAt: session.lastVerifiedAt,
      user: {
        id: user.id,
        email: user.email,
        fullName: user.fullName,
        role: user.role,
        locale: user.locale,
        organisationId: user.organisationId,
        status: user.status,
      },
    })
    .from(session)
    .innerJoin(user, eq(session.userId, user.id));

/**
 * Checks a cookie token: one indexed query, then the expiry rules. Slides the inactivity
 * expiry at most once per activity interval. Returns null for anything not valid.
 */
export async function validateSessionToken(
  db: Database,
  token: string | undefined | null,
  now: number,
): Promise<{ session: ValidSession; user: SessionUser } | null> {
  const parts = parseSessionToken(token);
  if (!parts) return null;
  const [row] = await selectSessionWithUser(db).where(eq(session.id, parts.id)).limit(1);
  if (!row) return null;
  if (!secretMatches(parts.secret, new Uint8Array(row.secretHash))) return null;
  const createdAt = row.createdAt.getTime();
  let lastVerifiedAt = row.lastVerifiedAt.getTime();
  if (now >= sessionExpiry(createdAt, lastVerifiedAt) || row.user.status !== 'active') {
    await invalidateSession(db, row.id);
    return null;
  }
  let renewed = false;
  if (now - lastVerifiedAt >= SESSION_ACTIVITY_CHECK_INTERVAL_MS) {
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
  const { status: _status, ...sessionUser } = row.user;
  return {
    session: {
      id: row.id,
      userId: row.user.id,
      createdAt,
      lastVerifiedAt,
      expiresAt: sessionExpiry(createdAt, lastVerifiedAt),
      renewed,
    },
    user: sessionUser,
  };
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
  await db.write((orm) => orm.delete(session).where(eq(session.id, sessionId)));
}

/** Ends every session of a user ("sign out of all devices", deactivation, password change). */
export async function invalidateUserSessions(db: Database, userId: string): Promise<void> {
  await db.write((orm) => orm.delete(session).where(eq(session.userId, userId)));
}

export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastVerifiedAt: Date;
  userAgent: string | null;
}

/** A user's open sessions, newest first. */
export async function listUserSessions(db: Database, userId: string): Promise<SessionSummary[]> {
  const rows = await db.orm
    .select({
      id: session.id,
      createdAt: session.createdAt,
      lastVerifiedAt: session.lastVerifiedAt,
      userAgent: session.userAgent,
    })
    .from(session)
    .where(eq(session.userId, userId));
  return rows.sort((a, b) => b.lastVerifiedAt.getTime() - a.lastVerifiedAt.getTime());
}
