import { seedDemo } from './seed/demo.ts';
import { createDb, migrateDb } from '#src/lib/server/db.ts';
import { databaseUrl, isDefaultLocalDatabase } from './db-url.ts';
import { demoSeedSteps } from './demo-steps.ts';

const url = databaseUrl();
if (!isDefaultLocalDatabase(url)) {
  console.error('Demo data goes only into the default local database. Unset DATABASE_URL to seed it.');
  process.exit(1);
}
const db = await createDb(url);
await migrateDb(db);
console.log(await seedDemo(db, Date.now(), demoSeedSteps));
db.close();
