/**
 * The messages of the email feature end to end below the browser: each is written with its cause,
 * sent through a real SMTP server process, and its link does what it says (password reset,
 * verification, change of address, invitation), with throttles and one-time use.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvent, mailOutbox, session, user } from '#db/schema.ts';
import { checkPasswordResetToken, completePasswordReset } from '#src/lib/server/account/password-reset.ts';
import { createSession } from '#src/lib/server/account/session.ts';
import { registerUser } from '#src/lib/server/account/user.ts';
import { requestPasswordReset } from '#src/lib/server/mail/forgot-password.ts';
import {
  acceptInvitation,
  checkInvitationToken,
  inviteByEmail,
  listInvitations,
  withdrawInvitation,
} from '#src/lib/server/mail/invitation.ts';
import { drainOutbox } from '#src/lib/server/mail/sender.ts';
import { createSmtpTransport, type MailTransport } from '#src/lib/server/mail/transport.ts';
import {
  confirmEmail,
  getEmailStatus,
  hasVerifiedEmail,
  requestEmailChange,
  sendEmailVerification,
} from '#src/lib/server/mail/verification.ts';
import { HOUR_MS, MINUTE_MS } from '#src/lib/time.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';
import { addEmployer, addPerson, TEST_PASSWORD } from './helpers/mail-fixture.ts';
import { startMailSink, type MailSink, type ReceivedMail } from './helpers/mail-sink-client.ts';

const site = 'https://rtw.test';
const settings = { from: 'RTW Academy <no-reply@rtw.test>', siteUrl: site };

let sink: MailSink;
let test: TestDatabase;
let transport: MailTransport;
let now: number;

beforeAll(async () => {
  sink = await startMailSink();
});
afterAll(async () => {
  await sink.stop();
});
beforeEach(async () => {
  test = await createTestDb();
  transport = createSmtpTransport(sink.smtpUrl);
  await sink.clear();
  now = Date.now();
});
afterEach(() => {
  transport.close();
  test.cleanup();
});

/** Sends what was queued up to a few minutes after `now` (the tests' clock). */
async function deliver(): Promise<void> {
  await drainOutbox({ db: test.db, transport, settings, now: () => now + 5 * MINUTE_MS });
}

/** The one link of `path` in a received message (from its plain text). */
function linkIn(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`${site.replaceAll('.', '\\.')}${path}[^\\s]+`, 'u').exec(mail.text);
  if (!match) throw new Error(`No ${path} link in:\n${mail.text}`);
  return match[0];
}

const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

describe('forgot password', () => {
  it('mails a one-hour, one-time link that ends every session when used', async () => {
    const id = await addPerson(test.db, { email: 'siti@example.my', locale: 'ms' });
    await createSession(test.db, id, now, 'old device');
    const result = await requestPasswordReset(
      test.db,
      { email: ' Siti@Example.my ' },
      { now, address: '203.0.113.5' },
    );
    expect(result).toEqual({ ok: true, email: 'siti@example.my' });
    await deliver();
    const mail = await sink.waitFor((m) => m.envelopeTo.includes('siti@example.my'));
    expect(mail.subject).toBe('Set semula kata laluan RTW Academy anda');
    const token = tokenOf(linkIn(mail, '/reset-password/'));
    expect(mail.html).toContain(`href="${site}/reset-password/${token}"`);

    const check = await checkPasswordResetToken(test.db, token, now + HOUR_MS - 1);
    expect(check.ok).toBe(true);
    expect(await checkPasswordResetToken(test.db, token, now + HOUR_MS)).toEqual({
      ok: false,
      reason: 'expired',
    });

    const done = await completePasswordReset(
      test.db,
      token,
      'teh-tarik-kurang-manis',
      now + MINUTE_MS,
      '203.0.113.5',
    );
    expect(done).toEqual({ ok: true, userId: id });
    expect(await test.db.orm.select().from(session).where(eq(session.userId, id))).toHaveLength(0);
    const again = await completePasswordReset(
      test.db,
      token,
      'another-long-password',
      now + 2 * MINUTE_MS,
      '203.0.113.5',
    );
    expect(again).toEqual({ ok: false, reason: 'used' });
  });

  it('answers the same for an unknown or deactivated address, and sends nothing', async () => {
    await addPerson(test.db, { email: 'gone@example.my', status: 'deactivated' });
    for (const email of ['nobody@example.my', 'gone@example.my']) {
      expect(await requestPasswordReset(test.db, { email }, { now, address: '203.0.113.6' })).toEqual({
        ok: true,
        email,
      });
    }
    await deliver();
    expect(await test.db.orm.select().from(mailOutbox)).toHaveLength(0);
    expect(await sink.messages()).toHaveLength(0);
  });

  it('is throttled per email address and per client address', async () => {
    await addPerson(test.db, { email: 'siti@example.my' });
    const ask = (email: string, address: string) =>
      requestPasswordReset(test.db, { email }, { now, address });
    for (let i = 0; i < 3; i += 1) expect((await ask('siti@example.my', `198.51.100.${i}`)).ok).toBe(true);
    const blocked = await ask('siti@example.my', '198.51.100.99');
    expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
    // Only the newest of the three links works.
    expect(await test.db.orm.select().from(mailOutbox)).toHaveLength(3);

    for (let i = 0; i < 10; i += 1) expect((await ask(`someone${i}@example.my`, '192.0.2.7')).ok).toBe(true);
    expect(await ask('someone-else@example.my', '192.0.2.7')).toMatchObject({
      ok: false,
      reason: 'throttled',
    });
  });

  it('refuses an address that is not one', async () => {
    expect(
      await requestPasswordReset(test.db, { email: 'not-an-email' }, { now, address: '192.0.2.8' }),
    ).toEqual({
      ok: false,
      reason: 'invalid',
      problem: 'invalid',
    });
  });
});

