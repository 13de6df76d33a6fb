/**
 * Employers as customers in the browser: joining with a code, a learner's due date, an employer
 * manager's workspace by keyboard (axe on every page), an admin giving an employer a manager and a
 * domain, and the proof that a manager of one employer reaches nothing of another: every manager,
 * staff and admin URL, action and CSV with the other employer's ids answers 404.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { createDb } from '#src/lib/server/db.ts';
import { DEMO_TOTP_SECRET } from '../scripts/seed/demo.ts';
import { demo, expect, expectAccessible, register, signIn, test, uniqueEmail } from './fixtures.ts';
import { origins } from './origins.ts';

const managerA = { email: 'manager@demo.rtw-academy.my', name: 'Azlan bin Hashim' };
const employerA = 'Syarikat Elektronik Cahaya Sdn Bhd';
const employerB = 'Lintas Pulau Logistics Sdn Bhd';

interface EmployerIds {
  id: string;
  learners: { id: string; email: string; fullName: string }[];
  enrolments: string[];
  attempts: string[];
  certificates: string[];
  invitations: string[];
}

/** Reads an employer's ids straight from the test database (read only). */
async function idsOf(name: string): Promise<EmployerIds> {
  const db = await createDb(process.env.E2E_DATABASE_URL ?? 'file:test-results/e2e.db');
  try {
    const all = async (sql: string, args: string[]) =>
      (await db.client.execute({ sql, args })).rows.map((row) => row as unknown as Record<string, string>);
    const [employer] = await all('SELECT id FROM organisation WHERE name = ?', [name]);
    const id = employer?.id ?? '';
    const learners = await all(
      "SELECT id, email, full_name AS fullName FROM user WHERE organisation_id = ? AND role = 'learner' ORDER BY email",
      [id],
    );
    const column = async (sql: string) => (await all(sql, [id])).map((row) => row.id ?? '');
    return {
      id,
      learners: learners.map((row) => ({
        id: row.id ?? '',
        email: row.email ?? '',
        fullName: row.fullName ?? '',
      })),
      enrolments: await column(
        'SELECT e.id AS id FROM enrolment e JOIN user u ON u.id = e.user_id WHERE u.organisation_id = ?',
      ),
      attempts: await column(
        'SELECT a.id AS id FROM quiz_attempt a JOIN user u ON u.id = a.user_id WHERE u.organisation_id = ? LIMIT 5',
      ),
      certificates: await column(
        'SELECT c.id AS id FROM certificate c JOIN user u ON u.id = c.user_id WHERE u.organisation_id = ?',
      ),
      invitations: await column(
        'SELECT id FROM invitation WHERE organisation_id = ? AND accepted_at IS NULL AND withdrawn_at IS NULL',
      ),
    };
  } finally {
    db.close();
  }
}

/** A fingerprint of everything of B a manager of A could try to change. */
async function stateOf(employerId: string): Promise<string> {
  const db = await createDb(process.env.E2E_DATABASE_URL ?? 'file:test-results/e2e.db');
  try {
    const rows = await db.client.execute({
      sql: `SELECT
          (SELECT group_concat(e.id || e.status || coalesce(e.due_at, '') || coalesce(e.reminded_at, ''), ',')
            FROM enrolment e JOIN user u ON u.id = e.user_id WHERE u.organisation_id = ?1) AS enrolments,
          (SELECT group_concat(id || coalesce(withdrawn_at, ''), ',') FROM invitation WHERE organisation_id = ?1) AS invitations,
          (SELECT code FROM employer_join_code WHERE organisation_id = ?1) AS code,
          (SELECT group_concat(id || role || status, ',') FROM user WHERE organisation_id = ?1) AS people,
          (SELECT count(*) FROM employer_domain WHERE organisation_id = ?1) AS domains,
          (SELECT count(*) FROM manager_employer WHERE organisation_id = ?1) AS managers`,
      args: [employerId],
    });
    return JSON.stringify(rows.rows[0]);
  } finally {
    db.close();
  }
}

/** Every route file under src/pages/<area>, as a URL pattern (`/admin/users/[id]`). */
function routes(area: string): string[] {
  const root = join(import.meta.dirname, '../src/pages');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(astro|ts)$/u.test(name) && !name.endsWith('.test.ts'))
        found.push(`/${relative(root, path)}`.replace(/\.(astro|ts)$/u, '').replace(/\/index$/u, ''));
    }
  };
  walk(join(root, area));
  return found;
}

async function signInManager(page: Page): Promise<void> {
  await signIn(page, managerA.email, demo.password, { totpSecret: DEMO_TOTP_SECRET });
  await expect(page).not.toHaveURL(/\/sign-in/u);
}

