/**
 * Group commit for small writes that read nothing first (the lesson page's resume point, closing
 * a quiz attempt): the statements that arrive in one turn of the event loop, and any more that
 * arrive before the process's write queue reaches them, are committed in one transaction. With
 * `synchronous=FULL` every commit waits for the disk to flush the log and, with several worker
 * processes, for the file's write lock; one commit for a group pays that once instead of once
 * per statement (docs/performance.md, issue #20 part H). Only `db.ts` uses this.
 */
import { LibsqlError, type Client, type InArgs } from '@libsql/client';

/** A query as drizzle builds it, before it runs (`orm.insert(…).values(…)`). */
export interface SqlQuery {
  toSQL(): { sql: string; params: unknown[] };
}

/** What a grouped statement did: the rows it inserted, updated or deleted. */
export interface GroupedResult {
  rowsAffected: number;
}

interface Grouped {
  statement: { sql: string; args: InArgs };
  committed: (result: GroupedResult) => void;
  failed: (error: unknown) => void;
}

export interface GroupCommitter {
  /** See `Database.writeGrouped`. */
  writeGrouped: (query: SqlQuery) => Promise<GroupedResult>;
  /** Settles once the group being gathered now, if any, is in the write queue. */
  gathered: () => Promise<unknown>;
}

/** Group commit on `client`, through `enqueue` (the database's write queue). */
export function groupCommitter(
  client: Client,
  enqueue: (work: () => Promise<void>) => Promise<void>,
): GroupCommitter {
  let open: Grouped[] | null = null;
  let gathering: Promise<unknown> = Promise.resolve();

  function writeGrouped(query: SqlQuery): Promise<GroupedResult> {
    const { sql, params } = query.toSQL();
    return new Promise((committed, failed) => {
      const entry = { statement: { sql, args: params as InArgs }, committed, failed };
      if (open) {
        open.push(entry);
        return;
      }
      const group = [entry];
      open = group;
      // The other requests read from the sockets in this turn reach their own write before the
      // group goes to the queue; the queue is not held meanwhile. It stays open to newcomers
      // until the queue reaches it.
      gathering = new Promise((next) => setImmediate(next)).then(() =>
        enqueue(async () => {
          if (open === group) open = null;
          await commitGroup(client, group);
        }),
      );
    });
  }

  return { writeGrouped, gathered: () => gathering };
}

/**
 * One transaction for the group. If a statement breaks a constraint, the transaction was rolled
 * back as a whole, and each statement runs again on its own, so that statement fails only its
 * own caller. Any other failure (the file busy past the busy timeout, a full disk) is the
 * database's, not a statement's: it fails the whole group at once rather than waiting out the
 * busy timeout once more per statement with the worker stopped.
 */
async function commitGroup(client: Client, group: readonly Grouped[]): Promise<void> {
  if (group.length > 1) {
    try {
      const results = await client.batch(
        group.map((entry) => entry.statement),
        'write',
      );
      group.forEach((entry, index) => entry.committed({ rowsAffected: results[index]?.rowsAffected ?? 0 }));
      return;
    } catch (error) {
      if (!brokeConstraint(error)) {
        for (const entry of group) entry.failed(error);
        return;
      }
    }
  }
  for (const entry of group) {
    try {
      const { rowsAffected } = await client.execute(entry.statement);
      entry.committed({ rowsAffected });
    } catch (error) {
      entry.failed(error);
    }
  }
}

/** A statement's own failure: a key, foreign key, NOT NULL or CHECK constraint it broke. */
function brokeConstraint(error: unknown): boolean {
  return error instanceof LibsqlError && error.code.startsWith('SQLITE_CONSTRAINT');
}
