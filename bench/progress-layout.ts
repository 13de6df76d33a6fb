/**
 * `node bench/progress-layout.ts [--learners=N] [--rows=N] [--reads=N]`: what storing
 * lesson_progress as a WITHOUT ROWID table (migration 0009) does to the learner-state read on a
 * database whose rows were written the way a live one's are: day after day, every learner a row
 * at a time, so one learner's rows are spread over the whole file. The bench's own dataset is
 * written learner by learner, which hides the difference (docs/performance.md, part G).
 *
 * Builds two files in a temporary folder, the same rows in the same order, one a rowid table with
 * its primary key as a separate index (before 0009), one WITHOUT ROWID (after), then times the
 * lesson part of the learner-state statement for learners taken across the whole range, and an
 * upsert of a new lesson view. Prints microseconds per statement; takes a few minutes at the
 * default size (1,000,000 rows, the bench's full size).
 */
import Sqlite from 'libsql';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const options = new Map(
  process.argv.slice(2).map((arg) => {
    const [name, value] = arg.replace(/^--/, '').split('=');
    return [name, Number(value)] as const;
  }),
);
const learners = options.get('learners') ?? 10_000;
const rowsPerLearner = options.get('rows') ?? 100;
const reads = options.get('reads') ?? 20_000;

const learnerId = (index: number) => `learner-${String(index).padStart(6, '0')}-0123456789abcdef`;

function build(path: string, withoutRowid: boolean): void {
  const db = new Sqlite(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(`CREATE TABLE lesson_progress (
    user_id text NOT NULL, lesson_id text NOT NULL, first_viewed_at integer NOT NULL,
    last_viewed_at integer NOT NULL, completed_at integer, PRIMARY KEY (user_id, lesson_id)
  )${withoutRowid ? ' WITHOUT ROWID' : ''}`);
  db.exec('CREATE INDEX lesson_progress_lesson_idx ON lesson_progress (lesson_id)');
  const insert = db.prepare('INSERT INTO lesson_progress VALUES (?, ?, ?, ?, ?)');
  db.exec('BEGIN');
  for (let day = 0; day < rowsPerLearner; day++)
    for (let learner = 0; learner < learners; learner++) {
      const at = 1_700_000_000_000 + (day * learners + learner) * 1000;
      const lesson = `module-${String(day % 12).padStart(2, '0')}/lesson-${String(day).padStart(3, '0')}`;
      insert.run(learnerId(learner), lesson, at, at, day % 2 === 0 ? at : null);
    }
  db.exec('COMMIT');
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
}

function measure(path: string): { readUs: number; upsertUs: number; pages: number } {
  const db = new Sqlite(path);
  const read = db.prepare(`SELECT json_array(
      json_group_array(json_array(lesson_id, completed_at, last_viewed_at)), max(last_viewed_at))
    FROM lesson_progress WHERE user_id = ?`);
  const upsert = db.prepare(`INSERT INTO lesson_progress VALUES (?, ?, ?, ?, NULL)
    ON CONFLICT (user_id, lesson_id) DO UPDATE SET last_viewed_at = excluded.last_viewed_at`);
  // A stride through the learners, so that each read lands somewhere new in the file.
  const pick = (index: number) => learnerId((index * 7919) % learners);
  for (let index = 0; index < 2000; index++) read.get(pick(index));
  let started = performance.now();
  for (let index = 0; index < reads; index++) read.get(pick(index));
  const readUs = ((performance.now() - started) * 1000) / reads;
  db.exec('PRAGMA synchronous = OFF'); // the statement's own cost, not the disk's flush
  started = performance.now();
  const upserts = 5000;
  for (let index = 0; index < upserts; index++)
    upsert.run(pick(index * 13), `module-new/lesson-${index}`, index, index);
  const upsertUs = ((performance.now() - started) * 1000) / upserts;
  const pages = Number((db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count);
  db.close();
  return { readUs, upsertUs, pages };
}

const dir = mkdtempSync(join(tmpdir(), 'rtw-progress-layout-'));
try {
  const files = { rowid: join(dir, 'rowid.db'), withoutRowid: join(dir, 'without-rowid.db') };
  console.log(`${(learners * rowsPerLearner).toLocaleString('en')} rows, written day by day…`);
  build(files.rowid, false);
  build(files.withoutRowid, true);
  for (let round = 1; round <= 3; round++)
    for (const [layout, path] of Object.entries(files)) {
      const { readUs, upsertUs, pages } = measure(path);
      console.log(
        `round ${round} ${layout.padEnd(12)} read one learner's rows ${readUs.toFixed(1).padStart(7)} µs` +
          `   upsert ${upsertUs.toFixed(1).padStart(6)} µs   ${pages.toLocaleString('en')} pages`,
      );
    }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