/** Posts a form to an action's endpoint, as a browser form would (same origin). */
async function postAction(request: APIRequestContext, name: string, fields: Record<string, string>) {
  return request.post(`/_actions/${name}`, { form: fields, headers: { origin: origins[0] } });
}

test('a learner joins with a join code; one without a code is independent and joins later', async ({
  page,
}) => {
  await register(page, {
    fullName: 'Wan Nur Syafiqah binti Wan Ali',
    email: uniqueEmail('join'),
    joinCode: 'nope-nope',
  });
  await expect(page.getByRole('alert')).toContainText('That join code does not work');
  await expect(page.getByLabel('Full name')).toHaveValue('Wan Nur Syafiqah binti Wan Ali');
  await expectAccessible(page);
  await page.getByLabel('Password', { exact: true }).fill('kopi-o-kosong-panas');
  await page.getByLabel('Join code (optional)').fill('cahaya-26');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/dashboard/u);
  await page.goto('/profile');
  await expect(page.getByText(employerA)).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();

  await page.goto('/register');
  await expect(page.getByRole('combobox')).toHaveCount(0); // no list of employers
  await register(page, { fullName: 'Ong Li Ting', email: uniqueEmail('solo') });
  await expect(page).toHaveURL(/\/dashboard/u);
  await page.goto('/profile');
  await expect(page.getByText('Independent learner (no employer)')).toBeVisible();
  await page.getByRole('link', { name: 'Join your employer' }).click();
  await expectAccessible(page);
  await page.getByLabel('Join code').fill('CAHAYA26');
  await page.getByRole('button', { name: 'Join' }).press('Enter');
  await expect(page.getByRole('status')).toContainText(`You have joined ${employerA}`);
});

test('a learner sees the due date their employer set, and that it has passed', async ({ page }) => {
  // Nor Azizah reads Bahasa Malaysia; Gopal, also overdue, reads English.
  await signIn(page, 'cahaya.01@demo.rtw-academy.my');
  await expect(page).toHaveURL(/\/dashboard/u);
  await expect(page.getByText(/Lewat: majikan anda meminta anda menamatkannya sebelum/u)).toBeVisible();
  await page.getByRole('button', { name: 'Log keluar' }).click();
  await signIn(page, 'cahaya.02@demo.rtw-academy.my');
  await expect(page.getByText(/Overdue: your employer asked you to finish by/u)).toBeVisible();
  await expectAccessible(page);
});

