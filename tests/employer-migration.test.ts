/**
 * Migration 0006 (employers) rebuilds the user table so that a learner may have no employer. A
 * table rebuild with foreign keys on would cascade-delete every session, enrolment and progress
 * row; this checks that a database with data keeps all of it, and that employer names get the new
 * keys except where two would clash.
 */
import { describe, expect, it } from 'vitest';
import { organisationNameKey } from '#src/lib/account/rules.ts';
import { createDbBefore } from './helpers/db.ts';

describe('migration 0006 (employers)', () => {
  it('keeps every row that points at a user and re-keys employer names', async () => {
    const test = await createDbBefore('_employers');
    const { db } = test;
    try {
      const old = (name: string) => name.trim().replace(/\s+/gu, ' ').toLowerCase();
      const orgs = [
        ['o1', 'Acme Sdn. Bhd.'],
        ['o2', 'Beta Sdn Bhd'],
        ['o3', 'Beta Sdn. Bhd.'],
        ['o4', 'Ladang Sungai Sarawak Berhad'],
      ];
      for (const [id, name] of orgs)
        await db.client.execute({
          sql: 'INSERT INTO organisation (id, name, name_key) VALUES (?, ?, ?)',
          args: [id ?? '', name ?? '', old(name ?? '')],
        });
      await db.client.executeMultiple(`
        INSERT INTO user (id, email, full_name, password_hash, role, organisation_id, created_at)
          VALUES ('u1', 'a@example.my', 'A', 'x', 'learner', 'o1', 1), ('u2', 'b@example.my', 'B', 'x', 'trainer', 'o2', 1);
        INSERT INTO session (id, user_id, secret_hash, created_at, last_verified_at) VALUES ('s1', 'u1', x'00', 1, 1);
        INSERT INTO enrolment (id, user_id, course_id, status, enrolled_at) VALUES ('e1', 'u1', 'main', 'active', 1);
        INSERT INTO lesson_progress (user_id, lesson_id, first_viewed_at, last_viewed_at) VALUES ('u1', 'm/l', 1, 1);`);

      await test.migrateRest();

      const count = async (table: string) =>
        Number((await db.client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
      expect(await count('user')).toBe(2);
      expect(await count('session')).toBe(1);
      expect(await count('enrolment')).toBe(1);
      expect(await count('lesson_progress')).toBe(1);
      const fk = await db.client.execute('PRAGMA foreign_key_check');
      expect(fk.rows).toEqual([]);
      // A learner may now have no employer.
      await db.client.execute(
        "INSERT INTO user (id, email, full_name, password_hash, role, organisation_id, created_at) VALUES ('u3', 'c@example.my', 'C', 'x', 'learner', NULL, 1)",
      );
      const keys = new Map(
        (await db.client.execute('SELECT id, name_key FROM organisation')).rows.map((row) => [
          row.id,
          row.name_key,
        ]),
      );
      expect(keys.get('o1')).toBe(organisationNameKey('Acme Sdn. Bhd.'));
      expect(keys.get('o4')).toBe(organisationNameKey('Ladang Sungai Sarawak Bhd'));
      // Two spellings of Beta would share a key: both keep theirs until an admin merges them.
      expect(keys.get('o2')).toBe('beta sdn bhd');
      expect(keys.get('o3')).toBe('beta sdn. bhd.');
    } finally {
      test.cleanup();
    }
  });
});
