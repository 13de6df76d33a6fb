import { fileURLToPath } from 'node:url';
import type { Page, Request, Response } from '@playwright/test';
import { rightAnswerFields } from '../bench/content.ts';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';
import type { AnswerableQuestion, Quiz } from '#src/lib/server/quiz/schema.ts';
import { attemptLayout } from './attempts.ts';
import { demo, expect, expectAccessible, register, signIn, test, uniqueEmail } from './fixtures.ts';

/** The module quiz the journeys take, read from the content files the app was built from. */
const tree = readContentTree(fileURLToPath(new URL('..', import.meta.url)));
const catalogue = catalogueFromTree(tree);
const courseId = 'supervisors-early-intervention';
const course = catalogue.published.course(courseId);
const module = course?.modules[0];
const quiz: Quiz | undefined = tree.quizzes.find((entry) => entry.id === module?.id)?.data;
if (!course || !module || !quiz)
  throw new Error(`The quiz journeys need the first module quiz of "${courseId}".`);
const quizPath = `/courses/${courseId}/${module.id}/quiz`;

/** Every answerable question of the bank by id: the key, which only the test may know. */
const bank = new Map<string, AnswerableQuestion>();
for (const question of quiz.questions) {
  for (const answerable of question.type === 'scenario' ? question.questions : [question])
    bank.set(answerable.id, answerable);
}

/** A new learner, enrolled, with every lesson of the module complete: the quiz is open. */
async function readyLearner(page: Page): Promise<void> {
  await register(page, { fullName: 'Nur Izzati binti Kamarul', email: uniqueEmail('quiz') });
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(`/courses/${courseId}`);
  await page.getByRole('button', { name: 'Enrol in this course' }).click();
  await expect(page.getByText('You are enrolled.')).toBeVisible();
  for (const lesson of module?.lessons ?? []) {
    await page.goto(`/courses/${courseId}/${lesson.id}`);
    await page.getByRole('button', { name: 'Mark as complete' }).click();
    await expect(page.getByText(/Lesson complete/)).toBeVisible();
  }
}

/** Presses Tab (only Tab) until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string, limit = 150): Promise<void> {
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((css) => document.activeElement?.matches(css) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function focusedMatches(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((css) => document.activeElement?.matches(css) ?? false, selector);
}

/**
 * The element id of the choice whose label reads `text`. Option ids are opaque per-attempt
 * tokens, so the test finds an option the way a learner does: by what it says.
 */
async function choiceId(page: Page, questionId: string, text: string): Promise<string> {
  const id = await page
    .locator(`input[name="q:${questionId}"]`)
    .evaluateAll(
      (inputs, wanted) =>
        inputs.find(
          (input) => document.querySelector(`label[for="${input.id}"]`)?.textContent?.trim() === wanted,
        )?.id ?? '',
      text,
    );
  if (!id) throw new Error(`no option "${text}" in ${questionId}`);
  return id;
}

/** Chooses a radio option with the keyboard: Tab into the group, arrows to the option, Space. */
async function chooseRadio(page: Page, questionId: string, elementId: string): Promise<void> {
  await tabTo(page, `input[type="radio"][name="q:${questionId}"]`);
  const target = `#${elementId}`;
  for (let press = 0; press < 10 && !(await focusedMatches(page, target)); press++)
    await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(page.locator(target)).toBeChecked();
}

