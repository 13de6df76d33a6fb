// @ts-check
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig, envField } from 'astro/config';

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone', bodySizeLimit: 256 * 1024 }),
  integrations: [react(), mdx()],
  server: { port: 4321, host: true },
  compressHTML: true,
  // External stylesheets: cacheable by the browser, and smaller pages.
  build: { inlineStylesheets: 'never' },
  // Shiki writes inline styles, which the CSP forbids; lessons have no code to highlight.
  markdown: { syntaxHighlight: false },
  prefetch: false,
  devToolbar: { enabled: false },
  security: {
    checkOrigin: true,
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
      SITE_URL: envField.string({
        context: 'server',
        access: 'secret',
        optional: true,
        default: 'http://localhost:4321',
      }),
      SECURE_COOKIES: envField.boolean({ context: 'server', access: 'secret', optional: true }),
      TRUST_PROXY: envField.boolean({ context: 'server', access: 'secret', optional: true, default: false }),
    },
  },
});
