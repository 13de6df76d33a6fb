import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { demo, expect, expectAccessible, signIn, test } from './fixtures.ts';
import { origins } from './origins.ts';

/** Demo learners of db/seed-admin.ts. */
const learners = {
  promoted: { email: 'meifong.wong@demo.rtw-academy.my', name: 'Wong Mei Fong' },
  deactivated: { email: 'hafizah.rosli@demo.rtw-academy.my', name: 'Hafizah binti Rosli' },
  forgetful: { email: 'cheeseng.yap@demo.rtw-academy.my', name: 'Yap Chee Seng' },
};

async function signedIn(
  browser: Browser,
  origin: string,
  email: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/);
  return { context, page };
}

function adminNav(page: Page) {
  return page.getByRole('navigation', { name: 'Administration sections' });
}

async function openRecord(page: Page, search: string, name: string): Promise<string> {
  await page.goto('/admin/users');
  await page.getByLabel('Name or email').fill(search);
  await page.getByRole('button', { name: 'Show results' }).click();
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  return new URL(page.url()).pathname;
}

test('an admin finds a learner, opens the record, changes the role with confirmation and exports a report', async ({
  page,
}) => {
  await signIn(page, demo.admin.email);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Active learners/ })).toBeVisible();

  await adminNav(page).getByRole('link', { name: 'Users' }).click();
  await page.getByLabel('Name or email').fill('Wong Mei');
  await page.getByRole('button', { name: 'Show results' }).click();
  await expect(page.getByRole('status')).toContainText('Accounts found: 1');
  await page.getByRole('link', { name: learners.promoted.name }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText(learners.promoted.name);
  await expect(page.getByRole('heading', { name: 'Enrolments' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'RTW Coordinator' })).toBeVisible();
  await page.getByLabel('New role').selectOption('trainer');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Change role' })).toBeVisible();
  await expect(
    page.getByText(`Change the role of ${learners.promoted.name} from Learner to Trainer?`),
  ).toBeVisible();
  await page.getByLabel('Reason (optional)').fill('Leads the RTW programme at her employer');
  await page.getByRole('button', { name: 'Yes, change the role' }).click();

  await expect(page.getByRole('status')).toContainText('Role changed');
  await expect(page.locator('.tags')).toContainText('Trainer');

  await adminNav(page).getByRole('link', { name: 'Audit log' }).click();
  const entry = page.getByRole('listitem').filter({ hasText: learners.promoted.name }).first();
  await expect(entry).toContainText(`changed the role of ${learners.promoted.name}`);
  await expect(entry).toContainText('Learner → Trainer');
  await expect(entry).toContainText('Reason: Leads the RTW programme');

  await adminNav(page).getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('link', { name: 'Completions' }).click();
  await expect(page.getByRole('img', { name: /Completions per/ })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^rtw-completions-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(await download.path());
  // A byte order mark first, so that spreadsheet programs read the names as UTF-8.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.subarray(3).toString('utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe(
    'Name,Email,Employer,Course,Enrolled at (Malaysia time),Completed at (Malaysia time)',
  );
  expect(lines.length).toBeGreaterThan(5);
  expect(csv).toContain('zulkifli.hassan@demo.rtw-academy.my');
});

// One test per page, so a slow page on a busy machine cannot use up another page's time.
const staticAdminPages = [
  '/admin',
  '/admin/users?sort=lastActive&dir=desc',
  '/admin/employers',
  '/admin/reports',
  '/admin/reports/completions?from=2026-01-01&to=2026-03-31',
  '/admin/reports/completions',
  '/admin/reports/progress',
  '/admin/reports/progress?inactive=1',
  '/admin/reports/certificates?days=60',
  '/admin/audit',
  '/reset-password/not-a-real-link',
];

async function expectAccessiblePage(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(500);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page);
}

