import { createClient } from '@libsql/client';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lessonProgress, user } from '#db/schema.ts';
import { isPlainSelect } from '#src/lib/server/read-connection.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';

/**
 * Plain SELECTs go to a second, query_only connection with kept prepared statements
 * (src/lib/server/read-connection.ts). What they answer must be exactly what the client's own
 * connection answers, and they must see every committed write.
 */
describe('the read connection', () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDb();
  });
  afterEach(() => test.cleanup());

  it('tells plain reads from everything else', () => {
    expect(isPlainSelect('select "id" from "user"')).toBe(true);
    expect(isPlainSelect('\n    SELECT json_object()')).toBe(true);
    expect(isPlainSelect('WITH x AS (SELECT 1) DELETE FROM user')).toBe(false);
    expect(isPlainSelect('insert into user values (1)')).toBe(false);
    expect(isPlainSelect('PRAGMA foreign_keys')).toBe(false);
    expect(isPlainSelect('selection')).toBe(false);
  });

  it('answers rows exactly as the client does: by position and by name, integers, text, null, blobs', async () => {
    const own = createClient({ url: test.url });
    try {
      const statement = {
        sql: `SELECT 1 AS one, 9007199254740991 AS big, 'tekst' AS text, NULL AS empty,
                     x'00ff10' AS bytes, 2.5 AS real, 1 AS one`,
        args: [],
      };
      const [mine, theirs] = await Promise.all([test.db.client.execute(statement), own.execute(statement)]);
      expect(mine.columns).toEqual(theirs.columns);
      expect(mine.rows.length).toBe(1);
      const [a, b] = [mine.rows[0], theirs.rows[0]];
      expect(Object.keys(a ?? {})).toEqual(Object.keys(b ?? {}));
      expect(Array.from(a as ArrayLike<unknown>).slice(0, 4)).toEqual(
        Array.from(b as ArrayLike<unknown>).slice(0, 4),
      );
      expect(new Uint8Array(a?.bytes as ArrayBuffer)).toEqual(new Uint8Array([0, 255, 16]));
      expect(a?.real).toBe(2.5);
      // Drizzle reads a row either way: by name, and by position through Array.prototype.slice.
      expect(Array.prototype.slice.call(a)).toHaveLength(7);
    } finally {
      own.close();
    }
  });

  it('sees every committed write at once, and drizzle selects and raw reads go through it', async () => {
    const id = 'read-connection-user';
    const now = Date.now();
    await test.db.write((orm) =>
      orm.insert(user).values({
        id,
        email: 'reader@example.com',
        fullName: 'Nur Reader',
        passwordHash: 'x',
        role: 'learner',
        createdAt: new Date(now),
      }),
    );
    const [found] = await test.db.orm.select().from(user).where(eq(user.id, id));
    expect(found?.fullName).toBe('Nur Reader');
    await test.db.write((orm) =>
      orm.update(user).set({ fullName: 'Nur Reader Binti Ali' }).where(eq(user.id, id)),
    );
    const again = await test.db.orm.all<{ name: string }>(
      sql`SELECT full_name AS name FROM user WHERE id = ${id}`,
    );
    expect(again).toEqual([{ name: 'Nur Reader Binti Ali' }]);
  });

  it('answers a read while a write transaction is open (the client alone has one connection)', async () => {
    const id = 'reader-in-transaction';
    const now = Date.now();
    await test.db.write((orm) =>
      orm.transaction(async (tx) => {
        await tx.insert(user).values({
          id,
          email: 'tx@example.com',
          fullName: 'In Transaction',
          passwordHash: 'x',
          role: 'learner',
          createdAt: new Date(now),
        });
        // Outside the transaction: the committed state, without the row above.
        const outside = await test.db.orm.select({ id: user.id }).from(user).where(eq(user.id, id));
        expect(outside).toEqual([]);
        const inside = await tx.select({ id: user.id }).from(user).where(eq(user.id, id));
        expect(inside).toEqual([{ id }]);
      }),
    );
    const [after] = await test.db.orm.select({ id: user.id }).from(user).where(eq(user.id, id));
    expect(after?.id).toBe(id);
    const rows = await test.db.orm.select().from(lessonProgress).limit(1);
    expect(rows).toEqual([]);
  });
});
