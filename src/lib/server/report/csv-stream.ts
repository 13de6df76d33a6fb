/**
 * CSV downloads that stream: the body is a ReadableStream that asks the database for the next
 * chunk only when the client has taken the previous one, so an export of 100,000 rows holds one
 * chunk in memory at a time, whatever its size.
 */
import { CSV_BOM, csvRow, type CsvValue } from '#src/lib/report/csv.ts';

export interface CsvSource<Row, Cursor> {
  header: readonly string[];
  /** The cursor of the first chunk. */
  start: Cursor;
  /** Rows after `cursor`, and the cursor of the chunk after them (undefined at the end). */
  fetch(cursor: Cursor, limit: number): Promise<{ rows: readonly Row[]; next: Cursor | undefined }>;
  toCells(row: Row): readonly CsvValue[];
}

export const CSV_CHUNK_ROWS = 1000;

/** The CSV as a pull stream of UTF-8 chunks (one database page each). */
export function streamCsv<Row, Cursor>(
  source: CsvSource<Row, Cursor>,
  chunkRows = CSV_CHUNK_ROWS,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: Cursor | undefined = source.start;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(CSV_BOM + csvRow(source.header)));
          return;
        }
        if (cursor === undefined) {
          controller.close();
          return;
        }
        const page = await source.fetch(cursor, chunkRows);
        cursor = page.next;
        if (page.rows.length > 0) {
          let text = '';
          for (const row of page.rows) text += csvRow(source.toCells(row));
          controller.enqueue(encoder.encode(text));
        }
        if (cursor === undefined) controller.close();
      },
      cancel() {
        cursor = undefined;
      },
    },
    // One chunk queued at most: the next database page is read only once the client takes this one.
    { highWaterMark: 1 },
  );
}

/** A download response for a CSV stream; never cached, since it holds personal data. */
export function csvDownload(stream: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/gu, '-')}"`,
      'Cache-Control': 'no-store',
    },
  });
}
