import { createClient, type Client, type ResultSet } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from '#db/schema.ts';
import { groupCommitter, type GroupedResult, type SqlQuery } from './group-commit.ts';
import { withReadConnection } from './read-connection.ts';

/**
 * What queries run on: the database, or a transaction opened on it inside a write
 * (`db.write((orm) => orm.transaction(async (tx) => …))`), so a function taking an `Orm` runs
 * inside either.
 */
export type Orm = BaseSQLiteDatabase<'async', ResultSet, typeof schema>;

/** The one handle the app has on its database. */
export interface Database {
  readonly orm: LibSQLDatabase<typeof schema>;
  readonly client: Client;
  readonly url: string;
  /**
   * Runs `work` after every earlier write of this process has finished. The libSQL Node binding
   * is synchronous, so two concurrent write transactions in one process would block the event
   * loop until the busy timeout; queueing them keeps writes short and in order.
   */
  write<T>(work: (orm: Orm) => Promise<T>): Promise<T>;
  /**
   * Group commit (group-commit.ts), for one small write that reads nothing first and must be on
   * disk before the caller goes on (the lesson page's resume point, closing a quiz attempt).
   * Statements that arrive in the same turn of the event loop, or before the write queue reaches
   * them, are committed together in one transaction: one write lock and one flush of the log for
   * all of them instead of one each. A statement that breaks a constraint fails only its own caller; a
   * busy or failing database fails the group. Takes a drizzle query (`orm.insert(…)…`), unrun;
   * resolves once it is committed, with the number of rows it changed.
   */
  writeGrouped(query: SqlQuery): Promise<GroupedResult>;
  /** Resolves once every write queued so far has finished (graceful shutdown). */
  drain(): Promise<void>;
  close(): void;
}

/**
 * `full` (the default for a local file): a commit is on disk before it is acknowledged, so it
 * survives a power cut or kernel crash. `normal`: in WAL mode still safe against a process crash,
 * but the last commits can be lost on a power cut; cheaper per write.
 */
export type SynchronousMode = 'full' | 'normal';

/** DB_SYNCHRONOUS as a mode; anything but `normal` (any case) is `full`, unset is `full`. */
export function parseSynchronousMode(value: string | undefined): SynchronousMode {
  const mode = value?.trim().toLowerCase();
  if (mode === undefined || mode === '' || mode === 'full') return 'full';
  if (mode === 'normal') return 'normal';
  throw new Error(`DB_SYNCHRONOUS "${value}" is not supported. Use full (the default) or normal.`);
}

export interface DatabaseOptions {
  authToken?: string | undefined;
  /** Busy timeout in ms for every pooled connection of a local file. */
  busyTimeoutMs?: number;
  /** PRAGMA synchronous for a local file (default `full`); a libSQL server decides its own. */
  synchronous?: SynchronousMode;
}

const supportedSchemes = ['file:', 'libsql:', 'http:', 'https:', 'ws:', 'wss:'];

/** Creates the database client. The only place in the app that does. */
export async function createDb(url: string, options: DatabaseOptions = {}): Promise<Database> {
  const scheme = supportedSchemes.find((s) => url.startsWith(s));
  if (!scheme) {
    throw new Error(
      `DATABASE_URL "${url}" is not supported. Use file:path/to/db.sqlite, libsql://host, or http(s)://host.`,
    );
  }
  const isFile = scheme === 'file:';
  const path = isFile ? (url.slice('file:'.length).split('?')[0] ?? '') : '';
  const onDisk = isFile && path !== ':memory:' && path !== '';
  if (onDisk) mkdirSync(dirname(resolve(path)), { recursive: true });
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const ownClient = createClient({
    url,
    authToken: options.authToken,
    // The busy timeout applies to every pooled connection; a PRAGMA through execute() reaches
    // only one. The Node binding is synchronous, so extra connections buy no parallelism in a
    // process: one connection keeps the per-connection PRAGMAs below in force for every write
    // (plain reads go to a second connection below, for its kept prepared statements).
    timeout: isFile ? busyTimeoutMs : undefined,
    concurrency: isFile ? 1 : undefined,
  });
  if (isFile) {
    // WAL persists in the file; synchronous and foreign_keys are per connection.
    await ownClient.execute('PRAGMA journal_mode = WAL');
    await ownClient.execute(`PRAGMA synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  }
  await ownClient.execute('PRAGMA foreign_keys = ON');
  // Plain SELECTs on a file of its own (no query string): a second connection that keeps its
  // prepared statements (read-connection.ts). An in-memory database exists on one connection only.
  const client =
    onDisk && !url.includes('?')
      ? withReadConnection(ownClient, decodeURIComponent(path), busyTimeoutMs)
      : ownClient;
  const orm = drizzle(client, { schema });

  let tail: Promise<unknown> = Promise.resolve();
  function write<T>(work: (orm: Orm) => Promise<T>): Promise<T> {
    const run = tail.then(() => work(orm));
    tail = run.catch(() => undefined);
    return run;
  }

  const grouped = groupCommitter(client, write);

  async function drain(): Promise<void> {
    // A write queued while draining extends the tail, and a group commit being gathered is
    // about to: wait until neither moves.
    let seen: Promise<unknown> | undefined;
    let seenGathering: Promise<unknown> | undefined;
    while (seen !== tail || seenGathering !== grouped.gathered()) {
      seenGathering = grouped.gathered();
      await seenGathering;
      seen = tail;
      await seen;
    }
  }

  return { orm, client, url, write, writeGrouped: grouped.writeGrouped, drain, close: () => client.close() };
}

/** Folder of the drizzle-kit migrations; the server runs from the project root. */
export function migrationsFolder(): string {
  if (process.env.MIGRATIONS_DIR) return resolve(process.env.MIGRATIONS_DIR);
  // Source tree (scripts, tests): src/lib/server → ../../../db/migrations. A built server's
  // chunks live elsewhere, and it runs from the project root.
  const fromSource = resolve(
    dirname(fileURLToPath(import.meta.url)),
    '../../../db/migrations/meta/_journal.json',
  );
  return existsSync(fromSource) ? dirname(dirname(fromSource)) : resolve(process.cwd(), 'db/migrations');
}

/** Applies pending migrations (idempotent). */
export async function migrateDb(db: Database): Promise<void> {
  await db.write(() => migrate(db.orm, { migrationsFolder: migrationsFolder() }));
}
