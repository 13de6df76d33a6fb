import { defineAction, type ActionAPIContext } from 'astro:actions';
import { z } from 'astro/zod';
import { safeReturnPath } from '#src/lib/account/rules.ts';
import { getDb, secureCookies } from '#src/lib/server/app.ts';
import type { Database } from '#src/lib/server/db.ts';
import { clientAddressOf } from '#src/lib/server/http/client-address.ts';
import { requireActionUser } from '#src/lib/server/account/guard.ts';
import { rememberDevice } from '#src/lib/server/account/known-device.ts';
import { confirmMfaEnrolment, getMfaStatus, verifySecondFactor } from '#src/lib/server/account/mfa.ts';
import {
  createSession,
  invalidateOtherSessions,
  invalidateOwnSession,
  invalidateSession,
  markReauthenticated,
} from '#src/lib/server/account/session.ts';
import {
  deleteSessionCookie,
  deviceCookieName,
  setDeviceCookie,
  setSessionCookie,
} from '#src/lib/server/account/session-cookie.ts';
import { signInStepPath, stepAfterPassword } from '#src/lib/server/account/sign-in.ts';
import { authenticate, registerUser, verifyCurrentPassword } from '#src/lib/server/account/user.ts';
import { mailAvailable, sendQueuedMailSoon } from '#src/lib/server/mail/app.ts';
import { sendEmailVerification } from '#src/lib/server/mail/verification.ts';
import { field } from './form.ts';

/** Starts a fully signed-in session on this device and remembers the device. */
async function startSignedInSession(
  db: Database,
  context: ActionAPIContext,
  userId: string,
  now: number,
): Promise<void> {
  const secure = secureCookies();
  const { token, session } = await createSession(db, userId, now, context.request.headers.get('user-agent'));
  setSessionCookie(context.cookies, token, session.expiresAt, secure);
  const device = await rememberDevice(db, userId, context.cookies.get(deviceCookieName(secure))?.value, now);
  setDeviceCookie(context.cookies, device.token, device.expiresAt, secure);
}

/** Ends whatever session (signed in or half-way) the request came with. */
async function endCurrentSession(db: Database, context: ActionAPIContext): Promise<void> {
  const current = context.locals.session ?? context.locals.pendingSignIn?.session;
  if (current) await invalidateSession(db, current.id);
}

