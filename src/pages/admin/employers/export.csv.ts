import type { APIRoute } from 'astro';
import { dayKey } from '#src/lib/report/dates.ts';
import { getDb } from '#src/lib/server/app.ts';
import { csvDownload, streamCsv } from '#src/lib/server/report/csv-stream.ts';
import { listEmployerStatsAfter } from '#src/lib/server/employer/statistics.ts';
import { requireUser } from '#src/lib/server/account/guard.ts';

/** Every employer (merged ones left out) with its counts, by name. */
export const GET: APIRoute = async (context) => {
  const auth = requireUser(context, 'admin', 'endpoint');
  if (!auth.ok) return auth.response;
  const { t } = context.locals;
  const db = await getDb();
  const stream = streamCsv({
    header: [
      t('admin.employers.name'),
      t('admin.employers.socso'),
      t('admin.employers.learners'),
      t('admin.employers.enrolments'),
      t('admin.employers.completed'),
      `${t('admin.employers.rate')} (%)`,
    ],
    start: null as string | null,
    fetch: (cursor, limit) => listEmployerStatsAfter(db, cursor, limit),
    toCells: (row) => [
      row.name,
      row.socsoCode,
      row.learners,
      row.enrolments,
      row.completed,
      row.completionRate === null ? null : Math.round(row.completionRate * 1000) / 10,
    ],
  });
  return csvDownload(stream, `rtw-${t('admin.employers.csvFile')}-${dayKey(Date.now())}.csv`);
};
