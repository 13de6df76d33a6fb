import { createClient, type Client, type InValue, type Transaction } from '@libsql/client';

const pageSize = 500;

function text(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`Expected text in sqlite_schema, got ${typeof value}.`);
  return value;
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A table's columns, and the key to read it in pages by: its rowid, or for a `WITHOUT ROWID`
 * table (which has none) its primary key columns in key order.
 */
async function tableLayout(read: Transaction, name: string): Promise<{ columns: string[]; keys: string[] }> {
  const info = (await read.execute(`PRAGMA table_info(${quote(name)})`)).rows;
  const columns = info.map((row) => text(row.name));
  const [listed] = (await read.execute(`PRAGMA table_list(${quote(name)})`)).rows;
  if (Number(listed?.wr ?? 0) !== 1) return { columns, keys: ['rowid'] };
  const keys = info
    .filter((row) => Number(row.pk) > 0)
    .sort((a, b) => Number(a.pk) - Number(b.pk))
    .map((row) => text(row.name));
  return { columns, keys };
}

/**
 * Copies every table, index, view and trigger of `source` into a new local file `target`,
 * reading inside one read transaction so the copy is one consistent moment. For a database on a
 * libSQL server, where `VACUUM INTO` would write on the server's disk instead of ours.
 */
export async function copyDatabaseLogically(source: Client, target: string): Promise<void> {
  // A separate plain client: the copy is a new file of our own, not an app database.
  const copy = createClient({ url: `file:${target}` });
  const read = await source.transaction('read');
  try {
    const objects = await read.execute(
      "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
    );
    const schema = objects.rows.map((row) => ({
      type: text(row.type),
      name: text(row.name),
      sql: text(row.sql),
    }));
    const tables = schema.filter((object) => object.type === 'table');
    const others = schema.filter((object) => object.type !== 'table');
    await copy.execute('PRAGMA foreign_keys = OFF');
    for (const table of tables) await copy.execute(table.sql);
    for (const table of tables) {
      const name = table.name;
      const { columns, keys } = await tableLayout(read, name);
      const insert = `INSERT INTO ${quote(name)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
      const selected = `SELECT ${[...keys, ...columns].map(quote).join(', ')} FROM ${quote(name)}`;
      const order = `ORDER BY ${keys.map(quote).join(', ')} LIMIT ${pageSize}`;
      const firstPage = `${selected} ${order}`;
      // A row value: (a, b) > (?, ?) pages through a composite key in its own order.
      const nextPage = `${selected} WHERE (${keys.map(quote).join(', ')}) > (${keys.map(() => '?').join(', ')}) ${order}`;
      let after: InValue[] | null = null;
      for (;;) {
        const page = await read.execute(after ? { sql: nextPage, args: after } : firstPage);
        if (page.rows.length === 0) break;
        await copy.batch(
          page.rows.map((row) => ({
            sql: insert,
            args: columns.map((_, index) => row[keys.length + index] as InValue),
          })),
          'write',
        );
        const last = page.rows[page.rows.length - 1]!;
        after = keys.map((_, index) => last[index] as InValue);
        if (page.rows.length < pageSize) break;
      }
    }
    for (const object of others) await copy.execute(object.sql);
  } finally {
    read.close();
    copy.close();
  }
}
