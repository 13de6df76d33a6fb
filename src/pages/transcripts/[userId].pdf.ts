import type { APIRoute } from 'astro';
import { isLocale } from '#src/i18n/index.ts';
import { getDb, siteUrl } from '#src/lib/server/app.ts';
import { requireUser } from '#src/lib/server/account/guard.ts';
import { attachmentHeader } from '#src/lib/server/certificate/document.ts';
import { renderTranscriptPdf } from '#src/lib/server/pdf/transcript.ts';
import { transcriptDocument } from '#src/lib/server/transcript/document.ts';
import { loadTranscriptFor } from '#src/lib/server/transcript/load.ts';

/**
 * A learner's transcript as a PDF, in `?lang=en|ms` or else the learner's own language, for the
 * learner and the staff who may see them; everyone else gets 404.
 */
export const GET: APIRoute = async (context) => {
  const auth = requireUser(context, 'learner', 'endpoint');
  if (!auth.ok) return auth.response;
  const requested = context.url.searchParams.get('lang');
  const found = await loadTranscriptFor(
    await getDb(),
    auth.user,
    context.params.userId ?? '',
    isLocale(requested) ? requested : 'learner',
    siteUrl(),
    Date.now(),
  );
  if (!found) return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const bytes = await renderTranscriptPdf(transcriptDocument(found.transcript, found.locale));
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': attachmentHeader(`learning-record-${found.locale}.pdf`),
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
};