/** Answers the question on screen with the keyboard only: right, or wrong. */
async function answerWithKeyboard(page: Page, question: AnswerableQuestion, right: boolean): Promise<void> {
  switch (question.type) {
    case 'single': {
      const option = question.options.find((candidate) => candidate.correct === right);
      if (option) await chooseRadio(page, question.id, await choiceId(page, question.id, option.text));
      return;
    }
    case 'truefalse':
      await chooseRadio(
        page,
        question.id,
        `q-${question.id}-opt-${String(right ? question.answer : !question.answer)}`,
      );
      return;
    case 'multiple': {
      for (const option of question.options) {
        if (option.correct !== right) continue;
        const id = await choiceId(page, question.id, option.text);
        await tabTo(page, `#${id}`);
        await page.keyboard.press('Space');
        await expect(page.locator(`#${id}`)).toBeChecked();
      }
      return;
    }
    case 'ordering': {
      if (!right) return;
      /** The items as shown: their text and the opaque id in each select's name. */
      const shownItems = () =>
        page.locator(`select[name^="q:${question.id}:pos:"]`).evaluateAll((selects) =>
          selects.map((select) => ({
            token: select.getAttribute('name')?.split(':').pop() ?? '',
            text: document.querySelector(`label[for="${select.id}"]`)?.textContent?.trim() ?? '',
          })),
        );
      // Move each item up into place with its Move up button (Enter), first position first.
      const wanted = question.items.map((item) => item.text);
      for (const [position, text] of wanted.entries()) {
        const shown = await shownItems();
        const from = shown.findIndex((item) => item.text === text);
        const moves = from - position;
        if (moves <= 0) continue;
        const button = `button[data-move="up"][data-item="${shown[from]?.token ?? ''}"]`;
        await tabTo(page, button);
        for (let press = 0; press < moves; press++) await page.keyboard.press('Enter');
      }
      expect((await shownItems()).map((item) => item.text)).toEqual(wanted);
      return;
    }
    case 'matching': {
      if (!right) return;
      for (const premise of question.premises) {
        const response = question.responses.find((candidate) => candidate.id === premise.match);
        const select = await page
          .locator(`select[name^="q:${question.id}:match:"]`)
          .evaluateAll(
            (selects, wanted) =>
              selects.find(
                (element) =>
                  document.querySelector(`label[for="${element.id}"]`)?.textContent?.trim() === wanted,
              )?.id ?? '',
            premise.text,
          );
        await tabTo(page, `#${select}`);
        const options = await page.locator(`#${select} option`).evaluateAll((nodes) =>
          nodes.map((node) => ({
            value: (node as HTMLOptionElement).value,
            text: node.textContent?.trim() ?? '',
          })),
        );
        const index = options.findIndex((option) => option.text === response?.text);
        for (let press = 0; press < index; press++) await page.keyboard.press('ArrowDown');
        await expect(page.locator(`#${select}`)).toHaveValue(options[index]?.value ?? '');
      }
      return;
    }
  }
}

/** The answerable questions of the question the island shows now (a scenario shows several). */
async function questionsOnScreen(page: Page): Promise<AnswerableQuestion[]> {
  const ids = await page
    .locator('.one-question [id$="-prompt"]')
    .evaluateAll((nodes) => nodes.map((node) => node.id.replace(/^q-/, '').replace(/-prompt$/, '')));
  return ids.flatMap((id) => {
    const question = bank.get(id);
    return question ? [question] : [];
  });
}

