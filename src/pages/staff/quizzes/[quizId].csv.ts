import type { APIRoute } from 'astro';
import { getDb } from '#src/lib/server/app.ts';
import { requireUser } from '#src/lib/server/account/guard.ts';
import { getQuizContent } from '#src/lib/server/quiz/content.ts';
import { getQuizReport, quizReportCsvLines } from '#src/lib/server/quiz/report.ts';

/** The question statistics of one quiz as CSV, streamed line by line (trainers and admins). */
export const GET: APIRoute = async (context) => {
  const auth = requireUser(context, 'trainer', 'endpoint');
  if (!auth.ok) return auth.response;
  const id = context.params.quizId ?? '';
  const content = (await getQuizContent('module', id)) ?? (await getQuizContent('assessment', id));
  if (!content) return new Response(null, { status: 404 });
  const report = await getQuizReport(await getDb(), content);
  const lines = quizReportCsvLines(report);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // A byte-order mark so spreadsheet programs read the Malay and other non-ASCII text right.
      controller.enqueue(encoder.encode('\uFEFF'));
    },
    pull(controller) {
      const next = lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="quiz-${content.id}-statistics.csv"`,
      'Cache-Control': 'no-store',
    },
  });
};
