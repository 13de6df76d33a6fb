import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';
import { demo, expect, expectAccessible, signIn, test } from './fixtures.ts';

/**
 * Phones first: at 360 × 740 the learner's journey and two dense admin pages fit the screen with
 * no sideways scrolling (a wide table scrolls inside its own region instead) and stay axe clean.
 */
test.use({ viewport: { width: 360, height: 740 } });

const catalogue = catalogueFromTree(readContentTree(fileURLToPath(new URL('..', import.meta.url))));
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
  expect(scrollWidth, `${path} scrolls sideways at 360 px: ${wide.join(', ')}`).toBeLessThanOrEqual(
    clientWidth,
  );
  await expectAccessible(page);
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
