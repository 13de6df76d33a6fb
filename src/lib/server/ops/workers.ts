/**
 * Worker processes for `npm run serve` (scripts/serve.ts): Node runs JavaScript on one core, so
 * on a machine with more, the server forks one worker per core (`WEB_CONCURRENCY`, node:cluster).
 * The workers accept connections from one listening socket they share (`SCHED_NONE`). The other
 * ways reset connections at a graceful stop (e2e/ops.spec.ts caught both): with node:cluster's
 * default, the primary accepts and hands connections over, and closed those it still held when
 * the last worker stopped listening; with a socket per worker (SO_REUSEPORT), closing one drops
 * the connections waiting in its queue. A shared socket stays open until the last worker closes
 * it, and until then the others accept what waits in it, as a single process would. Every worker is a whole
 * app on the same database: sessions, throttles, the outbox and the jobs' leases live in the
 * database, so any worker may answer any request (docs/architecture.md, "two processes").
 *
 * The primary only supervises: it replaces a worker that dies, stops replacing them when they
 * keep dying at start (a port in use, a broken build), and on SIGTERM or SIGINT passes SIGTERM to
 * every worker, waits for each to finish its requests and drain its write queue, and exits 0 only
 * when every worker did.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from './log.ts';

/** Whole numbers only: "2", not "2.5" or "2 workers". */
const WHOLE = /^\d+$/;
const MAX_WORKERS = 64;

/**
 * The worker count from `WEB_CONCURRENCY`: unset or empty means one per core, `1` a single
 * process without a primary (as before). Anything else is an error message saying what to fix.
 */
export function parseWorkerCount(
  value: string | undefined,
  cores: number,
): { count: number } | { error: string } {
  const text = value?.trim() ?? '';
  if (text === '') return { count: Math.max(1, Math.min(cores, MAX_WORKERS)) };
  const count = WHOLE.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(count) || count < 1 || count > MAX_WORKERS)
    return {
      error: `WEB_CONCURRENCY must be a whole number of worker processes from 1 to ${MAX_WORKERS} (it is "${text}"); leave it unset for one per CPU core.`,
    };
  return { count };
}

/**
 * Makes the workers share one listening socket (see above). node:cluster reads the setting at
 * its first fork, so the primary calls this before it forks anything (the migrations' process too).
 */
export function useSharedSocket(): void {
  cluster.schedulingPolicy = cluster.SCHED_NONE;
}

/**
 * Closes the primary's own reference to the shared listening socket, when stopping begins.
 * node:cluster keeps it open until every worker has closed its copy and told the primary so.
 * Between the last worker's close and that message the socket still queues new connections that
 * no process will accept, and closing it then resets them (`e2e/ops.spec.ts` caught this under
 * load: a client reconnecting after a `Connection: close` answer got ECONNRESET). With the
 * primary's reference gone first, the socket closes the moment the last worker stops listening,
 * as a single process's does: later connections are refused, never reset. node:cluster has no
 * API for it, so the handle is found among the process's active handles; the primary holds no
 * other TCP handle (it opens no database and makes no requests). Returns how many it closed.
 */
function releaseListeningSockets(): number {
  const active = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
  let closed = 0;
  for (const handle of active) {
    const candidate = handle as { constructor?: { name?: string }; close?: () => void } | null;
    if (candidate?.constructor?.name !== 'TCP' || typeof candidate.close !== 'function') continue;
    candidate.close();
    closed += 1;
  }
  return closed;
}

/** Messages between a stopping worker and the primary (see `listenerClosedEverywhere`). */
const STOPPED_LISTENING = 'rtw:stopped-listening';
const LISTENER_CLOSED = 'rtw:listener-closed';

/**
 * In a worker that has stopped listening: tells the primary, and resolves once the primary says
 * every worker has (the shared socket is then closed, so a client that reconnects is refused,
 * never queued), or after `limitMs` should that word not come. Outside a worker: at once.
 */
