import type { APIRoute } from 'astro';
import { csvDateTime } from '#src/lib/report/dates.ts';
import { parseCompletionQuery } from '#src/lib/report/query.ts';
import { getDb } from '#src/lib/server/app.ts';
import { getCatalogue } from '#src/lib/server/content/course.ts';
import { csvDownload, streamCsv } from '#src/lib/server/report/csv-stream.ts';
import { requireUser } from '#src/lib/server/account/guard.ts';
import { listCompletionsAfter, type CompletionCursor } from '#src/lib/server/report/completions.ts';

/** One row per completion in the report's range and filters, oldest first. */
export const GET: APIRoute = async (context) => {
  const auth = requireUser(context, 'admin', 'endpoint');
  if (!auth.ok) return auth.response;
  const { t } = context.locals;
  const db = await getDb();
  const catalogue = await getCatalogue();
  const query = parseCompletionQuery(context.url.searchParams, Date.now());
  const filters = {
    startMs: query.range.startMs,
    endMs: query.range.endMs,
    courseId: query.courseId,
    employerId: query.employerId,
  };
  const stream = streamCsv({
    header: [
      t('admin.users.name'),
      t('admin.users.email'),
      t('admin.reports.employer'),
      t('admin.reports.course'),
      t('admin.completions.enrolledAt'),
      t('admin.completions.completedAt'),
    ],
    start: null as CompletionCursor | null,
    fetch: (cursor, limit) => listCompletionsAfter(db, filters, cursor, limit),
    toCells: (row) => [
      row.fullName,
      row.email,
      row.employerName ?? t('employers.independent'),
      catalogue.preview.course(row.courseId)?.title ?? row.courseId,
      csvDateTime(row.enrolledAt),
      csvDateTime(row.completedAt),
    ],
  });
  return csvDownload(
    stream,
    `rtw-${t('admin.completions.csvFile')}-${query.range.from}-${query.range.to}.csv`,
  );
};
