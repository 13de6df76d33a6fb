import { expect, expectAccessible, test } from './fixtures.ts';

test('a job aid opens from /resources as an accessible page to fill in and print', async ({ page }) => {
  await page.goto('/resources');
  await page.getByRole('link', { name: 'Open the RTW plan template as a printable page' }).click();
  await expect(page).toHaveURL(/\/resources\/job-aids\/rtw-plan$/);
  await expect(page.getByRole('heading', { level: 1, name: 'RTW plan template' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Worker and job' })).toBeVisible();

  // Every kind of field is labelled: text, date (with its hint), several lines, a choice, a tick box.
  await page.getByLabel("Worker's full name").fill('Siti Nur Aisyah binti Abdullah');
  await expect(page.getByLabel('Planned return date')).toHaveAccessibleDescription(/27\/3\/2026/);
  await page.getByLabel('Duties the worker will do').fill('Visual inspection and reel labelling.');
  await page.getByRole('group', { name: 'Hours pattern' }).getByLabel('Graded hours').check();
  await page.getByLabel('Worker given a copy').check();

  await expect(page.getByRole('button', { name: 'Print this page' })).toBeVisible();
  await expect(page.getByText('use your browser’s Print command')).toBeHidden();
  const pdf = page.getByRole('link', {
    name: /Download the fillable PDF of the RTW plan template \(\d+ KB\)/,
  });
  expect(
    (await page.request.get((await pdf.getAttribute('href')) ?? '')).headers()['content-type'],
  ).toContain('application/pdf');
  await expectAccessible(page);

  // On paper: no site header or buttons, and what was typed is still there.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print this page' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByLabel("Worker's full name")).toHaveValue('Siti Nur Aisyah binti Abdullah');
});

test('without JavaScript the job aid page says how to print', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/resources/job-aids/keeping-in-touch-log');
  await expect(page.getByText('use your browser’s Print command')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print this page' })).toBeHidden();
  await context.close();
});

test('the job aid page speaks Bahasa Malaysia around the English form, and 404s for an unknown aid', async ({
  page,
}) => {
  await page.goto('/resources/job-aids/consent-form');
  await page.getByRole('button', { name: 'Bahasa Malaysia' }).click();
  await expect(page.getByRole('button', { name: 'Cetak halaman ini' })).toBeVisible();
  await expect(page.getByText('Borang ini dalam bahasa Inggeris.')).toBeVisible();
  await expect(page.locator('article[lang="en"] h1')).toHaveText('Consent to share information');
  await expectAccessible(page);

  const missing = await page.goto('/resources/job-aids/no-such-aid');
  expect(missing?.status()).toBe(404);
});
