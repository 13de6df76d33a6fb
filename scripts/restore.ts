/**
 * `npm run restore -- <backup file>`: replaces the local database (DATABASE_URL, a file) with a
 * backup. Refuses while an app uses the database; checks the backup before and the database
 * after; keeps a copy of what it replaced beside it. Stop the app first, start it after:
 * `npm run serve` applies any migrations newer than the backup.
 */
import { parseArgs } from 'node:util';
import { restoreDatabase } from '#src/lib/server/ops/backup/restore.ts';
import { databaseUrl } from './db-url.ts';

const usage = 'Usage: npm run restore -- <backup file>';
let positionals: string[];
try {
  ({ positionals } = parseArgs({ allowPositionals: true, options: {} }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (positionals.length !== 1) {
  console.error(`Name one backup file to restore.\n${usage}`);
  process.exit(2);
}

const url = databaseUrl();
const result = await restoreDatabase({ backupPath: positionals[0]!, targetUrl: url });
if (result.ok) {
  console.log(`Restored ${positionals[0]} into ${result.target}; integrity ok, row counts match the backup.`);
  if (result.previousCopy) console.log(`The database it replaced is kept at ${result.previousCopy}.`);
  console.log('Start the app now (npm run serve applies any newer migrations).');
} else {
  switch (result.reason) {
    case 'not-a-local-file':
      console.error(
        `DATABASE_URL is ${result.url.replace(/\/\/[^@]*@/, '//…@')}, not a local file. Restore a libSQL server with its own tools (see docs/deploy.md).`,
      );
      break;
    case 'backup-unreadable':
      console.error(
        `Could not read the backup: ${result.detail}. Check the path and that it is a backup file.`,
      );
      break;
    case 'backup-damaged':
      console.error(
        `The backup failed its integrity check (${result.integrity.slice(0, 3).join('; ')}). Pick an older backup.`,
      );
      break;
    case 'not-an-app-database':
      console.error(
        'That file is an SQLite database but not one of this app (no users, no migrations table).',
      );
      break;
    case 'app-running':
      console.error(
        'An app is running on this database. Stop it first (systemctl stop rtw-academy, docker compose stop app):',
      );
      for (const running of result.processes)
        console.error(
          `  ${running.host} pid ${running.pid}, last seen ${new Date(running.seenAt).toISOString()}`,
        );
      break;
    case 'database-open':
      console.error(
        'Another process has the database open (an app, npm run jobs, a sqlite3 shell). Stop it first.',
      );
      break;
    case 'check-failed':
      console.error(
        `The restored database failed its check: ${result.detail}. The previous one is kept beside it.`,
      );
      break;
  }
  process.exitCode = 1;
}
