import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { getDb } from '#src/lib/server/app.ts';
import { requireActionUser, requireRecentActionAuthentication } from '#src/lib/server/account/guard.ts';
import { confirmMfaEnrolment, disableOwnMfa, regenerateRecoveryCodes } from '#src/lib/server/account/mfa.ts';
import { invalidateOtherSessions } from '#src/lib/server/account/session.ts';
import { field } from './form.ts';

/** A signed-in person's own two-step verification (the profile's MFA pages). */
export const mfa = {
  /** Turns it on with the first code from the new key; other sessions end (they had less). */
  confirm: defineAction({
    accept: 'form',
    input: z.object({ code: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context);
      if (input.code.trim() === '') return { ok: false as const, reason: 'missing' as const };
      const db = await getDb();
      const result = await confirmMfaEnrolment(db, user.id, input.code, Date.now());
      if (!result.ok) return result;
      if (context.locals.session) await invalidateOtherSessions(db, user.id, context.locals.session.id);
      return result;
    },
  }),

  /** New recovery codes (the old ones stop working); needs a recent re-authentication. */
  replaceRecoveryCodes: defineAction({
    accept: 'form',
    handler: async (_input, context) => {
      const user = requireActionUser(context);
      requireRecentActionAuthentication(context);
      const codes = await regenerateRecoveryCodes(await getDb(), user.id, Date.now());
      return codes
        ? { ok: true as const, recoveryCodes: codes }
        : { ok: false as const, reason: 'not-enrolled' as const };
    },
  }),

  /** Turns it off where the role allows; needs a recent re-authentication. */
  disable: defineAction({
    accept: 'form',
    handler: async (_input, context) => {
      const user = requireActionUser(context);
      requireRecentActionAuthentication(context);
      const db = await getDb();
      const result = await disableOwnMfa(db, user.id, Date.now());
      if (result.ok && context.locals.session)
        await invalidateOtherSessions(db, user.id, context.locals.session.id);
      return result;
    },
  }),
};
