import { request as httpRequest } from 'node:http';
import { createDb } from '#src/lib/server/db.ts';
import { getSigningKey, signUnsubscribeToken } from '#src/lib/server/mail/unsubscribe.ts';
import { connectMailSink, type ReceivedMail } from '../tests/helpers/mail-sink-client.ts';
import { demo, expect, expectAccessible, register, signIn, signOut, test, uniqueEmail } from './fixtures.ts';
import { mailSinkPorts, origins } from './origins.ts';

/**
 * Email through a real SMTP server (tests/helpers/mail-sink.ts, started by playwright.config.ts
 * beside the two app servers): what arrives, and its links followed in the browser.
 */
const sink = connectMailSink(mailSinkPorts);
const forTo = (email: string, subject: string) => (mail: ReceivedMail) =>
  mail.envelopeTo.includes(email) && mail.subject === subject;

function linkIn(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`${origins[0].replaceAll('.', '\\.')}${path}\\S+`, 'u').exec(mail.text);
  if (!match) throw new Error(`No ${path} link in the message:\n${mail.text}`);
  return match[0];
}

test('forgot password: the emailed link sets a new password once, and signs out elsewhere', async ({
  page,
  browser,
  baseURL,
}) => {
  const email = uniqueEmail('forgot');
  const name = 'Lim Mei Ling';
  await register(page, { fullName: name, email });
  await expect(page.getByRole('link', { name })).toBeVisible();
  await signOut(page);
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signIn(otherPage, email, 'kopi-o-kosong-panas');
  await expect(otherPage.getByRole('link', { name })).toBeVisible();

  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(email);

  const mail = await sink.waitFor(forTo(email, 'Reset your RTW Academy password'));
  expect(mail.headers['content-language']).toBe('en');
  expect(mail.html).toContain('<html lang="en">');
  const link = linkIn(mail, '/reset-password/');

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('New password').fill('roti-canai-dua-keping');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Password changed' })).toBeVisible();

  await signIn(page, email, 'roti-canai-dua-keping');
  await expect(page.getByRole('link', { name })).toBeVisible();
  // The device that was signed in before the reset is signed out.
  await otherPage.goto('/profile');
  await expect(otherPage.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await other.close();

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'This link does not work' })).toBeVisible();
  await expect(page.getByText('This link has already been used')).toBeVisible();
});

test('the same answer for an address without an account, and nothing is sent to it', async ({ page }) => {
  const known = uniqueEmail('known');
  const unknown = uniqueEmail('nobody');
  await register(page, { fullName: 'Tan Wei Ming', email: known });
  await signOut(page);
  for (const email of [unknown, known]) {
    await page.goto('/forgot-password');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText(`If ${email} belongs to an account`);
  }
  // The link for the known address arrives; by then one for the unknown address would have too.
  await sink.waitFor(forTo(known, 'Reset your RTW Academy password'));
  expect((await sink.messages()).filter((mail) => mail.envelopeTo.includes(unknown))).toEqual([]);

  await page.goto('/forgot-password');
  await page.getByLabel('Email address').fill('not-an-email');
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter an email address in the right format');
  await expect(page.getByLabel('Email address')).toHaveValue('not-an-email');
});

test('registration sends a link that confirms the address, shown on the profile', async ({ page }) => {
  const email = uniqueEmail('verify');
  await register(page, { fullName: 'Jugah anak Nyandang', email });
  await page.goto('/profile');
  await expect(page.getByText('Not confirmed yet')).toBeVisible();
  const mail = await sink.waitFor(forTo(email, 'Confirm your email address for RTW Academy'));
  await page.goto(linkIn(mail, '/verify-email/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your email address' })).toBeVisible();
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('status')).toContainText(`${email} is confirmed`);
  await page.goto('/profile');
  await expect(page.getByText('Confirmed', { exact: false }).first()).toBeVisible();
  await expectAccessible(page);

  // Reminders off and on again, from the profile.
  await page.getByLabel('A reminder when I have not studied for 14 days').uncheck();
  await page.getByRole('button', { name: 'Save my email choices' }).click();
  await expect(page.getByRole('status')).toContainText('Your email choices are saved');
  await expect(page.getByLabel('A reminder when I have not studied for 14 days')).not.toBeChecked();
});

