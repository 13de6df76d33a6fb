import type { APIRoute } from 'astro';
import { getDb } from '#src/lib/server/app.ts';
import { getDevMessage } from '#src/lib/server/mail/dev-mailbox.ts';

/** Development only: the HTML version of a message, as a mail client would get it. */
export const GET: APIRoute = async ({ params }) => {
  if (!import.meta.env.DEV) return new Response(null, { status: 404 });
  const message = await getDevMessage(await getDb(), Number(params.id));
  if (!message) return new Response(null, { status: 404 });
  return new Response(message.html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
};
