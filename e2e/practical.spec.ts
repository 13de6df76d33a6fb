/**
 * The practical half of the programme in the browser, one role after another (issue 13): a learner
 * writes and uploads the capstone casework (word ranges enforced, typed text kept), a trainer
 * returns it against the rubric, the learner resubmits, the trainer passes it and the course
 * completes (the learner reaches the certificate desk); a trainer schedules a session, a learner
 * books it (and is emailed), the trainer records attendance and the learner sees it; an employer
 * manager sees their own staff's practical work and nothing of another employer's. Axe on each
 * page.
 */
import type { Page } from '@playwright/test';
import { DEMO_TOTP_SECRET } from '../scripts/seed/demo.ts';
import { connectMailSink, type ReceivedMail } from '../tests/helpers/mail-sink-client.ts';
import { validPdf } from '../tests/helpers/practical.ts';
import { demo, expect, expectAccessible, register, signIn, signOut, test, uniqueEmail } from './fixtures.ts';
import { mailSinkPorts, origins } from './origins.ts';
import {
  assignment,
  assignmentUrl,
  capstoneLearner,
  COURSE,
  employerA,
  one,
  withDb,
  words,
} from './practical-setup.ts';

const sink = connectMailSink(mailSinkPorts);
const employerB = 'Lintas Pulau Logistics Sdn Bhd';
const manager = { email: 'manager@demo.rtw-academy.my' };

async function fillAnswers(page: Page, overrides: Record<string, string> = {}): Promise<void> {
  for (const part of assignment.parts) {
    if (part.type !== 'text') continue;
    await page.locator(`#answer-${part.id}`).fill(overrides[part.id] ?? words(part.words.min + 5));
  }
}

async function signInTrainer(page: Page): Promise<void> {
  await signIn(page, demo.trainer.email);
  await expect(page).not.toHaveURL(/\/sign-in/u);
}

