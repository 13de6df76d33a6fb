import type { APIRoute } from 'astro';
import { getDb, siteUrl } from '#src/lib/server/app.ts';
import { listForExport } from '#src/lib/server/certificate/desk.ts';
import { renderCertificate, streamCertificatesZip } from '#src/lib/server/certificate/document.ts';
import { issuedFilterFrom } from '#src/lib/server/certificate/export.ts';
import { getCatalogue } from '#src/lib/server/content/course.ts';
import { requireUser } from '#src/lib/server/account/guard.ts';

/**
 * Many certificate PDFs as one ZIP, for admins: the ticked ones (`id`), or else every one the
 * issued list's filter matches, up to EXPORT_LIMIT. Streamed: one PDF is rendered at a time.
 */
export const GET: APIRoute = async (context) => {
  const auth = requireUser(context, 'admin', 'endpoint');
  if (!auth.ok) return auth.response;
  const db = await getDb();
  const params = context.url.searchParams;
  const entries = await listForExport(db, issuedFilterFrom(params), params.getAll('id'), Date.now());
  if (entries.length === 0) {
    return context.redirect('/admin/certificates/issued', 303);
  }
  const catalogues = { en: await getCatalogue('en'), ms: await getCatalogue('ms') };
  const base = siteUrl();
  // Each certificate prints in the language it was issued in.
  const stream = streamCertificatesZip(entries, (record) =>
    renderCertificate(
      record,
      catalogues[record.language].preview.course(record.courseId),
      record.language,
      base,
    ),
  );
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="rtw-certificates-${day}.zip"`,
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
};
