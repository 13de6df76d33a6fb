import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDb } from './helpers/db.ts';

const migrationsDir = join(import.meta.dirname, '../db/migrations');
interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}
const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta/_journal.json'), 'utf8')) as Journal;

describe('migrations', () => {
  it('match db/schema.ts (drizzle-kit finds nothing new to generate)', () => {
    const out = mkdtempSync(join(tmpdir(), 'rtw-drift-'));
    try {
      cpSync(migrationsDir, out, { recursive: true });
      const root = join(import.meta.dirname, '..');
      // drizzle-kit prefixes "./" to --out, so it must be relative to the project.
      const output = execFileSync(
        'npx',
        [
          'drizzle-kit',
          'generate',
          '--dialect',
          'turso',
          '--schema',
          'db/schema.ts',
          '--out',
          relative(root, out),
          '--name',
          'drift',
        ],
        { cwd: root, encoding: 'utf8', stdio: 'pipe' },
      );
      const added = readdirSync(out).filter((file) => file.endsWith('.sql') && file.includes('drift'));
      expect(added, 'db/schema.ts changed without a migration: run `npm run db:generate`').toEqual([]);
      expect(output).toContain('No schema changes');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('are listed in order with increasing timestamps, so none would be skipped', () => {
    const sqlFiles = readdirSync(migrationsDir)
      .filter((file) => file.endsWith('.sql'))
      .sort();
    expect(journal.entries.map((entry) => `${entry.tag}.sql`)).toEqual(sqlFiles);
    journal.entries.forEach((entry, index) => {
      expect(entry.idx).toBe(index);
      if (index > 0) expect(entry.when).toBeGreaterThan(journal.entries[index - 1]!.when);
    });
  });

  it('all apply to a new database and record every entry', async () => {
    const test = await createTestDb();
    try {
      const applied = await test.db.client.execute('SELECT count(*) AS n FROM __drizzle_migrations');
      expect(Number(applied.rows[0]?.n)).toBe(journal.entries.length);
      const mode = await test.db.client.execute('PRAGMA journal_mode');
      expect(mode.rows[0]?.journal_mode).toBe('wal');
      const sync = await test.db.client.execute('PRAGMA synchronous');
      expect(Number(sync.rows[0]?.synchronous)).toBe(2); // FULL, the default (DB_SYNCHRONOUS)
      const fk = await test.db.client.execute('PRAGMA foreign_keys');
      expect(Number(fk.rows[0]?.foreign_keys)).toBe(1);
    } finally {
      test.cleanup();
    }
  });
});
