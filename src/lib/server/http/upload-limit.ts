import { getActionContext } from 'astro:actions';
import type { APIContext } from 'astro';
import { MAX_REQUEST_BODY_BYTES } from './request-body.ts';

/**
 * The largest body one upload request may carry: one PDF of up to 10 MB (the assignment file
 * limit) plus the form around it. The adapter's `bodySizeLimit` and Astro's
 * `security.actionBodySizeLimit` (astro.config.mjs) are set to this, the ceiling for any request.
 */
export const UPLOAD_REQUEST_BODY_BYTES = 11 * 1024 * 1024;

/** The actions that take learners' PDFs (src/actions/assignment.ts). */
const UPLOAD_ACTIONS = new Set(['assignment.save', 'assignment.attach']);

/**
 * How large this request's body may be. Only a signed-in user calling one of the upload actions
 * gets the upload allowance; every other request (and every anonymous one, so strangers cannot
 * make the server buffer megabytes) keeps the 256 KB limit. The action is known from Astro's own
 * parse of the request (`?_action=` or `/_actions/<name>`), not from matching the path; the
 * actions still check who is calling and each file's size and content themselves.
 */
export function requestBodyLimit(
  context: Pick<APIContext, 'locals'> & Parameters<typeof getActionContext>[0],
): number {
  if (!context.locals.user) return MAX_REQUEST_BODY_BYTES;
  const action = getActionContext(context).action;
  return action && UPLOAD_ACTIONS.has(action.name) ? UPLOAD_REQUEST_BODY_BYTES : MAX_REQUEST_BODY_BYTES;
}
