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

  // The RFC 8058 request as a mail client sends it (here from the site's own origin; see docs/email.md).
  const oneClick = await request.post(url, {
    form: { 'List-Unsubscribe': 'One-Click' },
    headers: { Origin: origins[0] },
  });
  expect(oneClick.status()).toBe(200);
  expect((await request.get(`${origins[0]}/unsubscribe/not-a-token`)).status()).toBe(404);
});

test('a production build has no development outbox', async ({ request }) => {
  expect((await request.get('/dev/outbox')).status()).toBe(404);
});