test('an admin invites by email; the link registers that address under the employer', async ({
  page,
  browser,
  baseURL,
}) => {
  const email = uniqueEmail('invited');
  await signIn(page, demo.admin.email);
  await page.goto('/admin/invitations');
  await expectAccessible(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Employer').selectOption({ label: 'Hotel Seri Selatan Johor Bahru' });
  await page.getByLabel('Language of the invitation').selectOption('ms');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status')).toContainText(`Invitation sent to ${email}`);

  const mail = await sink.waitFor(forTo(email, 'Anda dijemput ke RTW Academy'));
  const invited = await browser.newContext({ baseURL });
  const invitedPage = await invited.newPage();
  await invitedPage.goto(linkIn(mail, '/invitation/'));
  await expect(invitedPage.getByText(email).first()).toBeVisible();
  await expect(invitedPage.getByText('Hotel Seri Selatan Johor Bahru').first()).toBeVisible();
  await invitedPage.getByLabel('Full name').fill('Muhammad Hafiz bin Othman');
  await invitedPage.getByLabel('Password').fill('nasi-lemak-sambal-pedas');
  await invitedPage.getByRole('button', { name: 'Create account' }).click();
  await expect(invitedPage.getByRole('link', { name: 'Muhammad Hafiz bin Othman' })).toBeVisible();
  await invited.close();

  await page.goto('/admin/mail');
  await expect(page.getByRole('heading', { level: 1, name: 'Email' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Messages', exact: true })).toContainText(email);
  await expectAccessible(page);
});

test('a certificate waits for a confirmed address: the course page says so and sends the link again', async ({
  page,
}) => {
  const email = uniqueEmail('unconfirmed');
  await register(page, { fullName: 'Nur Iman binti Zulkifli', email });
  await sink.waitFor(forTo(email, 'Confirm your email address for RTW Academy'));
  await page.goto('/courses/supervisors-early-intervention');
  await page.getByRole('button', { name: 'Enrol in this course' }).click();
  const notice = page.locator('[data-verify-for-certificate]');
  await expect(notice).toContainText(
    `Certificates go only to a confirmed email address. Open the link we sent to ${email}`,
  );
  await expectAccessible(page);
  await notice.getByRole('button', { name: 'Send the link again' }).click();
  await expect(page.getByRole('status')).toContainText(`We sent a new confirmation link to ${email}`);

  // The newer link is the one that works.
  const isLink = forTo(email, 'Confirm your email address for RTW Academy');
  await expect.poll(async () => (await sink.messages()).filter(isLink).length).toBe(2);
  const latest = (await sink.messages()).filter(isLink).at(-1);
  if (!latest) throw new Error('no second link');
  await page.goto(linkIn(latest, '/verify-email/'));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('status')).toContainText(`${email} is confirmed`);
  await page.goto('/courses/supervisors-early-intervention');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Early intervention for supervisors' }),
  ).toBeVisible();
  await expect(page.locator('[data-verify-for-certificate]')).toHaveCount(0);
});

test('a reminder carries one-click unsubscribe that turns that kind of email off', async ({
  page,
  request,
}) => {
  // The servers' reminder jobs mail the demo's expiring certificates and inactive learners at start.
  const reminder = await sink.waitFor((mail) => mail.headers['list-unsubscribe'] !== undefined, 30_000);
  expect(reminder.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  const url = /^<(.+)>$/u.exec(reminder.headers['list-unsubscribe'] ?? '')?.[1] ?? '';
  expect(url.startsWith(`${origins[0]}/unsubscribe/`)).toBe(true);

  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Stop these emails' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Stop these emails' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'You will not get these emails again' }),
  ).toBeVisible();

  // The RFC 8058 request as a mail provider sends it: from its own servers, no Origin, no cookie.
  expect((await postWithoutOrigin(url, 'List-Unsubscribe=One-Click')).status).toBe(200);
  expect((await request.get(`${origins[0]}/unsubscribe/not-a-token`)).status()).toBe(404);
});

/** A form POST exactly as a server-side client makes it: no Origin, no Referer, no cookie. */
function postWithoutOrigin(url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

test("a provider's one-click POST without an Origin unsubscribes; other cross-site POSTs are still refused", async ({
  page,
}) => {
  const email = uniqueEmail('one.click');
  await register(page, { fullName: 'Kavitha a/p Ramasamy', email });
  await expect(page.getByRole('link', { name: 'Kavitha a/p Ramasamy' })).toBeVisible();
  const db = await createDb(process.env.E2E_DATABASE_URL ?? 'file:test-results/e2e.db');
  try {
    const preference = async (userId: string) =>
      (
        await db.client.execute({
          sql: 'SELECT expiry_reminders AS reminders FROM mail_preference WHERE user_id = ?',
          args: [userId],
        })
      ).rows[0]?.reminders ?? null;
    const found = await db.client.execute({ sql: 'SELECT id FROM user WHERE email = ?', args: [email] });
    const userId = found.rows[0]?.id as string;
    expect(await preference(userId)).toBeNull();
    const token = signUnsubscribeToken(await getSigningKey(db), userId, 'reminders');

    const oneClick = await postWithoutOrigin(
      `${origins[0]}/unsubscribe/${token}`,
      'List-Unsubscribe=One-Click',
    );
    expect(oneClick.status).toBe(200);
    expect(oneClick.text).toContain('You will not get these emails again');
    expect(Number(await preference(userId))).toBe(0);

    // A forged token gets nothing done, even from the site itself.
    const forged = `${userId}.nudges.${'A'.repeat(32)}`;
    expect(
      (await postWithoutOrigin(`${origins[1]}/unsubscribe/${forged}`, 'List-Unsubscribe=One-Click')).status,
    ).toBe(404);
    // The exemption is that route only: a form POST without Origin anywhere else, or an action, is refused.
    for (const path of [
      '/profile/email',
      '/sign-in?_action=auth.signIn',
      '/_actions/mail.savePreferences',
      `/unsubscribe/${token}?_action=mail.savePreferences`,
    ]) {
      expect((await postWithoutOrigin(`${origins[0]}${path}`, 'x=1')).status, path).toBe(403);
    }
  } finally {
    db.close();
  }
});

test('a production build has no development outbox', async ({ request }) => {
  expect((await request.get('/dev/outbox')).status()).toBe(404);
});
