/**
 * Two-step verification and re-authentication (issue 18) in the browser: set-up with a QR code,
 * signing in with a code and with a recovery code, the mandatory set-up of a new admin, and the
 * re-authentication an admin gives before a sensitive change.
 */
import type { Page } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { createDb } from '#src/lib/server/db.ts';
import {
  demo,
  expect,
  expectAccessible,
  nextTotpCode,
  register,
  signIn,
  signOut,
  test,
  uniqueEmail,
} from './fixtures.ts';

const password = 'kopi-o-kosong-panas';

/** Reads the key shown for typing by hand, then confirms the set-up with a code from it. */
async function setUpAuthenticator(page: Page): Promise<{ secret: string; codes: string[] }> {
  await expect(page.getByRole('img', { name: 'QR code to scan with your authenticator app' })).toBeVisible();
  const secret = ((await page.getByText(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/).textContent()) ?? '').replaceAll(
    ' ',
    '',
  );
  expect(secret).toHaveLength(32);
  await expectAccessible(page);
  await page.getByLabel('Code from your authenticator app').fill('000000');
  await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
  await expect(page.getByRole('alert')).toContainText('That code is not right');
  await page.getByLabel('Code from your authenticator app').fill(await nextTotpCode(page, secret));
  await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
  const list = page.getByRole('list', { name: 'Recovery codes' });
  await expect(list.getByRole('listitem')).toHaveCount(10);
  const codes = (await list.getByRole('listitem').allTextContents()).map((code) => code.trim());
  return { secret, codes };
}

/** Every session of an account proved who it was 11 minutes ago (the clock moves on). */
async function ageAuthentication(email: string): Promise<void> {
  const db = await createDb(process.env.E2E_DATABASE_URL ?? 'file:test-results/e2e.db');
  await db.write((orm) =>
    orm.run(
      sql`UPDATE session SET authenticated_at = ${Date.now() - 11 * 60_000} WHERE user_id = (SELECT id FROM user WHERE email = ${email})`,
    ),
  );
  db.close();
}

test('a learner sets up two-step verification, then signs in with a code and with a recovery code', async ({
  page,
}) => {
  const email = uniqueEmail('mfa');
  const name = 'Lim Mei Ling';
  await register(page, { fullName: name, email, password });
  await expect(page.getByRole('link', { name })).toBeVisible();
  await page.goto('/profile');
  await page.getByRole('link', { name: 'Set up two-step verification' }).click();
  await page.getByRole('link', { name: 'Set up two-step verification' }).click();
  const { secret, codes } = await setUpAuthenticator(page);
  await expect(page.getByText(/Two-step verification is on since/)).toBeVisible();

  await signOut(page);
  await signIn(page, email, password, { totpSecret: secret });
  await expect(page.getByRole('link', { name })).toBeVisible();

  await signOut(page);
  await signIn(page, email, password, { totpSecret: '' });
  await expect(page.getByRole('heading', { level: 1, name: 'Two-step verification' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: /use a recovery code/ }).click();
  await page.getByLabel('Recovery code').fill(codes[0] ?? '');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('status')).toContainText('Recovery codes left: 9');

  // A recovery code works once.
  await signOut(page);
  await signIn(page, email, password, { totpSecret: '' });
  await page.getByRole('link', { name: /use a recovery code/ }).click();
  await page.getByLabel('Recovery code').fill(codes[0] ?? '');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'That recovery code is not right or has already been used',
  );
  await expect(page.getByRole('link', { name })).toHaveCount(0);
});

test('a new admin must set up two-step verification at the first sign-in, and an admin can reset it after re-authenticating', async ({
  page,
  browser,
  baseURL,
}) => {
  const email = uniqueEmail('newadmin');
  const name = 'Wong Siew Lan';
  const other = await browser.newContext({ baseURL });
  const person = await other.newPage();
  await register(person, { fullName: name, email, password });
  await expect(person.getByRole('link', { name })).toBeVisible();

  // The demo admin promotes the account (a fresh sign-in counts as a recent authentication).
  await signIn(page, demo.admin.email);
  await page.goto('/admin/users');
  await page.getByLabel('Name or email').fill(email);
  await page.getByRole('button', { name: 'Show results' }).click();
  await page.getByRole('link', { name, exact: true }).click();
  const record = new URL(page.url()).pathname;
  await page.getByLabel('New role').selectOption('admin');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Yes, change the role' }).click();
  await expect(page.getByRole('status')).toContainText('Role changed');

  // The promoted person was signed out; signing in leads to the set-up, never a dead end.
  await person.goto('/profile');
  await expect(person).toHaveURL(/\/sign-in/);
  await signIn(person, email, password, { totpSecret: '' });
  await expect(person.getByRole('heading', { level: 1, name: 'Set up two-step verification' })).toBeVisible();
  await person.goto('/admin');
  await expect(person).toHaveURL(/\/sign-in\/mfa-setup/);
  await setUpAuthenticator(person);
  await person.getByRole('link', { name: 'I have saved my codes: continue' }).click();
  await person.goto('/admin');
  await expect(person.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();

  // No reset link for an admin.
  await page.goto(record);
  await page.getByRole('button', { name: 'Make a reset link' }).click();
  await expect(page.getByRole('alert')).toContainText('Reset links cannot be made for admins');

  // Eleven minutes on, resetting their two-step verification asks the admin to confirm first.
  await ageAuthentication(demo.admin.email);
  await page.goto(record);
  await page.getByRole('link', { name: 'Reset two-step verification' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm it is you' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByLabel('Code from your authenticator app').fill('000000');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('alert')).toContainText('Your current password is not right');
  await page.getByLabel('Password').fill(demo.password);
  await page.getByLabel('Code from your authenticator app').fill(await nextTotpCode(page));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset two-step verification' })).toBeVisible();
  await page.getByLabel('Reason (optional)').fill('Lost phone; identity checked by a call');
  await page.getByRole('button', { name: 'Yes, reset two-step verification' }).click();
  await expect(page.getByRole('status')).toContainText('Two-step verification was reset');

  await person.goto('/admin');
  await expect(person).toHaveURL(/\/sign-in/);
  await page.goto(`/admin/audit?subjectType=user&subjectId=${record.split('/').pop() ?? ''}`);
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Two-step verification reset by an admin' }).first(),
  ).toContainText('Lost phone');
  await other.close();
});

test('a role change after 10 minutes goes through re-authentication and comes back to the form', async ({
  page,
}) => {
  await signIn(page, demo.admin.email);
  await page.goto('/admin/users');
  await page.getByLabel('Name or email').fill('peishan');
  await page.getByRole('button', { name: 'Show results' }).click();
  await page.getByRole('link', { name: 'Ng Pei Shan', exact: true }).click();
  const record = new URL(page.url()).pathname;
  await ageAuthentication(demo.admin.email);
  await page.goto(`${record}/role?to=trainer`);
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm it is you' })).toBeVisible();
  await page.getByLabel('Password').fill(demo.password);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the 6-digit code');
  await page.getByLabel('Password').fill(demo.password);
  await page.getByLabel('Code from your authenticator app').fill(await nextTotpCode(page));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page).toHaveURL(new RegExp(`${record}/role\\?to=trainer$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Change role' })).toBeVisible();
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(new RegExp(`${record}$`));
});
