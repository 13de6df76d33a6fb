import { randomBytes } from 'node:crypto';

const acceptedRequestId = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * The request's id: the proxy's `X-Request-Id` when TRUST_PROXY is on and it looks like an id
 * (so proxy and app lines correlate), otherwise a new random one. A client cannot put arbitrary
 * text into the log through it.
 */
export function requestIdFor(headers: Headers, trustProxy: boolean): string {
  const incoming = headers.get('x-request-id');
  if (trustProxy && incoming && acceptedRequestId.test(incoming)) return incoming;
  return randomBytes(8).toString('hex');
}
