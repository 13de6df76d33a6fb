/**
 * A second connection to a local database file, for plain `SELECT`s outside a transaction, with
 * its prepared statements kept. `@libsql/client` prepares every statement on every call and keeps
 * none: for the learner-state read of the lesson page, preparing (parsing and planning the SQL)
 * took about twice as long as running it (docs/performance.md, issue #20).
 *
 * Only `db.ts` uses this. Everything else (writes, transactions, batches, migrations, PRAGMAs,
 * `WITH …` statements) still goes to the client's own connection. The read connection is
 * `query_only`, so a statement misjudged as a read fails instead of writing. In WAL mode a
 * statement on it sees every commit made before it started, so a request still reads its own
 * writes once they are committed.
 */
import { LibsqlError, type Client, type InStatement, type ResultSet, type Row } from '@libsql/client';
import Sqlite from 'libsql';

type Value = null | number | bigint | string | ArrayBuffer;

/** Prepared statements kept per connection; past this, the least recently used are dropped. */
const statementLimit = 256;

/** The statement's text and arguments, as `client.execute` receives them. */
function normalise(statement: InStatement, args: unknown): { sql: string; args: unknown } {
  if (typeof statement === 'string') return { sql: statement, args: args ?? [] };
  return { sql: statement.sql, args: statement.args ?? [] };
}

/** A plain read: the statement begins with SELECT (a WITH may precede a write in SQLite). */
export function isPlainSelect(text: string): boolean {
  return /^\s*select\b/i.test(text);
}

/** Integers as numbers, as the client's default `intMode: 'number'` gives them. */
function fromSql(value: unknown): Value {
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER))
      throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
    return Number(value);
  }
  // A copy of exactly the value's bytes (a Buffer may view a larger pooled ArrayBuffer).
  if (value instanceof Uint8Array) return new Uint8Array(value).buffer;
  return value as Value;
}

/** Arguments as the binding takes them: booleans as 0/1, ArrayBuffers as Buffers, dates as ms. */
function toSql(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError('undefined cannot be passed as an argument to the database');
  return value;
}

function bind(args: unknown): unknown {
  if (Array.isArray(args)) return args.map(toSql);
  const named: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args as Record<string, unknown>))
    named[/^[@$:]/.test(name) ? name.slice(1) : name] = toSql(value);
  return named;
}

/**
 * A row as the client builds it: values by position (not enumerable, with a length) and by
 * column name (enumerable; the first of two equal names wins), so drizzle reads it either way.
 */
function rowOf(values: unknown[], columns: string[]): Row {
  const row: Record<string | number, unknown> = {};
  Object.defineProperty(row, 'length', { value: values.length });
  for (let index = 0; index < values.length; index++) {
    const value = fromSql(values[index]);
    Object.defineProperty(row, index, { value });
    const column = columns[index] ?? String(index);
    if (!Object.hasOwn(row, column)) row[column] = value;
  }
  return row as unknown as Row;
}

/**
 * The client, with `execute` of a plain SELECT answered on a `query_only` connection of its own
 * whose prepared statements are kept. `close()` closes both.
 */
export function withReadConnection(client: Client, path: string, busyTimeoutMs: number): Client {
  const connection = new Sqlite(path, { timeout: busyTimeoutMs });
  connection.exec('PRAGMA query_only = 1');
  /**
   * A prepared statement and its result columns. SQLite prepares a statement again by itself
   * after a schema change; the column names kept here are dropped with it when the schema can
   * change (`migrate`, `executeMultiple`).
   */
  interface Kept {
    statement: Sqlite.Statement;
    columns: string[];
    columnTypes: string[];
  }
  const statements = new Map<string, Kept>();

  function prepared(text: string): Kept {
    const found = statements.get(text);
    if (found) {
      // Most recently used last: Map keeps insertion order.
      statements.delete(text);
      statements.set(text, found);
      return found;
    }
    const statement = connection.prepare(text);
    statement.safeIntegers(true);
    statement.raw(true);
    const described = statement.columns();
    const kept = {
      statement,
      columns: described.map((column) => column.name),
      columnTypes: described.map((column) => column.type ?? ''),
    };
    statements.set(text, kept);
    if (statements.size > statementLimit) {
      const oldest = statements.keys().next().value;
      if (oldest !== undefined) statements.delete(oldest);
    }
    return kept;
  }

  function read(text: string, args: unknown): ResultSet {
    const { statement, columns, columnTypes } = prepared(text);
    const values = statement.all(bind(args)) as unknown[][];
    const rows = values.map((row) => rowOf(row, columns));
    return {
      columns,
      columnTypes,
      rows,
      rowsAffected: 0,
      lastInsertRowid: undefined,
      toJSON: () => ({ columns, rows: rows.map((row) => Array.from(row as ArrayLike<unknown>)) }),
    };
  }

  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'execute')
        return async (statement: InStatement, args?: unknown): Promise<ResultSet> => {
          const { sql, args: values } = normalise(statement, args);
          if (!isPlainSelect(sql) || target.closed) return target.execute(statement as never, args as never);
          try {
            return read(sql, values);
          } catch (error) {
            // The client's error type, so callers see the same error either way.
            const { message, code, rawCode } = error as { message: string; code?: string; rawCode?: number };
            throw new LibsqlError(message, code ?? 'UNKNOWN', undefined, rawCode, error as Error);
          }
        };
      if (property === 'migrate' || property === 'executeMultiple') {
        statements.clear();
        const method = Reflect.get(target, property, receiver) as (...a: unknown[]) => unknown;
        return method.bind(target);
      }
      if (property === 'close')
        return () => {
          statements.clear();
          connection.close();
          target.close();
        };
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
