import { TRUST_PROXY } from 'astro:env/server';
import { addressFromForwardedFor } from './forwarded-for.ts';

/**
 * The address throttles count against. Behind a reverse proxy every request arrives from the
 * proxy, so with TRUST_PROXY=true the address the proxy appended to X-Forwarded-For is used;
 * without it the header is ignored (anyone can send one).
 */
export function clientAddressOf(ctx: { request: Request; clientAddress: string }): string {
  if (TRUST_PROXY) {
    const forwarded = addressFromForwardedFor(ctx.request.headers.get('x-forwarded-for'));
    if (forwarded) return forwarded;
  }
  return ctx.clientAddress;
}
