/**
 * Headers every response carries. CSP itself comes from Astro's `security.csp` (a meta tag).
 * `personal`: the response was made for a signed-in person (their name is in the header of every
 * page), so no cache, shared or the browser's own, may keep it.
 */
export function applySecurityHeaders(
  headers: Headers,
  options: { production: boolean; personal?: boolean },
): void {
  if (options.personal) headers.set('Cache-Control', 'no-store');
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  // Astro's security.csp sends the page policy (as a header with the Node adapter, or a <meta>,
  // where frame-ancestors is ignored); either way frame-ancestors must travel in a header.
  const policy = headers.get('Content-Security-Policy');
  // One kind of response may be framed, by this site only: a learner's PDF shown in the marking
  // page's viewer, sent with its own sandboxing policy (src/pages/assignment-files/[id].ts).
  const sameOriginFrame =
    policy !== null && /(?:^|;)\s*sandbox\b/u.test(policy) && /frame-ancestors 'self'/u.test(policy);
  if (!sameOriginFrame) {
    headers.set(
      'Content-Security-Policy',
      policy ? `${policy.replace(/[;\s]+$/, '')}; frame-ancestors 'none'` : "frame-ancestors 'none'",
    );
  }
  headers.set('X-Frame-Options', sameOriginFrame ? 'SAMEORIGIN' : 'DENY');
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (options.production) headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
}
