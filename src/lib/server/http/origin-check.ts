import type { APIContext } from 'astro';

/**
 * Cross-site request forgery protection, done here rather than by Astro's
 * `security.checkOrigin` (turned off in astro.config.mjs) because Astro's check cannot exempt one
 * route, and RFC 8058 one-click unsubscribe needs exactly one: a mail provider POSTs
 * `List-Unsubscribe=One-Click` to the link in the List-Unsubscribe header from its own servers,
 * with no Origin of ours. The rule is otherwise Astro 7's own (astro/dist/core/app/origin-check.js):
 * a POST, PUT, PATCH or DELETE is refused with 403 unless its Origin is this site, when it carries
 * a form content type or no content type at all.
 *
 * The one exception is decided by the route Astro matched (`routePattern`), never by comparing
 * the path text, so no spelling of another URL (encoded slashes, double slashes, case) can reach
 * it, and never for a request that calls an action (`?_action=` on that URL). It is safe there:
 * the page changes nothing without a token signed with the site's key for
 * that person and that kind of message (src/lib/server/mail/unsubscribe.ts), and the most a
 * forged request could do is turn off a reminder the token already names.
 */
const FORM_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes a cross-site POST may reach, by Astro route pattern. */
const ONE_CLICK_ROUTES = new Set(['/unsubscribe/[token]']);

type OriginFacts = Pick<APIContext, 'request' | 'url' | 'isPrerendered' | 'routePattern'> & {
  /** The request calls an Astro action (Astro's own parse of it). */
  callsAction: boolean;
};

/** True when the request must be refused as a cross-site form submission. */
export function isForbiddenCrossOrigin(facts: OriginFacts): boolean {
  const { request, url, isPrerendered, routePattern } = facts;
  if (isPrerendered || SAFE_METHODS.has(request.method)) return false;
  if (request.headers.get('origin') === url.origin) return false;
  if (request.method === 'POST' && ONE_CLICK_ROUTES.has(routePattern) && !facts.callsAction) return false;
  const contentType = request.headers.get('content-type');
  if (contentType === null) return true;
  const lower = contentType.toLowerCase();
  return FORM_CONTENT_TYPES.some((type) => lower.includes(type));
}
