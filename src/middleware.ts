import { defineMiddleware } from 'astro:middleware';
import { createTranslator, isLocale, type Locale } from './i18n/index.ts';
import { getDb, secureCookies } from './lib/server/app.ts';
import { rejectMalformedActionJson } from './lib/server/http/request-body.ts';
import { applySecurityHeaders } from './lib/server/http/security-headers.ts';
import { validateSessionToken } from './lib/server/account/session.ts';
import {
  LOCALE_COOKIE,
  deleteSessionCookie,
  sessionCookieName,
  setSessionCookie,
} from './lib/server/account/session-cookie.ts';

/**
 * Authenticates only: fills locals.user / locals.session from the session cookie and picks the
 * language. Access decisions belong to each page, action and endpoint (lib/server/guard.ts).
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const secure = secureCookies();
  const cookieName = sessionCookieName(secure);
  const token = context.cookies.get(cookieName)?.value;
  context.locals.user = null;
  context.locals.session = null;
  context.locals.sessionExpired = false;
  if (token) {
    const db = await getDb();
    const result = await validateSessionToken(db, token, Date.now());
    if (result) {
      context.locals.user = result.user;
      context.locals.session = result.session;
      if (result.session.renewed) setSessionCookie(context.cookies, token, result.session.expiresAt, secure);
    } else {
      context.locals.sessionExpired = true;
      deleteSessionCookie(context.cookies, secure);
    }
  }
  const cookieLocale = context.cookies.get(LOCALE_COOKIE)?.value;
  const locale: Locale = context.locals.user?.locale ?? (isLocale(cookieLocale) ? cookieLocale : 'en');
  context.locals.locale = locale;
  context.locals.t = createTranslator(locale);

  const response = (await rejectMalformedActionJson(context)) ?? (await next());
  applySecurityHeaders(response.headers, { production: import.meta.env.PROD });
  return response;
});
