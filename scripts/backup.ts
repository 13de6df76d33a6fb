/**
 * `npm run backup -- --to <dir>`: a consistent copy of the database while the app keeps serving,
 * checked (integrity and row counts), named by UTC time, and older backups pruned to 7 daily,
 * 4 weekly and 12 monthly ones (`--keep-all` prunes nothing). Without --to it uses BACKUP_DIR.
 */
import { parseArgs } from 'node:util';
import { createDb, parseSynchronousMode } from '#src/lib/server/db.ts';
import { createBackup } from '#src/lib/server/ops/backup/create.ts';
import { databaseUrl } from './db-url.ts';

const usage = 'Usage: npm run backup -- --to <folder> [--keep-all]';
let values;
try {
  ({ values } = parseArgs({
    options: { to: { type: 'string' }, 'keep-all': { type: 'boolean', default: false } },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const dir = values.to ?? process.env.BACKUP_DIR;
if (!dir) {
  console.error(`Say where the backup goes: --to <folder> (or set BACKUP_DIR).\n${usage}`);
  process.exit(2);
}

const db = await createDb(databaseUrl(), {
  authToken: process.env.DATABASE_AUTH_TOKEN,
  synchronous: parseSynchronousMode(process.env.DB_SYNCHRONOUS),
});
try {
  const result = await createBackup(db, dir, { retention: values['keep-all'] ? null : undefined });
  const rows = Object.entries(result.check.rowCounts);
  console.log(`Backup written and checked: ${result.path}`);
  console.log(
    `  ${(result.sizeBytes / 1024 / 1024).toFixed(1)} MB in ${result.durationMs} ms; integrity ${result.check.integrity.join(', ')}; ${rows.length} tables`,
  );
  for (const [table, count] of rows) console.log(`  ${table.padEnd(28)} ${count}`);
  if (result.removed.length > 0)
    console.log(`Removed ${result.removed.length} older backups: ${result.removed.join(', ')}`);
} catch (error) {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  console.error(`${error instanceof Error ? error.message : String(error)}${cause}`);
  process.exitCode = 1;
} finally {
  db.close();
}
