/**
 * `npm start`: the app for a newcomer. Migrates and seeds the default local database with demo
 * data, then runs Astro's dev server on http://localhost:4321.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { seedDemo } from './seed/demo.ts';
import { createDb, migrateDb } from '#src/lib/server/db.ts';
import { databaseUrl, isDefaultLocalDatabase } from './db-url.ts';
import { demoSeedSteps } from './demo-steps.ts';

const url = databaseUrl();
const db = await createDb(url, { authToken: process.env.DATABASE_AUTH_TOKEN });
await migrateDb(db);
if (isDefaultLocalDatabase(url)) {
  const report = await seedDemo(db, Date.now(), demoSeedSteps);
  console.log(report);
} else {
  console.log(`DATABASE_URL is set: demo data is only seeded into the default local database.`);
}
db.close();

const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const child = spawn(process.execPath, [astroBin, 'dev', '--port', process.env.PORT ?? '4321'], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
