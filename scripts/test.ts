/**
 * `npm test`: the whole suite. Unit and integration tests (Vitest, real temp-file databases),
 * then the browser journeys (Playwright in Debian's Chromium against the built server).
 */
import { spawnSync } from 'node:child_process';

function run(command: string, args: string[]): number {
  return spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;
}

const unit = run('npx', ['vitest', 'run']);
if (unit !== 0) {
  console.error('Unit and integration tests failed; browser tests were not run.');
  process.exit(unit);
}
process.exit(run('node', ['scripts/e2e.ts', ...process.argv.slice(2)]));
