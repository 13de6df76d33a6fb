import type { APIRoute } from 'astro';
import { csvDateTime, dayKey } from '#src/lib/report/dates.ts';
import { parseProgressQuery } from '#src/lib/report/query.ts';
import { getDb } from '#src/lib/server/app.ts';
import { getCatalogue } from '#src/lib/server/content/course.ts';
import { csvDownload, streamCsv } from '#src/lib/server/report/csv-stream.ts';
import { requireUser } from '#src/lib/server/account/guard.ts';
import { learnerScope } from '#src/lib/server/employer/access.ts';
import { attachProgress, listInProgressAfter, type ProgressCursor } from '#src/lib/server/report/progress.ts';

/** Every enrolment in progress that matches the report's filters, least recently seen first, with % complete. */
export const GET: APIRoute = async (context) => {
  const auth = requireUser(context, 'trainer', 'endpoint');
  if (!auth.ok) return auth.response;
  const { t } = context.locals;
  const db = await getDb();
  const catalogue = await getCatalogue();
  const query = parseProgressQuery(context.url.searchParams);
  const published = catalogue.published.courses.map((course) => course.id);
  const filters = {
    courseIds: query.courseId ? published.filter((id) => id === query.courseId) : published,
    employerId: query.employerId,
    inactiveOnly: query.inactiveOnly,
    now: Date.now(),
    scope: learnerScope(auth.user),
  };
  const stream = streamCsv({
    header: [
      t('admin.users.name'),
      t('admin.users.email'),
      t('admin.reports.employer'),
      t('admin.reports.course'),
      t('admin.progress.percent'),
      t('admin.progress.enrolledAt'),
      t('admin.progress.lastSeenAt'),
      t('admin.progress.inactiveColumn'),
    ],
    start: null as ProgressCursor | null,
    fetch: async (cursor, limit) => {
      const page = await listInProgressAfter(db, filters, cursor, limit);
      return { rows: await attachProgress(db, catalogue, page.rows), next: page.next };
    },
    toCells: (row) => [
      row.fullName,
      row.email,
      row.employerName ?? t('employers.independent'),
      catalogue.preview.course(row.courseId)?.title ?? row.courseId,
      row.percent,
      csvDateTime(row.enrolledAt),
      csvDateTime(row.lastSeenAt),
      row.inactive ? t('admin.progress.yes') : t('admin.progress.no'),
    ],
  });
  return csvDownload(stream, `rtw-${t('admin.progress.csvFile')}-${dayKey(filters.now)}.csv`);
};
