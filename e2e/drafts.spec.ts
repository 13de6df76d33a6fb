import { demo, expect, expectAccessible, signIn, test } from './fixtures.ts';

const draftModule = '/courses/supervisors-early-intervention/sup-team-conversations';

test('trainers preview a draft module; learners never see it', async ({ page, browser }) => {
  await signIn(page, demo.trainer.email);
  await page.goto(draftModule);
  await expect(
    page.getByRole('heading', { name: /Talking with your team about a colleague's return/, level: 1 }),
  ).toBeVisible();
  await expect(page.getByText('Draft', { exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  const learner = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const learnerPage = await learner.newPage();
  await signIn(learnerPage, demo.learner.email);
  expect((await learnerPage.goto(draftModule))?.status()).toBe(404);
  await learnerPage.goto('/courses/supervisors-early-intervention');
  await expect(learnerPage.getByRole('main')).not.toContainText('Talking with your team');
  await learner.close();
});
