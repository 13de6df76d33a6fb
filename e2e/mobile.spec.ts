import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { rightAnswerFields } from '../bench/content.ts';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';
import { attemptLayout } from './attempts.ts';
import { demo, expect, expectAccessible, register, signIn, test, uniqueEmail } from './fixtures.ts';

/**
 * Phones first: at 360 × 740 the learner's journey and two dense admin pages fit the screen with
 * no sideways scrolling (a wide table scrolls inside its own region instead) and stay axe clean.
 * At 390 × 844 and 360 × 740 a quiz in progress (module quiz and final assessment) shows the first
 * question and its first answer on the first screen, and the site menu folds behind one button
 * that works with the keyboard; a lesson shows its heading and first paragraph.
 */
test.use({ viewport: { width: 360, height: 740 } });

const tree = readContentTree(fileURLToPath(new URL('..', import.meta.url)));
const catalogue = catalogueFromTree(tree);
const courseId = 'rtw-coordinator';
const course = catalogue.published.course(courseId);
const firstModule = course?.modules[0];
const firstLesson = firstModule?.lessons[0];
// The demo learner took this module's quiz three times (scripts/seed/quiz.ts): a full attempts table.
const retakenModule = course?.modules[2];
if (!course || !firstModule || !firstLesson || !retakenModule)
  throw new Error(`The phone checks need the first modules of "${courseId}".`);

async function expectFitsAndAccessible(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await expectNoSidewaysScroll(page, path);
  await expectAccessible(page);
}

async function expectNoSidewaysScroll(page: Page, path: string): Promise<void> {
  const { scrollWidth, clientWidth, wide } = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    // The outermost elements that stick out, so a failure says what to fix.
    const clipped = (element: Element): boolean => {
      for (
        let parent = element.parentElement;
        parent && parent !== document.body;
        parent = parent.parentElement
      )
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      return false;
    };
    const sticksOut = (element: Element) =>
      element.getBoundingClientRect().right > root.clientWidth + 0.5 && !clipped(element);
    const wide = [...document.body.querySelectorAll('*')]
      .filter((element) => sticksOut(element) && !(element.parentElement && sticksOut(element.parentElement)))
      .slice(0, 5)
      .map((element) => `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}">`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
  expect(
    scrollWidth,
    `${path} scrolls sideways at ${clientWidth} px: ${wide.join(', ')}`,
  ).toBeLessThanOrEqual(clientWidth);
}

test('the learner journey fits a 360 px phone', async ({ page }) => {
  test.slow();
  await expectFitsAndAccessible(page, '/');
  await expectFitsAndAccessible(page, '/verify');
  await signIn(page, demo.learner.email);
  await expectFitsAndAccessible(page, '/dashboard');
  await expectFitsAndAccessible(page, '/courses');
  await expectFitsAndAccessible(page, `/courses/${courseId}`);
  await expectFitsAndAccessible(page, `/courses/${courseId}/${firstModule.id}`);
  await expectFitsAndAccessible(page, `/courses/${courseId}/${firstLesson.id}`);
  const quizLanding = `/courses/${courseId}/${retakenModule.id}/quiz`;
  await expectFitsAndAccessible(page, quizLanding);
  await expect(page.getByRole('table')).toBeVisible();
  await expectFitsAndAccessible(page, '/profile');
  const transcript =
    (await page.getByRole('link', { name: /Your learning record/ }).getAttribute('href')) ?? '';
  await expectFitsAndAccessible(page, transcript);
});

test('the certificate desk and the user list fit a 360 px phone', async ({ page }) => {
  await signIn(page, demo.admin.email);
  await expectFitsAndAccessible(page, '/admin/certificates');
  await expectFitsAndAccessible(page, '/admin/users');
});

/** The phone sizes the first-screen checks use: a common large phone and a small one. */
const phones = [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
] as const;

/**
 * With `MOBILE_SCREENSHOTS=<folder>` the first-screen checks also save what they saw
 * (docs/screenshots was taken this way); without it they only measure.
 */
async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.MOBILE_SCREENSHOTS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: `${folder}/${name}.png` });
}

/** The top and bottom of an element's box, in px from the top of the page (the page is not scrolled). */
async function verticalBox(page: Page, selector: string): Promise<{ top: number; bottom: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  return { top: Math.round(box.y), bottom: Math.round(box.y + box.height) };
}

/**
 * The site menu on a phone: one button, closed on arrival, opened and closed with the keyboard;
 * Escape closes it and puts focus back on the button.
 */
async function expectPhoneMenu(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Menu' });
  const menu = page.getByRole('navigation', { name: 'Main' });
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(menu.getByRole('link', { name: 'Courses' })).toBeHidden();
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.getByRole('link', { name: 'Courses' })).toBeVisible();
  await expectAccessible(page);
  // Tab goes from the button into the menu it opened.
  await page.keyboard.press('Tab');
  await expect(page.locator('#site-account a, #site-account button, #site-menu a').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(button).toBeFocused();
  await expect(menu.getByRole('link', { name: 'Courses' })).toBeHidden();
  await page.keyboard.press('Space');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Space');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
}

/**
 * The quiz player on a phone: the first question's prompt and its first answer are on the first
 * screen, nothing scrolls sideways, the menu is folded and works with the keyboard, axe is clean.
 */
