/**
 * The people a manager invites: pasted addresses or an uploaded CSV of names and emails, read into
 * rows with the line each came from, so that the report can say what happened to every row. Pure.
 *
 * Accepted shapes: one address per line; `Name <address>`; or columns (comma, semicolon or tab
 * separated, RFC 4180 quoting) with or without a header row. With a header, the columns named like
 * "name"/"nama" and "email"/"e-mel" are used; without one, the cell with an `@` is the address and
 * the first other cell the name.
 */
import { NAME_MAX, checkEmail, cleanText, normaliseEmail } from '#src/lib/account/rules.ts';

/** The most rows one invitation batch may hold. */
export const MAX_INVITE_ROWS = 1000;

export type InviteRowProblem = 'missing-email' | 'invalid-email' | 'duplicate' | 'name-too-long';

export interface InviteRow {
  /** 1-based line of the file or text the row came from. */
  line: number;
  /** As given, cleaned; '' when the row had none. */
  name: string;
  /** Normalised when valid; as typed (cut to 254 characters) otherwise. */
  email: string;
  problem: InviteRowProblem | null;
}

const delimiters = [',', ';', '\t'] as const;

/** Splits CSV text into records of cells (RFC 4180: quotes, doubled quotes, CRLF), with line numbers. */
export function parseDelimited(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          cell += '"';
          index++;
        } else quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line++;
      recordLine = line;
    } else cell += char;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  return records.filter((record) => record.cells.some((value) => value.trim() !== ''));
}

function detectDelimiter(text: string): string {
  const first = text.split(/\r?\n/u).find((row) => row.trim() !== '') ?? '';
  let best: string = delimiters[0];
  let bestCount = 0;
  for (const delimiter of delimiters) {
    const count = first.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

const nameHeader = /^(full ?name|name|nama( penuh)?|staff name|employee name|nama pekerja)$/u;
const emailHeader = /^(e-?mail( address)?|e-?mel|alamat e-?mel|email address)$/u;

function headerIndexes(cells: string[]): { name: number; email: number } | null {
  const lower = cells.map((value) => value.trim().toLowerCase());
  const email = lower.findIndex((value) => emailHeader.test(value));
  if (email === -1) return null;
  return { name: lower.findIndex((value) => nameHeader.test(value)), email };
}

/** `Name <address>` in one cell: the name and the address. */
function splitNamedAddress(value: string): { name: string; email: string } | null {
  const match = /^(.*)<([^<>]+)>\s*$/u.exec(value);
  if (!match) return null;
  return { name: (match[1] ?? '').replace(/^["'\s]+|["'\s,]+$/gu, ''), email: match[2] ?? '' };
}

/**
 * The rows of a pasted list or an uploaded file, in order, each with its problem (or null).
 * An address seen earlier in the same list is a `duplicate`.
 */
export function parseInviteRows(text: string): InviteRow[] {
  const clean = text.replace(/^\uFEFF/u, '');
  const records = parseDelimited(clean, detectDelimiter(clean));
  const header = records[0] ? headerIndexes(records[0].cells) : null;
  const body = header ? records.slice(1) : records;
  const seen = new Set<string>();
  return body.map(({ line, cells }): InviteRow => {
    let name = '';
    let typed = '';
    if (header) {
      typed = cells[header.email] ?? '';
      name = header.name === -1 ? '' : (cells[header.name] ?? '');
    } else {
      const values = cells.map((value) => value.trim()).filter((value) => value !== '');
      const named = values.map(splitNamedAddress).find((found) => found !== null);
      if (named) {
        typed = named.email;
        name = named.name || (values.find((value) => !value.includes('@')) ?? '');
      } else {
        typed = values.find((value) => value.includes('@')) ?? '';
        name = values.find((value) => !value.includes('@')) ?? '';
      }
    }
    name = cleanText(name);
    const trimmed = typed.trim().replace(/^mailto:/iu, '');
    if (trimmed === '') return { line, name, email: '', problem: 'missing-email' };
    if (checkEmail(trimmed) !== null)
      return { line, name, email: trimmed.slice(0, 254), problem: 'invalid-email' };
    const email = normaliseEmail(trimmed);
    if (seen.has(email)) return { line, name, email, problem: 'duplicate' };
    seen.add(email);
    if ([...name].length > NAME_MAX)
      return { line, name: name.slice(0, NAME_MAX), email, problem: 'name-too-long' };
    return { line, name, email, problem: null };
  });
}
