import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { safeReturnPath } from '#src/lib/account/rules.ts';
import { getDb, secureCookies } from '#src/lib/server/app.ts';
import { clientAddressOf } from '#src/lib/server/http/client-address.ts';
import { requireActionUser } from '#src/lib/server/account/guard.ts';
import { createSession, invalidateSession, invalidateUserSessions } from '#src/lib/server/account/session.ts';
import { deleteSessionCookie, setSessionCookie } from '#src/lib/server/account/session-cookie.ts';
import { authenticate, registerUser } from '#src/lib/server/account/user.ts';
import { field } from './form.ts';

export const auth = {
  register: defineAction({
    accept: 'form',
    input: z.object({
      fullName: field(),
      email: field(),
      password: field(),
      organisationId: field(),
      newOrganisationName: field(),
    }),
    handler: async (input, context) => {
      const db = await getDb();
      const now = Date.now();
      const values = {
        fullName: input.fullName,
        email: input.email,
        organisationId: input.organisationId,
        newOrganisationName: input.newOrganisationName,
      };
      const result = await registerUser(
        db,
        { ...input, locale: context.locals.locale },
        { now, address: clientAddressOf(context) },
      );
      if (!result.ok) return { ...result, values };
      const { token, session } = await createSession(
        db,
        result.user.id,
        now,
        context.request.headers.get('user-agent'),
      );
      setSessionCookie(context.cookies, token, session.expiresAt, secureCookies());
      return { ok: true as const, name: result.user.fullName };
    },
  }),

  signIn: defineAction({
    accept: 'form',
    input: z.object({ email: field(), password: field(), next: field() }),
    handler: async (input, context) => {
      const values = { email: input.email };
      const missing = { email: input.email.trim() === '', password: input.password === '' };
      if (missing.email || missing.password)
        return { ok: false as const, reason: 'missing' as const, missing, values };
      const db = await getDb();
      const now = Date.now();
      const result = await authenticate(db, input, { now, address: clientAddressOf(context) });
      if (!result.ok) return { ...result, values };
      if (context.locals.session) await invalidateSession(db, context.locals.session.id);
      const { token, session } = await createSession(
        db,
        result.user.id,
        now,
        context.request.headers.get('user-agent'),
      );
      setSessionCookie(context.cookies, token, session.expiresAt, secureCookies());
      return { ok: true as const, redirectTo: safeReturnPath(input.next) };
    },
  }),

  signOut: defineAction({
    accept: 'form',
    handler: async (_input, context) => {
      if (context.locals.session) await invalidateSession(await getDb(), context.locals.session.id);
      deleteSessionCookie(context.cookies, secureCookies());
      return { ok: true as const };
    },
  }),

  signOutEverywhere: defineAction({
    accept: 'form',
    handler: async (_input, context) => {
      const user = requireActionUser(context);
      await invalidateUserSessions(await getDb(), user.id);
      deleteSessionCookie(context.cookies, secureCookies());
      return { ok: true as const };
    },
  }),
};
