import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { computeCourseProgress, normaliseLearnerRecord } from '#src/lib/learning/progress.ts';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';
import { demo, expect, expectAccessible, register, signIn, signOut, test, uniqueEmail } from './fixtures.ts';

/** The course the journeys use, read from the same content files the app was built from. */
const catalogue = catalogueFromTree(readContentTree(fileURLToPath(new URL('..', import.meta.url))));
const courseId = 'supervisors-early-intervention';
const course = catalogue.published.course(courseId);
if (!course) throw new Error(`The e2e journeys need the published course "${courseId}".`);
const [firstLesson, secondLesson] = course.lessons;
if (!firstLesson || !secondLesson) throw new Error(`The course "${courseId}" needs at least two lessons.`);
const lessonPath = (lessonId: string) => `/courses/${courseId}/${lessonId}`;

/** The % the app must show after completing `lessonIds` (same rules, computed here). */
function expectedPercent(lessonIds: string[]): number {
  if (!course) return 0;
  const record = normaliseLearnerRecord(
    {
      lessons: lessonIds.map((lessonId) => ({ lessonId, completedAt: 1, lastViewedAt: 1 })),
      modules: [],
      passedQuizzes: [],
    },
    catalogue.aliases,
  );
  return computeCourseProgress(course, record, null).percent;
}

/** Demo learners (db/seed-learning.ts) who start these journeys in a known state. */
const learners = {
  /** Left the main course; not enrolled in the supervisors' course. */
  jugah: { email: 'jugah@demo.rtw-academy.my' },
  /** Enrolled nowhere. */
  meiLing: { email: 'mei.ling@demo.rtw-academy.my' },
  /** Enrolled in the supervisors' course, two modules done. */
  hafiz: { email: 'hafiz@demo.rtw-academy.my' },
} as const;

async function enrolInCourse(page: Page): Promise<void> {
  await page.goto(`/courses/${courseId}`);
  await page.getByRole('button', { name: 'Enrol in this course' }).click();
  await expect(page.getByText('You are enrolled.')).toBeVisible();
}

/** Presses Tab (only Tab) until `target` has the focus. */
async function tabTo(page: Page, target: Locator, limit = 250): Promise<void> {
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test('register, enrol, read, complete, sign out, sign in: Continue lands on the next lesson', async ({
  page,
}) => {
  const fullName = 'Nur Izzati binti Kamarul';
  const email = uniqueEmail('journey');
  await register(page, { fullName, email });
  await expect(page).toHaveURL(/\/dashboard\?welcome=1$/);
  await expect(page.getByText(`Welcome to RTW Academy, ${fullName}.`)).toBeVisible();
  // An empty dashboard teaches: it shows the catalogue.
  await expect(page.getByRole('heading', { name: 'You are not enrolled in a course yet' })).toBeVisible();
  await page.getByRole('link', { name: course.title }).first().click();

  await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible();
  await page.getByRole('button', { name: 'Enrol in this course' }).click();
  await expect(page.getByText('You are enrolled.')).toBeVisible();
  await page.getByRole('link', { name: 'Start the course' }).click();

  await expect(page).toHaveURL(lessonPath(firstLesson.id));
  await expect(page.getByRole('heading', { level: 1, name: firstLesson.title })).toBeVisible();
  const breadcrumb = page.getByRole('navigation', { name: 'You are here' });
  await expect(breadcrumb.getByRole('link', { name: course.title })).toBeVisible();
  await expect(breadcrumb.getByRole('link', { name: course.modules[0]?.title ?? '' })).toBeVisible();
  await expect(page.getByText(`About ${firstLesson.minutes} minutes`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Key points' })).toBeVisible();
  await expect(page.getByText('0% complete')).toBeVisible();

  // Completing moves on to the next lesson in one step, and says what was saved.
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page).toHaveURL(
    new RegExp(`^[^?]*${escapeRegExp(lessonPath(secondLesson.id))}\\?done=lesson`),
  );
  await expect(page.getByRole('heading', { level: 1, name: secondLesson.title })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(`Lesson complete: “${firstLesson.title}”.`);
  const percent = expectedPercent([firstLesson.id]);
  await expect(page.getByText(`${percent}% complete`)).toBeVisible();
  await expectAccessible(page);

  // The undo takes the completion back, on the lesson it was for.
  await page.getByRole('button', { name: `Undo: mark “${firstLesson.title}” as not complete` }).click();
  await expect(page).toHaveURL(`${lessonPath(firstLesson.id)}?undone=1`);
  await expect(page.getByText('this lesson is not marked complete any more')).toBeVisible();
  await expect(page.getByText('0% complete')).toBeVisible();
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.getByRole('heading', { level: 1, name: secondLesson.title })).toBeVisible();
  await page.goto(lessonPath(firstLesson.id));
  await expect(page.getByText(/You completed this lesson on/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark as complete' })).toHaveCount(0);

  await signOut(page);
  await signIn(page, email, 'kopi-o-kosong-panas');
  await expect(page).toHaveURL(/\/dashboard$/);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: course.title }) });
  await expect(card.getByText(`${percent}% complete`)).toBeVisible();
  await expect(card.getByText(`Next: ${secondLesson.title}`)).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Recent activity' }).getByRole('link', { name: firstLesson.title }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Certificates' })).toBeVisible();

  await card.getByRole('link', { name: 'Continue' }).click();
  await expect(page).toHaveURL(lessonPath(secondLesson.id));
  await expect(page.getByRole('heading', { level: 1, name: secondLesson.title })).toBeVisible();
});

