import { createClient, type Client, type InValue } from '@libsql/client';

const pageSize = 500;

function text(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`Expected text in sqlite_schema, got ${typeof value}.`);
  return value;
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
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
      const columns = (await read.execute(`PRAGMA table_info(${quote(name)})`)).rows.map((row) =>
        text(row.name),
      );
      const insert = `INSERT INTO ${quote(name)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
      const select = `SELECT rowid, ${columns.map(quote).join(', ')} FROM ${quote(name)} WHERE rowid > ? ORDER BY rowid LIMIT ${pageSize}`;
      let after: InValue = Number.MIN_SAFE_INTEGER;
      for (;;) {
        const page = await read.execute({ sql: select, args: [after] });
        if (page.rows.length === 0) break;
        await copy.batch(
          page.rows.map((row) => ({
            sql: insert,
            args: columns.map((_, index) => row[index + 1] as InValue),
          })),
          'write',
        );
        after = page.rows[page.rows.length - 1]![0] as InValue;
        if (page.rows.length < pageSize) break;
      }
    }
    for (const object of others) await copy.execute(object.sql);
  } finally {
    read.close();
    copy.close();
  }
}
