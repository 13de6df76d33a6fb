// @ts-check
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig, envField } from 'astro/config';
import { loadEnv } from 'vite';
import { cspDigestMemo } from './scripts/build/csp-digest-memo.ts';
import { pageEncoder } from './scripts/build/page-encoder.ts';
import { pageModuleMemo } from './scripts/build/page-module-memo.ts';
import { sharedAccessors } from './scripts/build/shared-accessors.ts';

/**
 * The public address (SITE_URL, from the environment or .env at build time) as Astro's
 * `security.allowedDomains`: behind a reverse proxy, Astro then trusts X-Forwarded-Host / -Proto
 * only when they name this address, so the origin check and Astro.url see the public origin and
 * a forged header cannot change them. No SITE_URL: none is trusted and the Host header is used.
 */
/** @param {string | undefined} siteUrl */
function allowedDomainsFrom(siteUrl) {
  if (!siteUrl) return [];
  const url = new URL(siteUrl);
  return [
    {
      protocol: url.protocol.replace(':', ''),
      hostname: url.hostname,
      ...(url.port ? { port: url.port } : {}),
    },
  ];
}
const buildEnv = loadEnv(process.env.NODE_ENV ?? 'production', process.cwd(), '');

export default defineConfig({
  output: 'server',
  // The ceiling for any request: one 10 MB PDF and its form (assignment uploads). Everything
  // else is held to 256 KB by the middleware (src/lib/server/http/upload-limit.ts).
  // `middleware` mode: the build exports the app's request handler and starts nothing;
  // scripts/serve.ts runs the server (static files first: src/lib/server/ops/static-files.ts).
  adapter: node({ mode: 'middleware', bodySizeLimit: 11 * 1024 * 1024, experimentalDisableStreaming: true }),
  integrations: [react(), mdx()],
  server: { port: 4321, host: true },
  compressHTML: true,
  // External stylesheets: cacheable by the browser, and smaller pages.
  build: { inlineStylesheets: 'never' },
  // Scripts as files too, never inlined into the page: cached by the browser, and the pages carry
  // no inline script for the CSP (docs/performance.md). The CSP's digests are computed once per
  // process instead of on every request (scripts/build/csp-digest-memo.ts), and each page module
  // is imported once per process (scripts/build/page-module-memo.ts), and a rendered page is
  // turned into bytes in one pass (scripts/build/page-encoder.ts), and the objects Astro builds
  // for each request take their getters from shared functions, so that the collector does not
  // keep every request until its next full collection (scripts/build/shared-accessors.ts).
  vite: {
    build: { assetsInlineLimit: 0 },
    plugins: [cspDigestMemo(), pageModuleMemo(), pageEncoder(), sharedAccessors()],
  },
  // Shiki writes inline styles, which the CSP forbids; lessons have no code to highlight.
  markdown: { syntaxHighlight: false },
  prefetch: false,
  devToolbar: { enabled: false },
  // Astro's own log lines as JSON (with the request id) in the production server; see the file.
  logger: { entrypoint: './src/lib/server/ops/astro-log-destination.ts' },
  security: {
    // The same check runs as the first middleware (src/lib/server/http/origin-check.ts), with one
    // exception Astro's cannot make: RFC 8058 one-click unsubscribe POSTs from mail providers.
    checkOrigin: false,
    allowedDomains: allowedDomainsFrom(buildEnv.SITE_URL),
    // Form and action bodies: the same ceiling as the adapter's; the middleware answers 413 to
    // anything over 256 KB except signed-in assignment uploads (src/lib/server/http/upload-limit.ts).
    actionBodySizeLimit: 11 * 1024 * 1024,
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
      ],
    },
  },
  env: {
    validateSecrets: true,
    schema: {
      DATABASE_URL: envField.string({
        context: 'server',
        access: 'secret',
        optional: true,
        default: 'file:data/rtw-academy.db',
      }),
      DATABASE_AUTH_TOKEN: envField.string({ context: 'server', access: 'secret', optional: true }),
      // Required by `npm run serve` in production; in development it follows the dev server's port.
      SITE_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
      SECURE_COOKIES: envField.boolean({ context: 'server', access: 'secret', optional: true }),
      TRUST_PROXY: envField.boolean({ context: 'server', access: 'secret', optional: true, default: false }),
      // Operations (issue 21): durability, backups, logs.
      DB_SYNCHRONOUS: envField.enum({
        context: 'server',
        access: 'secret',
        values: ['full', 'normal'],
        optional: true,
        default: 'full',
      }),
      BACKUP_DIR: envField.string({ context: 'server', access: 'secret', optional: true }),
      BACKUP_EVERY: envField.string({ context: 'server', access: 'secret', optional: true, default: '1d' }),
      LOG_LEVEL: envField.enum({
        context: 'server',
        access: 'secret',
        values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
        optional: true,
        default: 'info',
      }),
      // Email (issue 14): smtp://user:pass@host:587 or smtps://…; unset in development, mail goes
      // to /dev/outbox; unset in production, nothing is sent (the server says so at start).
      SMTP_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
      MAIL_FROM: envField.string({ context: 'server', access: 'secret', optional: true }),
    },
  },
});
