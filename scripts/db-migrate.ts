import { createDb, migrateDb } from '#src/lib/server/db.ts';
import { databaseUrl } from './db-url.ts';

const url = databaseUrl();
const db = await createDb(url, { authToken: process.env.DATABASE_AUTH_TOKEN });
await migrateDb(db);
db.close();
console.log(`Migrations applied to ${url.replace(/\/\/[^@]*@/, '//…@')}`);
