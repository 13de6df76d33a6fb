/**
 * `npm run progress:rebuild`: recomputes the % complete kept on every enrolment (the progress
 * report's chart reads it) from the learners' records and the content on disk. Run it after
 * deploying a content change that adds, removes or makes optional a lesson, a quiz or an
 * assignment: such a change moves everyone's % without anyone writing progress. Safe while the
 * app runs: each chunk of learners is read and written in one short transaction.
 */
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';
import { createDb, migrateDb } from '#src/lib/server/db.ts';
import { rebuildProgressPercents } from '#src/lib/server/learning/progress-percent.ts';
import { databaseUrl } from './db-url.ts';

const tree = readContentTree(process.cwd());
if (tree.problems.length > 0) {
  console.error(
    `The content has problems; fix them first (npm run content:check):\n${tree.problems.join('\n')}`,
  );
  process.exit(1);
}
const url = databaseUrl();
const db = await createDb(url, { authToken: process.env.DATABASE_AUTH_TOKEN });
await migrateDb(db);
const started = performance.now();
const { enrolments, changed } = await rebuildProgressPercents(db, catalogueFromTree(tree));
db.close();
console.log(
  `% complete rebuilt for ${enrolments} enrolment(s) in published courses: ${changed} changed ` +
    `(${((performance.now() - started) / 1000).toFixed(1)} s).`,
);