describe('email verification', () => {
  it('is sent at registration; the account works meanwhile; the link verifies once', async () => {
    const registered = await registerUser(
      test.db,
      { fullName: 'Tan Wei Ming', email: 'tan@example.my', password: TEST_PASSWORD },
      { now, address: '203.0.113.20' },
    );
    if (!registered.ok) throw new Error('registration failed');
    const userId = registered.user.id;
    expect(await hasVerifiedEmail(test.db.orm, userId)).toBe(false);
    expect(await sendEmailVerification(test.db, userId, now)).toEqual({ ok: true, email: 'tan@example.my' });
    await deliver();
    const mail = await sink.waitFor((m) => m.envelopeTo.includes('tan@example.my'));
    expect(mail.subject).toBe('Confirm your email address for RTW Academy');
    expect(mail.text).toContain('certificates only to confirmed email addresses');
    const token = tokenOf(linkIn(mail, '/verify-email/'));
    expect(await confirmEmail(test.db, token, now + MINUTE_MS)).toEqual({
      ok: true,
      userId,
      email: 'tan@example.my',
      purpose: 'registration',
    });
    expect(await hasVerifiedEmail(test.db.orm, userId)).toBe(true);
    expect(await confirmEmail(test.db, token, now + 2 * MINUTE_MS)).toEqual({ ok: false, reason: 'used' });
    expect(await sendEmailVerification(test.db, userId, now)).toEqual({
      ok: false,
      reason: 'already-verified',
    });
  });

  it('only the newest link works, and a made-up one is invalid', async () => {
    const userId = await addPerson(test.db, { email: 'kavitha@example.my', verified: false });
    await sendEmailVerification(test.db, userId, now);
    await sendEmailVerification(test.db, userId, now + 1);
    await deliver();
    const mails = await sink.messages();
    expect(mails).toHaveLength(2);
    const [first, second] = mails.map((m) => tokenOf(linkIn(m, '/verify-email/')));
    expect(await confirmEmail(test.db, first!, now + 2)).toEqual({ ok: false, reason: 'invalid' });
    const forged = `${second!.slice(0, -1)}${second!.endsWith('a') ? 'b' : 'a'}`;
    expect(await confirmEmail(test.db, forged, now + 2)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect((await confirmEmail(test.db, second!, now + 2)).ok).toBe(true);
  });

  it('changes the address only when the new one proves itself, and tells the old one', async () => {
    const userId = await addPerson(test.db, { email: 'old@example.my', fullName: 'Jugah anak Nyandang' });
    await addPerson(test.db, { email: 'taken@example.my' });
    expect(
      await requestEmailChange(
        test.db,
        userId,
        { newEmail: 'new@example.my', currentPassword: 'wrong-password' },
        now,
      ),
    ).toEqual({ ok: false, reason: 'invalid', errors: { currentPassword: 'wrong' } });
    expect(
      await requestEmailChange(
        test.db,
        userId,
        { newEmail: 'taken@example.my', currentPassword: TEST_PASSWORD },
        now,
      ),
    ).toMatchObject({ ok: false, errors: { newEmail: 'taken' } });
    expect(
      await requestEmailChange(
        test.db,
        userId,
        { newEmail: 'OLD@example.my', currentPassword: TEST_PASSWORD },
        now,
      ),
    ).toMatchObject({ ok: false, errors: { newEmail: 'same' } });
    expect(
      await requestEmailChange(
        test.db,
        userId,
        { newEmail: 'New@Example.my', currentPassword: TEST_PASSWORD },
        now,
      ),
    ).toEqual({ ok: true, email: 'new@example.my' });
    expect(await getEmailStatus(test.db.orm, userId, now)).toEqual({
      email: 'old@example.my',
      verified: true,
      pendingEmail: 'new@example.my',
    });
    await deliver();
    const link = await sink.waitFor((m) => m.envelopeTo.includes('new@example.my'));
    expect(link.subject).toBe('Confirm your new email address for RTW Academy');
    const result = await confirmEmail(test.db, tokenOf(linkIn(link, '/verify-email/')), now + MINUTE_MS);
    expect(result).toEqual({ ok: true, userId, email: 'new@example.my', purpose: 'change' });
    const [row] = await test.db.orm.select().from(user).where(eq(user.id, userId));
    expect(row?.email).toBe('new@example.my');
    await deliver();
    const notice = await sink.waitFor((m) => m.envelopeTo.includes('old@example.my'));
    expect(notice.subject).toBe('The email address of your RTW Academy account was changed');
    expect(notice.text).toContain('new@example.my');
    const audit = await test.db.orm
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'email-changed'), eq(auditEvent.subjectId, userId)));
    expect(audit).toHaveLength(1);
  });
});

