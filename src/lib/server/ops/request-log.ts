import { TRUST_PROXY } from 'astro:env/server';
import { defineMiddleware } from 'astro:middleware';
import { appLog } from './app-log.ts';
import { runWithRequestId } from './log.ts';
import { requestIdFor } from './request-id.ts';

const requestIds = new WeakMap<Request, string>();
// Probed every few seconds by load balancers and HEALTHCHECK: their lines only at debug level.
const probeRoutes = new Set(['/healthz', '/readyz']);

/**
 * Gives every request an id (on every log line written while serving it, and in the
 * `X-Request-Id` response header) and writes one access line when it is answered: method, route
 * pattern (never the raw URL, which can carry tokens), status, duration and the user's id. An
 * error escaping the page is logged with its stack here; the visitor sees only the 500 page.
 */
export const logRequest = defineMiddleware(async (context, next) => {
  // Astro renders the 500 page through the middleware again, with the same request: keep its
  // id, and let the first pass write the one access line.
  const seen = requestIds.get(context.request);
  if (seen) return runWithRequestId(seen, () => next());
  const started = performance.now();
  const reqId = requestIdFor(context.request.headers, TRUST_PROXY ?? false);
  requestIds.set(context.request, reqId);
  const log = appLog();
  const line = () => ({
    reqId,
    method: context.request.method,
    route: context.routePattern,
    userId: context.locals.user?.id ?? null,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
  });
  let response: Response;
  try {
    response = await runWithRequestId(reqId, () => next());
  } catch (error) {
    log.error({ ...line(), status: 500, err: error }, 'request failed');
    throw error;
  }
  try {
    response.headers.set('X-Request-Id', reqId);
  } catch {
    // A response built from fetch() has immutable headers; the id is still in the log.
  }
  const fields = { ...line(), status: response.status };
  // A probe's 503 is an answer, not a failure: /readyz logs why it is not ready.
  if (probeRoutes.has(context.routePattern) && response.status !== 500) log.debug(fields, 'request');
  else if (response.status >= 500) log.error(fields, 'request');
  else log.info(fields, 'request');
  return response;
});
