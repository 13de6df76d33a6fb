import { fileURLToPath } from 'node:url';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';
import { demo, expect, expectAccessible, signIn, test } from './fixtures.ts';

const tree = readContentTree(fileURLToPath(new URL('..', import.meta.url)));
const catalogue = catalogueFromTree(tree);

test('trainers find the module quizzes in the order the courses teach them', async ({ page }) => {
  const expected: string[] = [];
  for (const course of catalogue.preview.courses)
    for (const module of course.modules) {
      const quiz = tree.quizzes.find((entry) => entry.id === module.quizId);
      if (quiz && !expected.includes(quiz.data.title)) expected.push(quiz.data.title);
    }
  await signIn(page, demo.trainer.email);
  await page.goto('/staff/quizzes');
  const table = page.getByRole('region', { name: 'Module quizzes' }).getByRole('table');
  const titles = await table.locator('tbody th a').allTextContents();
  expect(titles.map((title) => title.trim())).toEqual(expected);
  await expectAccessible(page);
});
