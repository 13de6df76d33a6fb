import { expect, expectAccessible, test } from './fixtures.ts';

test('a job aid opens from /resources as an accessible page to fill in and print', async ({ page }) => {
  await page.goto('/resources');
  await page.getByRole('link', { name: 'Open the RTW plan template as a printable page' }).click();
  await expect(page).toHaveURL(/\/resources\/job-aids\/rtw-plan$/);
  await expect(page.getByRole('heading', { level: 1, name: 'RTW plan template' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Worker and job' })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Pay and allowances during this plan' }),
  ).toBeVisible();

  // Every kind of field is labelled: text, date (with its hint), several lines, a choice, a tick box, a signature.
  await page.getByLabel('Version number').fill('2');
  await page.getByLabel("Worker's full name").fill('Siti Nur Aisyah binti Abdullah');
  await expect(page.getByLabel('Planned return date')).toHaveAccessibleDescription(/27\/3\/2026/);
  await page.getByLabel('Duties the worker will do').fill('Visual inspection and reel labelling.');
  await page.getByRole('group', { name: 'Hours pattern' }).getByLabel('Graded hours').check();
  await page.getByLabel("Doctor's review 1: date").fill('14/8/2026');
  await expect(page.getByLabel('Worker: signature')).toHaveAccessibleDescription(/type your full name/);
  await page.getByLabel('Worker given a copy').check();

  await expect(page.getByRole('button', { name: 'Print this page' })).toBeVisible();
  await expect(page.getByText('use your browser’s Print command')).toBeHidden();
  const pdf = page.getByRole('link', {
    name: /Download the fillable PDF of the RTW plan template \(\d+ KB\)/,
  });
  await expect(pdf).toHaveAttribute('href', '/downloads/rtw-plan.pdf');
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

test('the keeping-in-touch log is a table to fill in, with a spreadsheet, and fits a phone', async ({
  page,
}) => {
  await page.goto('/resources/job-aids/keeping-in-touch-log');
  const table = page.getByRole('table', { name: 'Contacts' });
  await expect(table.getByRole('columnheader', { name: /Summary of what was said/ })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(11);
  // Each cell is named like its PDF field: the row, then the column.
  await page.getByRole('textbox', { name: 'Contact 3: Date' }).fill('2/3/2026');
  await page.getByRole('combobox', { name: 'Contact 3: How' }).selectOption('Phone call');
  await page.getByRole('checkbox', { name: 'Contact 3: Concern to follow up' }).check();

  const spreadsheet = page.getByRole('link', {
    name: /Download the Keeping-in-touch log as a spreadsheet \(Excel, \d+ KB\)/,
  });
  await expect(spreadsheet).toHaveAttribute('href', '/downloads/keeping-in-touch-log.xlsx');
  const response = await page.request.get('/downloads/keeping-in-touch-log.xlsx');
  expect(response.ok()).toBe(true);
  expect((await response.body()).subarray(0, 2).toString('latin1')).toBe('PK');
  await expectAccessible(page);

  // On a 360 px phone each row becomes a block of labelled fields: nothing scrolls sideways.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.getByText('Contact 3: Date', { exact: true })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test('without JavaScript the job aid page says how to print', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/resources/job-aids/keeping-in-touch-log');
  await expect(page.getByText('use your browser’s Print command')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print this page' })).toBeHidden();
  await context.close();
});

test('in Bahasa Malaysia the job aids, their PDFs and spreadsheets are in Bahasa Malaysia, and the consent form is bilingual', async ({
  page,
}) => {
  await page.goto('/resources/job-aids/consent-form');
  await page.getByRole('button', { name: 'Bahasa Malaysia' }).click();
  await expect(page.getByRole('button', { name: 'Cetak halaman ini' })).toBeVisible();
  await expect(page.locator('article[lang="ms"] h1')).toHaveText('Persetujuan untuk berkongsi maklumat');
  await expect(page.getByRole('heading', { level: 2, name: 'Notis data peribadi' })).toBeVisible();
  await expect(page.getByText('Borang ini dalam bahasa Inggeris.')).toHaveCount(0);
  await expect(
    page.getByText(/PDF ini mengandungi borang dalam Bahasa Malaysia dan bahasa Inggeris/),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: /Muat turun PDF boleh isi bagi Persetujuan untuk berkongsi maklumat/ }),
  ).toHaveAttribute('href', '/downloads/consent-form-ms.pdf');
  await page.getByLabel('Nama penuh pekerja').fill('Kavitha a/p Ramasamy');
  await expectAccessible(page);

  await page.goto('/resources');
  await expect(page.getByRole('heading', { level: 3, name: 'Log kekal berhubung' })).toBeVisible();
  await expect(
    page.getByRole('link', { name: /Muat turun Log kekal berhubung sebagai hamparan/ }),
  ).toHaveAttribute('href', '/downloads/keeping-in-touch-log-ms.xlsx');
  await expect(page.getByRole('link', { name: /Muat turun Templat pelan RTW \(PDF/ })).toHaveAttribute(
    'href',
    '/downloads/rtw-plan-ms.pdf',
  );
  await expectAccessible(page);

  const missing = await page.goto('/resources/job-aids/no-such-aid');
  expect(missing?.status()).toBe(404);
});
