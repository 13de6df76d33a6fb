import { createDb, migrateDb } from '#src/lib/server/db.ts';
import { findLookAlikeNames } from '#src/lib/server/account/name-report.ts';
import { databaseUrl } from './db-url.ts';

const url = databaseUrl();
const db = await createDb(url, { authToken: process.env.DATABASE_AUTH_TOKEN });
await migrateDb(db);
// Names stored before the look-alike rules are reported, never changed (npm run names:check).
const lookAlikes = await findLookAlikeNames(db);
db.close();
if (lookAlikes.length > 0)
  console.log(
    `${lookAlikes.length} stored name(s) break the look-alike rules: run npm run names:check to list them.`,
  );
console.log(`Migrations applied to ${url.replace(/\/\/[^@]*@/, '//…@')}`);