for (const path of staticAdminPages) {
  test(`admin page ${path} passes axe`, async ({ page }) => {
    await signIn(page, demo.admin.email);
    await expectAccessiblePage(page, path);
  });
}

test("a learner's record and its confirmation pages pass axe", async ({ page }) => {
  await signIn(page, demo.admin.email);
  const record = await openRecord(page, 'peishan', 'Ng Pei Shan');
  // Her completion (seeded without quiz attempts) left a certificate: the record lists it in its
  // own region, and says plainly that there are no attempts.
  const attempts = page.getByRole('region', { name: 'Quiz and assessment attempts' });
  await expect(attempts.getByText('No quiz attempts yet.')).toBeVisible();
  const certificates = page.getByRole('region', { name: 'Certificates' });
  await expect(certificates.getByRole('rowheader').first()).toBeVisible();
  await expect(certificates.getByRole('cell', { name: 'Valid' }).first()).toBeVisible();
  // Siti's record lists her passed, failed and open quiz attempts, each under the module's quiz.
  await openRecord(page, 'learner@demo', demo.learner.name);
  const sitiAttempts = page.getByRole('region', { name: 'Quiz and assessment attempts' });
  await expect(sitiAttempts.getByRole('rowheader', { name: /^Module quiz: / }).first()).toBeVisible();
  for (const result of ['Passed', 'Not passed', 'Not submitted yet'])
    await expect(sitiAttempts.getByRole('cell', { name: result, exact: true }).first()).toBeVisible();
  await expectAccessible(page);
  for (const path of [record, `${record}/role?to=admin`, `${record}/status?to=deactivated`]) {
    await expectAccessiblePage(page, path);
  }
});

test("an employer's page and its merge confirmation pass axe", async ({ page }) => {
  await signIn(page, demo.admin.email);
  await page.goto('/admin/employers');
  const employer = await page
    .getByRole('link', { name: 'Lintas Pulau Logistic Sdn. Bhd.' })
    .getAttribute('href');
  const target = await page
    .getByRole('link', { name: 'Lintas Pulau Logistics Sdn Bhd' })
    .getAttribute('href');
  const targetId = target?.split('/').pop() ?? '';
  for (const path of [employer ?? '', `${employer}/merge?into=${targetId}`]) {
    await expectAccessiblePage(page, path);
  }
});

test('deactivation signs the learner out on the other server process, and sign-in says why', async ({
  browser,
}) => {
  // The learner uses the second app process; the admin the first.
  const learner = await signedIn(browser, origins[1], learners.deactivated.email);
  await learner.page.goto('/dashboard');
  await expect(learner.page.getByRole('link', { name: learners.deactivated.name })).toBeVisible();

  const admin = await signedIn(browser, origins[0], demo.admin.email);
  await openRecord(admin.page, 'hafizah', learners.deactivated.name);
  await expect(admin.page.getByRole('cell', { name: /Mozilla|Chrome/ }).first()).toBeVisible();
  await admin.page.getByRole('link', { name: 'Deactivate account' }).click();
  await expect(admin.page.getByRole('heading', { level: 1, name: 'Deactivate account' })).toBeVisible();
  await admin.page.getByLabel('Reason (optional)').fill('Left the company');
  await admin.page.getByRole('button', { name: 'Yes, deactivate' }).click();
  await expect(admin.page.getByRole('status')).toContainText('Account deactivated');

  await learner.page.goto('/dashboard');
  await expect(learner.page).toHaveURL(/\/sign-in/);
  await expect(learner.page.getByText('Your session expired')).toBeVisible();
  await learner.page.getByLabel('Email address').fill(learners.deactivated.email);
  await learner.page.getByLabel('Password').fill(demo.password);
  await learner.page.getByRole('button', { name: 'Sign in' }).click();
  await expect(learner.page.getByRole('alert')).toContainText('This account has been deactivated');

  await admin.page.getByRole('link', { name: 'Reactivate account' }).click();
  await admin.page.getByRole('button', { name: 'Yes, reactivate' }).click();
  await expect(admin.page.getByRole('status')).toContainText('Account reactivated');
  await learner.context.close();
  await admin.context.close();
});

