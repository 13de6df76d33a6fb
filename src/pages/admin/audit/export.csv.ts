import type { APIRoute } from 'astro';
import { auditActionLabel } from '#src/lib/admin/audit-details.ts';
import { csvDateTime, dayKey } from '#src/lib/report/dates.ts';
import { parseAuditQuery } from '#src/lib/report/query.ts';
import { getDb } from '#src/lib/server/app.ts';
import { listAuditEventsBefore, type AuditCursor } from '#src/lib/server/audit/read.ts';
import { csvDownload, streamCsv } from '#src/lib/server/report/csv-stream.ts';
import { requireUser } from '#src/lib/server/account/guard.ts';

/** The audit log as CSV, newest first, with the page's filters. The data column keeps the full JSON. */
export const GET: APIRoute = async (context) => {
  const auth = requireUser(context, 'admin', 'endpoint');
  if (!auth.ok) return auth.response;
  const { t } = context.locals;
  const db = await getDb();
  const query = parseAuditQuery(context.url.searchParams);
  const stream = streamCsv({
    header: [
      t('admin.audit.at'),
      t('admin.audit.actor'),
      t('admin.audit.actorEmail'),
      t('admin.audit.action'),
      t('admin.audit.subjectType'),
      t('admin.audit.subjectIdColumn'),
      t('admin.audit.subjectName'),
      t('admin.audit.data'),
    ],
    start: null as AuditCursor | null,
    fetch: (cursor, limit) => listAuditEventsBefore(db, query, cursor, limit),
    toCells: (row) => [
      csvDateTime(row.at),
      row.actorId === null ? t('admin.audit.system') : (row.actorName ?? row.actorId),
      row.actorEmail,
      auditActionLabel(row.action, t),
      row.subjectType,
      row.subjectId,
      row.subjectLabel,
      row.data === null ? null : JSON.stringify(row.data),
    ],
  });
  return csvDownload(stream, `rtw-${t('admin.audit.csvFile')}-${dayKey(Date.now())}.csv`);
};
