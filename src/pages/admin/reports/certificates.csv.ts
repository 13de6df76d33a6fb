import type { APIRoute } from 'astro';
import { csvDateTime, dayKey } from '#src/lib/report/dates.ts';
import { parseExpiryDays } from '#src/lib/report/query.ts';
import { getDb } from '#src/lib/server/app.ts';
import { csvDownload, streamCsv } from '#src/lib/server/report/csv-stream.ts';
import { requireUser } from '#src/lib/server/account/guard.ts';
import { listExpiringAfter, type ExpiryCursor } from '#src/lib/server/report/certificates.ts';
import { DAY_MS } from '#src/lib/time.ts';

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
      Math.ceil((row.expiresAt - now) / DAY_MS),
    ],
  });
  return csvDownload(stream, `rtw-${t('admin.certificates.csvFile')}-${days}-${dayKey(now)}.csv`);
};
