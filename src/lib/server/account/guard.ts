import { ActionError, type ActionAPIContext } from 'astro:actions';
import type { APIContext, AstroGlobal } from 'astro';
import type { Role } from '#src/lib/roles.ts';
import { hasRole } from '#src/lib/roles.ts';
import { isRecentlyAuthenticated, type SessionUser } from './session.ts';

export { hasRole };

type PageContext = Pick<AstroGlobal | APIContext, 'locals' | 'url' | 'redirect'>;

export type Guarded = { ok: true; user: SessionUser } | { ok: false; response: Response };

function notFound(): Response {
  return new Response(null, { status: 404 });
}

/**
 * Decides access to a page or endpoint: anonymous visitors are sent to sign in (pages) or get
 * 401 (endpoints); signed-in users without the role get 404, so the page's existence is not
 * revealed.
 */
export function requireUser(
  ctx: PageContext,
  role: Role = 'learner',
  kind: 'page' | 'endpoint' = 'page',
): Guarded {
  const user = ctx.locals.user;
  if (!user) {
    if (kind === 'endpoint') return { ok: false, response: new Response(null, { status: 401 }) };
    const next = encodeURIComponent(ctx.url.pathname + ctx.url.search);
    const expired = ctx.locals.sessionExpired ? '&expired=1' : '';
    return { ok: false, response: ctx.redirect(`/sign-in?next=${next}${expired}`, 303) };
  }
  if (!hasRole(user, role)) return { ok: false, response: notFound() };
  return { ok: true, user };
}

/**
 * Where a page sends a form whose session ended before it was posted: sign in again, then come
 * back to `path`.
 */
export function signInAgain(ctx: Pick<PageContext, 'redirect'>, path: string): Response {
  return ctx.redirect(`/sign-in?next=${encodeURIComponent(path)}&expired=1`, 303);
}

/** The same decision for an action: throws the matching ActionError. */
export function requireActionUser(
  ctx: Pick<ActionAPIContext, 'locals'>,
  role: Role = 'learner',
): SessionUser {
  const user = ctx.locals.user;
  if (!user) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Sign in to do this.' });
  if (!hasRole(user, role)) throw new ActionError({ code: 'NOT_FOUND', message: 'Not found.' });
  return user;
}

/** Where a person confirms who they are again, then returns to `path`. */
export function reauthenticationPath(path: string): string {
  return `/re-authenticate?next=${encodeURIComponent(path)}`;
}

/**
 * For pages that lead to a sensitive change (role changes, reset links, MFA resets, revocations,
 * bulk operations): a redirect to re-authenticate unless the person signed in or re-authenticated
 * within the last 10 minutes; null when they may go on.
 */
export function requireRecentAuthentication(
  ctx: Pick<PageContext, 'locals' | 'redirect'>,
  returnTo: string,
  now = Date.now(),
): Response | null {
  const current = ctx.locals.session;
  if (current && isRecentlyAuthenticated(current, now)) return null;
  return ctx.redirect(reauthenticationPath(returnTo), 303);
}

/** The same rule inside an action (the action endpoint can be called directly). */
export function requireRecentActionAuthentication(
  ctx: Pick<ActionAPIContext, 'locals'>,
  now = Date.now(),
): void {
  const current = ctx.locals.session;
  if (current && isRecentlyAuthenticated(current, now)) return;
  throw new ActionError({
    code: 'PRECONDITION_REQUIRED',
    message: 'Confirm who you are again (password and code), then repeat this change.',
  });
}

/** Whether an action was refused for want of a recent re-authentication. */
export function needsReauthentication(result: { error?: { code: string } | undefined } | undefined): boolean {
  return result?.error?.code === 'PRECONDITION_REQUIRED';
}
