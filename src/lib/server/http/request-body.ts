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
