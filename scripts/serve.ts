/**
 * `npm run serve`: the production server from `npm run build`. Applies pending migrations
 * first, never seeds demo data.
 */
import { existsSync } from 'node:fs';
import { createDb, migrateDb } from '#src/lib/server/db.ts';
import { databaseUrl } from './db-url.ts';

const entry = new URL('../dist/server/entry.mjs', import.meta.url);
if (!existsSync(entry)) {
  console.error('There is no build yet. Run `npm run build` first, then `npm run serve`.');
  process.exit(1);
}
const db = await createDb(databaseUrl(), { authToken: process.env.DATABASE_AUTH_TOKEN });
await migrateDb(db);
db.close();
process.env.HOST ??= '0.0.0.0';
process.env.PORT ??= '4321';
await import(entry.href);