/** Opens the learner's submission from the marking queue and claims it. */
async function openForMarking(page: Page, learnerName: string): Promise<void> {
  await page.goto('/staff/marking');
  await expect(page.getByRole('heading', { level: 1, name: 'Marking' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: learnerName }).first().click();
  await page.getByRole('button', { name: 'Start marking' }).click();
  await expect(page.getByText('You are marking this until')).toBeVisible();
}

async function chooseLevels(page: Page, levels: Record<string, string>): Promise<void> {
  for (const criterion of assignment.rubric) {
    await page.locator(`#level-${criterion.id}-${levels[criterion.id] ?? 'meets'}`).check();
  }
}

const mailTo = (email: string, subject: string) => (mail: ReceivedMail) =>
  mail.envelopeTo.includes(email) && mail.subject === subject;

test('casework: written and uploaded, returned against the rubric, resubmitted, passed; the course completes', async ({
  page,
  browser,
  baseURL,
}) => {
  // Four roles and a dozen pages on a machine shared with other runs: room to wait on events.
  test.setTimeout(420_000);
  const name = 'Nur Syafiqah binti Rahman';
  const learner = await capstoneLearner(page, name, 'casework');

  await page.goto(assignmentUrl);
  await expect(page.getByRole('heading', { level: 1, name: assignment.title })).toBeVisible();
  await expectAccessible(page);

  // A renamed program is refused by content, with a clear message; nothing else is touched.
  const firstFile = assignment.parts.find((part) => part.type === 'file');
  if (!firstFile) throw new Error('The capstone has no file part');
  await page.locator(`#file-${firstFile.id}`).setInputFiles({
    name: 'consent-form.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2048, 1)]),
  });
  await expect(page.locator(`#file-${firstFile.id}-error`)).toBeVisible();
  await expect(page.locator(`#file-${firstFile.id}-error`)).toContainText(firstFile.title);

  // Each filled job aid, uploaded as it is chosen.
  const pdf = Buffer.from(await validPdf('Filled in for Hafiz'));
  for (const part of assignment.parts.filter((candidate) => candidate.type === 'file')) {
    await page
      .locator(`#file-${part.id}`)
      .setInputFiles({ name: `${part.id}.pdf`, mimeType: 'application/pdf', buffer: pdf });
    await expect(
      page.locator(`#part-${part.id}`).getByRole('link', { name: new RegExp(`${part.id}\\.pdf`, 'u') }),
    ).toBeVisible();
  }

  // Too short: a clear message beside the part and at the top, and the text stays as typed.
  const short = words(20, 'hierarchy');
  const rationale = assignment.parts.find((part) => part.id === 'plan-rationale');
  if (rationale?.type !== 'text') throw new Error('The capstone has no written plan-rationale part');
  await fillAnswers(page, { 'plan-rationale': short });
  await page.getByRole('button', { name: 'Submit for marking' }).click();
  const tooShort = `“${rationale.title}”: write at least ${rationale.words.min} words (you have 20).`;
  await expect(page.locator('#answer-plan-rationale-error')).toHaveText(tooShort);
  await expect(page.getByRole('link', { name: tooShort })).toBeVisible();
  await expect(page.locator('#answer-plan-rationale')).toHaveValue(short);
  await expectAccessible(page);

  await page.locator('#answer-plan-rationale').fill(words(rationale.words.min + 10, 'hierarchy'));
  await page.getByRole('button', { name: 'Submit for marking' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Submitted for marking.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Waiting for marking' })).toBeVisible();
  await page.goto(`/courses/${COURSE}`);
  await expect(page.getByText('Waiting for marking').first()).toBeVisible();

  // Another learner reaches neither the work nor its files.
  const fileId = await withDb(async (db) =>
    String(
      (
        await one(
          db,
          'SELECT f.id AS id FROM assignment_file f JOIN assignment_submission s ON s.id = f.submission_id WHERE s.user_id = ? LIMIT 1',
          [learner.id],
        )
      ).id,
    ),
  );
  const submissionId = await withDb(async (db) =>
    String((await one(db, 'SELECT id FROM assignment_submission WHERE user_id = ?', [learner.id])).id),
  );
  const stranger = await browser.newContext({ baseURL });
  const strangerPage = await stranger.newPage();
  await register(strangerPage, { fullName: 'Tan Mei Hua', email: uniqueEmail('stranger') });
  await expect(strangerPage.getByRole('link', { name: 'Tan Mei Hua' })).toBeVisible();
  expect((await strangerPage.request.get(`/assignment-files/${fileId}`)).status()).toBe(404);
  expect((await strangerPage.request.get(`/staff/marking/${submissionId}`)).status()).toBe(404);
  await stranger.close();

  // Before the pass the course is not complete: nothing on the certificate desk.
  const admin = await browser.newContext({ baseURL });
  const adminPage = await admin.newPage();
  await signIn(adminPage, demo.admin.email);
  await adminPage.goto('/admin/certificates');
  await expect(adminPage.getByRole('heading', { level: 1, name: 'Certificate desk' })).toBeVisible();
  await expect(adminPage.getByRole('row').filter({ hasText: name })).toHaveCount(0);

  // The trainer returns it: one criterion below the pass level, with comments.
  const trainer = await browser.newContext({ baseURL });
  const trainerPage = await trainer.newPage();
  await signInTrainer(trainerPage);
  await openForMarking(trainerPage, name);
  await expectAccessible(trainerPage);
  const weak = assignment.rubric[1] ?? assignment.rubric[0];
  if (!weak) throw new Error('The capstone has no rubric');
  await chooseLevels(trainerPage, { [weak.id]: 'not-yet' });
  await trainerPage.locator(`#comment-${weak.id}`).fill('The forklift hours go past the one-hour trial.');
  await trainerPage
    .getByLabel('Overall comment to the learner')
    .fill('Good work; fit stage 2 to the new restrictions.');
  await trainerPage.getByLabel('Return for resubmission').check();
  await trainerPage.getByRole('button', { name: 'Record decision' }).click();
  await expect(trainerPage.getByText('Decision recorded: returned for resubmission')).toBeVisible();

  const returned = await sink.waitFor(
    mailTo(learner.email, `Your assignment needs more work: ${assignment.title}`),
  );
  expect(returned.text).toContain('You can submit it 2 more times.');
  expect(returned.text).toContain(`${origins[0]}${assignmentUrl}`);

  // The learner reads the marks and resubmits.
  await page.goto(assignmentUrl);
  await expect(page.getByRole('heading', { level: 2, name: 'Returned: change and resubmit' })).toBeVisible();
  await expect(page.getByText('The forklift hours go past the one-hour trial.').first()).toBeVisible();
  await expectAccessible(page);
  await page.locator('#answer-plan-rationale').fill(words(rationale.words.min + 20, 'graded'));
  await page.getByRole('button', { name: 'Submit for marking' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Waiting for marking' })).toBeVisible();

  // The trainer passes it: every criterion meets the standard.
  await openForMarking(trainerPage, name);
  await chooseLevels(trainerPage, {});
  await trainerPage.getByLabel('Pass', { exact: true }).check();
  await trainerPage.getByRole('button', { name: 'Record decision' }).click();
  await expect(trainerPage.getByText('Decision recorded: passed')).toBeVisible();
  await trainer.close();
  await sink.waitFor(mailTo(learner.email, `Your assignment passed: ${assignment.title}`));

  // The module and the course are complete; the approval course puts her on the desk.
  await page.goto(assignmentUrl);
  await expect(page.getByRole('heading', { level: 2, name: 'Passed' })).toBeVisible();
  await page.goto(`/courses/${COURSE}`);
  await expect(page.getByText('You completed this course on')).toBeVisible();
  await adminPage.goto('/admin/certificates');
  await expect(adminPage.getByRole('row').filter({ hasText: name })).toHaveCount(1);
  await admin.close();

  // Her employer's manager sees the result; another employer's learner is not theirs to see.
  const managerContext = await browser.newContext({ baseURL });
  const managerPage = await managerContext.newPage();
  await signIn(managerPage, manager.email, demo.password, { totpSecret: DEMO_TOTP_SECRET });
  await expect(managerPage).not.toHaveURL(/\/sign-in/u);
  const ids = await withDb(async (db) => ({
    a: String((await one(db, 'SELECT id FROM organisation WHERE name = ?', [employerA])).id),
    b: String((await one(db, 'SELECT id FROM organisation WHERE name = ?', [employerB])).id),
    other: String(
      (
        await one(
          db,
          "SELECT u.id AS id FROM user u JOIN organisation o ON o.id = u.organisation_id WHERE o.name = ? AND u.role = 'learner' LIMIT 1",
          [employerB],
        )
      ).id,
    ),
  }));
  await managerPage.goto(`/employer/${ids.a}/staff/${learner.id}`);
  const practical = managerPage.locator('[data-practical]');
  await expect(practical.getByRole('heading', { level: 2, name: 'Practical work' })).toBeVisible();
  await expect(practical.getByRole('row').filter({ hasText: assignment.title })).toContainText('Passed');
  await expectAccessible(managerPage);
  for (const url of [`/employer/${ids.a}/staff/${ids.other}`, `/employer/${ids.b}/staff/${ids.other}`]) {
    expect((await managerPage.request.get(url)).status(), url).toBe(404);
  }
  expect((await managerPage.request.get(`/assignment-files/${fileId}`)).status()).toBe(404);
  await managerContext.close();
});

/** Today and tomorrow in Malaysia time, as the session form takes them. */
function malaysiaTime(offsetMinutes: number): { date: string; time: string } {
  const at = new Date(Date.now() + 8 * 3_600_000 + offsetMinutes * 60_000).toISOString();
  return { date: at.slice(0, 10), time: at.slice(11, 16) };
}

/**
 * A session on now that starts and ends on today's date in Malaysia (the form has one date): from
 * 30 minutes ago to 90 minutes on, cut at midnight on either side. Near midnight the plain offsets
 * would end the session before it starts.
 */
function sessionOnNow(): { date: string; start: string; end: string } {
  const now = malaysiaTime(0);
  const before = malaysiaTime(-30);
  const after = malaysiaTime(90);
  return {
    date: now.date,
    start: before.date === now.date ? before.time : '00:00',
    end: after.date === now.date ? after.time : '23:59',
  };
}

test('a session: scheduled, booked (and emailed), attendance recorded, seen by the learner and the manager', async ({
  page,
  browser,
  baseURL,
}) => {
  // Four roles and a dozen pages on a machine shared with other runs: room to wait on events.
  test.setTimeout(420_000);
  const title = `Workshop: writing a graded RTW plan ${Date.now().toString(36)}`;
  const learnerName = 'Ahmad Firdaus bin Kamal';
  const learner = await capstoneLearner(page, learnerName, 'casework');

  const trainer = await browser.newContext({ baseURL });
  const trainerPage = await trainer.newPage();
  await signInTrainer(trainerPage);
  await trainerPage.goto('/staff/sessions');
  await expect(trainerPage.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(trainerPage);
  const tomorrow = malaysiaTime(24 * 60);
  const form = trainerPage.locator('section[aria-labelledby="schedule-title"]');
  await form.getByLabel('Course', { exact: true }).selectOption(COURSE);
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Date').fill(tomorrow.date);
  await form.getByLabel('Starts (Malaysia time)').fill('09:00');
  await form.getByLabel('Ends (Malaysia time)').fill('12:00');
  await form.getByRole('radio', { name: 'In person' }).check();
  await form.getByLabel('Venue (in person)').fill('Bilik Latihan 2, Menara PERKESO, Jalan Ampang');
  await form.getByLabel('Places').fill('10');
  await form.getByRole('button', { name: 'Schedule the session' }).click();
  await expect(trainerPage.getByText('The session is scheduled.')).toBeVisible();
  const sessionUrl = new URL(trainerPage.url()).pathname;
  await expectAccessible(trainerPage);

  // The learner books from the sessions page and gets the booking by email.
  await page.goto(`/sessions?course=${COURSE}`);
  const card = page.locator('li.session').filter({ hasText: title });
  await card.getByRole('button', { name: 'Book a place' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You have a place.' })).toBeVisible();
  await expect(page.locator('li.session').filter({ hasText: title })).toContainText('You have a place');
  await expectAccessible(page);
  const booked = await sink.waitFor(mailTo(learner.email, `You have a place: ${title}`));
  expect(booked.text).toContain('Where: Bilik Latihan 2, Menara PERKESO, Jalan Ampang');
  expect(booked.text).toContain(`${origins[0]}/sessions?course=${COURSE}`);

  // The session is on now (moved to this morning), and the trainer marks who came.
  await trainerPage.goto(sessionUrl);
  await trainerPage.locator('summary', { hasText: 'Change the details' }).click();
  const onNow = sessionOnNow();
  await trainerPage.getByLabel('Date').fill(onNow.date);
  await trainerPage.getByLabel('Starts (Malaysia time)').fill(onNow.start);
  await trainerPage.getByLabel('Ends (Malaysia time)').fill(onNow.end);
  await trainerPage.getByRole('button', { name: 'Save the changes' }).click();
  await expect(trainerPage.getByText('The changes are saved.')).toBeVisible();
  await trainerPage
    .getByRole('group', { name: `Attendance of ${learnerName}` })
    .getByLabel('Present')
    .check();
  await trainerPage.getByRole('button', { name: 'Save attendance' }).click();
  await expect(trainerPage.getByText('Attendance saved (1 change).')).toBeVisible();
  await expectAccessible(trainerPage);
  await trainer.close();

  await page.goto(`/sessions?course=${COURSE}`);
  await expect(page.locator('li.session').filter({ hasText: title })).toContainText('Attended');

  // The manager of her employer sees the place and the attendance.
  await signOut(page);
  await signIn(page, manager.email, demo.password, { totpSecret: DEMO_TOTP_SECRET });
  await expect(page).not.toHaveURL(/\/sign-in/u);
  const employerId = await withDb(async (db) =>
    String((await one(db, 'SELECT id FROM organisation WHERE name = ?', [employerA])).id),
  );
  await page.goto(`/employer/${employerId}/staff/${learner.id}`);
  const row = page.locator('[data-practical]').getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('Booked');
  await expect(row).toContainText('Attended');
});
