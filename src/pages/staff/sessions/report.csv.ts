import type { APIRoute } from 'astro';
import { requireUser } from '#src/lib/server/account/guard.ts';
import { getDb } from '#src/lib/server/app.ts';
import { getCatalogue } from '#src/lib/server/content/course.ts';
import { csvDownload, streamCsv } from '#src/lib/server/report/csv-stream.ts';
import { attendancePlacesSource, placeCsvColumns } from '#src/lib/server/workshop/report.ts';
import { parseAttendanceQuery } from '#src/lib/server/workshop/report-query.ts';

/** Every place in the attendance report's filters, one row each, streamed (trainers and admins). */
export const GET: APIRoute = async (context) => {
  const auth = requireUser(context, 'trainer', 'endpoint');
  if (!auth.ok) return auth.response;
  const { filters, range } = parseAttendanceQuery(context.url.searchParams, Date.now());
  const catalogue = await getCatalogue(context.locals.locale);
  const columns = placeCsvColumns(context.locals.t, (id) => catalogue.preview.course(id)?.title ?? id);
  const source = attendancePlacesSource(await getDb(), auth.user, filters, columns.header, columns.toCells);
  return csvDownload(streamCsv(source), `attendance-${range.from}-to-${range.to}.csv`);
};
