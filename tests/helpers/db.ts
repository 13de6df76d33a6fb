import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { createDb, migrateDb, migrationsFolder, type Database } from '#src/lib/server/db.ts';

export interface TestDatabase {
  db: Database;
  url: string;
  dir: string;
  cleanup(): void;
}

/** A real, migrated libSQL file in a fresh temp folder. */
export async function createTestDb(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'rtw-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const db = await createDb(url);
  await migrateDb(db);
  return {
    db,
    url,
    dir,
    cleanup() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A libSQL file in a fresh temp folder migrated up to, not including, the migration whose tag
 * ends with `tagSuffix`: for testing what that migration does to a database that holds data.
 * `migrateRest` then applies every migration.
 */
export async function createDbBefore(
  tagSuffix: string,
): Promise<TestDatabase & { migrateRest(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'rtw-migration-'));
  const folder = join(dir, 'migrations');
  cpSync(migrationsFolder(), folder, { recursive: true });
  const journalPath = join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const upTo = journal.entries.findIndex((entry) => entry.tag.endsWith(tagSuffix));
  if (upTo < 1) throw new Error(`No migration after the first ends with "${tagSuffix}".`);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));
  const url = `file:${join(dir, 'test.db')}`;
  const db = await createDb(url);
  await db.write(() => migrate(db.orm, { migrationsFolder: folder }));
  return {
    db,
    url,
    dir,
    migrateRest: () => migrateDb(db),
    cleanup() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
