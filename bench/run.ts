/**
 * `npm run bench`: builds the app, loads the large dataset into a fresh database, starts the
 * production server and measures every hot path with autocannon against a bare node:http
 * ceiling; then runs the reliability checks at full size. Prints a table, writes
 * bench/results.json. See docs/performance.md, and `npm run bench -- --help`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { sendHttp } from '../tests/reliability/http-client.ts';
import { parseWorkerCount } from '#src/lib/server/ops/workers.ts';
import { ensureBuild } from './build.ts';
import { loadBenchContent } from './content.ts';
import { FULL_DATASET, QUICK_DATASET, seedDataset } from './dataset.ts';
import { prepareFixture } from './fixtures.ts';
import { measure } from './load.ts';
import { phases, type Phase } from './phases.ts';
import {
  FULL_RELIABILITY,
  QUICK_RELIABILITY,
  runCrashCheck,
  runServerChecks,
  type ReliabilityReport,
} from './reliability.ts';
import {
  docsSection,
  formatTable,
  machineInfo,
  projectRootOf,
  rowPassed,
  updateDocsResults,
  writeResults,
  type RowResult,
} from './report.ts';
import { startAppServer, startCeilingServer, type RunningServer } from './server.ts';

const help = `npm run bench [-- options]

  (no options)      full run: 10,000 learners, 1,000,000 progress rows; every row for 10 s; then the
                    reliability checks at full size (200 kills, 64 concurrent learners, 3,000 fuzz requests)
  --quick           small dataset, 2 s per row, performance only (under a minute once built)
  --perf            performance rows only          --reliability   reliability checks only
  --only=a,b        only these rows (ids: ${phases.map((phase) => phase.id).join(', ')})
  --seconds=N       seconds per row (warm-up extra)
  --kills=N         SIGKILLs in the crash check    --fuzz-runs=N   requests in the HTTP fuzz
  --no-build        use the existing build even if sources changed    --rebuild   build even if current
  --port=N          first of four loopback ports (default 4801)
  --ports=A,B[,C,D] the ports themselves: the app, the ceiling, then (only when a row or check needs them)
                    the second process and the DB_SYNCHRONOUS=normal process
  --write-docs      put the table into docs/performance.md (between the results markers)
  --strict          exit 1 when a target is missed (otherwise only wrong answers and reliability failures do)
  --keep            keep the database in test-results/bench-data
  --dir=NAME        build into test-results/NAME-dist and seed test-results/NAME-data (default: bench),
                    so that two people benching from one working tree do not share files
  --workers=N       worker processes of the app server (default: one per CPU core, as \`npm run serve\`);
                    the CPU columns add up every worker
  --profile=DIR     write a V8 CPU profile of the app server into DIR (open it in Chrome DevTools)`;

interface Options {
  quick: boolean;
  perf: boolean;
  reliability: boolean;
  only: string[] | null;
  seconds: number | null;
  kills: number | null;
  fuzzRuns: number | null;
  build: 'auto' | 'skip' | 'force';
  port: number;
  ports: number[] | null;
  writeDocs: boolean;
  strict: boolean;
  keep: boolean;
  profile: string | null;
  dir: string;
  workers: number;
}

function parseOptions(argv: readonly string[]): Options {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match?.[1]) throw new Error(`Unknown argument "${arg}".\n\n${help}`);
    flags.set(match[1], match[2] ?? '');
  }
  const known = [
    'quick',
    'perf',
    'reliability',
    'only',
    'seconds',
    'kills',
    'fuzz-runs',
    'no-build',
    'rebuild',
    'port',
    'ports',
    'write-docs',
    'strict',
    'keep',
    'profile',
    'dir',
    'workers',
    'help',
  ];
  for (const name of flags.keys())
    if (!known.includes(name)) throw new Error(`Unknown option --${name}.\n\n${help}`);
  if (flags.has('help')) {
    console.log(help);
    process.exit(0);
  }
  const count = (name: string): number | null => {
    const value = flags.get(name);
    if (value === undefined) return null;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} needs a positive number.`);
    return parsed;
  };
  const quick = flags.has('quick');
  const onlyPerf = flags.has('perf');
  const onlyReliability = flags.has('reliability');
  const only =
    flags
      .get('only')
      ?.split(',')
      .filter((id) => id !== '') ?? null;
  for (const id of only ?? [])
    if (!phases.some((phase) => phase.id === id))
      throw new Error(`No row "${id}". Rows: ${phases.map((phase) => phase.id).join(', ')}.`);
  return {
    quick,
    perf: onlyPerf || !onlyReliability,
    reliability: onlyReliability || (!onlyPerf && !quick),
    only,
    seconds: count('seconds'),
    kills: count('kills'),
    fuzzRuns: count('fuzz-runs'),
    build: flags.has('no-build') ? 'skip' : flags.has('rebuild') ? 'force' : 'auto',
    port: count('port') ?? 4801,
    ports: portList(flags.get('ports')),
    writeDocs: flags.has('write-docs'),
    strict: flags.has('strict'),
    keep: flags.has('keep'),
    profile: flags.get('profile') || null,
    dir: benchDir(flags.get('dir')),
    workers: workerCount(flags.get('workers')),
  };
}

function workerCount(value: string | undefined): number {
  const parsed = parseWorkerCount(value, availableParallelism());
  if ('error' in parsed) throw new Error(`--workers: ${parsed.error}`);
  return parsed.count;
}

function portList(value: string | undefined): number[] | null {
  if (value === undefined) return null;
  const ports = value.split(',').map(Number);
  if (ports.length < 2 || ports.length > 4 || ports.some((port) => !Number.isInteger(port) || port <= 0))
    throw new Error('--ports takes two to four port numbers: app,ceiling[,second,sync-normal].');
  return ports;
}

function benchDir(value: string | undefined): string {
  if (value === undefined) return 'bench';
  if (!/^[a-z0-9-]+$/.test(value)) throw new Error('--dir takes a plain name: letters, digits and dashes.');
  return value;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

const started = performance.now();
const log = (line: string) => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  const load = loadavg()[0]?.toFixed(2) ?? '?';
  console.log(`[${seconds} s, load ${load}] ${line}`);
};

const options = parseOptions(process.argv.slice(2));
const projectRoot = projectRootOf(import.meta.url);
const machine = machineInfo(projectRoot);
const mode = options.quick ? 'quick' : 'full';
const dataset = options.quick ? QUICK_DATASET : FULL_DATASET;
const reliabilitySize = {
  ...(options.quick ? QUICK_RELIABILITY : FULL_RELIABILITY),
  ...(options.kills ? { kills: options.kills } : {}),
  ...(options.fuzzRuns ? { fuzzRuns: options.fuzzRuns } : {}),
};
const ports = options.ports
  ? {
      app: options.ports[0] ?? 0,
      ceiling: options.ports[1] ?? 0,
      ...(options.ports[2] ? { second: options.ports[2] } : {}),
      ...(options.ports[3] ? { syncNormal: options.ports[3] } : {}),
    }
  : {
      app: options.port,
      second: options.port + 1,
      ceiling: options.port + 2,
      syncNormal: options.port + 3,
    };
log(
  `RTW Academy bench (${mode}): ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, ` +
    `commit ${machine.git.commit?.slice(0, 12) ?? 'unknown'}, load average ${machine.loadAverageAtStart.join(' ')}`,
);
if (machine.loadAverageAtStart[0] !== undefined && machine.loadAverageAtStart[0] > machine.cpus * 0.5)
  log(
    `note: the machine is busy (load ${machine.loadAverageAtStart[0]} on ${machine.cpus} cores): absolute numbers will be low; the CPU columns are less affected`,
  );
for (const port of Object.values(ports))
  if (!(await portFree(port))) throw new Error(`Port ${port} is in use; pass --port=<another first port>.`);

const dataFolder = join(projectRoot, `test-results/${options.dir}-data`);
const servers: RunningServer[] = [];
const rows: RowResult[] = [];
let reliability: ReliabilityReport | null = null;
const results: Record<string, unknown> = {
  mode,
  startedAt: new Date().toISOString(),
  machine,
  workers: options.workers,
};
let exitCode = 0;

try {
  const content = loadBenchContent(projectRoot);
  const build = await ensureBuild({
    projectRoot,
    outDir: join(projectRoot, `test-results/${options.dir}-dist`),
    force: options.build === 'force',
    skip: options.build === 'skip',
    log,
  });
  if (build.built) log(`build: done in ${build.seconds.toFixed(1)} s`);
  results.build = build;

  rmSync(dataFolder, { recursive: true, force: true });
  mkdirSync(dataFolder, { recursive: true });
  const databaseUrl = `file:${join(dataFolder, 'bench.db')}`;
  log(
    `data: seeding ${dataset.learners.toLocaleString('en')} learners, ${dataset.lessonProgress.toLocaleString('en')} progress rows, ` +
      `${dataset.quizAttempts.toLocaleString('en')} attempts, ${dataset.certificates.toLocaleString('en')} certificates`,
  );
  const now = Date.now();
  const seeded = await seedDataset(databaseUrl, content, dataset, now, log);
  log(
    `data: seeded in ${seeded.seconds.toFixed(1)} s${seeded.seconds > 60 ? ' (over the 60 s budget)' : ''}`,
  );
  results.dataset = { size: dataset, counts: seeded.counts, seedSeconds: seeded.seconds };

  const fixture = await prepareFixture(
    databaseUrl,
    content,
    seeded,
    // The four quiz rows share the open attempts; with group commit the 16-connection rows
    // submit up to about 2,000 a second for 13 s each.
    { readers: options.quick ? 32 : 64, submitters: 32, submissions: options.quick ? 40_000 : 120_000 },
    now,
  );
  log(
    `data: ${fixture.readers.length} signed-in readers, ${fixture.submissions.length} open attempts to submit`,
  );

  const app = await startAppServer({
    entry: build.entry,
    databaseUrl,
    port: ports.app,
    projectRoot,
    workers: options.workers,
    profileDir: options.profile ? resolve(options.profile) : undefined,
  });
  servers.push(app);
  log(`server: ${app.origin} (pid ${app.pid}, ${options.workers} worker process(es))`);

  if (options.perf) {
    const selected = phases.filter(
      (phase) =>
        !options.only ||
        options.only.includes(phase.id) ||
        (phase.id === 'ceiling' && options.only.some((id) => phases.find((p) => p.id === id)?.versusCeiling)),
    );
    // The ceiling answers with the bytes of the signed-in lesson page.
    const reader = fixture.readers[0];
    if (!reader) throw new Error('No reader to fetch a lesson page with.');
    const lesson = await sendHttp({
      origin: app.origin,
      method: 'GET',
      path: reader.lessonPath,
      headers: { cookie: reader.cookie },
    });
    if (lesson.status !== 200) throw new Error(`The lesson page answered ${lesson.status}.`);
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(lesson.headers))
      if (
        value !== undefined &&
        !['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length'].includes(name)
      )
        headers[name] = value;
    writeFileSync(join(dataFolder, 'ceiling-body.html'), lesson.body);
    writeFileSync(join(dataFolder, 'ceiling-headers.json'), JSON.stringify(headers));
    const ceiling = await startCeilingServer({
      port: ports.ceiling,
      bodyFile: join(dataFolder, 'ceiling-body.html'),
      headersFile: join(dataFolder, 'ceiling-headers.json'),
      projectRoot,
    });
    servers.push(ceiling);
    log(
      `ceiling: ${ceiling.origin} answers ${lesson.body.byteLength.toLocaleString('en')} bytes like the lesson page`,
    );

    // The durability rows: a second process on the same database with DB_SYNCHRONOUS=normal.
    let syncNormal: RunningServer | null = null;
    if (selected.some((phase) => phase.server === 'app-sync-normal')) {
      syncNormal = await startAppServer({
        entry: build.entry,
        databaseUrl,
        port: requiredPort(ports.syncNormal, 'the DB_SYNCHRONOUS=normal rows'),
        projectRoot,
        workers: options.workers,
        env: { DB_SYNCHRONOUS: 'normal' },
      });
      servers.push(syncNormal);
      log(`server: ${syncNormal.origin} (pid ${syncNormal.pid}) with DB_SYNCHRONOUS=normal`);
    }

    let ceilingRow: RowResult | null = null;
    for (const [index, phase] of selected.entries()) {
      const target =
        phase.server === 'ceiling' ? ceiling : phase.server === 'app-sync-normal' ? syncNormal : app;
      if (!target) throw new Error(`No server for the row ${phase.id}.`);
      const seconds = options.seconds ?? (options.quick ? (phase.short ? 1.5 : 2) : phase.short ? 8 : 10);
      const warmupSeconds = options.quick ? 0.5 : phase.short ? 2 : 3;
      log(
        `row ${index + 1}/${selected.length}: ${phase.title}, ${phase.connections} connection(s), ${warmupSeconds} s warm-up + ${seconds} s`,
      );
      const measured = await measure({
        origin: target.origin,
        connections: phase.connections,
        warmupSeconds,
        seconds,
        next: phase.requests(fixture, target.origin),
        expect: expectation(phase),
        serverPid: target.pid,
      });
      const row = toRow(phase, measured, ceilingRow);
      if (phase.id === 'ceiling') ceilingRow = row;
      rows.push(row);
      log(
        `  ${measured.perSecond.toFixed(0)} req/s, p50 ${measured.p50.toFixed(2)} ms, p95 ${measured.p95.toFixed(2)} ms, ` +
          `p99 ${measured.p99.toFixed(2)} ms, ${measured.serverCpuMs?.toFixed(2) ?? '?'} CPU ms/req: ${rowPassed(row) ? 'ok' : 'FAIL'}`,
      );
    }
    await ceiling.stop();
    servers.splice(servers.indexOf(ceiling), 1);
    if (syncNormal) {
      await syncNormal.stop();
      servers.splice(servers.indexOf(syncNormal), 1);
    }
    const busy = app.busyErrors();
    if (busy > 0) log(`FAIL: the server logged ${busy} SQLITE_BUSY errors during the rows`);
    results.rows = rows;
    results.serverBusyErrorsDuringRows = busy;
    console.log(`\n${formatTable(rows)}\n`);
  }

  if (options.reliability) {
    const second = await startAppServer({
      entry: build.entry,
      databaseUrl,
      port: requiredPort(ports.second, 'the reliability checks'),
      projectRoot,
    });
    servers.push(second);
    log(`server: second process ${second.origin} (pid ${second.pid}) on the same database`);
    const checks = await runServerChecks({
      databaseUrl,
      content,
      servers: [app, second],
      size: reliabilitySize,
      projectRoot,
      log,
    });
    for (const server of [...servers]) await server.stop();
    servers.length = 0;
    const crash = await runCrashCheck({ folder: dataFolder, kills: reliabilitySize.kills, log });
    const passed =
      checks.twoProcesses.problems.length === 0 &&
      checks.twoProcesses.busyErrors === 0 &&
      checks.twoProcesses.invariantProblems.length === 0 &&
      checks.fuzz.failures.length === 0 &&
      crash.problems.length === 0;
    reliability = { ...checks, crash, passed };
    results.reliability = { size: reliabilitySize, ...reliability };
    console.log(
      [
        '',
        `two processes: ${checks.twoProcesses.learners} learners, ${checks.twoProcesses.requests} requests, ` +
          `${checks.twoProcesses.problems.length + checks.twoProcesses.invariantProblems.length} problems, ${checks.twoProcesses.busyErrors} SQLITE_BUSY: ` +
          (checks.twoProcesses.problems.length +
            checks.twoProcesses.invariantProblems.length +
            checks.twoProcesses.busyErrors ===
          0
            ? 'pass'
            : 'FAIL'),
        ...[...checks.twoProcesses.problems, ...checks.twoProcesses.invariantProblems]
          .slice(0, 10)
          .map((problem) => `  ${problem}`),
        `fuzz: ${checks.fuzz.requests} requests, ${checks.fuzz.failures.length} kinds of 5xx: ${checks.fuzz.failures.length === 0 ? 'pass' : 'FAIL'}`,
        ...checks.fuzz.failures.map((failure) => `  ${failure.kind} ×${failure.count}: ${failure.example}`),
        `crash safety: ${crash.kills} kills, ${crash.acknowledged} acknowledged writes checked, ${crash.problems.length} problems: ${crash.problems.length === 0 ? 'pass' : 'FAIL'}`,
        '',
      ].join('\n'),
    );
  }
} catch (error) {
  exitCode = 1;
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  for (const server of servers) await server.stop();
  if (!options.keep) rmSync(dataFolder, { recursive: true, force: true });
}

machine.loadAverageAtEnd = loadavg().map((value) => Math.round(value * 100) / 100);
results.finishedAt = new Date().toISOString();
results.seconds = (performance.now() - started) / 1000;
writeResults(join(projectRoot, 'bench/results.json'), results);
log(`results: bench/results.json (load average at the end ${machine.loadAverageAtEnd.join(' ')})`);
if (options.writeDocs && rows.length > 0) {
  const section = docsSection({
    rows,
    machine,
    mode,
    dataset: (results.dataset as { counts: Record<string, number> } | undefined)?.counts ?? {},
    finishedAt: String(results.finishedAt),
    workers: options.workers,
  });
  log(
    (await updateDocsResults(join(projectRoot, 'docs/performance.md'), section))
      ? 'docs: docs/performance.md updated'
      : 'docs: no results markers in docs/performance.md',
  );
}
const wrong = rows.some((row) => row.problems.length > 0) || (reliability !== null && !reliability.passed);
const missed = rows.some((row) => row.targetMet === false);
if (wrong) exitCode = 1;
if (missed && options.strict) exitCode = 1;
if (missed && !options.strict) log('some targets were missed (see the table); --strict makes that an error');
process.exit(exitCode);

function requiredPort(port: number | undefined, what: string): number {
  if (port === undefined)
    throw new Error(`--ports gave no port for ${what}: add it (app,ceiling,second,sync-normal).`);
  return port;
}

function expectation(phase: Phase): (status: number, headers: Record<string, string | string[]>) => boolean {
  return (status, headers) => {
    if (status !== phase.expectStatus) return false;
    if (!phase.expectLocation) return true;
    const location = Object.entries(headers).find(([name]) => name.toLowerCase() === 'location')?.[1];
    return phase.expectLocation.test(Array.isArray(location) ? (location[0] ?? '') : (location ?? ''));
  };
}

function toRow(
  phase: Phase,
  measured: Awaited<ReturnType<typeof measure>>,
  ceiling: RowResult | null,
): RowResult {
  const comparable = phase.versusCeiling && ceiling !== null && ceiling.connections === phase.connections;
  const ceilingRatio = comparable && ceiling ? measured.perSecond / ceiling.measured.perSecond : null;
  const ceilingCpu = ceiling?.measured.serverCpuMs ?? null;
  const ceilingRatioByCpu =
    comparable && ceilingCpu !== null && measured.serverCpuMs ? ceilingCpu / measured.serverCpuMs : null;
  const problems: string[] = [];
  if (measured.unexpected > 0)
    problems.push(`${measured.unexpected} answers other than ${phase.expectStatus}`);
  if (measured.errors > 0) problems.push(`${measured.errors} errors or timeouts`);
  if (measured.requests === 0) problems.push('no responses');
  if (measured.ranOut) problems.push('ran out of prepared requests');
  return {
    id: phase.id,
    title: phase.title,
    connections: phase.connections,
    target: phase.target?.text ?? null,
    measured,
    ceilingRatio,
    ceilingRatioByCpu,
    targetMet: phase.target ? phase.target.met(measured, ceilingRatio) : null,
    problems,
  };
}
