/**
 * Validates every job aid spec in src/content/job-aids/ and writes public/downloads/<id>.pdf.
 *
 *   node scripts/build-job-aids.ts          build (files whose bytes are unchanged are not rewritten)
 *   node scripts/build-job-aids.ts --check  build nothing; exit 1 when a PDF is missing or stale
 *
 * Runs on Node >= 22.18 (type stripping); through npm the project's Node 24 is used.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { parseJobAid } from '#src/lib/content/job-aid-schema.ts';
import type { JobAidSpec } from '#src/lib/content/job-aid-schema.ts';
import { renderJobAidPdf } from '#src/lib/server/pdf/job-aid.ts';

const root = new URL('../', import.meta.url);
const specDirectory = new URL('src/content/job-aids/', root);
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

async function loadSpecs(): Promise<{ specs: Array<{ id: string; spec: JobAidSpec }>; problems: string[] }> {
  const files = (await readdir(specDirectory)).filter((name) => /\.ya?ml$/u.test(name)).sort();
  const specs: Array<{ id: string; spec: JobAidSpec }> = [];
  const problems: string[] = [];
  for (const file of files) {
    const fileName = `src/content/job-aids/${file}`;
    let data: unknown;
    try {
      data = parse(await readFile(new URL(file, specDirectory), 'utf8'));
    } catch (error) {
      problems.push(`${fileName}: the YAML does not parse: ${(error as Error).message}`);
      continue;
    }
    const result = parseJobAid(fileName, data);
    if (result.ok) specs.push({ id: file.replace(/\.ya?ml$/u, ''), spec: result.spec });
    else problems.push(...result.problems);
  }
  return { specs, problems };
}

async function main(): Promise<number> {
  const checkOnly = process.argv.includes('--check');
  const { specs, problems } = await loadSpecs();
  if (problems.length > 0) {
    console.error(`Job aids not built: ${problems.length} problem(s) to fix in the specs.`);
    for (const problem of problems) console.error(`  ${problem}`);
    return 1;
  }
  if (specs.length === 0) {
    console.log('No job aid specs in src/content/job-aids/: nothing to build.');
    return 0;
  }

  if (!checkOnly) await mkdir(outputDirectory, { recursive: true });
  let stale = 0;
  for (const { id, spec } of specs) {
    const started = performance.now();
    const bytes = await renderJobAidPdf(spec);
    const target = new URL(`${id}.pdf`, outputDirectory);
    const existing = await readExisting(target);
    const upToDate = existing !== null && sameBytes(existing, bytes);
    const took = `${Math.round(performance.now() - started)} ms`;
    if (checkOnly) {
      if (!upToDate) stale++;
      console.log(
        `${upToDate ? 'up to date' : existing ? 'STALE     ' : 'MISSING   '} public/downloads/${id}.pdf`,
      );
      continue;
    }
    if (!upToDate) await writeFile(target, bytes);
    const size = `${(bytes.length / 1024).toFixed(1)} KB`;
    console.log(`${upToDate ? 'unchanged' : 'written  '} public/downloads/${id}.pdf  ${size}  ${took}`);
  }
  if (stale > 0) {
    console.error(`${stale} job aid PDF(s) are missing or stale. Run: node scripts/build-job-aids.ts`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
