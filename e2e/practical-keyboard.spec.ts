/**
 * The practical half with the keyboard only (issue 13), one journey per role: after the first
 * page.goto every control is reached with Tab (or Shift+Tab) and operated with Enter, Space, the
 * arrow keys and typing; nothing is clicked. Each journey checks that the focused control shows a
 * focus indicator at its key steps, and runs axe on the pages it visits. Set-up that is not the
 * journey (accounts, earlier course work, other people's actions) is in practical-setup.ts.
 */
import type { Browser, Locator, Page } from '@playwright/test';
import { DEMO_TOTP_SECRET } from '../scripts/seed/demo.ts';
import { validPdf } from '../tests/helpers/practical.ts';
import { demo, expect, expectAccessible, signIn, test } from './fixtures.ts';
import {
  COURSE,
  assignment,
  assignmentUrl,
  bookPlace,
  capstoneLearner,
  employerId,
  recordAttendance,
  scheduleSession,
  submitCapstone,
  words,
} from './practical-setup.ts';

const TAB_LIMIT = 200;

/** Tabs to `target`, checks that its focus can be seen, and presses Enter on it. */
async function pressEnterOn(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await expectFocusVisible(target);
  await page.keyboard.press('Enter');
}

/** A new learner (registered in a browser context of their own) whose capstone is submitted. */
async function learnerWhoSubmitted(
  browser: Browser,
  baseURL: string | undefined,
  fullName: string,
): Promise<{ id: string; email: string }> {
  const context = await browser.newContext({ baseURL });
  try {
    const learner = await capstoneLearner(await context.newPage(), fullName, 'keyboard');
    await submitCapstone(learner.id);
    return learner;
  } finally {
    await context.close();
  }
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has the focus, at most TAB_LIMIT times.
 * The target must be on the page first, so that a missing control fails at once and clearly.
 */
async function tabTo(page: Page, target: Locator, options: { backwards?: boolean } = {}): Promise<void> {
  await expect(target, `${target.toString()} is on the page`).toHaveCount(1);
  const handle = await target.elementHandle();
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  for (let press = 0; press < TAB_LIMIT; press++) {
    await page.keyboard.press(key);
    if (await page.evaluate((element) => element === document.activeElement, handle)) return;
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
  throw new Error(
    `${TAB_LIMIT} presses of ${key} never focused ${target.toString()} on ${page.url()} (focus ends on ${focused})`,
  );
}

/** The focused control has a visible focus indicator: an outline or a box shadow. */
async function expectFocusVisible(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  const style = await target.evaluate((element) => {
    const computed = getComputedStyle(element);
    return {
      focusVisible: element.matches(':focus-visible'),
      outline:
        computed.outlineStyle !== 'none' && Number.parseFloat(computed.outlineWidth) > 0
          ? `${computed.outlineStyle} ${computed.outlineWidth} ${computed.outlineColor}`
          : null,
      shadow: computed.boxShadow === 'none' ? null : computed.boxShadow,
    };
  });
  expect(style.focusVisible, `${target.toString()} matches :focus-visible`).toBe(true);
  expect(style.outline ?? style.shadow, `a focus indicator on ${target.toString()}`).not.toBeNull();
}

/**
 * With the focus in a radio group, moves it with ArrowDown (which also selects) until `radio` is
 * focused and checked; Space selects the focused radio when no arrow press is needed.
 */
async function chooseRadio(page: Page, radio: Locator): Promise<void> {
  for (let press = 0; press < 10; press++) {
    const focused = await radio.evaluate((element) => element === document.activeElement);
    if (focused && (await radio.isChecked())) return;
    await page.keyboard.press(focused ? 'Space' : 'ArrowDown');
  }
  throw new Error(`The arrow keys never chose ${radio.toString()}`);
}

/** A sentence typed key by key, then the rest of the answer entered as one text input. */
async function typeAnswer(page: Page, opening: string, rest: string): Promise<void> {
  await page.keyboard.type(opening);
  // insertText is keyboard input too (what an input method or a paste sends): typing 600 words a
  // key at a time would only make the test slow.
  await page.keyboard.insertText(` ${rest}`);
}

test('learner: writes, attaches and submits the capstone casework, then books a session, with the keyboard only', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const name = 'Nurul Ain binti Zakaria';
  await capstoneLearner(page, name, 'keyboard');
  const title = `Workshop: graded duties on the keyboard ${Date.now().toString(36)}`;
  await scheduleSession(title, 24 * 60);

  await page.goto(assignmentUrl);
  await expect(page.getByRole('heading', { level: 1, name: assignment.title })).toBeVisible();
  await expectAccessible(page);

  // Each filled job aid: Tab to the file input and open it with Space. The operating system's file
  // chooser cannot be driven by keys, so the test answers the chooser that Space opened.
  const pdf = Buffer.from(await validPdf(`Filled in by ${name}`));
  for (const [index, part] of assignment.parts.filter((candidate) => candidate.type === 'file').entries()) {
    const input = page.locator(`#file-${part.id}`);
    await tabTo(page, input);
    if (index === 0) await expectFocusVisible(input);
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (await chooser).setFiles({ name: `${part.id}.pdf`, mimeType: 'application/pdf', buffer: pdf });
    const attached = page
      .locator(`#part-${part.id}`)
      .getByRole('link', { name: new RegExp(`${part.id}\\.pdf`, 'u') });
    await expect(attached).toBeVisible();
    // The page came back at this part with the focus on the file just attached, and says so.
    await expect(attached).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'The file is attached' })).toBeVisible();
  }
  await expectAccessible(page);

  // Every written part, typed into its box; the word count follows the typing. The rationale is
  // left too short at first.
  const opening = 'Stage one keeps Hafiz on the low racks.';
  const openingWords = opening.split(' ').length;
  const rationale = assignment.parts.find((part) => part.id === 'plan-rationale');
  if (rationale?.type !== 'text') throw new Error('The capstone has no plan-rationale part');
  for (const part of assignment.parts) {
    if (part.type !== 'text') continue;
    const box = page.locator(`#answer-${part.id}`);
    await tabTo(page, box);
    if (part === rationale) await expectFocusVisible(box);
    const count = part === rationale ? 20 : part.words.min + 5;
    const rest = words(count - openingWords);
    await typeAnswer(page, opening, rest);
    await expect(box).toHaveValue(`${opening} ${rest}`);
    await expect(page.locator(`[data-word-count-for="answer-${part.id}"]`)).toHaveText(`${count} words`);
  }

  const submit = page.getByRole('button', { name: 'Submit for marking' });
  await pressEnterOn(page, submit);

  // Refused: the error summary takes the focus; its link (Tab, Enter) puts the focus in the box,
  // where the typed text is kept and the rest is added at the end.
  const tooShort = `“${rationale.title}”: write at least ${rationale.words.min} words (you have 20).`;
  const summary = page.locator('[data-error-summary]');
  await expect(summary).toBeFocused();
  const link = summary.getByRole('link', { name: tooShort });
  await pressEnterOn(page, link);
  const box = page.locator('#answer-plan-rationale');
  await expect(box).toBeFocused();
  await expectFocusVisible(box);
  await expect(box).toHaveValue(`${opening} ${words(20 - openingWords)}`);
  await expectAccessible(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(` ${words(rationale.words.min, 'graded')}`);
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Submitted for marking.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Waiting for marking' })).toBeVisible();
  await expectAccessible(page);

  // A practical session: book a place, cancel it, book again.
  await page.goto(`/sessions?course=${COURSE}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Practical sessions' })).toBeVisible();
  await expectAccessible(page);
  // The skip link first: Tab, Enter, and the focus is in the main content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expectFocusVisible(skip);
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  const card = () => page.locator('li.session').filter({ hasText: title });
  // After each action the page comes back with the focus on this session's heading.
  const heading = () => card().getByRole('heading', { level: 2, name: title });
  const book = card().getByRole('button', { name: 'Book a place' });
  await pressEnterOn(page, book);
  await expect(page.getByRole('status').filter({ hasText: 'You have a place.' })).toBeVisible();
  await expect(card()).toContainText('You have a place');
  await expect(heading()).toBeFocused();

  const cancel = card().getByRole('button', { name: 'Cancel my place' });
  await pressEnterOn(page, cancel);
  await expect(page.getByRole('status').filter({ hasText: 'Your booking is cancelled.' })).toBeVisible();
  await expect(card()).toContainText('You cancelled');
  await expect(heading()).toBeFocused();

  await tabTo(page, card().getByRole('button', { name: 'Book a place' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'You have a place.' })).toBeVisible();
  await expect(card()).toContainText('You have a place');
  await expect(heading()).toBeFocused();
  await expect(card().getByRole('link', { name: `Add “${title}” to your calendar` })).toBeVisible();
  await expectAccessible(page);
});

test('trainer: claims and passes casework against the rubric, then marks attendance, with the keyboard only', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const name = 'Mohd Khairul bin Anuar';
  const learner = await learnerWhoSubmitted(browser, baseURL, name);
  const title = `Workshop: marking attendance by keyboard ${Date.now().toString(36)}`;
  // Starting in ten minutes: booking is still open, and attendance opens 15 minutes before the start.
  const sessionId = await scheduleSession(title, 10);
  await bookPlace(learner.id, sessionId);

  await signIn(page, demo.trainer.email);
  await expect(page).not.toHaveURL(/\/sign-in/u);

  await page.goto('/staff/marking');
  await expect(page.getByRole('heading', { level: 1, name: 'Marking' })).toBeVisible();
  await expectAccessible(page);
  const open = page.getByRole('link', { name });
  await pressEnterOn(page, open);
  await expect(page.getByRole('heading', { level: 1, name: `${assignment.title}: ${name}` })).toBeVisible();
  await expectAccessible(page);

  const start = page.getByRole('button', { name: 'Start marking' });
  await pressEnterOn(page, start);
  await expect(page.getByText('You are marking this until')).toBeVisible();
  // The page comes back with the focus on the marking form, the next Tab in the rubric.
  await expect(page.locator('#marks')).toBeFocused();

  // Back up through the learner's answers with Shift+Tab, past each attached PDF in its viewer (none
  // may keep the focus), to the first part's guidance, opened with Enter; then on to the rubric.
  const firstPart = assignment.parts[0];
  if (!firstPart) throw new Error('The capstone has no parts');
  const guidance = page.locator(`#part-${firstPart.id} details`).first();
  const toggle = guidance.locator('summary');
  await tabTo(page, toggle, { backwards: true });
  await expectFocusVisible(toggle);
  await page.keyboard.press('Enter');
  await expect(guidance).toHaveAttribute('open', '');

  // A level per criterion: Tab into the group, then the arrow keys. The first criterion exceeds
  // the standard (two presses), with a comment; the others meet it.
  let score = 0;
  for (const [index, criterion] of assignment.rubric.entries()) {
    const level = index === 0 ? 'exceeds' : 'meets';
    const first = page.locator(`#level-${criterion.id}-${assignment.levels[0]?.id ?? ''}`);
    await tabTo(page, first);
    if (index === 0) await expectFocusVisible(first);
    const radio = page.locator(`#level-${criterion.id}-${level}`);
    await chooseRadio(page, radio);
    await expect(radio).toBeChecked();
    await expectFocusVisible(radio);
    score += criterion.levels[level]?.points ?? 0;
    if (index === 0) {
      const comment = page.locator(`#comment-${criterion.id}`);
      await tabTo(page, comment);
      await page.keyboard.type('Consent covers exactly who may see what.');
      await expect(comment).toHaveValue('Consent covers exactly who may see what.');
    }
  }
  const max = assignment.rubric.reduce(
    (sum, criterion) => sum + Math.max(...Object.values(criterion.levels).map((cell) => cell.points)),
    0,
  );
  await expect(page.locator('[data-score-summary]')).toHaveText(
    `Score ${score} of ${max}. Every criterion meets the pass rule.`,
  );

  const overall = page.getByLabel('Overall comment to the learner');
  await tabTo(page, overall);
  await expectFocusVisible(overall);
  await page.keyboard.type('A plan the whole team can follow. Well done.');

  const pass = page.getByRole('radio', { name: 'Pass', exact: true });
  await tabTo(page, pass);
  await chooseRadio(page, pass);
  await expect(pass).toBeChecked();
  const decide = page.getByRole('button', { name: 'Record decision' });
  await pressEnterOn(page, decide);
  await expect(page.getByText('Decision recorded: passed')).toBeVisible();
  await expectAccessible(page);

  // The class list: open the session, mark the learner present, save.
  await page.goto('/staff/sessions');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page);
  const session = page.getByRole('link', { name: title });
  await pressEnterOn(page, session);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);

  const group = page.getByRole('group', { name: `Attendance of ${name}` });
  // Tab enters a radio group at its checked radio: "No mark yet" until someone is marked.
  await tabTo(page, group.getByRole('radio', { checked: true }));
  const present = group.getByRole('radio', { name: 'Present' });
  await chooseRadio(page, present);
  await expectFocusVisible(present);
  const save = page.getByRole('button', { name: 'Save attendance' });
  await pressEnterOn(page, save);
  await expect(page.getByText('Attendance saved (1 change).')).toBeVisible();
  await expect(page.locator('#class')).toBeFocused();
  await expect(
    page.getByRole('group', { name: `Attendance of ${name}` }).getByRole('radio', { name: 'Present' }),
  ).toBeChecked();
  await expectAccessible(page);
});

