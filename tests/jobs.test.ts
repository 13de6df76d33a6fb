import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type Database } from '#src/lib/server/db.ts';
import {
  acquireLease,
  claimJobRun,
  createHolderId,
  listLeases,
  releaseLease,
  renewLease,
} from '#src/lib/server/jobs/lease.ts';
import type { JobDefinition } from '#src/lib/server/jobs/registry.ts';
import { runJobOnce, startScheduler, type JobRunResult } from '#src/lib/server/jobs/scheduler.ts';
import { createLogger } from '#src/lib/server/ops/log.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';

const log = createLogger({ level: 'silent', pretty: false });

async function counterValue(db: Database, name: string): Promise<number> {
  const rows = await db.client.execute({ sql: 'SELECT value FROM counter WHERE name = ?', args: [name] });
  return Number(rows.rows[0]?.value ?? 0);
}

function countingJob(name: string, everyMs: number, onRun?: () => Promise<void>): JobDefinition {
  return {
    name,
    everyMs,
    async run({ db }) {
      await db.write((orm) =>
        orm.run(
          sql`INSERT INTO counter (name, value) VALUES (${name}, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1`,
        ),
      );
      await onRun?.();
    },
  };
}

describe('job leases', () => {
  let test: TestDatabase;
  let second: Database;
  beforeEach(async () => {
    test = await createTestDb();
    // A second client on the same file: another process's view of the database.
    second = await createDb(test.url);
  });
  afterEach(() => {
    second.close();
    test.cleanup();
  });

  it('go to exactly one of two clients racing for them, round after round', async () => {
    for (let round = 0; round < 20; round += 1) {
      const claim = { name: `race-${round}`, ttlMs: 60_000, now: Date.now() };
      const results = await Promise.all([
        acquireLease(test.db, { ...claim, holder: 'a' }),
        acquireLease(second, { ...claim, holder: 'b' }),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });

  it('can be taken over only after they expire, and renewed only by their holder', async () => {
    const now = 1_000_000;
    expect(await acquireLease(test.db, { name: 'l', holder: 'a', ttlMs: 1000, now })).toBe(true);
    expect(await acquireLease(second, { name: 'l', holder: 'b', ttlMs: 1000, now: now + 999 })).toBe(false);
    expect(await renewLease(test.db, { name: 'l', holder: 'a', ttlMs: 1000, now: now + 900 })).toBe(true);
    expect(await acquireLease(second, { name: 'l', holder: 'b', ttlMs: 1000, now: now + 1500 })).toBe(false);
    expect(await acquireLease(second, { name: 'l', holder: 'b', ttlMs: 1000, now: now + 1900 })).toBe(true);
    expect(await renewLease(test.db, { name: 'l', holder: 'a', ttlMs: 1000, now: now + 1950 })).toBe(false);
    await releaseLease(test.db, { name: 'l', holder: 'a' }); // not a's any more: no effect
    expect(await acquireLease(test.db, { name: 'l', holder: 'a', ttlMs: 1000, now: now + 1960 })).toBe(false);
    await releaseLease(second, { name: 'l', holder: 'b' });
    expect(await acquireLease(test.db, { name: 'l', holder: 'a', ttlMs: 1000, now: now + 1970 })).toBe(true);
  });

  it('make a job due again only everyMs after its last run finished, unless forced', async () => {
    const job = { name: 'daily', holder: 'a', ttlMs: 60_000, everyMs: 10_000 };
    expect(await claimJobRun(test.db, { ...job, now: 0 })).toBe(true);
    await releaseLease(test.db, job, { finishedAt: 500, error: null });
    expect(await claimJobRun(second, { ...job, holder: 'b', now: 10_000 })).toBe(false);
    expect(await claimJobRun(second, { ...job, holder: 'b', now: 10_000, force: true })).toBe(true);
    await releaseLease(second, { name: 'daily', holder: 'b' }, { finishedAt: 10_100, error: 'SMTP down' });
    expect(await claimJobRun(test.db, { ...job, now: 20_099 })).toBe(false);
    expect(await claimJobRun(test.db, { ...job, now: 20_100 })).toBe(true);
    const [lease] = await listLeases(test.db);
    expect(lease).toMatchObject({
      name: 'daily',
      holder: 'a',
      lastStartedAt: 20_100,
      lastError: 'SMTP down',
    });
  });
});

describe('runJobOnce', () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDb();
  });
  afterEach(() => test.cleanup());

  it('runs a job in one of two clients when both try at once', async () => {
    const second = await createDb(test.url);
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const job = countingJob('once', 60_000, () => held);
      const first = runJobOnce(test.db, job, { holder: 'a', log });
      // The first run holds the lease (it is waiting on `held`) when the second one asks.
      await expect.poll(() => counterValue(test.db, 'once')).toBe(1);
      const other = await runJobOnce(second, job, { holder: 'b', log });
      expect(other.outcome).toBe('held-elsewhere');
      release();
      expect((await first).outcome).toBe('ran');
      expect((await runJobOnce(second, job, { holder: 'b', log })).outcome).toBe('not-due');
      expect(await counterValue(test.db, 'once')).toBe(1);
    } finally {
      second.close();
    }
  });

  it('records a failed run, releases the lease and tries again when next due', async () => {
    let now = 1_000;
    const job: JobDefinition = {
      name: 'flaky',
      everyMs: 5_000,
      run: () => Promise.reject(new Error('SMTP refused the connection')),
    };
    const result = await runJobOnce(test.db, job, { holder: 'a', log, now: () => now });
    expect(result).toMatchObject({ outcome: 'failed', error: 'SMTP refused the connection' });
    const [lease] = await listLeases(test.db);
    expect(lease).toMatchObject({
      holder: '',
      lastError: 'SMTP refused the connection',
      lastFinishedAt: 1_000,
    });
    now = 6_000;
    expect((await runJobOnce(test.db, job, { holder: 'b', log, now: () => now })).outcome).toBe('failed');
  });

  it('runs an every-process job without a lease', async () => {
    const job: JobDefinition = { ...countingJob('outbox', 2_000), scope: 'every-process' };
    await runJobOnce(test.db, job, { holder: 'a', log });
    await runJobOnce(test.db, job, { holder: 'b', log });
    expect(await counterValue(test.db, 'outbox')).toBe(2);
    expect(await listLeases(test.db)).toEqual([]);
  });

  it('runs a job in exactly one of four processes started together', async () => {
    const script = join(import.meta.dirname, 'helpers/job-contender.ts');
    const children = Array.from({ length: 4 }, () =>
      spawn(process.execPath, [script, test.url, '300'], { stdio: ['pipe', 'pipe', 'inherit'] }),
    );
    // Listen for exit now: a quick child may be gone before the results are all read.
    const exited = children.map((child) => new Promise((resolve) => child.once('exit', resolve)));
    const outputs = children.map((child) => createInterface({ input: child.stdout })[Symbol.asyncIterator]());
    for (const output of outputs) expect((await output.next()).value).toBe('ready');
    for (const child of children) child.stdin.write('go\n');
    const results = await Promise.all(
      outputs.map(async (output) => JSON.parse(String((await output.next()).value)) as JobRunResult),
    );
    await Promise.all(exited);
    expect(results.filter((result) => result.outcome === 'ran')).toHaveLength(1);
    expect(await counterValue(test.db, 'contended-runs')).toBe(1);
    // Four Node processes starting beside a busy suite: wait on their output, not on a short clock.
  }, 180_000);
});

