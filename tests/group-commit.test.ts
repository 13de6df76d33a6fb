import { createClient } from '@libsql/client';
import Sqlite from 'libsql';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lessonProgress, user } from '#db/schema.ts';
import { createDb } from '#src/lib/server/db.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';

/**
 * `db.writeGrouped` (src/lib/server/db.ts): statements that arrive together are committed in one
 * transaction, each caller learns about its own statement only, and nothing is acknowledged
 * before it is committed.
 */
describe('group commit', () => {
  let test: TestDatabase;
  const learners = Array.from({ length: 12 }, (_, index) => `group-commit-${index}`);

  beforeEach(async () => {
    test = await createTestDb();
    await test.db.write((orm) =>
      orm.insert(user).values(
        learners.map((id, index) => ({
          id,
          email: `${id}@example.com`,
          fullName: `Learner ${index}`,
          passwordHash: 'x',
          role: 'learner' as const,
          createdAt: new Date(0),
        })),
      ),
    );
  });
  afterEach(() => test.cleanup());

  const view = (userId: string, lessonId: string, at: number) =>
    test.db.orm
      .insert(lessonProgress)
      .values({ userId, lessonId, firstViewedAt: new Date(at), lastViewedAt: new Date(at) })
      .onConflictDoUpdate({
        target: [lessonProgress.userId, lessonProgress.lessonId],
        set: { lastViewedAt: new Date(at) },
      });

  /** Frames in the write-ahead log since it was last emptied: one set of pages per commit. */
  async function walFrames(): Promise<number> {
    const [row] = (await test.db.client.execute('PRAGMA wal_checkpoint(PASSIVE)')).rows;
    return Number(row?.[1]);
  }
  async function emptyWal(): Promise<void> {
    await test.db.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  it('commits statements that arrive together in one transaction, and each is stored as given', async () => {
    await emptyWal();
    const at = 1_700_000_000_000;
    await Promise.all(
      learners.map((id, index) => test.db.writeGrouped(view(id, `lesson-${index}`, at + index))),
    );
    const together = await walFrames();

    await emptyWal();
    for (const [index, id] of learners.entries()) await test.db.writeGrouped(view(id, `other-${index}`, at));
    const oneByOne = await walFrames();

    // Twelve commits write the table's pages twelve times; one commit writes them once.
    expect(oneByOne).toBeGreaterThanOrEqual(learners.length);
    expect(together).toBeLessThan(oneByOne / 3);
    const rows = await test.db.orm.all<{ userId: string; lessonId: string; lastViewedAt: number }>(
      sql`SELECT user_id AS userId, lesson_id AS lessonId, last_viewed_at AS lastViewedAt
          FROM lesson_progress WHERE lesson_id LIKE 'lesson-%' ORDER BY last_viewed_at`,
    );
    expect(rows).toEqual(
      learners.map((id, index) => ({ userId: id, lessonId: `lesson-${index}`, lastViewedAt: at + index })),
    );
  });

  it('tells each caller how many rows its own statement changed, in the order they arrived', async () => {
    await test.db.writeGrouped(view(learners[6] ?? '', 'once', 1));
    // Two conditional updates of one row in one group: the first changes it, the second finds
    // it changed (how two racing submissions close one quiz attempt exactly once).
    const closeOnce = () =>
      test.db.orm
        .update(lessonProgress)
        .set({ completedAt: new Date(9) })
        .where(sql`user_id = ${learners[6] ?? ''} AND lesson_id = 'once' AND completed_at IS NULL`);
    const [first, second] = await Promise.all([
      test.db.writeGrouped(closeOnce()),
      test.db.writeGrouped(closeOnce()),
    ]);
    expect([first.rowsAffected, second.rowsAffected]).toEqual([1, 0]);
  });

  it('fails only the caller whose statement fails, and keeps the others of its group', async () => {
    const results = await Promise.allSettled([
      test.db.writeGrouped(view(learners[0] ?? '', 'kept-1', 1)),
      // No such user: the foreign key refuses it, and with it the group's transaction.
      test.db.writeGrouped(view('nobody', 'refused', 2)),
      test.db.writeGrouped(view(learners[1] ?? '', 'kept-2', 3)),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const refused = (results[1] as PromiseRejectedResult).reason as Error;
    expect(refused).toMatchObject({ code: 'SQLITE_CONSTRAINT' });
    expect(refused.message).toMatch(/FOREIGN KEY/);
    const rows = await test.db.orm.all<{ lessonId: string }>(
      sql`SELECT lesson_id AS lessonId FROM lesson_progress ORDER BY lesson_id`,
    );
    expect(rows).toEqual([{ lessonId: 'kept-1' }, { lessonId: 'kept-2' }]);
  });

  it('fails a whole group at once when the file stays busy, without trying each statement again', async () => {
    const impatient = await createDb(test.url, { busyTimeoutMs: 20 });
    // Another process's write transaction, held open: the file's write lock stays taken.
    const holder = new Sqlite(test.url.slice('file:'.length));
    try {
      holder.exec('BEGIN IMMEDIATE');
      const oneByOne = vi.spyOn(impatient.client, 'execute');
      const results = await Promise.allSettled(
        learners.slice(0, 3).map((id) => impatient.writeGrouped(view(id, 'while-busy', 7))),
      );
      expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
      for (const result of results)
        expect((result as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_BUSY' });
      expect(oneByOne).not.toHaveBeenCalled();
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
      impatient.close();
    }
  });

  it('acknowledges a statement only once another connection can read it', async () => {
    const other = createClient({ url: test.url });
    try {
      await test.db.writeGrouped(view(learners[2] ?? '', 'seen-elsewhere', 5));
      const { rows } = await other.execute(
        "SELECT count(*) AS n FROM lesson_progress WHERE lesson_id = 'seen-elsewhere'",
      );
      expect(Number(rows[0]?.n)).toBe(1);
    } finally {
      other.close();
    }
  });

  it('is waited for by drain (graceful stop) while its group is still being gathered', async () => {
    let settled = false;
    void test.db.writeGrouped(view(learners[2] ?? '', 'drained', 6)).then(() => {
      settled = true;
    });
    await test.db.drain();
    expect(settled).toBe(true);
  });

  it('waits behind a write transaction already running, and runs after it in order', async () => {
    const order: string[] = [];
    let release: () => void = () => undefined;
    const held = test.db.write(async (orm) => {
      await orm.run(sql`INSERT INTO lesson_progress (user_id, lesson_id, first_viewed_at, last_viewed_at)
                        VALUES (${learners[3] ?? ''}, 'first', 1, 1)`);
      await new Promise<void>((resume) => {
        release = resume;
      });
      order.push('transaction');
    });
    const grouped = Promise.all([
      test.db.writeGrouped(view(learners[4] ?? '', 'second', 2)).then(() => order.push('grouped a')),
      test.db.writeGrouped(view(learners[5] ?? '', 'second', 2)).then(() => order.push('grouped b')),
    ]);
    // Both queued behind the held write; let it finish only after they have queued.
    await new Promise((next) => setImmediate(next));
    release();
    await Promise.all([held, grouped]);
    expect(order).toEqual(['transaction', 'grouped a', 'grouped b']);
  });
});