test('employer manager: finds a member of staff and reads their practical work, with the keyboard only', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const name = 'Lee Chong Wei Ming';
  const learner = await learnerWhoSubmitted(browser, baseURL, name);
  const title = `Workshop: the manager's view ${Date.now().toString(36)}`;
  const sessionId = await scheduleSession(title, 5);
  await bookPlace(learner.id, sessionId);
  await recordAttendance(learner.id, sessionId, 'present');

  await signIn(page, 'manager@demo.rtw-academy.my', demo.password, { totpSecret: DEMO_TOTP_SECRET });
  await expect(page).not.toHaveURL(/\/sign-in/u);

  await page.goto(`/employer/${await employerId()}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page);
  const search = page.getByLabel('Name or email');
  await tabTo(page, search);
  await expectFocusVisible(search);
  // By the address, which only this learner has.
  await page.keyboard.type(learner.email);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]q=/u);

  const record = page.getByRole('link', { name, exact: true });
  await pressEnterOn(page, record);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expectAccessible(page);

  // The practical tables scroll on narrow screens, so each is a focusable region: reachable by Tab.
  const casework = page.getByRole('region', { name: 'Assessed casework' });
  await tabTo(page, casework);
  await expectFocusVisible(casework);
  const row = casework.getByRole('row').filter({ hasText: assignment.title });
  await expect(row).toContainText('Waiting for marking');

  const sessions = page.getByRole('region', { name: 'Practical sessions' });
  await tabTo(page, sessions);
  await expectFocusVisible(sessions);
  const place = sessions.getByRole('row').filter({ hasText: title });
  await expect(place).toContainText('Booked');
  await expect(place).toContainText('Attended');

  // And back up the page with Shift+Tab to the link that leads to the learner's transcript.
  const transcript = page.locator(`a[href="/transcripts/${learner.id}"]`);
  await tabTo(page, transcript, { backwards: true });
  await expectFocusVisible(transcript);
});
