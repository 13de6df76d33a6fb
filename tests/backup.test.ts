import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { createClient } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvent, lessonProgress, user } from '#db/schema.ts';
import { createBackup } from '#src/lib/server/ops/backup/create.ts';
import { checkFile } from '#src/lib/server/ops/backup/file-worker.ts';
import { registerBackupJob } from '#src/lib/server/ops/backup/job.ts';
import { copyDatabaseLogically } from '#src/lib/server/ops/backup/logical-copy.ts';
import { restoreDatabase } from '#src/lib/server/ops/backup/restore.ts';
import { clearJobs, registeredJobs } from '#src/lib/server/jobs/registry.ts';
import { runJobOnce } from '#src/lib/server/jobs/scheduler.ts';
import { createLogger } from '#src/lib/server/ops/log.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';

const clientModule = pathToFileURL(createRequire(import.meta.url).resolve('@libsql/client')).href;

/**
 * Another process holding the database file at `path` open (as an app would), after running
 * `setup` SQL in it. Resolves once it has the file open.
 */
async function holdOpen(path: string, setup: string[] = []): Promise<ChildProcessWithoutNullStreams> {
  const source = `
    const [clientModule, path, setup] = process.argv.slice(1);
    const { createClient } = await import(clientModule);
    const db = createClient({ url: 'file:' + path, timeout: 5000 });
    for (const statement of JSON.parse(setup)) await db.execute(statement);
    await db.execute('SELECT count(*) FROM sqlite_schema');
    console.log('open');
    process.stdin.on('data', () => process.exit(0));
  `;
  const child = spawn(process.execPath, [
    '--input-type=module',
    '-e',
    source,
    clientModule,
    path,
    JSON.stringify(setup),
  ]);
  const [line] = await createInterface({ input: child.stdout })
    [Symbol.asyncIterator]()
    .next()
    .then((r) => [r.value]);
  expect(line).toBe('open');
  return child;
}

function release(child: ChildProcessWithoutNullStreams): Promise<unknown> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.stdin.write('bye\n');
  return exited;
}

async function seedRows(test: TestDatabase, count: number): Promise<void> {
  await test.db.write(async (orm) => {
    for (let start = 0; start < count; start += 1000) {
      await orm.insert(auditEvent).values(
        Array.from({ length: Math.min(1000, count - start) }, (_, index) => ({
          at: new Date(),
          action: 'seed',
          subjectType: 'test',
          subjectId: `seed-${start + index}`,
          data: { padding: 'x'.repeat(200) },
        })),
      );
    }
  });
}

/** `users` learners with `perUser` lesson rows each; the rows as [user, lesson, first, last, completed], in key order. */
async function seedLessonProgress(test: TestDatabase, users: number, perUser: number): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  await test.db.write(async (orm) => {
    for (let u = 0; u < users; u++) {
      const userId = `learner-${u}`;
      await orm.insert(user).values({
        id: userId,
        email: `learner-${u}@example.test`,
        fullName: `Learner ${u}`,
        passwordHash: 'x',
        role: 'learner',
        createdAt: new Date(0),
      });
      const values = Array.from({ length: perUser }, (_, index) => ({
        userId,
        lessonId: `module-${index % 7}/lesson-${String(index).padStart(3, '0')}`,
        firstViewedAt: new Date(1_000 + index),
        lastViewedAt: new Date(2_000 + index),
        completedAt: index % 3 === 0 ? null : new Date(3_000 + index),
      }));
      await orm.insert(lessonProgress).values(values);
      for (const row of values)
        rows.push([
          row.userId,
          row.lessonId,
          row.firstViewedAt.getTime(),
          row.lastViewedAt.getTime(),
          row.completedAt?.getTime() ?? null,
        ]);
    }
  });
  return rows.sort((a, b) => (String(a[0]) + String(a[1]) < String(b[0]) + String(b[1]) ? -1 : 1));
}

