/**
 * A learner who prefers Bahasa Malaysia (issue 16): switches the language, registers, enrols,
 * reads a lesson, the glossary and the handbook, and meets no English sentence on the way (names,
 * the brand and acronyms are fine), with every page axe-clean in BM.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { en, ms } from '#src/i18n/index.ts';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';
import { demo, expect, expectAccessible, nextClientAddress, signIn, test, uniqueEmail } from './fixtures.ts';
import { origins } from './origins.ts';

const tree = readContentTree(fileURLToPath(new URL('..', import.meta.url)));
const catalogue = catalogueFromTree(tree, 'ms');
const catalogueEn = catalogueFromTree(tree, 'en');
const courseId = 'supervisors-early-intervention';
const course = catalogue.published.course(courseId);
const firstLesson = course?.lessons[0];
if (!course || !firstLesson)
  throw new Error(`The bilingual journey needs the published course "${courseId}".`);
const firstModule = course.modules[0];

/**
 * Common English function words. Malay text does not use them, so a text that has three in a row
 * ("is in the", "you can use"), or whose words are a quarter or more of them (at least three, of
 * two kinds: "Talk to the worker before you call"), reads as an English sentence left
 * untranslated. A name, an acronym, the brand or the title of an English publication in a
 * citation does not trip it.
 */
const ENGLISH_FUNCTION_WORDS = new Set([
  'the',
  'and',
  'of',
  'to',
  'you',
  'your',
  'is',
  'are',
  'with',
  'for',
  'a',
  'an',
  'in',
  'on',
  'it',
  'this',
  'that',
  'be',
  'not',
  'or',
  'as',
  'at',
  'by',
  'from',
  'we',
  'our',
  'can',
  'will',
  'have',
  'has',
  'what',
  'how',
  'when',
  'if',
  'do',
  'does',
  'was',
  'were',
  'they',
  'their',
  'there',
]);

/** Text runs on the page that read as English sentences, by the heuristic above. */
async function englishSentences(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, noscript, template, [hidden]')) continue;
      const text = node.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      if (text) out.push(text);
    }
    // Accessible names that are not text on the page.
    for (const element of document.querySelectorAll('[aria-label], [title], img[alt]')) {
      for (const name of ['aria-label', 'title', 'alt']) {
        const value = element.getAttribute(name)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });
  return texts.filter(looksEnglish);
}

function looksEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  let run = 0;
  const hits: string[] = [];
  for (const word of words) {
    run = ENGLISH_FUNCTION_WORDS.has(word) ? run + 1 : 0;
    if (run >= 3) return true;
    if (run > 0) hits.push(word);
  }
  return (
    words.length >= 5 && hits.length >= 3 && new Set(hits).size >= 2 && hits.length / words.length >= 0.25
  );
}

async function expectMalayPage(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'ms');
  expect(await englishSentences(page), `English sentences on ${page.url()}`).toEqual([]);
  await expectAccessible(page);
}

test('the heuristic finds an English sentence and lets Malay text, names and citations pass', async ({
  page,
}) => {
  await page.setContent(`<main>
    <p>Pekerja dan majikan bersetuju dengan pelan RTW.</p>
    <p>Tan Wei Ming, PERKESO, RTW Academy, DOSH</p>
    <p>Awang H. Factors related to successful return to work. Journal of Rehabilitation Medicine, 2017.</p>
    <p>Talk to the worker before you call the doctor.</p>
    <p>Bincang dengan pekerja. <a href="#">Read more about it in the handbook</a></p>
    <p>Kavitha a/p Ramasamy bersetuju.</p>
  </main>`);
  expect(await englishSentences(page)).toEqual([
    'Talk to the worker before you call the doctor.',
    'Read more about it in the handbook',
  ]);
  // A control: the same glossary in English is full of what the heuristic looks for.
  await page.goto('/glossary');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect((await englishSentences(page)).length).toBeGreaterThan(20);
});

