import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { isLocale } from '#src/i18n/index.ts';
import { getDb, secureCookies } from '#src/lib/server/app.ts';
import { requireActionUser } from '#src/lib/server/account/guard.ts';
import { createSession } from '#src/lib/server/account/session.ts';
import { setSessionCookie } from '#src/lib/server/account/session-cookie.ts';
import { issueDueAutoCertificates } from '#src/lib/server/certificate/issue.ts';
import { getCatalogue } from '#src/lib/server/content/course.ts';
import { clientAddressOf } from '#src/lib/server/http/client-address.ts';
import { mailAvailable, sendQueuedMailSoon } from '#src/lib/server/mail/app.ts';
import { retryFailedMail } from '#src/lib/server/mail/desk.ts';
import { requestPasswordReset } from '#src/lib/server/mail/forgot-password.ts';
import { acceptInvitation, inviteByEmail, withdrawInvitation } from '#src/lib/server/mail/invitation.ts';
import { saveMailPreferences } from '#src/lib/server/mail/preferences.ts';
import { startInvitedTraining } from '#src/lib/server/employer/invitations.ts';
import {
  confirmEmail,
  requestEmailChange,
  sendEmailVerification,
} from '#src/lib/server/mail/verification.ts';
import { field } from './form.ts';

const unavailable = { ok: false as const, reason: 'unavailable' as const };

/**
 * Email: forgot password, verifying and changing an address, reminders on or off, invitations
 * and the admin's outbox. A handler that queued a message asks for it to go now; the outbox job
 * sends it anyway if that fails.
 */
export const mail = {
  forgotPassword: defineAction({
    accept: 'form',
    input: z.object({ email: field() }),
    handler: async (input, context) => {
      const values = { email: input.email.slice(0, 300) };
      if (!mailAvailable()) return { ...unavailable, values };
      const result = await requestPasswordReset(
        await getDb(),
        { email: input.email },
        { now: Date.now(), address: clientAddressOf(context) },
      );
      if (result.ok) sendQueuedMailSoon();
      return { ...result, values };
    },
  }),

  resendVerification: defineAction({
    accept: 'form',
    handler: async (_input, context) => {
      const user = requireActionUser(context);
      if (!mailAvailable()) return unavailable;
      const result = await sendEmailVerification(await getDb(), user.id, Date.now());
      if (result.ok) sendQueuedMailSoon();
      return result;
    },
  }),

  changeEmail: defineAction({
    accept: 'form',
    input: z.object({ newEmail: field(), currentPassword: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context);
      const values = { newEmail: input.newEmail.slice(0, 300) };
      if (!mailAvailable()) return { ...unavailable, values };
      const result = await requestEmailChange(await getDb(), user.id, input, Date.now());
      if (result.ok) sendQueuedMailSoon();
      return { ...result, values };
    },
  }),

  confirmEmail: defineAction({
    accept: 'form',
    input: z.object({ token: field() }),
    handler: async (input) => {
      const db = await getDb();
      const now = Date.now();
      const result = await confirmEmail(db, input.token, now);
      if (!result.ok) return result;
      // Certificates wait for a confirmed address (issue 14): the ones a course gives
      // automatically, already earned, are issued now (their notice goes to this address).
      const issued = await issueDueAutoCertificates(db, await getCatalogue(), result.userId, now);
      if (result.purpose === 'change' || issued.length > 0) sendQueuedMailSoon();
      return { ok: true as const, email: result.email, purpose: result.purpose, certificates: issued.length };
    },
  }),

  savePreferences: defineAction({
    accept: 'form',
    input: z.object({ expiryReminders: field(), inactivityNudges: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context);
      await saveMailPreferences(
        await getDb(),
        user.id,
        {
          expiryReminders: input.expiryReminders === 'on',
          inactivityNudges: input.inactivityNudges === 'on',
        },
        Date.now(),
      );
      return { ok: true as const };
    },
  }),

  invite: defineAction({
    accept: 'form',
    input: z.object({ email: field(), organisationId: field(), locale: field() }),
    handler: async (input, context) => {
      const actor = requireActionUser(context, 'admin');
      const values = {
        email: input.email.slice(0, 300),
        organisationId: input.organisationId.slice(0, 100),
        locale: isLocale(input.locale) ? input.locale : 'en',
      };
      if (!mailAvailable()) return { ...unavailable, values };
      const result = await inviteByEmail(await getDb(), actor, input, { now: Date.now() });
      if (result.ok) sendQueuedMailSoon();
      return { ...result, values };
    },
  }),

  withdrawInvitation: defineAction({
    accept: 'form',
    input: z.object({ invitationId: field() }),
    handler: async (input, context) => {
      const actor = requireActionUser(context, 'admin');
      return withdrawInvitation(await getDb(), actor, input.invitationId, { now: Date.now() });
    },
  }),

  acceptInvitation: defineAction({
    accept: 'form',
    input: z.object({ token: field(), fullName: field(), password: field() }),
    handler: async (input, context) => {
      const db = await getDb();
      const now = Date.now();
      const values = { fullName: input.fullName.slice(0, 300) };
      const result = await acceptInvitation(
        db,
        input.token,
        { fullName: input.fullName, password: input.password },
        { now, address: clientAddressOf(context) },
      );
      if (!result.ok) return { ...result, values };
      // Employers (issue 15): the course the invitation named starts now.
      await startInvitedTraining(db, await getCatalogue(), result.user.id, now);
      const { token, session } = await createSession(
        db,
        result.user.id,
        now,
        context.request.headers.get('user-agent'),
      );
      setSessionCookie(context.cookies, token, session.expiresAt, secureCookies());
      return { ok: true as const };
    },
  }),

  retry: defineAction({
    accept: 'form',
    input: z.object({ messageId: field() }),
    handler: async (input, context) => {
      const actor = requireActionUser(context, 'admin');
      const result = await retryFailedMail(await getDb(), actor, { id: input.messageId }, Date.now());
      if (result.ok) sendQueuedMailSoon();
      return result;
    },
  }),

  retryAll: defineAction({
    accept: 'form',
    handler: async (_input, context) => {
      const actor = requireActionUser(context, 'admin');
      const result = await retryFailedMail(await getDb(), actor, 'all', Date.now());
      if (result.ok) sendQueuedMailSoon();
      return result;
    },
  }),
};
