import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { getDb, siteUrl } from '#src/lib/server/app.ts';
import { changeUserRole, setUserStatus } from '#src/lib/server/admin/users.ts';
import { mergeEmployers, renameEmployer, setEmployerSocsoCode } from '#src/lib/server/employer/edit.ts';
import { requireActionUser, requireRecentActionAuthentication } from '#src/lib/server/account/guard.ts';
import { getMfaStatus, resetUserMfa } from '#src/lib/server/account/mfa.ts';
import { createPasswordResetLink } from '#src/lib/server/account/password-reset.ts';
import { invalidateUserSessions } from '#src/lib/server/account/session.ts';
import { requiresMfa } from '#src/lib/roles.ts';
import { field } from './form.ts';

/**
 * Admin changes to users and employers. Every handler checks the admin role first (a learner or
 * trainer gets NOT_FOUND, as the pages give 404), and the domain functions check it again and
 * write the audit entry in the same transaction as the change.
 */
export const admin = {
  changeRole: defineAction({
    accept: 'form',
    input: z.object({ userId: field(), role: field(), confirmSelf: field(), reason: field() }),
    handler: async (input, context) => {
      const actor = requireActionUser(context, 'admin');
      requireRecentActionAuthentication(context);
      const db = await getDb();
      const result = await changeUserRole(
        db,
        actor,
        {
          userId: input.userId,
          role: input.role,
          confirmSelf: input.confirmSelf === 'yes',
          reason: input.reason,
        },
        Date.now(),
      );
      // Someone who now needs two-step verification and has none sets it up at the next sign-in.
      if (result.ok && input.userId !== actor.id && requiresMfa(input.role)) {
        if (!(await getMfaStatus(db, input.userId)).enabled) await invalidateUserSessions(db, input.userId);
      }
      return { ...result, values: { reason: input.reason.slice(0, 2000) } };
    },
  }),

  setStatus: defineAction({
    accept: 'form',
    input: z.object({ userId: field(), status: field(), confirmSelf: field(), reason: field() }),
    handler: async (input, context) => {
      const actor = requireActionUser(context, 'admin');
      const result = await setUserStatus(
        await getDb(),
        actor,
        {
          userId: input.userId,
          status: input.status,
          confirmSelf: input.confirmSelf === 'yes',
          reason: input.reason,
        },
        Date.now(),
      );
      return { ...result, values: { reason: input.reason.slice(0, 2000) } };
    },
  }),

  createResetLink: defineAction({
    accept: 'form',
    input: z.object({ userId: field() }),
    handler: async (input, context) => {
      const actor = requireActionUser(context, 'admin');
      requireRecentActionAuthentication(context);
      const result = await createPasswordResetLink(await getDb(), actor, input.userId, Date.now());
      if (!result.ok) return result;
      // The link is shown to the admin once, in this response, and stored nowhere.
      return {
        ok: true as const,
        url: `${siteUrl()}/reset-password/${result.token}`,
        expiresAt: result.expiresAt,
      };
    },
  }),

  /** Clears another person's two-step verification; needs a recent re-authentication. */
  resetMfa: defineAction({
    accept: 'form',
    input: z.object({ userId: field(), reason: field() }),
    handler: async (input, context) => {
      const actor = requireActionUser(context, 'admin');
      requireRecentActionAuthentication(context);
      const result = await resetUserMfa(await getDb(), actor, input, Date.now());
      return { ...result, values: { reason: input.reason.slice(0, 2000) } };
    },
  }),

  renameEmployer: defineAction({
    accept: 'form',
    input: z.object({ employerId: field(), name: field() }),
    handler: async (input, context) => {
      const actor = requireActionUser(context, 'admin');
      const result = await renameEmployer(await getDb(), actor, input, Date.now());
      return { ...result, values: { name: input.name.slice(0, 2000) } };
    },
  }),

  setEmployerCode: defineAction({
    accept: 'form',
    input: z.object({ employerId: field(), code: field() }),
    handler: async (input, context) => {
      const actor = requireActionUser(context, 'admin');
      const result = await setEmployerSocsoCode(await getDb(), actor, input, Date.now());
      return { ...result, values: { code: input.code.slice(0, 200) } };
    },
  }),

  mergeEmployers: defineAction({
    accept: 'form',
    input: z.object({ sourceId: field(), targetId: field() }),
    handler: async (input, context) => {
      const actor = requireActionUser(context, 'admin');
      requireRecentActionAuthentication(context);
      return mergeEmployers(await getDb(), actor, input, Date.now());
    },
  }),
};
