import { randomBytes } from 'node:crypto';

const acceptedRequestId = /^[A-Za-z0-9._:-]{8,64}$/;

// A new id is this process's random prefix and a counter: unique across processes and restarts
// without drawing random bytes on every request (it showed in the lesson page's profile).
const processPrefix = randomBytes(4).toString('hex');
let counter = 0;

/**
 * The request's id: the proxy's `X-Request-Id` when TRUST_PROXY is on and it looks like an id
 * (so proxy and app lines correlate), otherwise a new one (16 hex digits). A client cannot put
 * arbitrary text into the log through it. Ids are for correlating log lines, not secrets.
 */
export function requestIdFor(headers: Headers, trustProxy: boolean): string {
  const incoming = headers.get('x-request-id');
  if (trustProxy && incoming && acceptedRequestId.test(incoming)) return incoming;
  counter = (counter + 1) >>> 0;
  return processPrefix + counter.toString(16).padStart(8, '0');
}
