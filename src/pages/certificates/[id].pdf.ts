import type { APIRoute } from 'astro';
import { getDb, siteUrl } from '#src/lib/server/app.ts';
import { getDownloadableCertificate } from '#src/lib/server/certificate/issue.ts';
import {
  attachmentHeader,
  certificateFileName,
  renderCertificate,
} from '#src/lib/server/certificate/document.ts';
import { getCatalogue } from '#src/lib/server/content/course.ts';

/**
 * A certificate as a PDF, for its holder, trainers and admins. Anyone else, signed in or not,
 * gets the same 404 as for an id that does not exist, so ids reveal nothing. It prints in the
 * language it was issued in (chosen at issue; an admin re-issues it to change it), whatever the
 * reader's language.
 */
export const GET: APIRoute = async ({ params, locals }) => {
  const record = await getDownloadableCertificate((await getDb()).orm, locals.user, params.id ?? '');
  if (!record) return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const course = (await getCatalogue(record.language)).preview.course(record.courseId);
  const bytes = await renderCertificate(record, course, record.language, siteUrl());
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': attachmentHeader(certificateFileName(record)),
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
};
