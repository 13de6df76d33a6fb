/**
 * One-click unsubscribe (RFC 8058): every optional message carries `List-Unsubscribe` with a
 * signed link and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`. The link names the
 * person and the kind of message, signed with HMAC-SHA256 under a key kept in the database
 * (made once, shared by every process), so it needs no sign-in, cannot be forged for someone
 * else, and keeps working as long as the key does.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { mailSigningKey, user } from '#db/schema.ts';
import type { Database } from '#src/lib/server/db.ts';
import { optionalTopics, type OptionalTopic } from './messages/kinds.ts';
import { turnOffTopic } from './preferences.ts';

const KEY_ROW = 1;
const MAC_LENGTH = 32;
const keys = new WeakMap<Database, Promise<Buffer>>();

/** The signing key, made on first use (two processes racing keep whichever was written first). */
export function getSigningKey(db: Database): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    // In the write queue: a read beside another write's open transaction would fail
    // (TRANSACTION_ACTIVE: a local file has one connection), and the queue orders both.
    key = db.write(async (orm) => {
      const read = async () =>
        (
          await orm
            .select({ key: mailSigningKey.key })
            .from(mailSigningKey)
            .where(eq(mailSigningKey.id, KEY_ROW))
        )[0]?.key;
      const existing = await read();
      if (existing) return Buffer.from(existing);
      await orm
        .insert(mailSigningKey)
        .values({ id: KEY_ROW, key: randomBytes(32), createdAt: new Date() })
        .onConflictDoNothing();
      const made = await read();
      if (!made) throw new Error('The mail signing key could not be stored');
      return Buffer.from(made);
    });
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

function mac(key: Buffer, userId: string, topic: OptionalTopic): string {
  return createHmac('sha256', key)
    .update(`unsubscribe:v1:${userId}:${topic}`)
    .digest('base64url')
    .slice(0, MAC_LENGTH);
}

/** `<userId>.<topic>.<mac>` */
export function signUnsubscribeToken(key: Buffer, userId: string, topic: OptionalTopic): string {
  return `${userId}.${topic}.${mac(key, userId, topic)}`;
}

/** The person and topic a token was signed for, or null when it was not signed with `key`. */
export function readUnsubscribeToken(
  key: Buffer,
  token: string,
): { userId: string; topic: OptionalTopic } | null {
  if (token.length > 200) return null;
  const [userId, topic, presented, ...rest] = token.split('.');
  if (rest.length > 0 || !userId || !topic || !presented || !/^[a-z2-7]{1,64}$/u.test(userId)) return null;
  if (!(optionalTopics as readonly string[]).includes(topic)) return null;
  const expected = Buffer.from(mac(key, userId, topic as OptionalTopic));
  const given = Buffer.from(presented);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, topic: topic as OptionalTopic };
}

/** The one-click address for a person and a kind of message. */
export async function unsubscribeUrl(
  db: Database,
  siteUrl: string,
  userId: string,
  topic: OptionalTopic,
): Promise<string> {
  return `${siteUrl}/unsubscribe/${signUnsubscribeToken(await getSigningKey(db), userId, topic)}`;
}

export type UnsubscribeCheck =
  { ok: true; userId: string; email: string; topic: OptionalTopic } | { ok: false };

/** Whom a link would unsubscribe from what (looking changes nothing). */
export async function checkUnsubscribeToken(db: Database, token: string): Promise<UnsubscribeCheck> {
  const parsed = readUnsubscribeToken(await getSigningKey(db), token);
  if (!parsed) return { ok: false };
  const [row] = await db.orm.select({ email: user.email }).from(user).where(eq(user.id, parsed.userId));
  return row ? { ok: true, ...parsed, email: row.email } : { ok: false };
}

/** Turns off what the link names. Idempotent: a second click changes nothing. */
export async function unsubscribe(db: Database, token: string, now: number): Promise<UnsubscribeCheck> {
  const check = await checkUnsubscribeToken(db, token);
  if (!check.ok) return check;
  await db.write((orm) => turnOffTopic(orm, check.userId, check.topic, now));
  return check;
}
