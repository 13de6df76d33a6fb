import { TRUST_PROXY } from 'astro:env/server';
import { addressBucket } from './address-bucket.ts';
import { addressFromForwardedFor } from './forwarded-for.ts';

/**
 * The address throttles count against. Behind a reverse proxy every request arrives from the
 * proxy, so with TRUST_PROXY=true the address the proxy appended to X-Forwarded-For is used;
 * without it the header is ignored (anyone can send one). An IPv6 client counts as its /64
 * (`addressBucket`).
 */
export function clientAddressOf(ctx: { request: Request; clientAddress: string }): string {
  const forwarded = TRUST_PROXY ? addressFromForwardedFor(ctx.request.headers.get('x-forwarded-for')) : null;
  return addressBucket(forwarded ?? ctx.clientAddress);
}