describe('invitations', () => {
  it('registers the invited address under the employer, verified, once', async () => {
    const employer = await addEmployer(test.db, 'Lintas Pulau Logistics Sdn Bhd');
    const adminId = await addPerson(test.db, {
      email: 'admin@example.my',
      role: 'admin',
      fullName: 'Nurul Huda binti Ismail',
    });
    const admin = { id: adminId, role: 'admin' as const };
    const invited = await inviteByEmail(
      test.db,
      admin,
      { email: 'Hafiz@Example.my', organisationId: employer, locale: 'ms' },
      { now },
    );
    expect(invited).toMatchObject({ ok: true, email: 'hafiz@example.my' });
    await deliver();
    const mail = await sink.waitFor((m) => m.envelopeTo.includes('hafiz@example.my'));
    expect(mail.subject).toBe('Anda dijemput ke RTW Academy');
    expect(mail.text).toContain('Nurul Huda binti Ismail');
    expect(mail.text).toContain('Lintas Pulau Logistics Sdn Bhd');
    const token = tokenOf(linkIn(mail, '/invitation/'));
    expect(await checkInvitationToken(test.db, token, now)).toMatchObject({
      ok: true,
      email: 'hafiz@example.my',
      employerId: employer,
    });

    const weak = await acceptInvitation(
      test.db,
      token,
      { fullName: 'Muhammad Hafiz bin Othman', password: 'password' },
      { now, address: '203.0.113.30' },
    );
    expect(weak).toMatchObject({ ok: false, reason: 'form', errors: { password: 'common' } });
    const accepted = await acceptInvitation(
      test.db,
      token,
      { fullName: 'Muhammad Hafiz bin Othman', password: TEST_PASSWORD },
      { now, address: '203.0.113.30' },
    );
    if (!accepted.ok) throw new Error(`not accepted: ${accepted.reason}`);
    expect(accepted.user).toMatchObject({
      email: 'hafiz@example.my',
      organisationId: employer,
      role: 'learner',
      locale: 'ms',
    });
    expect(await hasVerifiedEmail(test.db.orm, accepted.user.id)).toBe(true);
    expect(await checkInvitationToken(test.db, token, now)).toEqual({ ok: false, reason: 'accepted' });
    expect((await listInvitations(test.db, { now, limit: 10 }))[0]?.status).toBe('accepted');
  });

  it('is for admins (and managers of the employer), refuses known addresses, and can be withdrawn', async () => {
    const employer = await addEmployer(test.db, 'Hotel Seri Selatan Johor Bahru');
    const other = await addEmployer(test.db, 'Klinik Mutiara Healthcare Sdn Bhd');
    const admin = {
      id: await addPerson(test.db, { email: 'admin@example.my', role: 'admin' }),
      role: 'admin' as const,
    };
    const learner = {
      id: await addPerson(test.db, { email: 'learner@example.my' }),
      role: 'learner' as const,
    };
    const manager = {
      id: await addPerson(test.db, { email: 'manager@example.my', role: 'manager' }),
      role: 'manager' as const,
    };
    const input = { email: 'new@example.my', organisationId: employer, locale: 'en' };
    expect(await inviteByEmail(test.db, learner, input, { now })).toEqual({ ok: false, reason: 'forbidden' });
    expect(await inviteByEmail(test.db, manager, input, { now, managedEmployerIds: [other] })).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect((await inviteByEmail(test.db, manager, input, { now, managedEmployerIds: [employer] })).ok).toBe(
      true,
    );
    expect(
      await inviteByEmail(
        test.db,
        admin,
        { email: 'learner@example.my', organisationId: employer, locale: 'en' },
        { now },
      ),
    ).toMatchObject({ ok: false, errors: { email: 'taken' } });
    expect(
      await inviteByEmail(
        test.db,
        admin,
        { email: 'x@example.my', organisationId: '', locale: 'xx' },
        { now },
      ),
    ).toMatchObject({
      ok: false,
      errors: { organisationId: 'required', locale: 'invalid' },
    });
    const second = await inviteByEmail(test.db, admin, input, { now: now + 1 });
    if (!second.ok) throw new Error('not invited');
    const rows = await listInvitations(test.db, { now: now + 2, limit: 10 });
    expect(rows.map((row) => row.status).sort()).toEqual(['pending', 'withdrawn']);
    expect(await withdrawInvitation(test.db, admin, second.invitationId, { now: now + 3 })).toEqual({
      ok: true,
      email: 'new@example.my',
    });
    await deliver();
    const mails = await sink.messages();
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(await checkInvitationToken(test.db, tokenOf(linkIn(mail, '/invitation/')), now + 4)).toEqual({
        ok: false,
        reason: 'withdrawn',
      });
    }
  });
});