/** Takes the whole quiz in the island with the keyboard, up to the check-and-submit view. */
async function takeQuizWithKeyboard(page: Page, right: boolean): Promise<number> {
  const total = Number(
    (await page.getByRole('heading', { name: /^Question 1 of \d+$/ }).textContent())?.match(/of (\d+)/)?.[1],
  );
  for (let number = 1; number <= total; number++) {
    await expect(page.getByRole('heading', { name: `Question ${number} of ${total}` })).toBeFocused();
    for (const question of await questionsOnScreen(page)) await answerWithKeyboard(page, question, right);
    const next = number < total ? 'Next' : 'Check and submit';
    await tabTo(page, `.one-question .quiz-nav button.button:not(.secondary)`);
    await expect(page.getByRole('button', { name: next, exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { name: 'Check your answers' })).toBeFocused();
  return total;
}

async function startQuizWithKeyboard(page: Page): Promise<void> {
  await page.goto(quizPath);
  await expect(page.getByRole('heading', { level: 1, name: quiz?.title ?? '' })).toBeVisible();
  await tabTo(page, 'form.start button');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${quizPath}/take$`));
  // The island takes over: one question at a time, with progress and the save state.
  await expect(page.getByText(/^\d+ of \d+ answered$/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Question 1 of \d+$/ })).toBeVisible();
  await page.getByRole('heading', { name: /^Question 1 of \d+$/ }).focus();
}

test('keyboard only: a learner passes the module quiz and sees the feedback', async ({ page }) => {
  // Every answer by keyboard alone, with axe checks: slow on a busy machine.
  test.setTimeout(360_000);
  await readyLearner(page);
  await page.goto(quizPath);
  await expectAccessible(page);
  await expect(page.getByText('Pass mark')).toBeVisible();
  await expect(page.getByText('No time limit. Take the time you need.')).toBeVisible();

  await startQuizWithKeyboard(page);
  await expectAccessible(page);
  await takeQuizWithKeyboard(page, true);
  await expect(page.getByText(/not fully answered yet/)).toHaveCount(0);
  await expectAccessible(page);
  await tabTo(page, 'button[form="quiz-submit-form"]');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(new RegExp(`${quizPath}/attempts/1$`));
  await expect(page.getByText('Passed', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Score: 100% ')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your answers' })).toBeVisible();
  await expect(page.getByText('Explanation').first()).toBeVisible();
  await expectAccessible(page);

  // Passing completes the module: the module page says so.
  await page.goto(`/courses/${courseId}/${module.id}`);
  await expect(page.locator('[data-module-quiz]').getByText('Completed')).toBeVisible();
});

test('keyboard only: a learner fails, is told so, and can try again', async ({ page }) => {
  await readyLearner(page);
  await startQuizWithKeyboard(page);
  await takeQuizWithKeyboard(page, false);
  await tabTo(page, 'button[form="quiz-submit-form"]');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${quizPath}/attempts/1$`));
  await expect(page.getByText('Not passed', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('You have not passed this quiz yet.')).toBeVisible();
  await expectAccessible(page);

  await tabTo(page, 'a.button');
  await expect(page.getByRole('link', { name: 'Back to the quiz' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Start attempt 2' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^1 .* Not passed See results of attempt 1$/ })).toBeVisible();
});

test('an attempt in progress resumes after a reload, with its saved answers', async ({ page }) => {
  await readyLearner(page);
  await startQuizWithKeyboard(page);
  // Every part of the first question: a scenario counts as answered only once all its parts are.
  const parts = await questionsOnScreen(page);
  const [first] = parts;
  if (!first) throw new Error('no question on screen');
  for (const part of parts) await answerWithKeyboard(page, part, true);
  await expect(page.getByText(/^1 of \d+ answered$/)).toBeVisible();
  await expect(page.getByText(/^All answers saved at /)).toBeVisible();
  const answered = await page.getByText(/^\d+ of \d+ answered$/).textContent();

  await page.reload();
  await expect(page.getByText(answered ?? '')).toBeVisible();
  const checked = page.locator(`[name^="q:${first.id}"]:checked, select[name^="q:${first.id}:"]`);
  expect(await checked.count()).toBeGreaterThan(0);

  // The confirmation step of the form without JavaScript lists what is answered.
  await page.goto(`${quizPath}/take?step=review`);
  await expect(page.getByRole('heading', { name: 'Check your answers' })).toBeVisible();
  await expect(page.getByText(/^You have answered 1 of \d+ questions/)).toBeVisible();
  await expectAccessible(page);

  await page.goto(quizPath);
  await expect(page.getByText(/Attempt 1 is in progress/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Resume your attempt' }).click();
  await expect(page).toHaveURL(new RegExp(`${quizPath}/take$`));
  await expect(page.getByText(answered ?? '')).toBeVisible();
});

test('without JavaScript the quiz is a paged form that saves, confirms and submits', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await readyLearner(page);
  await page.goto(quizPath);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
  const pages = Number((await page.getByText(/^Page 1 of \d+$/).textContent())?.match(/of (\d+)/)?.[1]);

  for (let number = 1; number <= pages; number++) {
    // Answer every choice question on this page; ordering selects come pre-filled.
    for (const radio of await page.locator('input[type="radio"]').all()) {
      const name = (await radio.getAttribute('name')) ?? '';
      if ((await page.locator(`input[name="${name}"]:checked`).count()) === 0) await radio.check();
    }
    if (number === 1) {
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(page.getByRole('status')).toContainText('Your answers are saved.');
    }
    await page
      .getByRole('button', { name: number < pages ? 'Next' : 'Check and submit', exact: true })
      .click();
  }
  // The confirmation step: what is answered, then one Submit button.
  await expect(page.getByRole('heading', { name: 'Check your answers' })).toBeVisible();
  await expect(page.getByText(/^You have answered \d+ of \d+ questions/)).toBeVisible();
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page).toHaveURL(new RegExp(`${quizPath}/attempts/1$`));
  await expect(page.getByText(/Score: \d/)).toBeVisible();
  await context.close();
});

/**
 * Form fields with the right answer to every question of an attempt. The browser names options
 * by tokens drawn for the attempt, so the test (which may know the key) reads them from the
 * attempt's stored layout, as the server does.
 */
async function rightFields(bankQuiz: Quiz, attemptId: string): Promise<[string, string][]> {
  return rightAnswerFields(bankQuiz, await attemptLayout(attemptId));
}

/** The bank's ordering question. */
const orderingQuestion = [...bank.values()].find((question) => question.type === 'ordering');

/** Starts attempt `number` of the module quiz from its landing page; returns the attempt's id. */
async function startAttemptNumber(page: Page, number: number): Promise<string> {
  await page.goto(quizPath);
  await page
    .getByRole('button', { name: number === 1 ? 'Start the quiz' : `Start attempt ${number}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`${quizPath}/take$`));
  return page.locator('input[name="attemptId"]').first().inputValue();
}

/**
 * Starts attempts (submitting each one empty) until one draws the bank's ordering question; a
 * retake draws the questions the previous attempt left out first, so this takes two at most.
 */
async function startAttemptWithOrdering(page: Page, baseURL: string): Promise<string> {
  const orderingId = orderingQuestion?.id ?? '';
  for (let number = 1; number <= 3; number++) {
    const attemptId = await startAttemptNumber(page, number);
    const drawn = (await attemptLayout(attemptId)).flatMap((entry) => [
      entry.questionId,
      ...(entry.subQuestions ?? []).map((sub) => sub.questionId),
    ]);
    if (drawn.includes(orderingId)) return attemptId;
    const response = await page.request.post(`${quizPath}/submit`, {
      headers: { origin: baseURL, 'content-type': 'application/x-www-form-urlencoded' },
      data: new URLSearchParams({ attemptId, quiz: `module:${module?.id ?? ''}`, scope: 'all' }).toString(),
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
  }
  throw new Error(`no attempt drew ${orderingId}`);
}

test('an ordering question counts as unanswered until the learner moves an item or confirms the order', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  if (!baseURL || !orderingQuestion) throw new Error('baseURL and an ordering question are needed');
  await readyLearner(page);
  await startAttemptWithOrdering(page, baseURL);
  await page.reload();
  const progress = page.getByText(/^\d+ of \d+ answered$/);
  await expect(progress).toHaveText(/^0 of \d+ answered$/);
  const total = Number((await progress.textContent())?.match(/of (\d+)/)?.[1]);
  const confirm = page.locator(`#q-${orderingQuestion.id}-ordered`);
  for (let step = 0; step < 20 && !(await confirm.isVisible()); step++)
    await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(confirm).toBeVisible();
  await expect(confirm).not.toBeChecked();
  await expectAccessible(page);

  // Seen but untouched: still unanswered, in the progress and in the confirmation.
  await expect(progress).toHaveText(`0 of ${total} answered`);
  await page.getByRole('button', { name: 'Check and submit', exact: true }).click();
  const listed = page.locator('.review-list li');
  const unanswered = page.locator('.review-list .unanswered');
  await expect(listed.first()).toBeVisible();
  const questionCount = await listed.count();
  await expect(unanswered).toHaveCount(questionCount);
  await page.getByRole('button', { name: 'Back to the questions' }).click();

  // Confirming the order shown (keyboard) answers it; unticking takes the answer back.
  await tabTo(page, `#q-${orderingQuestion.id}-ordered`);
  await page.keyboard.press('Space');
  await expect(confirm).toBeChecked();
  await expect(progress).toHaveText(`1 of ${total} answered`);
  await page.getByRole('button', { name: 'Check and submit', exact: true }).click();
  await expect(unanswered).toHaveCount(questionCount - 1);
  await page.getByRole('button', { name: 'Back to the questions' }).click();
  await page.getByLabel('I have put these in order').uncheck();
  await expect(progress).toHaveText(`0 of ${total} answered`);

  // Moving an item answers it too, and ticks the box.
  await page.locator('.ordering button[data-move="down"]:not([disabled])').first().focus();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeChecked();
  await expect(progress).toHaveText(`1 of ${total} answered`);
  await expect(page.getByText(/^All answers saved at /)).toBeVisible();

  // After a reload the question is still answered, and the form without JavaScript agrees.
  await page.reload();
  await expect(progress).toHaveText(`1 of ${total} answered`);
  for (let step = 0; step < 20 && !(await confirm.isVisible()); step++)
    await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(confirm).toBeChecked();
  await page.goto(`${quizPath}/take?step=review`);
  await expect(page.getByText(new RegExp(`^You have answered 1 of ${total} questions`))).toBeVisible();
});

test('without JavaScript an ordering question counts once the learner ticks "I have put these in order"', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  if (!baseURL || !orderingQuestion) throw new Error('baseURL and an ordering question are needed');
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await readyLearner(page);
  await startAttemptWithOrdering(page, baseURL);
  await page.goto(`${quizPath}/take`);
  // Through every page without touching anything: the pre-filled positions are no answer.
  for (;;) {
    const next = page.getByRole('button', { name: 'Next', exact: true });
    if ((await next.count()) === 0) break;
    await next.click();
  }
  await page.getByRole('button', { name: 'Check and submit', exact: true }).click();
  await expect(page.getByText(/^You have answered 0 of \d+ questions/)).toBeVisible();
  await page.locator(`a[href$="#q-${orderingQuestion.id}-heading"]`).click();
  await page.locator(`#q-${orderingQuestion.id}-ordered`).check();
  await page.getByRole('button', { name: 'Check and submit', exact: true }).click();
  await expect(page.getByText(/^You have answered 1 of \d+ questions/)).toBeVisible();
  await context.close();
});

/** Form fields answering every choice question of a bank with the authored id `a`, as the old exploit did. */
function authoredGuessFields(bankQuiz: Quiz): [string, string][] {
  return bankQuiz.questions.flatMap((question) =>
    (question.type === 'scenario' ? question.questions : [question]).flatMap((q): [string, string][] =>
      q.type === 'single' || q.type === 'multiple' ? [[`q:${q.id}`, q.options[0]?.id ?? 'a']] : [],
    ),
  );
}

/** Completes a module's lessons and passes its quiz quickly (plain form posts, as without JavaScript). */
async function passModule(page: Page, baseURL: string, moduleId: string): Promise<void> {
  const lessons = course?.modules.find((candidate) => candidate.id === moduleId)?.lessons ?? [];
  for (const lesson of lessons) {
    await page.goto(`/courses/${courseId}/${lesson.id}`);
    await page.getByRole('button', { name: 'Mark as complete' }).click();
    await expect(page.getByText(/Lesson complete/)).toBeVisible();
  }
  const bankQuiz = tree.quizzes.find((entry) => entry.id === moduleId)?.data;
  if (!bankQuiz) throw new Error(`no quiz for ${moduleId}`);
  await page.goto(`/courses/${courseId}/${moduleId}/quiz`);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  const attemptId = await page.locator('input[name="attemptId"]').first().inputValue();
  const form = new URLSearchParams({ attemptId, quiz: `module:${moduleId}`, scope: 'all' });
  for (const [name, value] of await rightFields(bankQuiz, attemptId)) form.append(name, value);
  const response = await page.request.post(`/courses/${courseId}/${moduleId}/quiz/submit`, {
    headers: { origin: baseURL, 'content-type': 'application/x-www-form-urlencoded' },
    data: form.toString(),
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers().location).toBe(`/courses/${courseId}/${moduleId}/quiz/attempts/1`);
  // A replayed submit (a double click, a resent form) lands on the same, single result.
  const replay = await page.request.post(`/courses/${courseId}/${moduleId}/quiz/submit`, {
    headers: { origin: baseURL, 'content-type': 'application/x-www-form-urlencoded' },
    data: new URLSearchParams({ attemptId, quiz: `module:${moduleId}`, scope: 'all' }).toString(),
    maxRedirects: 0,
  });
  expect(replay.headers().location).toBe(`/courses/${courseId}/${moduleId}/quiz/attempts/1`);
}

test('a timed final assessment shows the extra time, warns politely and submits when time runs out', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(360_000);
  if (!baseURL) throw new Error('baseURL is needed');
  await page.clock.install();
  const email = uniqueEmail('timed');
  await register(page, { fullName: 'Muthu a/l Ganesan', email });
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto(`/courses/${courseId}`);
  await page.getByRole('button', { name: 'Enrol in this course' }).click();
  for (const entry of course.modules) await passModule(page, baseURL, entry.id);

  // A trainer gives this learner double time.
  const staff = await browser.newContext({ baseURL });
  const trainerPage = await staff.newPage();
  await signIn(trainerPage, demo.trainer.email);
  await trainerPage.goto(`/staff/accommodations?email=${encodeURIComponent(email)}`);
  await trainerPage.getByLabel('Extra time: ×2 the standard time').check();
  await trainerPage.getByRole('button', { name: 'Save time accommodation' }).click();
  await expect(trainerPage.getByRole('status')).toContainText('now has: Extra time: ×2 the standard time');
  await expectAccessible(trainerPage);
  await staff.close();

  const final = tree.assessments.find((entry) => entry.id === course.rules.finalAssessmentId)?.data;
  if (!final) throw new Error('the course needs a final assessment');
  const limit = final.settings.timeLimitMinutes;
  await page.goto(`/courses/${courseId}/${course.modules[0]?.id ?? ''}/quiz`);
  await expect(page.getByRole('row')).toHaveCount(2);
  await expect(page.getByText('Your best score: 100%')).toBeVisible();
  await page.goto(`/courses/${courseId}/assessment`);
  await expect(page.locator('[data-time-limit]')).toHaveText(
    `${limit} minutes as standard. You have extra time (×2): ${limit * 2} minutes.`,
  );
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  const timer = page.getByRole('timer');
  await expect(timer).toHaveText(new RegExp(`^Time left: (${limit * 2}:00|${limit * 2 - 1}:5\\d)$`));
  const live = page.locator('[aria-live="polite"]');

  await page.clock.fastForward(`${limit * 2 - 5}:01`);
  await expect(live).toHaveText('5 minutes left.');
  await page.clock.fastForward('04:00');
  await expect(live).toHaveText('1 minute left. Your answers will be submitted when the time runs out.');
  await page.clock.fastForward('01:05');
  await expect(page).toHaveURL(new RegExp(`/courses/${courseId}/assessment/attempts/1`));
  await expect(page.getByText(/Score: \d/)).toBeVisible();
});

test('trainers see question statistics (chart with a table, a row per question, CSV); learners get 404', async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, demo.trainer.email);
  await page.goto('/staff');
  await page.getByRole('link', { name: 'Quiz statistics' }).click();
  await expectAccessible(page);
  await page.getByRole('link', { name: quiz.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: quiz.title })).toBeVisible();
  // The demo seed gives this quiz a cohort of attempts: a chart with its table, and a row per question.
  await expect(page.getByRole('img', { name: /Number of attempts in each score band/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Attempts by score' })).toBeVisible();
  const questions = page.getByRole('table', { name: 'Statistics for each question' });
  for (const id of bank.keys())
    await expect(questions.getByRole('rowheader', { name: new RegExp(`^${id}\\b`) })).toBeVisible();
  await expect(page.getByText('Questions to check')).toBeVisible();
  await expectAccessible(page);
  const csv = await page.request.get(`/staff/quizzes/${module.id}.csv`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect((await csv.text()).split('\r\n')[0]).toContain('question_id,scenario_id,type');

  const learner = await browser.newContext({ baseURL });
  const learnerPage = await learner.newPage();
  await register(learnerPage, { fullName: 'Ong Mei Fong', email: uniqueEmail('nosy') });
  for (const path of [
    '/staff/quizzes',
    `/staff/quizzes/${module.id}`,
    `/staff/quizzes/${module.id}.csv`,
    '/staff/accommodations',
  ]) {
    expect((await learnerPage.request.get(path)).status(), path).toBe(404);
  }
  await learner.close();
});

test('the answer key never reaches the browser before the attempt is submitted', async ({ page }) => {
  await readyLearner(page);
  const bodies: { url: string; text: string }[] = [];
  const pending: Promise<void>[] = [];
  const record = (response: Response): void => {
    pending.push(
      response
        .text()
        .then((text) => {
          bodies.push({ url: response.url(), text });
        })
        .catch(() => undefined),
    );
  };
  const sent: string[] = [];
  const recordSent = (request: Request): void => {
    if (request.url().includes('/_actions/quiz.save')) sent.push(request.postData() ?? '');
  };
  page.on('response', record);
  page.on('request', recordSent);

  await startQuizWithKeyboard(page);
  await takeQuizWithKeyboard(page, true);
  await expect(page.getByText(/^All answers saved at /)).toBeVisible();
  page.off('response', record);
  page.off('request', recordSent);
  await Promise.all(pending);

  const normalise = (text: string) =>
    text
      .replace(/&quot;|&#34;/g, '"')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\\u002F/g, '/')
      .replace(/\s+/g, ' ');
  const secrets = new Set<string>();
  for (const question of quiz.questions) {
    if (question.explanation) secrets.add(question.explanation);
    for (const answerable of question.type === 'scenario' ? question.questions : [question]) {
      if (answerable.explanation) secrets.add(answerable.explanation);
      if (answerable.type === 'single' || answerable.type === 'multiple') {
        for (const option of answerable.options) if (option.feedback) secrets.add(option.feedback);
      }
    }
  }
  const needles = [...secrets].map((text) => normalise(text).trim()).filter((text) => text.length >= 20);
  expect(needles.length).toBeGreaterThan(5);
  expect(bodies.some((body) => body.url.includes('/_actions/quiz.save'))).toBe(true);
  expect(bodies.some((body) => body.url.includes('.js'))).toBe(true);

  const leaks: string[] = [];
  for (const body of bodies) {
    const haystack = normalise(body.text);
    for (const needle of needles)
      if (haystack.includes(needle)) leaks.push(`${body.url}: "${needle.slice(0, 60)}"`);
    for (const key of ['"correct"', '"feedback"', '"explanation"', '"match"']) {
      if (haystack.includes(key)) leaks.push(`${body.url}: key ${key}`);
    }
  }
  expect(leaks).toEqual([]);

  // No authored option id reaches the browser or comes back from it: only per-attempt tokens.
  const authored = new Set<string>();
  for (const question of bank.values()) {
    if (question.type === 'single' || question.type === 'multiple')
      for (const option of question.options) authored.add(option.id);
    if (question.type === 'ordering') for (const item of question.items) authored.add(item.id);
    if (question.type === 'matching')
      for (const part of [...question.premises, ...question.responses]) authored.add(part.id);
  }
  const named: string[] = [];
  for (const body of bodies) {
    const haystack = normalise(body.text);
    for (const id of authored) {
      if (
        haystack.includes(`value="${id}"`) ||
        haystack.includes(`"id":[0,"${id}"]`) ||
        haystack.includes(`"id":"${id}"`)
      )
        named.push(`${body.url}: ${id}`);
    }
  }
  expect(named).toEqual([]);
  expect(sent.length).toBeGreaterThan(0);
  for (const text of sent) {
    const values = JSON.stringify(JSON.parse(text) as unknown).match(/"[^"]*"/g) ?? [];
    for (const value of values) expect(authored.has(value.slice(1, -1)), value).toBe(false);
  }
});

test('a script that guesses authored ids scores nothing; the module review teaches, then reveals after 3 attempts', async ({
  page,
  baseURL,
}) => {
  if (!baseURL) throw new Error('baseURL is needed');
  await readyLearner(page);
  const submitGuess = async (number: number): Promise<void> => {
    const attemptId = await startAttemptNumber(page, number);
    const form = new URLSearchParams({ attemptId, quiz: `module:${module.id}`, scope: 'all' });
    for (const [name, value] of authoredGuessFields(quiz)) form.append(name, value);
    const response = await page.request.post(`${quizPath}/submit`, {
      headers: { origin: baseURL, 'content-type': 'application/x-www-form-urlencoded' },
      data: form.toString(),
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    await page.goto(`${quizPath}/attempts/${number}`);
  };

  await submitGuess(1);
  // "a" for every choice question: under tokens that names no option at all.
  await expect(page.getByText('Score: 0% ')).toBeVisible();
  await expect(page.getByText(/This review shows which answers were wrong/)).toBeVisible();
  await expect(page.getByText('Not answered').first()).toBeVisible();
  await expect(page.getByText('Right answer', { exact: true })).toHaveCount(0);
  await expect(page.getByText('Right order', { exact: true })).toHaveCount(0);
  await expectAccessible(page);

  await submitGuess(2);
  await expect(page.getByText('Right answer', { exact: true })).toHaveCount(0);
  await submitGuess(3);
  // The third attempt opens the full review, with the right answers.
  await expect(page.getByText(/This review shows which answers were wrong/)).toHaveCount(0);
  await expect(page.getByText('Right answer', { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
});

test('switching to Bahasa Malaysia mid-attempt shows the same drawn questions and choices', async ({
  page,
}) => {
  await readyLearner(page);
  await startQuizWithKeyboard(page);
  const snapshot = () =>
    page.locator('.one-question').evaluate((node) => ({
      ids: [...node.querySelectorAll('input, select')].map((control) => control.id),
      prompt: node.querySelector('.prompt')?.textContent?.trim() ?? '',
    }));
  const before = await snapshot();
  expect(before.ids.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Tukar ke Bahasa Malaysia' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ms');
  await expect(page.getByRole('heading', { name: /^Soalan 1 daripada \d+$/ })).toBeVisible();
  const after = await snapshot();
  expect(after.ids).toEqual(before.ids);
  expect(after.prompt).not.toBe(before.prompt);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { name: /^Question 1 of \d+$/ })).toBeVisible();
});