describe('the scheduler', () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDb();
  });
  afterEach(() => test.cleanup());

  it('in two processes runs a due job once, and stops cleanly at shutdown', async () => {
    const second = await createDb(test.url);
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let aborted = 0;
    const job: JobDefinition = {
      name: 'long',
      everyMs: 60 * 60_000,
      async run({ db, signal }) {
        await db.write((orm) =>
          orm.run(
            sql`INSERT INTO counter (name, value) VALUES ('long', 1) ON CONFLICT (name) DO UPDATE SET value = value + 1`,
          ),
        );
        started();
        // Runs until the process shuts down, like an outbox loop would.
        await new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            aborted += 1;
            resolve();
          }),
        );
      },
    };
    const one = startScheduler({ db: test.db, log, holder: createHolderId(), jobs: () => [job], tickMs: 10 });
    const two = startScheduler({ db: second, log, holder: createHolderId(), jobs: () => [job], tickMs: 10 });
    await running;
    // Both schedulers keep ticking while the run lasts; the lease keeps the second one out.
    await expect
      .poll(async () => (await listLeases(second))[0]?.holder ?? '', { timeout: 2000 })
      .not.toBe('');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await Promise.all([one.stop(), two.stop()]);
    expect(aborted).toBe(1);
    expect(await counterValue(test.db, 'long')).toBe(1);
    const [lease] = await listLeases(test.db);
    expect(lease?.holder).toBe('');
    expect(lease?.lastFinishedAt).not.toBeNull();
    second.close();
  });
});
