import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendHttp } from '../../../../tests/reliability/http-client.ts';
import { createSiteListener, listStaticFiles, staticPathOf } from './static-files.ts';

const root = mkdtempSync(join(tmpdir(), 'rtw-static-'));
let server: Server;
let origin = '';
const appPaths: string[] = [];

beforeAll(async () => {
  mkdirSync(join(root, '_astro'));
  mkdirSync(join(root, 'images'));
  mkdirSync(join(root, '.well-known'));
  writeFileSync(join(root, '_astro/app.abc123.css'), 'body{margin:0}');
  writeFileSync(join(root, 'images/a b.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'favicon.svg'), '<svg/>');
  writeFileSync(join(root, '.env'), 'SECRET=1');
  writeFileSync(join(root, '.well-known/x.txt'), 'hidden');
  server = createServer(
    createSiteListener(root, (req, res) => {
      appPaths.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('from the app');
    }),
  );
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((closed) => server.close(closed));
  rmSync(root, { recursive: true, force: true });
});

function get(path: string, method = 'GET', headers: Record<string, string> = {}) {
  return sendHttp({ origin, method, path, headers });
}

describe('static files in front of the app', () => {
  it('lists the files once, as URL paths, leaving out dotfiles', () => {
    expect([...listStaticFiles(root)].sort()).toEqual([
      '/_astro/app.abc123.css',
      '/favicon.svg',
      '/images/a b.svg',
    ]);
    expect(staticPathOf('/images/../favicon.svg?v=1#top')).toBe('/favicon.svg');
    expect(staticPathOf('/images/a%20b.svg')).toBe('/images/a b.svg');
    expect(staticPathOf('/%E0%A4%A')).toBeNull();
  });

  it('serves a hashed asset for a year, and answers a repeat with 304', async () => {
    const first = await get('/_astro/app.abc123.css');
    expect(first.status).toBe(200);
    expect(first.body.toString()).toBe('body{margin:0}');
    expect(first.headers['content-type']).toMatch(/^text\/css/);
    expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const etag = String(first.headers.etag);
    const again = await get('/_astro/app.abc123.css', 'GET', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    const head = await get('/_astro/app.abc123.css', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.toString()).toBe('');
  });

  it('serves other files with revalidation, by their escaped names, ignoring the query', async () => {
    const image = await get('/images/a%20b.svg?v=2');
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(image.headers['cache-control']).toBe('public, max-age=0');
    expect((await get('/images/../favicon.svg')).body.toString()).toBe('<svg/>');
  });

  it('passes everything else to the app: pages, dotfiles, paths out of the folder, other methods', async () => {
    appPaths.length = 0;
    for (const path of [
      '/',
      '/courses/x',
      '/.env',
      '/.well-known/x.txt',
      '/images',
      '/images/',
      '/../package.json',
    ])
      expect((await get(path)).body.toString(), path).toBe('from the app');
    expect((await get('/favicon.svg', 'POST')).body.toString()).toBe('from the app');
    expect(appPaths).toHaveLength(8);
  });

  it('answers a malformed escape with 400 without reaching the app', async () => {
    appPaths.length = 0;
    const answer = await get('/lessons/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.body.toString()).toMatch(/malformed/);
    expect(appPaths).toHaveLength(0);
  });
});