test('a learner reads in Bahasa Malaysia from registration to the handbook, and gets a certificate in BM', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: en['nav.languageSwitchLabel'] }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ms');

  await page.goto('/register');
  await expectMalayPage(page);
  const fullName = 'Kavitha a/p Ramasamy';
  await page.getByLabel(ms['register.fullName']).fill(fullName);
  const email = uniqueEmail('bm');
  await page.getByLabel(ms['register.email']).fill(email);
  await page.getByLabel(ms['register.password'], { exact: true }).fill('kopi-o-kosong-panas');
  await page.getByRole('button', { name: ms['register.submit'] }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await expectMalayPage(page);

  // The catalogue and the course in BM.
  await page.goto('/courses');
  await expect(page.getByRole('link', { name: course.title })).toBeVisible();
  await expectMalayPage(page);
  await page.getByRole('link', { name: course.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible();
  await page.getByRole('button', { name: ms['course.enrol'] }).click();
  await expect(page.getByText(ms['course.enrolledNotice'])).toBeVisible();
  await expectMalayPage(page);

  // A lesson: title, breadcrumb, body and sources in BM.
  await page.getByRole('link', { name: ms['course.start'] }).click();
  await expect(page.getByRole('heading', { level: 1, name: firstLesson.title })).toBeVisible();
  const breadcrumb = page.getByRole('navigation', { name: ms['learning.breadcrumb'] });
  await expect(breadcrumb.getByRole('link', { name: course.title })).toBeVisible();
  if (firstModule) await expect(breadcrumb.getByRole('link', { name: firstModule.title })).toBeVisible();
  await expect(page.getByText(ms['content.untranslated'])).toHaveCount(0);
  await expectMalayPage(page);

  // The glossary: BM terms and definitions.
  await page.goto('/glossary');
  const anyTerm = [...catalogue.glossary.values()].find((entry) => !entry.moduleDraft);
  if (anyTerm) await expect(page.locator(`dt#${anyTerm.id}`)).toContainText(anyTerm.term);
  await expectMalayPage(page);

  // The handbook, with the BM edition of the PDF.
  await page.goto('/handbook');
  await expect(page.getByRole('heading', { level: 1, name: ms['handbook.title'] })).toBeVisible();
  await expect(page.getByRole('link', { name: ms['handbook.download'] })).toHaveAttribute(
    'href',
    '/downloads/rtw-coordinator-handbook-ms.pdf',
  );
  await expectMalayPage(page);

  await page.goto('/resources');
  await expectMalayPage(page);

  // An admin issues her a certificate: by default in her language, with the BM course wording.
  const englishCourse = catalogueEn.published.course(courseId);
  const adminContext = await browser.newContext({
    baseURL: origins[0],
    extraHTTPHeaders: { 'X-Forwarded-For': nextClientAddress() },
  });
  const admin = await adminContext.newPage();
  await signIn(admin, demo.admin.email);
  await admin.goto('/admin/certificates/exception');
  await admin.getByLabel(en['certificates.exception.email']).fill(email);
  await admin.getByLabel(en['certificates.course']).selectOption(courseId);
  await expect(admin.getByLabel(en['certificates.language.label'])).toHaveValue('');
  await admin
    .getByLabel(en['certificates.desk.reason'], { exact: true })
    .fill('Attended the classroom programme in Kuching');
  await admin.getByRole('button', { name: en['certificates.exception.submit'] }).click();
  await expect(admin.getByText(en['certificates.desk.issuedOneNotice'])).toBeVisible();
  const facts = admin.locator('dl.facts');
  await expect(facts).toContainText(course.title);
  await expect(facts).toContainText(en['certificates.language.ms']);
  await expectAccessible(admin);

  // The public check shows the certificate's BM wording.
  const verifyHref = (await admin.locator('dl.facts a[href*="/verify/"]').getAttribute('href')) ?? '';
  const checkPage = await adminContext.newPage();
  await checkPage.goto(verifyHref);
  await expect(checkPage.locator(`dd[lang="ms"]`).first()).toHaveText(course.title);

  // Re-issued in English: the English course wording, and the language recorded.
  await admin.getByLabel(en['certificates.language.label']).selectOption('en');
  await admin.locator('#reissue-reason').fill('The holder asked for an English copy');
  await admin.getByRole('button', { name: en['certificates.desk.reissueSubmit'] }).click();
  await expect(admin.getByText(en['certificates.desk.reissuedNotice'])).toBeVisible();
  await expect(facts).toContainText(englishCourse?.title ?? '');
  await expect(facts).toContainText(en['certificates.language.en']);
  await adminContext.close();
});