export function listenerClosedEverywhere(limitMs: number): Promise<void> {
  if (!cluster.isWorker || !process.send) return Promise.resolve();
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if (message === LISTENER_CLOSED) done();
    };
    const timer = setTimeout(() => done(), limitMs);
    function done() {
      clearTimeout(timer);
      process.off('message', onMessage);
      resolve();
    }
    process.on('message', onMessage);
    process.send?.(STOPPED_LISTENING);
  });
}

/** A worker that exits while being told needs no word. */
function ignoreSendFailure(): void {
  // Nothing to do: the error is the closed channel of a worker on its way out.
}

interface SupervisorOptions {
  count: number;
  log: Logger;
  /** How long to wait for the workers after passing on SIGTERM before killing them. */
  stopLimitMs: number;
}

/** A worker that exits sooner than this after it started counts as failing at start. */
const STARTUP_MS = 10_000;
/** Failures at start in a row after which the primary gives up and exits 1. */
const MAX_START_FAILURES = 5;

/**
 * Runs in the primary: forks the workers, keeps their number up and stops them on a signal.
 * The process exits when the supervisor is done.
 */
export function superviseWorkers(options: SupervisorOptions): void {
  const { count, log, stopLimitMs } = options;
  const startedAt = new Map<Worker, number>();
  let startFailures = 0;
  let stopping = false;
  let exitCode = 0;

  const fork = () => {
    startedAt.set(cluster.fork(), Date.now());
  };

  const live = () => Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);

  const finish = () => {
    log.info({ exitCode }, 'stopped: every worker has exited');
    process.exit(exitCode);
  };

  // Workers that have stopped listening since stopping began; once every live worker has, they
  // all hear that the shared socket is closed and may send their clients away.
  const stoppedListening = new Set<Worker>();
  const announceIfAllStoppedListening = () => {
    const workers = live();
    if (!stopping || !workers.every((worker) => stoppedListening.has(worker))) return;
    for (const worker of workers) {
      if (worker.isConnected()) worker.send(LISTENER_CLOSED, ignoreSendFailure);
    }
  };
  cluster.on('message', (worker, message) => {
    if (message !== STOPPED_LISTENING) return;
    stoppedListening.add(worker);
    announceIfAllStoppedListening();
  });

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) {
      if (code !== 0) exitCode = 1;
      log.info({ worker: worker.process.pid, code, signal }, 'worker stopped');
      if (live().length === 0) finish();
      else announceIfAllStoppedListening();
      return;
    }
    log.error({ worker: worker.process.pid, code, signal, livedMs: lived }, 'worker died: starting another');
    startFailures = lived < STARTUP_MS ? startFailures + 1 : 0;
    if (startFailures >= MAX_START_FAILURES) {
      log.fatal(
        { failures: startFailures },
        'workers keep dying as they start (see the errors above): stopping',
      );
      exitCode = 1;
      stopAll();
      return;
    }
    fork();
  });

  const stopAll = () => {
    stopping = true;
    const released = releaseListeningSockets();
    log.info({ released }, 'closed its own copy of the listening socket');
    const workers = live();
    if (workers.length === 0) finish();
    for (const worker of workers) worker.process.kill('SIGTERM');
    // A worker stuck past its own limits is killed; its exit then ends the primary.
    setTimeout(() => {
      for (const worker of live()) {
        log.error({ worker: worker.process.pid }, 'worker did not stop in time: killing it');
        worker.process.kill('SIGKILL');
      }
    }, stopLimitMs).unref();
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second stop signal: killing the workers');
      for (const worker of live()) worker.process.kill('SIGKILL');
      process.exit(1);
    }
    log.info({ signal, workers: live().length }, 'stopping: passing SIGTERM to every worker');
    stopAll();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  useSharedSocket();
  log.info({ workers: count }, 'starting worker processes');
  for (let index = 0; index < count; index++) fork();
}