async function expectQuestionOnFirstScreen(page: Page, path: string, name: string): Promise<void> {
  for (const phone of phones) {
    await page.setViewportSize(phone);
    await page.goto(path);
    await expect(page.getByRole('heading', { name: /^Question 1 of \d+$/ })).toBeVisible();
    const size = `${phone.width}×${phone.height}`;
    const heading = await verticalBox(page, 'h1');
    /** One line of answer text (the body line height) and a little more. */
    const firstLine = 32;
    const prompt = await verticalBox(page, '.one-question .prompt');
    const option = await verticalBox(page, '.one-question :is(.choice, .match-row, .order-item)');
    const scenario = await page.locator('.one-question .case').count();
    const caseBox = scenario > 0 ? await verticalBox(page, '.one-question .case') : null;
    // The measurements go into the report, so a layout change shows how much it moved.
    test.info().annotations.push({
      type: 'first screen',
      description:
        `${name} at ${size}: h1 ${heading.top}–${heading.bottom}, ` +
        (caseBox ? `case ${caseBox.top}–${caseBox.bottom}, ` : '') +
        `prompt ${prompt.top}–${prompt.bottom}, first option ${option.top}–${option.bottom}`,
    });
    if (phone.width === 390) await screenshot(page, `${name}-390`);
    if (caseBox) {
      // A case study is the prompt of a scenario: all of it, and the start of its first part, show.
      expect(caseBox.bottom, `the case ends on the first screen at ${size}`).toBeLessThanOrEqual(
        phone.height,
      );
      expect(prompt.top, `the first part starts on the first screen at ${size}`).toBeLessThan(phone.height);
    } else {
      expect(prompt.bottom, `the prompt ends on the first screen at ${size}`).toBeLessThanOrEqual(
        phone.height,
      );
      // The first answer starts on the first screen (its first line at least). Questions are drawn
      // at random and some answers run to four lines at 360 px, so its end may fall below.
      expect(
        option.top + firstLine,
        `the first answer starts on the first screen at ${size}`,
      ).toBeLessThanOrEqual(phone.height);
    }
    await expectNoSidewaysScroll(page, path);
    await expectAccessible(page);
    await expectPhoneMenu(page);
  }
  // The desktop keeps its full header: no menu button, the links in view.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(path);
  await expect(page.getByRole('heading', { name: /^Question 1 of \d+$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }),
  ).toBeVisible();
  await screenshot(page, `${name}-1280`);
}

const supervisorsId = 'supervisors-early-intervention';
const supervisors = catalogue.published.course(supervisorsId);
if (!supervisors) throw new Error(`The phone quiz checks need "${supervisorsId}".`);

test('on a phone the quiz question is on the first screen (module quiz and final assessment)', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(360_000);
  if (!baseURL) throw new Error('baseURL is needed');
  await register(page, { fullName: 'Nor Azizah binti Salleh', email: uniqueEmail('phone') });
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(`/courses/${supervisorsId}`);
  await page.getByRole('button', { name: 'Enrol in this course' }).click();
  await expect(page.getByText('You are enrolled.')).toBeVisible();

  for (const [index, entry] of supervisors.modules.entries()) {
    for (const lesson of entry.lessons) {
      await page.goto(`/courses/${supervisorsId}/${lesson.id}`);
      await page.getByRole('button', { name: 'Mark as complete' }).click();
      await expect(page.getByText(/Lesson complete/)).toBeVisible();
    }
    const quizPath = `/courses/${supervisorsId}/${entry.id}/quiz`;
    await page.goto(quizPath);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await expect(page).toHaveURL(new RegExp(`${quizPath}/take$`));
    if (index === 0) await expectQuestionOnFirstScreen(page, `${quizPath}/take`, 'quiz-take');
    // Pass it the way the browser submits, so that the final assessment opens.
    const bankQuiz = tree.quizzes.find((candidate) => candidate.id === entry.id)?.data;
    if (!bankQuiz) throw new Error(`no quiz for ${entry.id}`);
    const attemptId = await page.locator('input[name="attemptId"]').first().inputValue();
    const form = new URLSearchParams({ attemptId, quiz: `module:${entry.id}`, scope: 'all' });
    for (const [name, value] of rightAnswerFields(bankQuiz, await attemptLayout(attemptId)))
      form.append(name, value);
    const response = await page.request.post(`${quizPath}/submit`, {
      headers: { origin: baseURL, 'content-type': 'application/x-www-form-urlencoded' },
      data: form.toString(),
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
  }

  const finalPath = `/courses/${supervisorsId}/assessment`;
  await page.goto(finalPath);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await expect(page).toHaveURL(new RegExp(`${finalPath}/take$`));
  await expect(page.getByRole('timer')).toBeVisible();
  await expectQuestionOnFirstScreen(page, `${finalPath}/take`, 'assessment-take');
});

test('on a phone the lesson heading and its first paragraph are on the first screen', async ({ page }) => {
  await signIn(page, demo.learner.email);
  const path = `/courses/${courseId}/${firstLesson.id}`;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(path);
  const heading = await verticalBox(page, 'h1');
  const paragraph = await verticalBox(page, '.lesson-body > p');
  test.info().annotations.push({
    type: 'first screen',
    description: `lesson at 390×844: h1 ${heading.top}–${heading.bottom}, first paragraph ${paragraph.top}–${paragraph.bottom}`,
  });
  await screenshot(page, 'lesson-390');
  expect(heading.bottom).toBeLessThanOrEqual(844);
  expect(paragraph.top + 48, 'at least two lines of the first paragraph show').toBeLessThanOrEqual(844);
  await expectPhoneMenu(page);
});

test('at 1280 px the menu is not folded and the quiz landing keeps its breadcrumb', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, demo.learner.email);
  await page.goto(`/courses/${courseId}/${retakenModule.id}/quiz`);
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }),
  ).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'You are here' }).getByRole('link')).toHaveCount(3);
});
