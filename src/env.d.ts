/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    user: import('./lib/server/account/session.ts').SessionUser | null;
    session: import('./lib/server/account/session.ts').ValidSession | null;
    /** A session cookie came with the request but no longer signs anyone in. */
    sessionExpired: boolean;
    locale: import('./i18n/index.ts').Locale;
    t: import('./i18n/index.ts').Translate;
  }
}
