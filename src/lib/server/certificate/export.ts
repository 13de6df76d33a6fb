/**
 * The issued list's exports: the filter read from a query string (the same one the list page
 * uses), and the CSV. The ZIP is streamCertificatesZip in certificate-document.ts.
 */
import { isCertificateStatus, parseExpiryWindow } from '#src/lib/certificate/status.ts';
import type { IssuedEntry, IssuedFilter } from './desk.ts';

/** The issued-list filter from `?course=&employer=&status=&q=`. */
export function issuedFilterFrom(params: URLSearchParams): IssuedFilter {
  const status = params.get('status') ?? '';
  return {
    courseId: params.get('course') || null,
    organisationId: params.get('employer') || null,
    status: isCertificateStatus(status) || status === 'expiring' ? status : null,
    query: (params.get('q') ?? '').slice(0, 200) || null,
    withinDays: parseExpiryWindow(params.get('within')),
  };
}

/** A CSV cell: quoted, with formula-like text defused so a spreadsheet never runs it. */
function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

const csvHeader = [
  'serial',
  'verification_code',
  'status',
  'holder_name',
  'email',
  'employer',
  'course_id',
  'course_title',
  'cpd_hours',
  'issued_at',
  'expires_at',
  'revoked_at',
  'revoked_reason',
  'exception_reason',
  'superseded_by',
];

const iso = (at: number | null): string | null => (at === null ? null : new Date(at).toISOString());

/**
 * The issued certificates as CSV lines (header first, after a byte order mark so that spreadsheet
 * programs read the names as UTF-8), each ending in CRLF as RFC 4180 says.
 */
export function* certificateCsvLines(entries: Iterable<IssuedEntry>): Generator<string> {
  yield `\ufeff${csvHeader.join(',')}\r\n`;
  for (const entry of entries) {
    yield `${[
      entry.serial,
      entry.verificationCode,
      entry.status,
      entry.holderName,
      entry.email,
      entry.employer,
      entry.courseId,
      entry.courseTitle,
      entry.cpdHours,
      iso(entry.issuedAt),
      iso(entry.expiresAt),
      iso(entry.revokedAt),
      entry.revokedReason,
      entry.exceptionReason,
      entry.supersededBy,
    ]
      .map(csvCell)
      .join(',')}\r\n`;
  }
}
