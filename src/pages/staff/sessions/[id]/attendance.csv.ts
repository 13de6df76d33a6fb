import type { APIRoute } from 'astro';
import { requireUser } from '#src/lib/server/account/guard.ts';
import { getDb } from '#src/lib/server/app.ts';
import { getCatalogue } from '#src/lib/server/content/course.ts';
import { csvDownload, streamCsv } from '#src/lib/server/report/csv-stream.ts';
import { attendancePlacesSource, placeCsvColumns } from '#src/lib/server/workshop/report.ts';
import { loadStaffSession } from '#src/lib/server/workshop/sessions.ts';

/** One session's class list and attendance as CSV (trainers and admins, learners in their scope). */
export const GET: APIRoute = async (context) => {
  const auth = requireUser(context, 'trainer', 'endpoint');
  if (!auth.ok) return auth.response;
  const db = await getDb();
  const staff = await loadStaffSession(db, auth.user, context.params.id ?? '');
  if (!staff) return new Response(null, { status: 404 });
  const catalogue = await getCatalogue(context.locals.locale);
  const columns = placeCsvColumns(context.locals.t, (id) => catalogue.preview.course(id)?.title ?? id);
  const source = attendancePlacesSource(
    db,
    auth.user,
    { sessionId: staff.session.id, courseId: null, employerId: null, startMs: 0, endMs: 0 },
    columns.header,
    columns.toCells,
  );
  return csvDownload(streamCsv(source), `attendance-${staff.session.id}.csv`);
};
