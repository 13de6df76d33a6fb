/**
 * Browsers a user has fully signed in from. Each gets a long-lived `<id>.<secret>` cookie (only
 * SHA-256 of the secret is stored, as for sessions). The right password from a known device gets
 * through the per-account and per-address throttles, which strangers can fill, so nobody can
 * lock the owner out; the device has a throttle of its own, so a stolen cookie buys no guesses.
 * (OWASP's "device cookie" defence against account lockout.)
 */
import { and, eq, lt } from 'drizzle-orm';
import { knownDevice } from '#db/schema.ts';
import type { Database } from '#src/lib/server/db.ts';
import { DAY_MS } from '#src/lib/time.ts';
import { generateSessionToken, hashSecret, parseSessionToken, secretMatches } from './session-token.ts';

/** A device is forgotten after this long without a sign-in from it. */
export const KNOWN_DEVICE_LIFETIME_MS = 180 * DAY_MS;

/** The id of the known device `token` stands for, when it is one of `userId`'s and still fresh. */
export async function findKnownDevice(
  db: Database,
  token: string | null | undefined,
  userId: string,
  now: number,
): Promise<string | null> {
  const parts = parseSessionToken(token);
  if (!parts) return null;
  const [row] = await db.orm.select().from(knownDevice).where(eq(knownDevice.id, parts.id));
  if (!row || row.userId !== userId) return null;
  if (!secretMatches(parts.secret, new Uint8Array(row.secretHash))) return null;
  if (now - row.lastUsedAt.getTime() >= KNOWN_DEVICE_LIFETIME_MS) return null;
  return row.id;
}

/**
 * After a complete sign-in: keeps the device known for another lifetime, or makes it known.
 * Returns the cookie value to send (the same token when it was already known).
 */
export async function rememberDevice(
  db: Database,
  userId: string,
  presented: string | null | undefined,
  now: number,
): Promise<{ token: string; expiresAt: number }> {
  const expiresAt = now + KNOWN_DEVICE_LIFETIME_MS;
  const existing = await findKnownDevice(db, presented, userId, now);
  if (existing && presented) {
    await db.write((orm) =>
      orm
        .update(knownDevice)
        .set({ lastUsedAt: new Date(now) })
        .where(eq(knownDevice.id, existing)),
    );
    return { token: presented, expiresAt };
  }
  const { id, secret, token } = generateSessionToken();
  await db.write(async (orm) => {
    await orm
      .delete(knownDevice)
      .where(
        and(
          eq(knownDevice.userId, userId),
          lt(knownDevice.lastUsedAt, new Date(now - KNOWN_DEVICE_LIFETIME_MS)),
        ),
      );
    await orm.insert(knownDevice).values({
      id,
      userId,
      secretHash: Buffer.from(hashSecret(secret)),
      createdAt: new Date(now),
      lastUsedAt: new Date(now),
    });
  });
  return { token, expiresAt };
}