test('a lesson can be read, checked and completed with the keyboard alone', async ({ page }) => {
  await signIn(page, learners.jugah.email);
  await enrolInCourse(page);
  await page.goto(lessonPath(firstLesson.id));

  // The skip link is the first stop and moves to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);

  // A glossary term shows its definition on focus, and Escape hides it again.
  const term = page.locator('.term-link').first();
  await tabTo(page, term);
  const tip = page.locator('.term-tip').first();
  await expect(tip).toBeVisible();
  await expect(term).toHaveAttribute('aria-describedby', /term-/);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();

  // The knowledge check works from the keyboard and announces the feedback.
  const check = page.locator('[data-knowledge-check]').first();
  if ((await check.count()) > 0) {
    const firstOption = check.getByRole('radio').first();
    await tabTo(page, firstOption);
    await page.keyboard.press('Space');
    await expect(firstOption).toBeChecked();
    await tabTo(page, check.getByRole('button', { name: 'Check my answer' }));
    await page.keyboard.press('Enter');
    await expect(check.getByRole('status')).toContainText(/Correct\.|Not quite\./);
  }

  await tabTo(page, page.getByRole('button', { name: 'Mark as complete' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: secondLesson.title })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(`Lesson complete: “${firstLesson.title}”.`);

  await tabTo(
    page,
    page
      .getByRole('navigation', { name: 'Previous and next lessons' })
      .getByRole('link', { name: new RegExp(escapeRegExp(firstLesson.title)) }),
  );
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: firstLesson.title })).toBeVisible();
  await expect(page.getByText(/You completed this lesson on/)).toBeVisible();
});

test('visitors and learners who are not enrolled see the outline and an Enrol button, not the lesson', async ({
  page,
}) => {
  await page.goto(lessonPath(firstLesson.id));
  await expect(page.getByRole('heading', { level: 1, name: firstLesson.title })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sign in to read this lesson' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Key points' })).toHaveCount(0);

  await signIn(page, learners.meiLing.email);
  await page.goto(lessonPath(firstLesson.id));
  await expect(page.getByRole('heading', { name: 'Enrol to read this lesson' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enrol in this course' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Key points' })).toHaveCount(0);
  await expect(page.getByRole('complementary').getByRole('link', { name: secondLesson.title })).toBeVisible();
});

test('a locked module says why and where to go next', async ({ page }) => {
  await signIn(page, demo.learner.email);
  const sequential = catalogue.published.course('rtw-coordinator');
  const lockedModule = sequential?.modules.at(-1);
  if (!sequential || !lockedModule) test.skip(true, 'needs the sequential rtw-coordinator course');
  else {
    await page.goto(`/courses/${sequential.id}/${lockedModule.id}`);
    await expect(page.getByText('This module is not open yet')).toBeVisible();
    await page.getByRole('link', { name: 'Go to your next step' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('This module is not open yet')).toHaveCount(0);
  }
});

test('the course overview leads with the next step and gives one short reason for the locks', async ({
  page,
}) => {
  await signIn(page, demo.learner.email);
  const sequential = catalogue.published.course('rtw-coordinator');
  if (!sequential) test.skip(true, 'needs the sequential rtw-coordinator course');
  else {
    await page.goto(`/courses/${sequential.id}`);
    const next = page.getByRole('link', { name: /^(Continue|Start the course)$/ });
    const modules = page.getByRole('heading', { level: 2, name: 'Modules' });
    await expect(next).toBeVisible();
    // The next step comes before the list of modules.
    expect((await next.boundingBox())?.y ?? Infinity).toBeLessThan((await modules.boundingBox())?.y ?? 0);
    const list = page.getByRole('list').filter({ has: page.getByRole('heading', { level: 3 }) });
    await expect(list.getByRole('heading', { level: 3 })).toHaveCount(sequential.modules.length);
    await expect(page.getByText(/Locked: complete/)).toHaveCount(0);
    expect(await page.getByText(/^Opens after “/).count()).toBeLessThanOrEqual(1);
    // Lessons are folded away except in the module of the next step.
    await expect(page.locator('details[open]')).toHaveCount(1);
    await expectAccessible(page);
  }
});

test('trainers and admins enrol learners in bulk and get a report', async ({ page }) => {
  await signIn(page, demo.admin.email);
  await page.goto('/staff');
  await page.getByRole('link', { name: 'Enrol learners' }).click();
  await page.getByLabel('Course', { exact: true }).selectOption(courseId);
  await page.getByLabel('Email addresses').fill(`${demo.learner.email}\nnobody.here@example.my`);
  await page.getByRole('button', { name: 'Enrol learners' }).click();
  const report = page.getByRole('region', { name: 'Result' });
  await expect(report.getByText('nobody.here@example.my')).toBeVisible();
  await expect(report.getByText(demo.learner.name)).toBeVisible();
  await expectAccessible(page);
});

test('the learning pages have no serious or critical accessibility problems', async ({ page }) => {
  for (const path of ['/courses', `/courses/${courseId}`, '/glossary', '/resources', '/handbook']) {
    await page.goto(path);
    await expectAccessible(page);
  }
  await signIn(page, learners.hafiz.email);
  await expect(page).toHaveURL(/\/dashboard$/);
  for (const path of [
    `/courses/${courseId}`,
    `/courses/${courseId}/${firstLesson.moduleId}`,
    lessonPath(firstLesson.id),
    '/dashboard',
  ]) {
    await page.goto(path);
    await expectAccessible(page);
  }
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