test('a manager of one employer reaches nothing of another: every URL, action and CSV answers 404', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const a = await idsOf(employerA);
  const b = await idsOf(employerB);
  expect(b.learners.length).toBeGreaterThan(10);
  expect(b.enrolments.length).toBeGreaterThan(5);
  expect(b.certificates.length).toBeGreaterThan(0);
  const before = await stateOf(b.id);
  await signInManager(page);
  const request = page.request;

  // Pages and downloads: A's workspace works; B's, and every staff and admin one, do not.
  expect((await request.get(`/employer/${a.id}`)).status()).toBe(200);
  const someB = b.learners.slice(0, 6);
  const urls = new Set<string>();
  for (const pattern of routes('employer').filter((route) => route.includes('[employerId]'))) {
    for (const learner of someB) {
      urls.add(pattern.replace('[employerId]', b.id).replace('[userId]', learner.id));
      if (pattern.includes('[userId]'))
        urls.add(pattern.replace('[employerId]', a.id).replace('[userId]', learner.id));
    }
  }
  for (const area of ['admin', 'staff']) {
    for (const pattern of routes(area)) {
      for (const id of [someB[0]?.id ?? '', b.id, b.certificates[0] ?? '', b.attempts[0] ?? '']) {
        urls.add(pattern.replace(/\[[^\]]+\]/gu, id));
      }
    }
  }
  for (const id of b.certificates) urls.add(`/certificates/${id}.pdf`);
  const reached: string[] = [];
  for (const url of urls) {
    const response = await request.get(url, { maxRedirects: 0 });
    if (response.status() !== 404) reached.push(`${url} → ${response.status()}`);
  }
  expect(reached, 'URLs a manager of A reached').toEqual([]);
  expect(urls.size).toBeGreaterThan(40);

  // Actions with B's ids, posted as forms to the action endpoints.
  const calls: [string, Record<string, string>][] = [];
  for (const enrolmentId of b.enrolments.slice(0, 4)) {
    for (const employerId of [a.id, b.id]) {
      calls.push(['employer.changeDueDate', { employerId, enrolmentId, dueDate: '2030-01-31' }]);
      calls.push(['employer.withdrawAssignment', { employerId, enrolmentId, confirm: 'yes' }]);
      calls.push(['employer.remind', { employerId, enrolmentId }]);
    }
  }
  for (const invitationId of b.invitations) {
    calls.push(['employer.withdrawInvitation', { employerId: a.id, invitationId }]);
    calls.push(['employer.withdrawInvitation', { employerId: b.id, invitationId }]);
  }
  calls.push(
    [
      'employer.assignCourse',
      { employerId: b.id, courseId: 'rtw-coordinator', dueDate: '', emails: '', everyone: 'yes' },
    ],
    [
      'employer.invite',
      { employerId: b.id, people: 'someone.new@example.my', locale: 'en', courseId: '', dueDate: '' },
    ],
    ['employer.changeJoinCode', { employerId: b.id, remove: 'yes' }],
    ['employer.addManager', { employerId: b.id, email: managerA.email, userId: '' }],
    ['employer.removeManager', { employerId: b.id, userId: someB[0]?.id ?? '' }],
    ['employer.addDomain', { employerId: b.id, domain: 'lintas.example.my' }],
    ['employer.create', { name: 'Syarikat Baharu Sdn Bhd' }],
    ['admin.changeRole', { userId: someB[0]?.id ?? '', role: 'manager', confirmSelf: '', reason: '' }],
    ['admin.setStatus', { userId: someB[0]?.id ?? '', status: 'deactivated', confirmSelf: '', reason: '' }],
    ['admin.createResetLink', { userId: someB[0]?.id ?? '' }],
    [
      'learning.staffEnrol',
      { courseId: 'rtw-coordinator', emails: b.learners.map((l) => l.email).join('\n') },
    ],
  );
  for (const certificateId of b.certificates.slice(0, 2))
    calls.push(['certificates.revoke', { id: certificateId, reason: 'Testing isolation between employers' }]);
  const succeeded: string[] = [];
  for (const [name, fields] of calls) {
    const response = await postAction(request, name, fields);
    if (response.status() !== 404) succeeded.push(`${name} ${JSON.stringify(fields)} → ${response.status()}`);
  }
  expect(succeeded, 'actions a manager of A got through').toEqual([]);
  // The same through the workspace's own form, posted to A's page with B's enrolment.
  const viaPage = await request.post(
    `/employer/${a.id}/staff/${a.learners[0]?.id ?? ''}?_action=employer.changeDueDate`,
    {
      form: { employerId: a.id, enrolmentId: b.enrolments[0] ?? '', dueDate: '2030-01-31' },
      headers: { origin: origins[0] },
      maxRedirects: 0,
    },
  );
  expect(viaPage.status()).toBe(404);
  expect(await stateOf(b.id)).toBe(before);

  // Nothing of B in A's list (every page) or export.
  const bNames = b.learners.map((learner) => learner.email);
  const csv = await (await request.get(`/employer/${a.id}/staff.csv`)).text();
  for (const email of bNames) expect(csv).not.toContain(email);
  for (const learner of a.learners) expect(csv).toContain(learner.email);
  for (let pageNumber = 1; pageNumber <= 3; pageNumber++) {
    const html = await (await request.get(`/employer/${a.id}?page=${pageNumber}`)).text();
    for (const email of bNames) expect(html).not.toContain(email);
  }
});

