import { getActionContext } from 'astro:actions';
import { defineMiddleware, sequence } from 'astro:middleware';
import { createTranslator, isLocale, type Locale } from './i18n/index.ts';
import { getDb, secureCookies } from './lib/server/app.ts';
import {
  isBodyLimitFailure,
  isBodyTooLarge,
  payloadTooLarge,
  rejectMalformedActionJson,
} from './lib/server/http/request-body.ts';
import { isForbiddenCrossOrigin } from './lib/server/http/origin-check.ts';
import { applySecurityHeaders } from './lib/server/http/security-headers.ts';
import { requestBodyLimit } from './lib/server/http/upload-limit.ts';
import { logRequest } from './lib/server/ops/request-log.ts';
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
const authenticate = defineMiddleware(async (context, next) => {
  const secure = secureCookies();
  const cookieName = sessionCookieName(secure);
  const token = context.cookies.get(cookieName)?.value;
  context.locals.user = null;
  context.locals.session = null;
  context.locals.sessionExpired = false;
  context.locals.pendingSignIn = null;
  if (token) {
    const db = await getDb();
    const result = await validateSessionToken(db, token, Date.now());
    if (result && result.step !== 'signed-in') {
      // Password given, second factor (or its set-up) still owed: signed in to nothing else.
      context.locals.pendingSignIn = { session: result.session, user: result.user, step: result.step };
    } else if (result) {
      context.locals.user = result.user;
      context.locals.session = result.session;
      if (result.session.renewed) setSessionCookie(context.cookies, token, result.session.expiresAt, secure);
    } else {
      context.locals.sessionExpired = true;
      deleteSessionCookie(context.cookies, secure);
    }
  }
  const cookieLocale = context.cookies.get(LOCALE_COOKIE)?.value;
  const locale: Locale =
    context.locals.user?.locale ??
    context.locals.pendingSignIn?.user.locale ??
    (isLocale(cookieLocale) ? cookieLocale : 'en');
  context.locals.locale = locale;
  context.locals.t = createTranslator(locale);

  let response: Response;
  try {
    response = (await isBodyTooLarge(context.request, requestBodyLimit(context)))
      ? payloadTooLarge(context.request, context.locals.t('error.tooLarge'), locale)
      : ((await rejectMalformedActionJson(context)) ?? (await next()));
  } catch (error) {
    if (!isBodyLimitFailure(error)) throw error;
    response = payloadTooLarge(context.request, context.locals.t('error.tooLarge'), locale);
  }
  applySecurityHeaders(response.headers, {
    production: import.meta.env.PROD,
    personal: Boolean(token || context.locals.user || context.locals.pendingSignIn),
  });
  return response;
});

/**
 * Cross-site form submissions answer 403 before any session is read or body parsed: Astro's
 * `security.checkOrigin` rule, here so that RFC 8058 one-click unsubscribe can be let through
 * (src/lib/server/http/origin-check.ts says why that is safe).
 */
const checkOrigin = defineMiddleware((context, next) =>
  isForbiddenCrossOrigin({
    request: context.request,
    url: context.url,
    isPrerendered: context.isPrerendered,
    routePattern: context.routePattern,
    callsAction: getActionContext(context).action !== undefined,
  })
    ? new Response(`Cross-site ${context.request.method} form submissions are forbidden`, { status: 403 })
    : next(),
);

/**
 * Request id and access log line around everything else (src/lib/server/ops/request-log.ts).
 */
export const onRequest = sequence(logRequest, checkOrigin, authenticate);
