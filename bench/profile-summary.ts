/**
 * `node bench/profile-summary.ts <file.cpuprofile | folder> [--top=N] [--skip=S] [--until=U]`: the heaviest
 * functions of a V8 CPU profile written by `npm run bench -- --profile=DIR`, by self time and by
 * the time spent under each package or project folder, so a profile can be read (and recorded in
 * docs/performance.md) without opening Chrome DevTools. `--skip` leaves out the first S seconds
 * of the profile (the server's start-up: loading and compiling modules), which no request pays;
 * `--until` leaves out everything after U seconds, so one bench row can be read on its own.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function newestProfile(path: string): string {
  if (!statSync(path).isDirectory()) return path;
  const files = readdirSync(path)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => join(path, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  const newest = files[0];
  if (!newest) throw new Error(`No .cpuprofile in ${path}.`);
  return newest;
}

/** Where a frame's code comes from: a package, a folder of the build, Node itself, or V8. */
function origin(url: string): string {
  if (url === '') return '(V8 / native)';
  if (url.startsWith('node:')) return 'node: (Node core)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules?.[1]) return modules[1];
  const chunk = /\/server\/(chunks|pages)\/(?:([^/]+)\/)?/.exec(url);
  if (chunk) return `build: server/${chunk[1]}${chunk[2] && chunk[1] === 'chunks' ? `/${chunk[2]}` : ''}`;
  return url.replace(/^file:\/\/.*\/(test-results|dist)[^/]*\//, '');
}

const argv = process.argv.slice(2);
const target = argv.find((arg) => !arg.startsWith('--'));
if (!target) {
  console.error(
    'usage: node bench/profile-summary.ts <file.cpuprofile | folder> [--top=N] [--skip=S] [--until=U]',
  );
  process.exit(2);
}
const numberOption = (name: string, fallback: number): number =>
  Number(
    new RegExp(`^--${name}=([\\d.]+)$`).exec(argv.find((arg) => arg.startsWith(`--${name}=`)) ?? '')?.[1] ??
      fallback,
  );
const top = numberOption('top', 25);
const skipUs = numberOption('skip', 0) * 1e6;
const untilUs = numberOption('until', Number.POSITIVE_INFINITY) * 1e6;
const file = newestProfile(target);
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfUs = new Map<number, number>();
let elapsedUs = 0;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  elapsedUs += delta;
  if (elapsedUs >= skipUs && elapsedUs < untilUs) selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
});
const idle = new Set(['(idle)', '(program)', '(garbage collector)']);
let total = 0;
let busy = 0;
const frames = new Map<string, number>();
const origins = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = byId.get(id);
  if (!node) continue;
  total += us;
  const name = node.callFrame.functionName || '(anonymous)';
  if (name === '(idle)') continue;
  busy += us;
  const where = idle.has(name) ? name : origin(node.callFrame.url);
  const key = idle.has(name) ? name : `${name}  ${where}:${node.callFrame.lineNumber + 1}`;
  frames.set(key, (frames.get(key) ?? 0) + us);
  origins.set(where, (origins.get(where) ?? 0) + us);
}

const percent = (us: number) => `${((us / busy) * 100).toFixed(1).padStart(5)}%`;
console.log(
  `${file}\n${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s not idle (percentages below are of that)\n`,
);
console.log('Self time by origin:');
for (const [where, us] of [...origins].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`  ${percent(us)}  ${where}`);
console.log(`\nTop ${top} functions by self time:`);
for (const [key, us] of [...frames].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${percent(us)}  ${key}`);