export const auth = {
  register: defineAction({
    accept: 'form',
    input: z.object({
      fullName: field(),
      email: field(),
      password: field(),
      // Employers (issue 15): the employer comes only from a join code here (never from an id in
      // the form); invitations register through mail.acceptInvitation.
      joinCode: field(),
    }),
    handler: async (input, context) => {
      const db = await getDb();
      const now = Date.now();
      const values = {
        fullName: input.fullName,
        email: input.email,
        joinCode: input.joinCode.slice(0, 40),
      };
      const result = await registerUser(
        db,
        {
          fullName: input.fullName,
          email: input.email,
          password: input.password,
          joinCode: input.joinCode,
          locale: context.locals.locale,
        },
        { now, address: clientAddressOf(context) },
      );
      if (!result.ok) return { ...result, values };
      await startSignedInSession(db, context, result.user.id, now);
      // The account works at once; a link proves the address (certificates wait for it).
      if (mailAvailable() && (await sendEmailVerification(db, result.user.id, now)).ok) sendQueuedMailSoon();
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
      const result = await authenticate(db, input, {
        now,
        address: clientAddressOf(context),
        deviceToken: context.cookies.get(deviceCookieName(secureCookies()))?.value,
      });
      if (!result.ok) return { ...result, values };
      await endCurrentSession(db, context);
      const next = safeReturnPath(input.next);
      const step = await stepAfterPassword(db, result.user);
      if (step === 'signed-in') {
        await startSignedInSession(db, context, result.user.id, now);
        return { ok: true as const, redirectTo: next };
      }
      // The password is right; the session opens only the second step until it is done.
      const { token, session } = await createSession(db, result.user.id, now, {
        userAgent: context.request.headers.get('user-agent'),
        mfaPending: true,
      });
      setSessionCookie(context.cookies, token, session.expiresAt, secureCookies());
      return { ok: true as const, redirectTo: signInStepPath(step, next) };
    },
  }),

  /** The second step: a code from the authenticator app, or a recovery code. */
  secondFactor: defineAction({
    accept: 'form',
    input: z.object({ method: field(), code: field(), next: field() }),
    handler: async (input, context) => {
      const pending = context.locals.pendingSignIn;
      if (pending?.step !== 'second-factor') return { ok: false as const, reason: 'expired' as const };
      const method = input.method === 'recovery' ? 'recovery' : 'totp';
      if (input.code.trim() === '') return { ok: false as const, reason: 'missing' as const, method };
      const db = await getDb();
      const now = Date.now();
      const result = await verifySecondFactor(db, pending.user.id, { method, code: input.code }, now);
      if (!result.ok) return { ...result, method };
      await invalidateSession(db, pending.session.id);
      await startSignedInSession(db, context, pending.user.id, now);
      const status = method === 'recovery' ? await getMfaStatus(db, pending.user.id) : null;
      return {
        ok: true as const,
        redirectTo: safeReturnPath(input.next),
        recoveryCodesLeft: status?.recoveryCodesLeft ?? null,
      };
    },
  }),

  /** The mandatory set-up at sign-in for roles that require two-step verification. */
  setUpMfa: defineAction({
    accept: 'form',
    input: z.object({ method: field(), code: field(), next: field() }),
    handler: async (input, context) => {
      const pending = context.locals.pendingSignIn;
      if (pending?.step !== 'mfa-setup') return { ok: false as const, reason: 'expired' as const };
      if (input.code.trim() === '') return { ok: false as const, reason: 'missing' as const };
      const db = await getDb();
      const now = Date.now();
      const result = await confirmMfaEnrolment(db, pending.user.id, input.code, now);
      if (!result.ok) return result;
      await invalidateSession(db, pending.session.id);
      await startSignedInSession(db, context, pending.user.id, now);
      return { ok: true as const, recoveryCodes: result.recoveryCodes, next: safeReturnPath(input.next) };
    },
  }),

  /** Confirms who the signed-in person is (password, and a code where they have MFA). */
  reauthenticate: defineAction({
    accept: 'form',
    input: z.object({ password: field(), method: field(), code: field(), next: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context);
      const current = context.locals.session;
      if (!current) return { ok: false as const, reason: 'expired' as const };
      const db = await getDb();
      const now = Date.now();
      const mfa = await getMfaStatus(db, user.id);
      const method = input.method === 'recovery' ? 'recovery' : 'totp';
      const missing = { password: input.password === '', code: mfa.enabled && input.code.trim() === '' };
      if (missing.password || missing.code)
        return { ok: false as const, reason: 'missing' as const, missing, method };
      const password = await verifyCurrentPassword(db, user.id, input.password, now);
      if (!password.ok)
        return password.reason === 'throttled'
          ? { ...password, method }
          : { ok: false as const, reason: 'wrong-password' as const, method };
      if (mfa.enabled) {
        const code = await verifySecondFactor(db, user.id, { method, code: input.code }, now);
        if (!code.ok)
          return code.reason === 'throttled'
            ? { ...code, method }
            : { ok: false as const, reason: 'wrong-code' as const, method };
      }
      await markReauthenticated(db, current.id, now);
      return { ok: true as const, redirectTo: safeReturnPath(input.next) };
    },
  }),

  signOut: defineAction({
    accept: 'form',
    handler: async (_input, context) => {
      await endCurrentSession(await getDb(), context);
      deleteSessionCookie(context.cookies, secureCookies());
      return { ok: true as const };
    },
  }),

  /** Ends every other session of the signed-in person; this one stays. */
  signOutOthers: defineAction({
    accept: 'form',
    handler: async (_input, context) => {
      const user = requireActionUser(context);
      const current = context.locals.session;
      if (!current) return { ok: false as const };
      const ended = await invalidateOtherSessions(await getDb(), user.id, current.id);
      return { ok: true as const, ended };
    },
  }),

  /** Ends one of the person's own sessions (another device in the list). */
  endSession: defineAction({
    accept: 'form',
    input: z.object({ sessionId: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context);
      const ended = await invalidateOwnSession(await getDb(), user.id, input.sessionId);
      if (ended && input.sessionId === context.locals.session?.id)
        deleteSessionCookie(context.cookies, secureCookies());
      return { ok: ended };
    },
  }),
};
