/**
 * `npm run test:e2e`: builds the app, prepares a fresh database with the demo accounts, and runs
 * the Playwright journeys in Debian's Chromium. Without a Chromium it says so and skips, except
 * in CI (CI=true), where browser tests are required.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { seedDemo } from './seed/demo.ts';
import { createDb, migrateDb } from '#src/lib/server/db.ts';
import { findChromium } from './chromium.ts';
import { demoSeedSteps } from './demo-steps.ts';

const chromium = findChromium();
if (!chromium) {
  if (process.env.CI) {
    console.error(
      "Browser tests are required in CI, but no Chromium was found. Install Debian's chromium (apt-get install -y chromium).",
    );
    process.exit(1);
  }
  console.log(
    "SKIPPED browser tests: no Chromium found. Install Debian's chromium (or set CHROMIUM_PATH) to run them.",
  );
  process.exit(0);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// E2E_OUT_DIR lets a developer build beside a dist/ that another process is using.
const outDir = resolve(process.env.E2E_OUT_DIR ?? 'dist');
if (!process.env.E2E_SKIP_BUILD) run('npx', ['astro', 'build', '--outDir', outDir]);

const dir = resolve('test-results');
mkdirSync(dir, { recursive: true });
// A run with its own E2E_OUT_DIR gets its own database and output folder too.
const runName = process.env.E2E_OUT_DIR ? basename(outDir) : 'e2e';
const file = resolve(dir, `${runName}.db`);
for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
const url = `file:${file}`;
const db = await createDb(url);
await migrateDb(db);
await seedDemo(db, Date.now(), demoSeedSteps);
db.close();

run('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  E2E_DATABASE_URL: url,
  E2E_DIST: outDir,
  CHROMIUM_PATH: chromium,
  E2E_OUTPUT_DIR: resolve(dir, `${runName}-playwright`),
});