test('a manager works through the workspace by keyboard', async ({ page }) => {
  test.setTimeout(360_000);
  await signInManager(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Employer' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Staff and their training' })).toBeVisible();
  await expect(page.getByText(`Employer workspace: ${employerA}`)).toBeVisible();
  await expect(page.getByRole('img', { name: /Staff by state/u })).toBeVisible();
  await expectAccessible(page);

  // Filter by state with the keyboard.
  const state = page.getByLabel('State', { exact: true });
  await state.focus();
  await state.selectOption('overdue');
  await page.getByRole('button', { name: 'Show results' }).press('Enter');
  await expect(page.getByRole('status')).toContainText('rows found');
  const overdueRow = page.getByRole('row').filter({ hasText: 'Nor Azizah binti Yusof' });
  await expect(overdueRow).toContainText('Overdue');
  await overdueRow.getByRole('link', { name: 'Nor Azizah binti Yusof' }).press('Enter');

  // The learner's record: a new due date, then a reminder.
  await expect(page.getByRole('heading', { level: 1, name: 'Nor Azizah binti Yusof' })).toBeVisible();
  await expectAccessible(page);
  const inSixtyDays = new Date(Date.now() + 60 * 24 * 3600_000).toISOString().slice(0, 10);
  await page.getByLabel('Due date', { exact: true }).fill(inSixtyDays);
  await page.getByRole('button', { name: 'Save due date' }).press('Enter');
  await expect(page.getByRole('status')).toContainText('Due date saved.');
  await page.getByLabel('Due date', { exact: true }).fill('2020-01-01');
  await page.getByRole('button', { name: 'Save due date' }).press('Enter');
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('The due date cannot be in the past');
  await page.getByRole('button', { name: 'Email Nor Azizah binti Yusof a reminder' }).press('Enter');
  await expect(page.getByRole('status')).toContainText('Reminder sent to Nor Azizah binti Yusof.');

  // Assign a course: one of our staff, one address that is not.
  await page
    .getByRole('navigation', { name: 'Employer workspace sections' })
    .getByRole('link', { name: 'Assign a course' })
    .press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Assign a course' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Course', { exact: true }).selectOption('supervisors-early-intervention');
  await page.getByLabel('Due date (optional)').fill(inSixtyDays);
  await page
    .getByLabel('Or these email addresses')
    .fill('cahaya.12@demo.rtw-academy.my\nlintas.12@demo.rtw-academy.my');
  await page.getByRole('button', { name: 'Assign the course' }).press('Enter');
  await expect(page.getByRole('heading', { name: /^What happened/u })).toBeVisible();
  await expect(page.getByText('1 person enrolled')).toBeVisible();
  await expect(page.getByText('1 address not on your staff')).toBeVisible();
  await expectAccessible(page);

  // Invitations: a pasted list with a bad row, then a new join code.
  await page.getByRole('link', { name: 'Invitations and joining' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Invitations and joining' })).toBeVisible();
  await expectAccessible(page);
  const invitee = uniqueEmail('invitee');
  await page
    .getByLabel('Names and email addresses')
    .fill(`Hairul Nizam bin Ahmad, ${invitee}\nNot an address, oops@`);
  await page.getByRole('button', { name: 'Send invitations' }).press('Enter');
  const report = page.getByRole('region', { name: /invitation sent/u });
  await expect(report.getByRole('row').filter({ hasText: invitee })).toContainText('Invited');
  await expect(report.getByRole('row').filter({ hasText: 'Not an address' })).toContainText(
    'Not a valid email address',
  );
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Make a new code' }).press('Enter');
  await expect(page.getByText('The join code has changed. The old code no longer works.')).toBeVisible();

  // The export: every row of our staff.
  await page.getByRole('link', { name: 'Staff', exact: true }).press('Enter');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV' }).press('Enter'),
  ]);
  expect(download.suggestedFilename()).toMatch(/^rtw-staff-training-\d{4}-\d{2}-\d{2}\.csv$/u);
});

test('an admin gives an employer a manager and a verified domain', async ({ page, browser }) => {
  test.setTimeout(360_000);
  const email = uniqueEmail('new.manager');
  const person = await browser.newPage({ baseURL: origins[0] });
  await register(person, { fullName: 'Rosnah binti Kassim', email });
  await expect(person).toHaveURL(/\/dashboard/u);
  await person.close();

  await signIn(page, demo.admin.email);
  await page.goto('/admin/employers');
  await page.getByLabel('Employer name').fill('Hotel Seri');
  await page.getByRole('button', { name: 'Show results' }).click();
  await page.getByRole('link', { name: 'Hotel Seri Selatan Johor Bahru' }).click();
  await page.getByRole('link', { name: 'Managers, trainers and joining' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /People and joining/u })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Email address of the new manager').fill(email);
  await page.getByRole('button', { name: 'Add manager' }).press('Enter');
  await expect(page.getByRole('status')).toContainText('Their role is now employer manager');
  await expect(page.getByRole('link', { name: 'Rosnah binti Kassim' })).toBeVisible();

  await page.getByRole('textbox', { name: 'Email domain' }).fill('gmail.com');
  await page.getByRole('button', { name: 'Verify domain' }).press('Enter');
  await expect(page.getByRole('alert')).toContainText('public email service');
  await expect(page.getByRole('textbox', { name: 'Email domain' })).toHaveValue('gmail.com');
  await page.getByRole('textbox', { name: 'Email domain' }).fill('@Seri-Selatan.example.my');
  await page.getByRole('button', { name: 'Verify domain' }).press('Enter');
  await expect(page.getByRole('status')).toContainText('Domain verified.');
  await expect(page.getByText('@seri-selatan.example.my')).toBeVisible();

  await page.goto('/admin/audit');
  const entry = page.getByRole('listitem').filter({ hasText: 'changed the role of Rosnah binti Kassim' });
  await expect(entry.first()).toContainText('Learner → Employer manager');
  await expect(
    page.getByRole('listitem').filter({ hasText: 'added a manager to Hotel Seri Selatan' }).first(),
  ).toBeVisible();
});
