/** Headers every response carries. CSP itself comes from Astro's `security.csp` (a meta tag). */
export function applySecurityHeaders(headers: Headers, options: { production: boolean }): void {
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  // Astro's security.csp sends the page policy (as a header with the Node adapter, or a <meta>,
  // where frame-ancestors is ignored); either way frame-ancestors must travel in a header.
  const policy = headers.get('Content-Security-Policy');
  headers.set(
    'Content-Security-Policy',
    policy ? `${policy.replace(/[;\s]+$/, '')}; frame-ancestors 'none'` : "frame-ancestors 'none'",
  );
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (options.production) headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
}
