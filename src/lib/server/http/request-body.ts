import { getActionContext } from 'astro:actions';
import type { APIContext } from 'astro';

/**
 * An action call whose JSON body is not JSON gets 400 here: Astro would otherwise fail to parse
 * it deep inside the action handler and answer 500. Only action calls with a JSON content type
 * pay for the extra parse (the quiz autosave, a few hundred bytes).
 */
export async function rejectMalformedActionJson(context: APIContext): Promise<Response | null> {
  // Form actions (?_action=) parse a JSON body too when the content type says JSON.
  if (!getActionContext(context).action) return null;
  const type = context.request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().includes('application/json')) return null;
  try {
    const text = await context.request.clone().text();
    if (text.length > 0) JSON.parse(text);
    return null;
  } catch {
    return new Response(
      JSON.stringify({ code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' }),
      {
        status: 400,
        headers: { 'content-type': 'application/json' },
      },
    );
  }
}

/** The largest request body the app reads: the same number as `bodySizeLimit` in astro.config.mjs. */
export const MAX_REQUEST_BODY_BYTES = 256 * 1024;

const methodsWithBody = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isBodyLimitError(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current.message.includes('Body size limit exceeded')) return true;
  }
  return false;
}

/** 413 in the form the caller reads: JSON for action calls, a short page for forms. */
export function payloadTooLarge(request: Request, message: string, lang: string): Response {
  const wantsJson =
    (request.headers.get('content-type') ?? '').includes('application/json') ||
    (request.headers.get('accept') ?? '').includes('application/json');
  if (wantsJson) {
    return new Response(JSON.stringify({ code: 'PAYLOAD_TOO_LARGE', message }), {
      status: 413,
      headers: { 'content-type': 'application/json' },
    });
  }
  const escaped = message.replace(/[&<>"]/gu, (c) => `&#${c.charCodeAt(0)};`);
  return new Response(
    `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>413</title><main><h1>413</h1><p>${escaped}</p><p><a href="/">RTW Academy</a></p></main></html>`,
    { status: 413, headers: { 'content-type': 'text/html; charset=utf-8' } },
  );
}

/**
 * Whether a request's body is over the limit. A declared Content-Length decides at once; a body
 * sent without one (chunked) is read through a copy, which the adapter's limit cuts off. The
 * adapter would otherwise fail the read deep inside rendering and answer 500.
 */
export async function isBodyTooLarge(request: Request, limit = MAX_REQUEST_BODY_BYTES): Promise<boolean> {
  if (!methodsWithBody.has(request.method) || !request.body) return false;
  const declared = request.headers.get('content-length');
  if (declared !== null) {
    const length = Number(declared);
    return Number.isFinite(length) && length > limit;
  }
  try {
    const bytes = await request.clone().arrayBuffer();
    return bytes.byteLength > limit;
  } catch (error) {
    if (isBodyLimitError(error)) return true;
    throw error;
  }
}

/** Whether an error thrown while handling a request was the adapter's body limit. */
export function isBodyLimitFailure(error: unknown): boolean {
  return isBodyLimitError(error);
}
