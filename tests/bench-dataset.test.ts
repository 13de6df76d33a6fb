import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBenchContent } from '../bench/content.ts';
import { seedDataset } from '../bench/dataset.ts';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';
import { createDb, type Database } from '#src/lib/server/db.ts';
import { rebuildProgressPercents } from '#src/lib/server/learning/progress-percent.ts';

/**
 * The bench writes its dataset with raw INSERTs, so it must fill the % kept on each enrolment
 * itself: the app's rebuild over the seeded rows finds nothing to change.
 */

let dir: string;
let db: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rtw-bench-dataset-'));
  const url = `file:${join(dir, 'bench.db')}`;
  await seedDataset(
    url,
    loadBenchContent(),
    { learners: 120, employers: 4, lessonProgress: 20_000, quizAttempts: 3_000, certificates: 30 },
    Date.UTC(2026, 10, 2, 1, 0, 0),
  );
  db = await createDb(url);
}, 120_000);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the bench dataset', () => {
  it('keeps each enrolment % as the app computes it', async () => {
    const catalogue = catalogueFromTree(readContentTree(process.cwd()));
    const result = await rebuildProgressPercents(db, catalogue);
    expect(result.enrolments).toBeGreaterThan(120);
    expect(result.changed).toBe(0);
  });
});