test('an admin-made reset link sets a new password once', async ({ page, browser, baseURL }) => {
  await signIn(page, demo.admin.email);
  await openRecord(page, 'cheeseng', learners.forgetful.name);
  await page.getByRole('button', { name: 'Make a reset link' }).click();
  await expect(page.getByRole('status')).toContainText(`Give this link to ${learners.forgetful.name}`);
  const link = await page.getByLabel('One-time reset link').inputValue();
  expect(link).toMatch(/\/reset-password\/[a-z2-9]{24}\.[a-z2-9]{24}$/);

  const other = await browser.newContext({ baseURL });
  const person = await other.newPage();
  await person.goto(new URL(link).pathname);
  await expect(person.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expectAccessible(person);
  await person.getByLabel('New password').fill('password');
  await person.getByRole('button', { name: 'Save the new password' }).click();
  await expect(person.getByRole('alert')).toContainText('This password is too common');
  await person.getByLabel('New password').fill('roti-canai-dua-keping');
  await person.getByRole('button', { name: 'Save the new password' }).click();
  await expect(person.getByRole('heading', { level: 1, name: 'Password changed' })).toBeVisible();

  await signIn(person, learners.forgetful.email, 'roti-canai-dua-keping');
  await expect(person.getByRole('link', { name: learners.forgetful.name })).toBeVisible();
  await person.goto(new URL(link).pathname);
  await expect(person.getByText('This link has already been used')).toBeVisible();
  await other.close();
});

const adminOnly = [
  '/admin/users',
  '/admin/employers',
  '/admin/reports/completions',
  '/admin/reports/certificates',
  '/admin/audit',
  '/admin/users/export.csv',
  '/admin/audit/export.csv',
];

async function probeActions(page: Page, origin: string): Promise<void> {
  for (const [name, fields] of [
    ['admin.changeRole', { userId: 'x', role: 'admin', confirmSelf: 'yes' }],
    ['admin.setStatus', { userId: 'x', status: 'deactivated', confirmSelf: 'yes' }],
    ['admin.createResetLink', { userId: 'x' }],
    ['admin.mergeEmployers', { sourceId: 'x', targetId: 'y' }],
  ] as const) {
    const response = await page.request.post(`/_actions/${name}`, { form: fields, headers: { origin } });
    expect(response.status(), name).toBe(404);
  }
}

test('a learner gets 404 on every admin page and nothing from admin actions', async ({ page, baseURL }) => {
  await signIn(page, demo.learner.email);
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Administration|Reports/ }),
  ).toHaveCount(0);
  const typed = await page.goto('/admin/users');
  expect(typed?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  for (const path of [
    '/admin',
    '/admin/reports',
    '/admin/reports/progress',
    '/admin/reports/progress.csv',
    ...adminOnly,
  ]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  await probeActions(page, baseURL ?? '');
  expect((await page.request.get('/admin')).status()).toBe(404);
});

test('a trainer sees the learner progress report read-only, and nothing else of the admin area', async ({
  page,
  baseURL,
}) => {
  await signIn(page, demo.trainer.email);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await expect(adminNav(page).getByRole('link')).toHaveText(['Overview', 'Reports']);
  await adminNav(page).getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('link', { name: 'Learners in progress' }).click();
  await expect(page.getByRole('img', { name: /How far learners in progress have got/ })).toBeVisible();
  await page.getByLabel('Only learners inactive for 30 days or more').check();
  await page.getByRole('button', { name: 'Show results' }).click();
  await expect(page.getByText(/Inactive for \d+ days/).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByText('Only admins can change accounts and employers')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Manage the account' })).toHaveCount(0);
  await expectAccessible(page);

  for (const path of adminOnly) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
  }
  await probeActions(page, baseURL ?? '');
});
