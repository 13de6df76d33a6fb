/**
 * Migration 0009 rebuilds lesson_progress as a WITHOUT ROWID table (stored in key order, so one
 * learner's rows sit together). A database with data keeps every row, the key, the index and the
 * foreign key to the user (deleting a user still deletes their rows).
 */
import { describe, expect, it } from 'vitest';
import { createDbBefore } from './helpers/db.ts';

describe('migration 0009 (lesson_progress WITHOUT ROWID)', () => {
  it('keeps every row, the key, the index and the cascade from the user', async () => {
    const test = await createDbBefore('_lesson-progress-without-rowid');
    const { db } = test;
    try {
      await db.client.executeMultiple(`
        INSERT INTO user (id, email, full_name, password_hash, role, created_at)
          VALUES ('u1', 'a@example.my', 'A', 'x', 'learner', 1), ('u2', 'b@example.my', 'B', 'x', 'learner', 1);
        INSERT INTO lesson_progress (user_id, lesson_id, first_viewed_at, last_viewed_at, completed_at) VALUES
          ('u2', 'm1/b', 5, 6, NULL), ('u1', 'm1/a', 1, 2, 3), ('u1', 'm2/a', 7, 8, NULL), ('u2', 'm1/a', 9, 10, 11);`);
      const rowsOf = async () =>
        (
          await db.client.execute(
            'SELECT user_id, lesson_id, first_viewed_at, last_viewed_at, completed_at FROM lesson_progress ORDER BY user_id, lesson_id',
          )
        ).rows.map((row) => Array.from(row));
      const before = await rowsOf();
      const tableBefore = await db.client.execute("PRAGMA table_list('lesson_progress')");
      expect(Number(tableBefore.rows[0]?.wr)).toBe(0);

      await test.migrateRest();

      expect(await rowsOf()).toEqual(before);
      const table = await db.client.execute("PRAGMA table_list('lesson_progress')");
      expect(Number(table.rows[0]?.wr)).toBe(1);
      const key = await db.client.execute("PRAGMA table_info('lesson_progress')");
      expect(key.rows.filter((row) => Number(row.pk) > 0).map((row) => row.name)).toEqual([
        'user_id',
        'lesson_id',
      ]);
      const indexes = await db.client.execute("PRAGMA index_list('lesson_progress')");
      expect(indexes.rows.map((row) => row.name)).toContain('lesson_progress_lesson_idx');
      expect((await db.client.execute('PRAGMA foreign_key_check')).rows).toEqual([]);
      // The same key cannot be written twice, and an upsert on it still works.
      await expect(
        db.client.execute(
          "INSERT INTO lesson_progress (user_id, lesson_id, first_viewed_at, last_viewed_at) VALUES ('u1', 'm1/a', 1, 1)",
        ),
      ).rejects.toThrow(/UNIQUE|PRIMARY KEY/);
      // Deleting a user deletes their progress (ON DELETE CASCADE kept).
      await db.client.execute("DELETE FROM user WHERE id = 'u2'");
      expect((await rowsOf()).map((row) => row[0])).toEqual(['u1', 'u1']);
    } finally {
      test.cleanup();
    }
  });
});
