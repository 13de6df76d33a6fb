import type { APIRoute } from 'astro';
import { parseStaffQuery } from '#src/lib/employer/staff-query.ts';
import { csvDateTime, dayKey } from '#src/lib/report/dates.ts';
import { getCatalogue } from '#src/lib/server/content/course.ts';
import { listStaffAfter, type StaffCursor } from '#src/lib/server/employer/staff.ts';
import { openWorkspace } from '#src/lib/server/employer/workspace.ts';
import { csvDownload, streamCsv } from '#src/lib/server/report/csv-stream.ts';

/** The staff list with the page's filters, every row, by name; streamed a page of rows at a time. */
export const GET: APIRoute = async (context) => {
  const workspace = await openWorkspace(context, 'endpoint');
  if (!workspace.ok) return workspace.response;
  const { db, employer } = workspace;
  const { t, locale } = context.locals;
  const catalogue = await getCatalogue(locale);
  const query = parseStaffQuery(context.url.searchParams);
  const now = Date.now();
  const stream = streamCsv({
    header: [
      t('employer.staff.name'),
      t('employer.csv.email'),
      t('employer.staff.course'),
      t('employer.staff.state'),
      t('employer.csv.percent'),
      t('employer.staff.due'),
      t('employer.csv.enrolled'),
      t('employer.csv.completed'),
      t('employer.csv.certificateExpires'),
      t('employer.staff.lastActive'),
      t('employer.csv.account'),
    ],
    start: null as StaffCursor | null,
    fetch: (cursor, limit) => listStaffAfter(db, catalogue, employer.id, query, cursor, limit, now),
    toCells: (row) => [
      row.fullName,
      row.email,
      row.courseId ? (catalogue.published.course(row.courseId)?.title ?? row.courseId) : '',
      t(`employer.state.${row.state}`),
      row.percent,
      csvDateTime(row.dueAt),
      csvDateTime(row.enrolledAt),
      csvDateTime(row.completedAt),
      csvDateTime(row.certificateExpiresAt),
      csvDateTime(row.lastActiveAt),
      row.accountStatus === 'active' ? t('employer.csv.active') : t('employer.staff.deactivated'),
    ],
  });
  return csvDownload(stream, `rtw-${t('employer.csv.file')}-${dayKey(now)}.csv`);
};
