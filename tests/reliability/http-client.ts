/**
 * A bare HTTP/1.1 request over loopback that can choose its source address. `fetch` cannot, and
 * the kernel sends every loopback request from 127.0.0.1 whatever host it goes to, so the
 * server's per-address throttles would see one client. Binding `localAddress` (127.0.3.x) makes
 * the server see that address.
 */
import { request } from 'node:http';

export interface HttpRequest {
  /** `http://127.0.0.1:4601` */
  origin: string;
  method: string;
  path: string;
  headers?: Record<string, string | string[]>;
  body?: string | Uint8Array;
  /** Source address, e.g. 127.0.3.7. */
  localAddress?: string;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Sends one request (no redirects followed); rejects on a network error or the timeout. */
export function sendHttp(input: HttpRequest): Promise<HttpResponse> {
  const url = new URL(input.origin);
  return new Promise((done, fail) => {
    const req = request(
      {
        host: url.hostname,
        port: Number(url.port),
        method: input.method,
        path: input.path,
        headers: input.headers,
        localAddress: input.localAddress,
        // A fresh connection per request: the fuzz must not leave half-read sockets behind.
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', fail);
      },
    );
    req.setTimeout(input.timeoutMs ?? 20_000, () =>
      req.destroy(new Error(`${input.method} ${input.path}: no answer in time`)),
    );
    req.on('error', fail);
    if (input.body !== undefined) req.end(input.body);
    else req.end();
  });
}

/** The first value of a response header. */
export function headerOf(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** `name=value` of the session cookie a response sets, if any. */
export function sessionCookieFrom(response: HttpResponse, cookieName: string): string | undefined {
  const header = response.headers['set-cookie'] ?? [];
  const cookies = Array.isArray(header) ? header : [header];
  const found = cookies.find((cookie) => cookie.startsWith(`${cookieName}=`));
  return found?.split(';')[0];
}
