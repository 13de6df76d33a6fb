/**
 * The built site's static files (`dist/client`: `/_astro/…` assets, images, downloads), served by
 * `scripts/serve.ts` in front of the app. The adapter's standalone handler asked the file system
 * for every request before rendering a page (an `lstat`, then `send`'s `stat` failing with
 * ENOENT): 3.5% of the lesson page's CPU and 5% of the home page's (docs/performance.md, issue
 * #20). The folder does not change while a build is served, so it is listed once at start, and
 * a request goes to the file system only when its path names one of those files.
 *
 * What is served, and how, is what the adapter did: `send` (ETag, Last-Modified, Range, HEAD),
 * dotfiles refused, and a year's immutable caching for the hashed `/_astro/` assets.
 */
import { readdirSync } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { posix } from 'node:path';
import send from 'send';

/** Hashed build assets: their names change whenever their content does. */
const immutablePrefix = '/_astro/';

/** Every file under `root`, as the URL path that names it (`/_astro/app.css`); dotfiles left out. */
export function listStaticFiles(root: string): Set<string> {
  const paths = new Set<string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = posix.join(entry.parentPath.slice(root.length).replaceAll('\\', '/'), entry.name);
    if (relative.split('/').some((part) => part.startsWith('.'))) continue;
    paths.add(posix.join('/', relative));
  }
  return paths;
}

/** The file path a request URL names, or null when it cannot name a file (bad escapes). */
export function staticPathOf(url: string): string | null {
  const end = url.search(/[?#]/);
  const path = end >= 0 ? url.slice(0, end) : url;
  try {
    return posix.normalize(decodeURIComponent(path));
  } catch {
    return null;
  }
}

/**
 * A handler that serves a request naming one of the build's static files and answers true, or
 * answers false and leaves the request alone (for the app).
 */
function createStaticFiles(root: string): (req: IncomingMessage, res: ServerResponse) => boolean {
  const files = listStaticFiles(root);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = staticPathOf(req.url ?? '/');
    if (path === null || !files.has(path)) return false;
    // `send` takes a URL-encoded path and decodes it itself.
    const stream = send(req, encodeURI(path), { root, dotfiles: 'deny', index: false });
    if (path.startsWith(immutablePrefix))
      stream.on('headers', () => res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'));
    stream.on('error', (error: Error & { status?: number }) => {
      // The file was listed at start: gone now means the build folder changed under the server.
      const status = error.status ?? 500;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(status === 404 ? 'Not found' : 'Could not read the file');
    });
    stream.pipe(res);
    return true;
  };
}

/**
 * The production server's request listener: a malformed address answers 400 (as the adapter's
 * standalone server did), a static file is served from `clientDir`, anything else goes to `app`
 * (the adapter's handler, which renders pages, endpoints and the 404 page).
 */
export function createSiteListener(clientDir: string, app: RequestListener): RequestListener {
  const serveStatic = createStaticFiles(clientDir);
  return (req, res) => {
    try {
      decodeURI(req.url ?? '/');
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Bad request: the address has a malformed %-escape.');
      return;
    }
    if (!serveStatic(req, res)) void app(req, res);
  };
}
