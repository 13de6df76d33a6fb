import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { loadBenchContent } from '../bench/content.ts';
import { createDb } from '#src/lib/server/db.ts';
import { checkInvariants } from '../tests/reliability/db-invariants.ts';
import { createLearners } from '../tests/reliability/fixture.ts';
import { runJourneys } from '../tests/reliability/journeys.ts';
import { origins } from './origins.ts';

/**
 * Two app processes on one database file under concurrent writes: learners go through the whole
 * supervisors' course at the same time, each request sent to either process at random, while
 * readers re-open lessons on both. No request may fail (no 5xx, so no SQLITE_BUSY reaches anyone),
 * no progress may be lost, and the database must hold exactly what the answers promised.
 * `npm run bench -- --reliability` runs the same with many more learners.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const databaseUrl = process.env.E2E_DATABASE_URL ?? 'file:test-results/e2e.db';

test('two processes on one database: concurrent learners lose no progress and see no errors', async () => {
  test.setTimeout(240_000);
  const content = loadBenchContent(root);
  const db = await createDb(databaseUrl);
  try {
    const created = await createLearners(db, `two${Date.now().toString(36)}`, 8, Date.now());
    const learners = created.map((learner, index) => ({ ...learner, address: `127.0.3.${200 + index}` }));
    const report = await runJourneys({
      db,
      content,
      origins: [...origins],
      learners,
      readers: 2,
      readerRounds: 3,
    });
    expect(report.problems).toEqual([]);
    expect(
      await checkInvariants(
        db,
        content,
        learners.map((learner) => learner.id),
      ),
    ).toEqual([]);
  } finally {
    db.close();
  }
});
