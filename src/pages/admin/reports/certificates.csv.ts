import type { APIRoute } from 'astro';
import { csvDateTime, dayKey } from '../../../lib/report-dates.ts';
import { parseExpiryDays } from '../../../lib/report-query.ts';
import { getDb } from '../../../lib/server/app.ts';
import { csvDownload, streamCsv } from '../../../lib/server/csv-export.ts';
import { requireUser } from '../../../lib/server/guard.ts';
import { listExpiringAfter, type ExpiryCursor } from '../../../lib/server/report-certificates.ts';

/** The valid certificates expiring within the chosen window, soonest first. */
export const GET: APIRoute = async (context) => {
  const auth = requireUser(context, 'admin', 'endpoint');
  if (!auth.ok) return auth.response;
  const { t } = context.locals;
  const db = await getDb();
  const now = Date.now();
  const days = parseExpiryDays(context.url.searchParams);
  const stream = streamCsv({
    header: [
      t('admin.certificates.holder'),
      t('admin.users.email'),
      t('admin.reports.employer'),
      t('admin.user.serial'),
      t('admin.reports.course'),
      t('admin.certificates.issuedAt'),
      t('admin.certificates.expiresAt'),
      t('admin.certificates.daysLeft'),
    ],
    start: null as ExpiryCursor | null,
    fetch: (cursor, limit) => listExpiringAfter(db, { now, days }, cursor, limit),
    toCells: (row) => [
      row.holderName,
      row.email,
      row.employerName,
      row.serial,
      row.courseTitle,
      csvDateTime(row.issuedAt),
      csvDateTime(row.expiresAt),
      Math.ceil((row.expiresAt - now) / (24 * 60 * 60 * 1000)),
    ],
  });
  return csvDownload(stream, `rtw-${t('admin.certificates.csvFile')}-${days}-${dayKey(now)}.csv`);
};