describe('backups', () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDb();
  });
  afterEach(() => test.cleanup());

  it('taken during a write load hold every write acknowledged before they began, and restore intact', async () => {
    await seedRows(test, 30_000);
    const acknowledged: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let index = 0; writing; index++) {
        const subjectId = `load-${index}`;
        await test.db.write((orm) =>
          orm.insert(auditEvent).values({ at: new Date(), action: 'load', subjectType: 'test', subjectId }),
        );
        acknowledged.push(subjectId);
        // Let the event loop breathe, as between requests.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await expect.poll(() => acknowledged.length).toBeGreaterThan(50);
    const ackedBefore = [...acknowledged];
    const backupDir = join(test.dir, 'backups');
    const backup = await createBackup(test.db, backupDir);
    const ackedDuring = acknowledged.length - ackedBefore.length;
    writing = false;
    await writer;

    expect(backup.check.integrity).toEqual(['ok']);
    expect(readdirSync(backupDir)).toEqual([backup.path.split('/').pop()]);
    // The app kept writing while the copy was made (the copy runs off the main thread).
    expect(ackedDuring).toBeGreaterThan(0);

    const target = join(test.dir, 'restored', 'rtw.db');
    const restored = await restoreDatabase({ backupPath: backup.path, targetUrl: `file:${target}` });
    expect(restored).toMatchObject({ ok: true, previousCopy: null });
    const check = await checkFile(target);
    expect(check.integrity).toEqual(['ok']);
    const present = await holdOpenAndList(target);
    const missing = ackedBefore.filter((id) => !present.has(id));
    expect(missing).toEqual([]);
    expect(check.rowCounts.audit_event).toBe(backup.check.rowCounts.audit_event);
  }, 120_000);

  it('of a libSQL server are a logical copy inside one read transaction', async () => {
    await seedRows(test, 1234);
    // lesson_progress is a WITHOUT ROWID table: no rowid to page by, so it is read by its key
    // (user_id, lesson_id), here over three pages of 500 with keys that share their first part.
    const progress = await seedLessonProgress(test, 3, 400);
    const target = join(test.dir, 'logical.db');
    await copyDatabaseLogically(test.db.client, target);
    const copy = await checkFile(target);
    const source = await checkFile(test.url.slice('file:'.length));
    expect(copy.integrity).toEqual(['ok']);
    expect(copy.rowCounts).toEqual(source.rowCounts);
    expect(copy.rowCounts.audit_event).toBe(1234);
    const copied = createClient({ url: `file:${target}` });
    try {
      const rows = await copied.execute(
        'SELECT user_id, lesson_id, first_viewed_at, last_viewed_at, completed_at FROM lesson_progress ORDER BY user_id, lesson_id',
      );
      expect(rows.rows.map((row) => Array.from(row))).toEqual(progress);
      const table = await copied.execute("SELECT sql FROM sqlite_schema WHERE name = 'lesson_progress'");
      expect(table.rows[0]?.sql).toMatch(/WITHOUT ROWID/);
    } finally {
      copied.close();
    }
  });

  it('run as the scheduled `backup` job when BACKUP_DIR is set', async () => {
    clearJobs();
    registerBackupJob({});
    expect(registeredJobs()).toEqual([]);
    const dir = join(test.dir, 'scheduled');
    registerBackupJob({ BACKUP_DIR: dir, BACKUP_EVERY: '6h' });
    const [job] = registeredJobs();
    const log = createLogger({ level: 'silent', pretty: false });
    expect(await runJobOnce(test.db, job!, { holder: 'a', log })).toMatchObject({ outcome: 'ran' });
    expect(await runJobOnce(test.db, job!, { holder: 'b', log })).toMatchObject({ outcome: 'not-due' });
    expect(readdirSync(dir).filter((name) => name.endsWith('.db'))).toHaveLength(1);
    clearJobs();
  });
});

