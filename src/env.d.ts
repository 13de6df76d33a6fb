/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    user: import('./lib/server/account/session.ts').SessionUser | null;
    session: import('./lib/server/account/session.ts').ValidSession | null;
    /**
     * A sign-in that has its password but still owes a second factor or the mandatory MFA
     * set-up: it signs no one in (`user` stays null) and opens only those steps.
     */
    pendingSignIn: {
      session: import('./lib/server/account/session.ts').ValidSession;
      user: import('./lib/server/account/session.ts').SessionUser;
      step: 'second-factor' | 'mfa-setup';
    } | null;
    /** A session cookie came with the request but no longer signs anyone in. */
    sessionExpired: boolean;
    locale: import('./i18n/index.ts').Locale;
    t: import('./i18n/index.ts').Translate;
  }
}
