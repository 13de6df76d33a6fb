/**
 * One measurement with autocannon (the same load client for every row): a warm-up whose numbers
 * are dropped, then a timed run. Every request can be different (`next`), every response is
 * checked (`expect`), latencies are kept whole for exact percentiles, and the server's CPU time
 * is read from /proc so that cost per request can be compared even on a busy machine.
 */
import autocannon from 'autocannon';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadSpec {
  origin: string;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  /** The next request to send; null when the supply ran out (the run then stops). */
  next: () => BenchRequest | null;
  /** Whether a response is the one this request should get. */
  expect: (status: number, headers: Record<string, string | string[]>) => boolean;
  /** The server process whose CPU time to measure. */
  serverPid?: number | undefined;
  /** Per-request timeout in seconds. */
  timeoutSeconds?: number;
}

export interface Measurement {
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Responses per status code (warm-up excluded). */
  statuses: Record<string, number>;
  /** Responses that were not what `expect` wanted, warm-up included. */
  unexpected: number;
  /** Connection errors and timeouts, warm-up included. */
  errors: number;
  /** Server CPU milliseconds per request during the timed run, when it could be read. */
  serverCpuMs: number | null;
  /** True when `next` ran out before the time was up. */
  ranOut: boolean;
  loadAverage: number[];
}

function ownCpuTicks(pid: number): { ticks: number; parent: number } | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? { ticks, parent: Number(fields[1]) } : null;
  } catch {
    return null;
  }
}

/**
 * User + system CPU seconds so far of a process and every process under it (its workers), from
 * Linux's /proc; null elsewhere.
 */
export function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const root = ownCpuTicks(pid);
  if (!root) return null;
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const process = ownCpuTicks(Number(name));
    if (!process) continue;
    ticks.set(Number(name), process.ticks);
    children.set(process.parent, [...(children.get(process.parent) ?? []), Number(name)]);
  }
  let total = root.ticks;
  const queue = [...(children.get(pid) ?? [])];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    total += ticks.get(next) ?? 0;
    queue.push(...(children.get(next) ?? []));
  }
  return total / 100;
}

function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * share) - 1)] ?? Number.NaN;
}

interface Run {
  times: number[];
  statuses: Record<string, number>;
  unexpected: number;
  errors: number;
  ranOut: boolean;
  seconds: number;
}

async function run(spec: LoadSpec, seconds: number): Promise<Run> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let unexpected = 0;
  let ranOut = false;
  // Set once autocannon has returned its instance; setupRequest may call it from then on.
  const control: { stop?: () => void } = {};
  const started = performance.now();
  let finished: (result: autocannon.Result) => void = () => undefined;
  let failed: (error: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finished = resolve;
    failed = reject;
  });
  // With a callback autocannon returns its instance (an EventEmitter with stop()).
  const instance = autocannon(
    {
      url: spec.origin,
      connections: spec.connections,
      duration: seconds,
      timeout: spec.timeoutSeconds ?? 30,
      requests: [
        {
          setupRequest: (request) => {
            const next = spec.next();
            if (!next) {
              ranOut = true;
              control.stop?.();
              // autocannon needs a request object; none is sent after stop().
              return { ...request, method: 'GET', path: '/' };
            }
            return {
              ...request,
              method: next.method,
              path: next.path,
              headers: next.headers ?? {},
              body: next.body,
            };
          },
          onResponse: (status, _body, _context, headers) => {
            if (!spec.expect(status, (headers ?? {}) as Record<string, string | string[]>)) unexpected += 1;
          },
        },
      ],
    },
    (error, result) => (error ? failed(error) : finished(result)),
  );
  control.stop = () => instance.stop();
  instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await done;
  return {
    times,
    statuses,
    unexpected,
    errors: result.errors + result.timeouts,
    ranOut,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Warms up, then measures. */
export async function measure(spec: LoadSpec): Promise<Measurement> {
  const warm = spec.warmupSeconds > 0 ? await run(spec, spec.warmupSeconds) : null;
  const cpuBefore = cpuSeconds(spec.serverPid);
  const timed = await run(spec, spec.seconds);
  const cpuAfter = cpuSeconds(spec.serverPid);
  const sorted = [...timed.times].sort((a, b) => a - b);
  return {
    connections: spec.connections,
    seconds: timed.seconds,
    requests: timed.times.length,
    perSecond: timed.times.length / timed.seconds,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    statuses: timed.statuses,
    unexpected: timed.unexpected + (warm?.unexpected ?? 0),
    errors: timed.errors + (warm?.errors ?? 0),
    serverCpuMs:
      cpuBefore !== null && cpuAfter !== null && timed.times.length > 0
        ? ((cpuAfter - cpuBefore) * 1000) / timed.times.length
        : null,
    ranOut: timed.ranOut || (warm?.ranOut ?? false),
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}
