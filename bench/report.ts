/**
 * The bench's output: the table printed at the end, bench/results.json with the machine's
 * details, and (on request) the results section of docs/performance.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Measurement } from './load.ts';

export interface RowResult {
  id: string;
  title: string;
  connections: number;
  target: string | null;
  measured: Measurement;
  /** Throughput as a share of the ceiling at the same connections. */
  ceilingRatio: number | null;
  /** Ceiling CPU per request ÷ app CPU per request: the same share, independent of other load. */
  ceilingRatioByCpu: number | null;
  /** null when the row has no target. */
  targetMet: boolean | null;
  /** Wrong answers, errors: a failed row whatever the target says. */
  problems: string[];
}

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  freeMemoryGiB: number;
  platform: string;
  node: string;
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
  git: { commit: string | null; branch: string | null };
}

/** The commit checked out, read from .git without running git. */
export function gitHead(projectRoot: string): { commit: string | null; branch: string | null } {
  try {
    let gitDir = join(projectRoot, '.git');
    if (!existsSync(join(gitDir, 'HEAD'))) {
      const pointer = /gitdir: (.*)/.exec(readFileSync(gitDir, 'utf8'))?.[1]?.trim();
      if (!pointer) return { commit: null, branch: null };
      gitDir = resolve(projectRoot, pointer);
    }
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    const ref = /^ref: (.*)$/.exec(head)?.[1];
    if (!ref) return { commit: head, branch: null };
    const branch = ref.replace(/^refs\/heads\//, '');
    const commonDir = existsSync(join(gitDir, 'commondir'))
      ? resolve(gitDir, readFileSync(join(gitDir, 'commondir'), 'utf8').trim())
      : gitDir;
    for (const folder of [gitDir, commonDir]) {
      const file = join(folder, ref);
      if (existsSync(file)) return { commit: readFileSync(file, 'utf8').trim(), branch };
    }
    const packed = existsSync(join(commonDir, 'packed-refs'))
      ? readFileSync(join(commonDir, 'packed-refs'), 'utf8')
      : '';
    const line = packed.split('\n').find((entry) => entry.endsWith(` ${ref}`));
    return { commit: line?.split(' ')[0] ?? null, branch };
  } catch {
    return { commit: null, branch: null };
  }
}

export function machineInfo(projectRoot: string): MachineInfo {
  const processors = cpus();
  return {
    cpus: processors.length,
    cpuModel: processors[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 2 ** 30) * 10) / 10,
    platform: `${platform()} ${release()}`,
    node: process.version,
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
    git: gitHead(projectRoot),
  };
}

/** A row passes when every answer was right and its target (if any) was met. */
export function rowPassed(row: RowResult): boolean {
  return row.problems.length === 0 && row.targetMet !== false;
}

const number = (value: number | null, digits = 1) =>
  value === null || Number.isNaN(value)
    ? '—'
    : value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

function verdict(row: RowResult): string {
  if (row.problems.length > 0) return `FAIL (${row.problems.join('; ')})`;
  if (row.targetMet === null) return 'ok';
  return row.targetMet ? 'pass' : 'FAIL';
}

function cells(row: RowResult): string[] {
  const m = row.measured;
  return [
    row.title,
    String(row.connections),
    m.requests.toLocaleString('en'),
    number(m.perSecond, m.perSecond < 10 ? 1 : 0),
    number(m.p50, 2),
    number(m.p95, 2),
    number(m.p99, 2),
    percent(row.ceilingRatio),
    percent(row.ceilingRatioByCpu),
    number(m.serverCpuMs, 2),
    row.target ?? '—',
    verdict(row),
  ];
}

const headings = [
  'row',
  'conns',
  'n',
  'req/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  '% ceiling',
  '% ceiling (CPU)',
  'CPU ms/req',
  'target',
  'result',
];

/** The table for the terminal. */
export function formatTable(rows: readonly RowResult[]): string {
  const body = rows.map(cells);
  const widths = headings.map((heading, column) =>
    Math.max(heading.length, ...body.map((line) => (line[column] ?? '').length)),
  );
  const line = (values: string[]) =>
    values
      .map((value, column) =>
        column === 0 || column >= 10
          ? value.padEnd(widths[column] ?? 0)
          : value.padStart(widths[column] ?? 0),
      )
      .join('  ');
  return [line(headings), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}

/** The same table in Markdown, for docs/performance.md. */
export function formatMarkdownTable(rows: readonly RowResult[]): string {
  const escape = (value: string) => value.replaceAll('|', '\\|');
  return [
    `| ${headings.join(' | ')} |`,
    `| ${headings.map((_, column) => (column === 0 || column >= 10 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${cells(row).map(escape).join(' | ')} |`),
  ].join('\n');
}

export function writeResults(file: string, results: unknown): void {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

const startMarker = '<!-- bench:results:start -->';
const endMarker = '<!-- bench:results:end -->';

/**
 * Replaces the text between the results markers in docs/performance.md with `section`, formatted
 * as `npm run lint` expects. Returns false (and changes nothing) when the markers are missing.
 */
export async function updateDocsResults(docsFile: string, section: string): Promise<boolean> {
  if (!existsSync(docsFile)) return false;
  const text = readFileSync(docsFile, 'utf8');
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker);
  if (start === -1 || end === -1 || end < start) return false;
  const updated = `${text.slice(0, start + startMarker.length)}\n\n${section.trim()}\n\n${text.slice(end)}`;
  const prettier = await import('prettier');
  const config = (await prettier.resolveConfig(docsFile)) ?? {};
  writeFileSync(docsFile, await prettier.format(updated, { ...config, filepath: docsFile }));
  return true;
}

/** The results section of docs/performance.md: when, where, under what load, and the table. */
export function docsSection(input: {
  rows: readonly RowResult[];
  machine: MachineInfo;
  mode: string;
  dataset: Record<string, number>;
  finishedAt: string;
  /** Worker processes of the app server. */
  workers: number;
}): string {
  const { machine } = input;
  const load = (values: number[] | undefined) => (values ?? []).map((value) => value.toFixed(2)).join(' / ');
  return [
    `Run ${input.finishedAt} (${input.mode}), commit ${machine.git.commit?.slice(0, 12) ?? 'unknown'}, ` +
      `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, ` +
      `the app in ${input.workers} worker process${input.workers === 1 ? '' : 'es'} (the ceiling in one). ` +
      `Load average (1 / 5 / 15 min) ${load(machine.loadAverageAtStart)} at the start, ${load(machine.loadAverageAtEnd)} at the end.`,
    '',
    `Dataset: ${Object.entries(input.dataset)
      .map(([table, count]) => `${count.toLocaleString('en')} ${table}`)
      .join(', ')}.`,
    '',
    formatMarkdownTable(input.rows),
  ].join('\n');
}

/** The folder of this file's project (bench/..). */
export function projectRootOf(moduleUrl: string): string {
  return resolve(dirname(new URL(moduleUrl).pathname), '..');
}
