/**
 * The production build the bench measures, in its own folder inside the project (so the
 * server's imports resolve from the project's node_modules, and dist/ stays whatever the
 * developer built). Rebuilt only when a source file is newer than the last build.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// scripts/build holds the build's transforms of Astro's own modules (astro.config.mjs).
const sources = [
  'src',
  'db',
  'public',
  'scripts/build',
  'astro.config.mjs',
  'package-lock.json',
  'tsconfig.json',
];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  return newest;
}

/** The server entry of the build in `outDir`; builds first when missing or older than the sources. */
export async function ensureBuild(input: {
  projectRoot: string;
  outDir: string;
  force: boolean;
  skip: boolean;
  log: (line: string) => void;
}): Promise<{ entry: string; built: boolean; seconds: number }> {
  const entry = join(input.outDir, 'server/entry.mjs');
  const newestSource = Math.max(...sources.map((name) => newestChange(join(input.projectRoot, name))));
  const current = existsSync(entry) && statSync(entry).mtimeMs > newestSource;
  if (input.skip || (current && !input.force)) {
    if (!existsSync(entry)) throw new Error(`There is no build at ${input.outDir}; run without --no-build.`);
    input.log(
      `build: using ${input.outDir}${current ? '' : ' (older than the sources: --no-build was given)'}`,
    );
    return { entry, built: false, seconds: 0 };
  }
  const started = performance.now();
  mkdirSync(input.outDir, { recursive: true });
  const logFile = `${input.outDir}-build.log`;
  input.log(`build: astro build --outDir ${input.outDir} (log: ${logFile})`);
  const log = createWriteStream(logFile);
  const code = await new Promise<number>((done, fail) => {
    const child = spawn('npx', ['astro', 'build', '--outDir', input.outDir], {
      cwd: input.projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', fail);
    child.on('exit', (status) => done(status ?? 1));
  });
  log.end();
  if (code !== 0 || !existsSync(entry)) throw new Error(`The build failed (exit ${code}); see ${logFile}.`);
  return { entry, built: true, seconds: (performance.now() - started) / 1000 };
}
