/**
 * Validates every job aid spec (src/content/job-aids/<id>.yaml and its Bahasa Malaysia version in
 * ms/<id>.yaml) and writes its files to public/downloads/: the fillable PDF in each language
 * (<id>.pdf, <id>-ms.pdf) and, for aids with a table, the spreadsheet (<id>.xlsx, <id>-ms.xlsx).
 *
 *   node scripts/build-job-aids.ts          build (files whose bytes are unchanged are not rewritten)
 *   node scripts/build-job-aids.ts --check  build nothing; exit 1 when a file is missing or stale
 *
 * Runs on Node >= 22.18 (type stripping); through npm the project's Node 24 is used.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { planJobAidOutputs } from '#src/lib/server/job-aid/outputs.ts';
import { readJobAidSources } from '#src/lib/server/job-aid/sources.ts';

const root = new URL('../', import.meta.url);
const outputDirectory = new URL('public/downloads/', root);

async function readExisting(url: URL): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(url));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

async function main(): Promise<number> {
  const checkOnly = process.argv.includes('--check');
  const sources = readJobAidSources(fileURLToPath(root));
  if (!sources.ok) {
    console.error(`Job aids not built: ${sources.problems.length} problem(s) to fix in the specs.`);
    for (const problem of sources.problems) console.error(`  ${problem}`);
    return 1;
  }
  if (sources.aids.length === 0) {
    console.log('No job aid specs in src/content/job-aids/: nothing to build.');
    return 0;
  }

  if (!checkOnly) await mkdir(outputDirectory, { recursive: true });
  let stale = 0;
  let failed = 0;
  for (const aid of sources.aids) {
    for (const output of planJobAidOutputs(aid)) {
      const started = performance.now();
      let bytes: Uint8Array;
      try {
        bytes = await output.render();
      } catch (error) {
        failed++;
        console.error(`FAILED     public/downloads/${output.file}: ${(error as Error).message}`);
        continue;
      }
      const target = new URL(output.file, outputDirectory);
      const existing = await readExisting(target);
      const upToDate = existing !== null && sameBytes(existing, bytes);
      const took = `${Math.round(performance.now() - started)} ms`;
      if (checkOnly) {
        if (!upToDate) stale++;
        console.log(
          `${upToDate ? 'up to date' : existing ? 'STALE     ' : 'MISSING   '} public/downloads/${output.file}`,
        );
        continue;
      }
      if (!upToDate) await writeFile(target, bytes);
      const size = `${(bytes.length / 1024).toFixed(1)} KB`;
      console.log(
        `${upToDate ? 'unchanged' : 'written  '} public/downloads/${output.file}  ${size}  ${took}`,
      );
    }
  }
  if (failed > 0) {
    console.error(`${failed} job aid file(s) could not be built: fix the spec named above and run again.`);
    return 1;
  }
  if (stale > 0) {
    console.error(`${stale} job aid file(s) are missing or stale. Run: npm run build:job-aids`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
