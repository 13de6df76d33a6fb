import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrateDb, type Database } from '#src/lib/server/db.ts';

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
