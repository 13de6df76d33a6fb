import type { APIRoute } from 'astro';
import { getDb } from '#src/lib/server/app.ts';
import { listForExport } from '#src/lib/server/certificate/desk.ts';
import { certificateCsvLines, issuedFilterFrom } from '#src/lib/server/certificate/export.ts';
import { requireUser } from '#src/lib/server/account/guard.ts';

/** The issued list (same filter) as CSV, for admins, up to 50,000 rows. */
export const GET: APIRoute = async (context) => {
  const auth = requireUser(context, 'admin', 'endpoint');
  if (!auth.ok) return auth.response;
  const db = await getDb();
  const entries = await listForExport(db, issuedFilterFrom(context.url.searchParams), [], Date.now(), 50_000);
  const encoder = new TextEncoder();
  const lines = certificateCsvLines(entries);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk = '';
      for (let i = 0; i < 500; i++) {
        const next = lines.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="rtw-certificates-${day}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
};
