/**
 * CSV cells and rows as RFC 4180 writes them, safe to open in a spreadsheet. Pure.
 *
 * A text cell that a spreadsheet would run as a formula (it starts with `=`, `+`, `-` or `@`,
 * possibly after spaces, or with a tab or carriage return) gets a leading apostrophe, as OWASP
 * advises for CSV injection: the value shows as typed and never executes. Numbers are written
 * as numbers, so a negative number stays a number.
 */

export type CsvValue = string | number | boolean | null | undefined;

const formulaStart = /^(?:[\t\r]|\s*[=+\-@])/u;
const needsQuotes = /[",\r\n]|^\s|\s$/u;

/** One cell, escaped and neutralised. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, ending in CRLF. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A byte order mark, so that spreadsheet programs read the file as UTF-8 (Malay and Chinese names). */
export const CSV_BOM = '\uFEFF';
