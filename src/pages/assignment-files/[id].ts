import type { APIRoute } from 'astro';
import { requireUser } from '#src/lib/server/account/guard.ts';
import { getDb } from '#src/lib/server/app.ts';
import { readAttachedFile } from '#src/lib/server/assignment/file-access.ts';

/** `filename*=` for any name, with a plain ASCII fallback (RFC 6266). */
function disposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/gu, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A learner's attached PDF, for its owner and for trainers and admins in scope (anyone else:
 * 404). Always a download (`Content-Disposition: attachment`), except `?view=inline` for staff:
 * then it is shown in the marking page's viewer, sandboxed by its own CSP (no scripts, no
 * plugins acting for this site, no forms, framed by this site only) and never cached.
 */
export const GET: APIRoute = async (context) => {
  const auth = requireUser(context, 'learner', 'endpoint');
  if (!auth.ok) return auth.response;
  const file = await readAttachedFile(await getDb(), auth.user, context.params.id ?? '');
  if (!file) return new Response(null, { status: 404 });
  const inline = context.url.searchParams.get('view') === 'inline';
  const headers = new Headers({
    'Content-Type': 'application/pdf',
    'Content-Length': String(file.size),
    'Content-Disposition': disposition(inline ? 'inline' : 'attachment', file.fileName),
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
    ETag: `"${file.sha256}"`,
  });
  if (inline) headers.set('Content-Security-Policy', "sandbox; default-src 'none'; frame-ancestors 'self'");
  return new Response(file.content, { headers });
};
