import type { APIRoute } from 'astro';
import { parseUserListQuery } from '#src/lib/admin/list-query.ts';
import { csvDateTime, dayKey } from '#src/lib/report/dates.ts';
import { listUsersAfter, type UserCursor } from '#src/lib/server/admin/users.ts';
import { getDb } from '#src/lib/server/app.ts';
import { csvDownload, streamCsv } from '#src/lib/server/report/csv-stream.ts';
import { requireUser } from '#src/lib/server/account/guard.ts';

/** The user list as CSV: every row that matches the list's filters, in the list's order. */
export const GET: APIRoute = async (context) => {
  const auth = requireUser(context, 'admin', 'endpoint');
  if (!auth.ok) return auth.response;
  const { t } = context.locals;
  const db = await getDb();
  const query = parseUserListQuery(context.url.searchParams);
  const stream = streamCsv({
    header: [
      t('admin.users.name'),
      t('admin.users.email'),
      t('admin.users.employer'),
      t('admin.users.role'),
      t('admin.users.status'),
      t('admin.users.lastActive'),
      t('admin.users.created'),
    ],
    start: null as UserCursor | null,
    fetch: (cursor, limit) => listUsersAfter(db, query, cursor, limit),
    toCells: (row) => [
      row.fullName,
      row.email,
      row.employerName ?? t('employers.independent'),
      t(`role.${row.role}`),
      t(`admin.status.${row.status}`),
      csvDateTime(row.lastActiveAt),
      csvDateTime(row.createdAt),
    ],
  });
  return csvDownload(stream, `rtw-${t('admin.users.csvFile')}-${dayKey(Date.now())}.csv`);
};
