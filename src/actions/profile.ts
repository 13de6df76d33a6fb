import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { isLocale } from '#src/i18n/index.ts';
import { checkReturnPath } from '#src/lib/account/rules.ts';
import { getDb, secureCookies } from '#src/lib/server/app.ts';
import { requireActionUser } from '#src/lib/server/account/guard.ts';
import { createSession, invalidateUserSessions } from '#src/lib/server/account/session.ts';
import { LOCALE_COOKIE, setSessionCookie } from '#src/lib/server/account/session-cookie.ts';
import { changePassword, setUserLocale, updateProfile } from '#src/lib/server/account/user.ts';
import { field } from './form.ts';

export const profile = {
  update: defineAction({
    accept: 'form',
    input: z.object({ fullName: field(), locale: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context);
      const result = await updateProfile(await getDb(), user.id, input);
      if (!result.ok) return { ...result, values: input };
      if (isLocale(input.locale)) {
        context.cookies.set(LOCALE_COOKIE, input.locale, {
          path: '/',
          sameSite: 'lax',
          maxAge: 60 * 60 * 24 * 365,
        });
      }
      return { ok: true as const };
    },
  }),

  changePassword: defineAction({
    accept: 'form',
    input: z.object({ currentPassword: field(), newPassword: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context);
      const db = await getDb();
      const now = Date.now();
      const result = await changePassword(db, user.id, input, now);
      if (!result.ok) return result;
      // A changed password ends every session, then this device gets a fresh one.
      await invalidateUserSessions(db, user.id);
      const { token, session } = await createSession(
        db,
        user.id,
        now,
        context.request.headers.get('user-agent'),
      );
      setSessionCookie(context.cookies, token, session.expiresAt, secureCookies());
      return { ok: true as const };
    },
  }),

  setLanguage: defineAction({
    accept: 'form',
    input: z.object({ locale: field(), returnTo: field() }),
    handler: async (input, context) => {
      const locale = isLocale(input.locale) ? input.locale : 'en';
      context.cookies.set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
      if (context.locals.user) await setUserLocale(await getDb(), context.locals.user.id, locale);
      const returnTo = checkReturnPath(input.returnTo, '/');
      // An unusual return address is answered 400 with a message by the page, never followed.
      return { ok: true as const, locale, returnTo: returnTo.ok ? returnTo.path : null };
    },
  }),
};
