import { readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { demo, expect, expectAccessible, nextClientAddress, signIn, test } from './fixtures.ts';
import { origins, ports } from './origins.ts';

/** Demo learners of db/seed-certificates.ts. */
const waiting = { email: 'nurul.aina@demo.rtw-academy.my', name: 'Nurul Aina binti Zakaria' };
const courseTitle = 'RTW Coordinator';

async function signedIn(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: origins[0],
    extraHTTPHeaders: { 'X-Forwarded-For': nextClientAddress() },
  });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/);
  return { context, page };
}

test('completed learner → admin issues → learner downloads → valid publicly → admin revokes → revoked', async ({
  browser,
}) => {
  // A long journey across three browser contexts: give it room on a busy machine.
  test.slow();
  // The learner finished the main course (issued on approval): nothing to download yet.
  const learner = await signedIn(browser, waiting.email);
  await learner.page.goto('/dashboard');
  const section = learner.page.locator('[data-certificates]');
  await expect(section.getByRole('heading', { name: 'Certificates' })).toBeVisible();
  await expect(section.getByRole('link', { name: /Download certificate/ })).toHaveCount(0);

  // The admin finds her in the queue and issues with the bulk form (progress shown by the script).
  const admin = await signedIn(browser, demo.admin.email);
  await admin.page.goto('/admin/certificates');
  await expect(admin.page.getByRole('heading', { name: 'Certificate desk', level: 1 })).toBeVisible();
  await expectAccessible(admin.page);
  const row = admin.page.getByRole('row').filter({ hasText: waiting.name });
  await expect(row).toContainText(courseTitle);
  await row.getByRole('checkbox').check();
  await admin.page.getByRole('button', { name: 'Issue selected certificates' }).click();
  await expect(admin.page.getByText('1 certificate issued.')).toBeVisible();
  await expect(admin.page.getByRole('row').filter({ hasText: waiting.name })).toHaveCount(0);

  await admin.page.goto(`/admin/certificates/issued?q=${encodeURIComponent(waiting.name)}`);
  await expectAccessible(admin.page);
  const issuedRow = admin.page.getByRole('row').filter({ hasText: waiting.name });
  await expect(issuedRow).toContainText('Valid');
  const serialLink = issuedRow.getByRole('link', { name: /^RTW-\d{4}-\d{6}$/ });
  const serial = (await serialLink.textContent())?.trim() ?? '';
  await serialLink.click();
  const detailUrl = admin.page.url();

  // The learner now sees it, downloads it, and has a link to share.
  await learner.page.goto('/dashboard');
  const card = section.locator(`[data-certificate="${serial}"]`);
  await expect(card.getByRole('heading', { name: courseTitle })).toBeVisible();
  await expect(card).toContainText('Valid until');
  await expectAccessible(learner.page);
  const downloadLink = card.getByRole('link', { name: /Download certificate \(PDF\)/ });
  const pdfPath = (await downloadLink.getAttribute('href')) ?? '';
  expect(pdfPath).toMatch(/^\/certificates\/[a-z2-7]{16}\.pdf$/);
  const [download] = await Promise.all([learner.page.waitForEvent('download'), downloadLink.click()]);
  expect(download.suggestedFilename()).toBe(`${serial}-nurul-aina-binti-zakaria.pdf`);
  const file = await download.path();
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const verifyUrl = ((await card.locator('a.copy-target').textContent()) ?? '').trim();
  expect(verifyUrl).toMatch(/\/verify\/[2-9A-HJKMNP-TV-Z]{20}$/);
  await expect(card.getByRole('button', { name: /Copy the verification link/ })).toBeVisible();

  // Nobody else gets the PDF: another learner and an anonymous visitor are told it does not exist.
  const other = await signedIn(browser, demo.learner.email);
  expect((await other.context.request.get(pdfPath)).status()).toBe(404);
  const anonymous = await browser.newContext({ baseURL: origins[0] });
  expect((await anonymous.request.get(pdfPath, { maxRedirects: 0 })).status()).toBe(404);

  // The public check says valid, with the name and course but no email.
  const publicPage = await anonymous.newPage();
  const code = verifyUrl.slice(verifyUrl.lastIndexOf('/') + 1);
  const response = await publicPage.goto(`/verify/${code}`);
  expect(response?.headers()['x-robots-tag']).toBe('noindex');
  await expect(publicPage.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(publicPage.getByRole('status')).toContainText('This certificate is genuine and valid.');
  await expect(publicPage.getByText(waiting.name)).toBeVisible();
  await expect(publicPage.getByText(serial)).toBeVisible();
  await expect(publicPage.locator('main')).not.toContainText('@');
  await expectAccessible(publicPage);

  // The code typed by hand, in lower case with spaces, finds the same certificate.
  await publicPage.goto('/verify');
  await expectAccessible(publicPage);
  const typed = code
    .toLowerCase()
    .replace(/(.{4})/g, '$1 ')
    .trim();
  await publicPage.getByLabel('Verification code').fill(typed);
  await publicPage.getByRole('button', { name: 'Check certificate' }).click();
  await expect(publicPage).toHaveURL(new RegExp(`/verify/${code}$`));
  await expect(publicPage.getByRole('status')).toContainText('valid');

  // The admin revokes it: a reason is required.
  await admin.page.goto(detailUrl);
  await expectAccessible(admin.page);
  const revoke = () => admin.page.getByRole('region', { name: 'Revoke this certificate' });
  await revoke().getByRole('button', { name: 'Revoke certificate' }).click();
  await expect(admin.page.getByRole('alert')).toContainText('Enter why the certificate is revoked.');
  await revoke().getByRole('textbox', { name: 'Reason' }).fill('Issued to the wrong course by mistake.');
  await revoke().getByRole('button', { name: 'Revoke certificate' }).click();
  // Nothing happens until the admin confirms; "No, keep it" leaves the certificate valid.
  const confirm = admin.page.getByRole('region', { name: `Revoke certificate ${serial}?` });
  await expect(confirm).toContainText('This cannot be undone.');
  await expect(confirm).toContainText('Issued to the wrong course by mistake.');
  await expectAccessible(admin.page);
  await confirm.getByRole('link', { name: 'No, keep it' }).click();
  await expect(admin.page.locator('.status-line')).toContainText('Valid');
  await revoke().getByRole('textbox', { name: 'Reason' }).fill('Issued to the wrong course by mistake.');
  await revoke().getByRole('button', { name: 'Revoke certificate' }).click();
  await confirm.getByRole('button', { name: 'Yes, revoke this certificate' }).click();
  await expect(admin.page.getByText('The certificate is revoked.')).toBeVisible();
  await expect(admin.page.getByRole('table')).toContainText('Issued to the wrong course by mistake.');

  await publicPage.goto(`/verify/${code}`);
  await expect(publicPage.getByRole('status')).toContainText('This certificate was revoked on');
  await expect(publicPage.locator('main')).not.toContainText('wrong course');
  await expectAccessible(publicPage);

  for (const session of [learner, admin, other]) await session.context.close();
  await anonymous.close();
});

test('an auditor with only the serial number and the surname gets the same check; a wrong pair says not found', async ({
  page,
  browser,
}) => {
  // The demo learner's own certificate: its serial and code from her dashboard.
  await signIn(page, demo.learner.email);
  await page.goto('/dashboard');
  const card = page.locator('[data-certificate]').first();
  const serial = (await card.getAttribute('data-certificate')) ?? '';
  expect(serial).toMatch(/^RTW-\d{4}-\d{6}$/u);
  const verifyUrl = ((await card.locator('a.copy-target').textContent()) ?? '').trim();
  const code = verifyUrl.slice(verifyUrl.lastIndexOf('/') + 1);

  const anonymous = await browser.newContext({ baseURL: origins[0] });
  const publicPage = await anonymous.newPage();
  await publicPage.goto('/verify');
  const bySerial = publicPage.getByRole('region', { name: 'No code? Check by serial number' });
  await bySerial.getByLabel('Serial number').fill(serial.toLowerCase());
  await bySerial.getByLabel('Holder’s surname or family name').fill('Tan');
  const [wrongPair] = await Promise.all([
    publicPage.waitForResponse((reply) => reply.url().includes('serial=')),
    bySerial.getByRole('button', { name: 'Check by serial number' }).click(),
  ]);
  expect(wrongPair.status()).toBe(404);
  await expect(publicPage.getByRole('alert').first()).toContainText(
    'No certificate matches this serial number and name.',
  );
  await expect(bySerial.getByLabel('Serial number')).toHaveValue(serial.toLowerCase());
  await expect(bySerial.getByLabel('Holder’s surname or family name')).toHaveValue('Tan');
  await expectAccessible(publicPage);
  // An unknown serial gets the very same answer.
  const unknownSerial = await publicPage.goto('/verify?serial=RTW-2020-999999&name=Tan');
  expect(unknownSerial?.status()).toBe(404);
  await expect(publicPage.getByRole('alert').first()).toContainText(
    'No certificate matches this serial number and name.',
  );
  await bySerial.getByLabel('Serial number').fill(serial);
  await bySerial.getByLabel('Holder’s surname or family name').fill('ABDULLAH');
  await bySerial.getByRole('button', { name: 'Check by serial number' }).click();
  await expect(publicPage).toHaveURL(new RegExp(`/verify/${code}$`));
  await expect(publicPage.getByText(demo.learner.name)).toBeVisible();
  await anonymous.close();
});

/**
 * A GET from a chosen loopback source address (sent without X-Forwarded-For, so the server counts
 * the socket's address), so this test blocks nobody else.
 */
function getFrom(
  localAddress: string,
  path: string,
): Promise<{ status: number; retryAfter: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpGet({ host: '127.0.0.1', port: ports[0], path, localAddress }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          retryAfter: String(response.headers['retry-after'] ?? ''),
          body,
        }),
      );
    });
    request.on('error', reject);
  });
}

test('too many unknown codes from one address get 429 with Retry-After', async () => {
  const address = '127.0.3.1';
  const unknown = '23456789ABCDEFGHJKMN';
  let last = { status: 0, retryAfter: '', body: '' };
  for (let i = 0; i < 31; i++) last = await getFrom(address, `/verify/${unknown}`);
  expect(last.status).toBe(429);
  expect(Number(last.retryAfter)).toBeGreaterThan(0);
  expect(last.body).toContain('Too many codes were checked from your network');
  // Blocked for every code, and by the typed form too, so a blocked client learns nothing.
  expect((await getFrom(address, `/verify?code=${unknown}`)).status).toBe(429);
  // Other addresses are not affected.
  expect((await getFrom('127.0.3.2', `/verify/${unknown}`)).status).toBe(404);
});

test('the desk is for admins only', async ({ page }) => {
  await signIn(page, demo.trainer.email);
  const response = await page.goto('/admin/certificates');
  expect(response?.status()).toBe(404);
});