/** The load rows' subject ids in the database at `path`, read by another process. */
async function holdOpenAndList(path: string): Promise<Set<string>> {
  const source = `
    const [clientModule, path] = process.argv.slice(1);
    const { createClient } = await import(clientModule);
    const db = createClient({ url: 'file:' + path });
    const rows = await db.execute("SELECT subject_id FROM audit_event WHERE action = 'load'");
    console.log(JSON.stringify(rows.rows.map((row) => row.subject_id)));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', source, clientModule, path]);
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  await new Promise((resolve) => child.once('close', resolve));
  return new Set(JSON.parse(Buffer.concat(chunks).toString()) as string[]);
}

describe('restore', () => {
  let test: TestDatabase;
  let backupPath: string;
  let target: string;
  beforeEach(async () => {
    test = await createTestDb();
    await seedRows(test, 10);
    backupPath = (await createBackup(test.db, join(test.dir, 'backups'))).path;
    // The database to restore over: a copy no connection of this test process ever opens.
    target = join(test.dir, 'live', 'rtw.db');
    await restoreDatabase({ backupPath, targetUrl: `file:${target}` });
  });
  afterEach(() => test.cleanup());

  it('refuses while another process has the database open, and works once it is closed', async () => {
    const app = await holdOpen(target, [
      'PRAGMA journal_mode = WAL',
      "INSERT INTO counter VALUES ('after-backup', 1)",
    ]);
    try {
      expect(await restoreDatabase({ backupPath, targetUrl: `file:${target}` })).toMatchObject({
        ok: false,
        reason: 'database-open',
      });
    } finally {
      await release(app);
    }
    const result = await restoreDatabase({ backupPath, targetUrl: `file:${target}` });
    expect(result).toMatchObject({ ok: true });
    // The replaced database, with the write made after the backup, is kept beside it.
    const previous = result.ok ? result.previousCopy : null;
    expect(previous && existsSync(previous)).toBe(true);
    expect((await checkFile(previous!)).rowCounts.counter).toBe(1);
    expect((await checkFile(target)).rowCounts.counter).toBe(0);
  });

  it('refuses while an app heartbeat is fresh, even when its connection is closed', async () => {
    const now = Date.now();
    const app = await holdOpen(target, [
      `INSERT INTO app_process (id, host, pid, started_at, seen_at) VALUES ('web-1', 'web', 4242, ${now}, ${now})`,
    ]);
    await release(app);
    expect(await restoreDatabase({ backupPath, targetUrl: `file:${target}` })).toMatchObject({
      ok: false,
      reason: 'app-running',
      processes: [{ host: 'web', pid: 4242 }],
    });
    // A heartbeat from a process that stopped long ago does not count.
    expect(
      await restoreDatabase({ backupPath, targetUrl: `file:${target}`, now: new Date(now + 60_000) }),
    ).toMatchObject({ ok: true });
  });

  it('refuses a damaged backup, a file that is not this app, and a libSQL server URL', async () => {
    const damaged = join(test.dir, 'damaged.db');
    copyFileSync(backupPath, damaged);
    const { truncateSync } = await import('node:fs');
    truncateSync(damaged, 8192);
    const damagedResult = await restoreDatabase({ backupPath: damaged, targetUrl: `file:${target}` });
    expect(damagedResult.ok).toBe(false);
    expect(['backup-damaged', 'backup-unreadable']).toContain(damagedResult.ok ? '' : damagedResult.reason);

    const other = join(test.dir, 'other.db');
    const child = await holdOpen(other, ['CREATE TABLE notes (text)']);
    await release(child);
    expect(await restoreDatabase({ backupPath: other, targetUrl: `file:${target}` })).toMatchObject({
      reason: 'not-an-app-database',
    });
    expect(await restoreDatabase({ backupPath, targetUrl: 'libsql://rtw.example.turso.io' })).toMatchObject({
      reason: 'not-a-local-file',
    });
    expect((await checkFile(target)).integrity).toEqual(['ok']);
  });
});
