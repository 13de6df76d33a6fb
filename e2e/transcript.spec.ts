import { readFileSync } from 'node:fs';
import { demo, expect, expectAccessible, signIn, test } from './fixtures.ts';

/** The learning record: the learner reads and downloads it; staff in scope open it; nobody else. */
test('a learner reads and downloads their learning record; another learner cannot open it', async ({
  page,
  browser,
}) => {
  await signIn(page, demo.learner.email);
  await page.goto('/profile');
  await page.getByRole('link', { name: /Your learning record/ }).click();
  await expect(page.getByRole('heading', { name: 'Learning record', level: 1 })).toBeVisible();
  const address = new URL(page.url()).pathname;
  expect(address).toMatch(/^\/transcripts\/[a-z2-7]+$/u);
  await expect(page.getByRole('heading', { name: 'Courses', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Certificates', level: 2 })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('CPD hours earned');
  await expect(page.getByRole('link', { name: /\/verify\/[2-9A-Z]{20}$/u }).first()).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download in Bahasa Malaysia (PDF)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('learning-record-ms.pdf');
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.toString('latin1')).toContain('/StructTreeRoot');

  const other = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const otherPage = await other.newPage();
  await signIn(otherPage, 'nurul.aina@demo.rtw-academy.my');
  expect((await otherPage.goto(address))?.status()).toBe(404);
  expect((await other.request.get(`${address}.pdf`)).status()).toBe(404);
  await other.close();
});

test('an admin opens a learner’s learning record from the learner’s page', async ({ page }) => {
  await signIn(page, demo.admin.email);
  await page.goto(`/admin/users?q=${encodeURIComponent(demo.learner.email)}`);
  await page.getByRole('link', { name: demo.learner.name }).first().click();
  await page.getByRole('link', { name: 'Learning record (transcript)' }).click();
  await expect(
    page.getByRole('heading', { name: `Learning record: ${demo.learner.name}`, level: 1 }),
  ).toBeVisible();
  await expectAccessible(page);
  const pdf = await page.request.get(`${new URL(page.url()).pathname}.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-disposition']).toContain('learning-record-');
});
