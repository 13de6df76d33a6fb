/**
 * Builds the handbook's two editions: public/downloads/rtw-coordinator-handbook.pdf from the
 * chapters in src/content/handbook/, and public/downloads/rtw-coordinator-handbook-ms.pdf (Bahasa
 * Malaysia) from src/content/handbook/ms/.
 *
 *   npm run handbook:pdf                 build each edition whose chapters or layout changed
 *   npm run handbook:pdf -- --force      build even when a PDF is up to date
 *   npm run handbook:pdf -- --check      build nothing; exit 1 when a PDF is missing or stale
 *   npm run handbook:pdf -- --lang ms    only the Bahasa Malaysia edition (or en)
 *
 * The Markdown goes through Astro's own Markdown processor (the one that renders /handbook), into
 * the print layout of scripts/handbook/, and Chromium prints it as a tagged PDF with bookmarks. A
 * first print finds the page each chapter starts on; the second prints the contents with those
 * numbers. Needs Debian's chromium (or CHROMIUM_PATH) and pdftotext (poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { PDFDocument } from '@cantoo/pdf-lib';
import { chromium, type Page } from 'playwright-core';
import { isLocale, type Locale } from '#src/i18n/index.ts';
import { findChromium } from './chromium.ts';
import { finishHandbookPdf } from './handbook/finish-pdf.ts';
import { notoSansFontCss } from './handbook/fonts.ts';
import {
  computeHandbookFingerprint,
  editionDate,
  fingerprintFromKeywords,
  HANDBOOK_LOCALES,
  handbookPdf,
  readHandbookChapters,
} from './handbook/source.ts';
import {
  chapterLabel,
  renderHandbookHtml,
  type HandbookDocument,
  type PrintedChapter,
} from './handbook/template.ts';

const root = resolve(import.meta.dirname, '..');
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
async function existingFingerprint(target: string): Promise<string | null> {
  try {
    const pdf = await PDFDocument.load(readFileSync(target), { updateMetadata: false });
    return fingerprintFromKeywords(pdf.getKeywords());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Page numbers (1-based) where each chapter starts, read back from the printed text. */
function findChapterPages(
  pdf: Uint8Array,
  chapters: PrintedChapter[],
  workFolder: string,
  locale: Locale,
): Map<string, number> {
  const file = join(workFolder, 'pass.pdf');
  writeFileSync(file, pdf);
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f');
  const found = new Map<string, number>();
  // The label is set in capitals: compare without case.
  const labels = chapters.map((_chapter, index) => chapterLabel(index + 1, locale).toLowerCase());
  pages.forEach((text, index) => {
    const firstLine = text.split('\n').find((line) => line.trim() !== '') ?? '';
    const chapter = chapters[labels.indexOf(firstLine.trim().toLowerCase())];
    if (chapter && !found.has(chapter.id)) found.set(chapter.id, index + 1);
  });
  const missing = chapters.filter((chapter) => !found.has(chapter.id)).map((chapter) => chapter.title);
  if (missing.length > 0)
    throw new Error(`The printed text does not show where these chapters start: ${missing.join('; ')}`);
  return found;
}

async function printPdf(page: Page, document: HandbookDocument): Promise<Uint8Array> {
  await page.setContent(renderHandbookHtml(document), { waitUntil: 'load' });
  await page.evaluate(async () => {
    await window.document.fonts.ready;
  });
  const pdf = await page.pdf({
    format: 'A4',
    printBackground: true,
    preferCSSPageSize: true,
    tagged: true,
    outline: true,
    // The running footer comes from print.css's @page margin boxes rather than Chromium's
    // footerTemplate, which cannot leave the cover without one.
    displayHeaderFooter: false,
  });
  return new Uint8Array(pdf);
}

const samePages = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean =>
  a.size === b.size && [...a].every(([id, page]) => b.get(id) === page);

/**
 * Pictures the chapters link from public/ (`/images/...`) become data URLs: the page is printed
 * from a string, with no server to fetch them from.
 */
function inlinePictures(html: string): string {
  const types: Record<string, string> = {
    svg: 'image/svg+xml',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
  };
  return html.replace(/(<img\b[^>]*\ssrc=")(\/[^"]+)"/g, (match, start: string, src: string) => {
    const type = types[src.slice(src.lastIndexOf('.') + 1).toLowerCase()];
    if (!type) return match;
    try {
      const bytes = readFileSync(join(root, 'public', decodeURI(src)));
      return `${start}data:${type};base64,${bytes.toString('base64')}"`;
    } catch {
      throw new Error(`A chapter shows ${src}, which is not a file in public/.`);
    }
  });
}

async function build(fingerprint: string, locale: Locale): Promise<{ bytes: Uint8Array; pages: number }> {
  const read = readHandbookChapters(root, locale);
  if (!read.ok) {
    throw new Error(
      `The handbook chapters have ${read.problems.length} problem(s):\n  ${read.problems.join('\n  ')}`,
    );
  }
  const markdown = await createSatteriMarkdownProcessor({ syntaxHighlight: false });
  const chapters: PrintedChapter[] = [];
  for (const chapter of read.chapters) {
    const rendered = await markdown.render(chapter.markdown);
    chapters.push({
      id: chapter.id,
      title: chapter.title,
      summary: chapter.summary,
      html: inlinePictures(rendered.code),
    });
  }
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      "No Chromium found to print the handbook. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.",
    );
  }
  const base: HandbookDocument = {
    locale,
    chapters,
    edition: editionDate(read.chapters, locale),
    fontCss: notoSansFontCss(),
    css: readFileSync(join(root, 'scripts/handbook/print.css'), 'utf8'),
  };
  const workFolder = mkdtempSync(join(tmpdir(), 'handbook-pdf-'));
  const browser = await chromium.launch({ executablePath, args: chromiumFlags });
  try {
    const page = await browser.newPage();
    let pageNumbers = findChapterPages(await printPdf(page, base), chapters, workFolder, locale);
    // Filling in the numbers could in principle move a chapter (a longer contents page), so print
    // until the numbers the contents show are the pages the chapters start on.
    for (let attempt = 0; attempt < 3; attempt++) {
      const pdf = await printPdf(page, { ...base, pageNumbers });
      const printed = findChapterPages(pdf, chapters, workFolder, locale);
      if (samePages(printed, pageNumbers)) {
        const headings = await page.$$eval('h1, h2, h3, h4, h5, h6', (elements) =>
          elements.map((element) => element.textContent ?? ''),
        );
        const bytes = await finishHandbookPdf(pdf, { fingerprint, headings, now: new Date(), locale });
        return { bytes, pages: (await PDFDocument.load(bytes)).getPageCount() };
      }
      pageNumbers = printed;
    }
    throw new Error('The contents page numbers did not settle after three prints; check the print layout.');
  } finally {
    await browser.close();
    rmSync(workFolder, { recursive: true, force: true });
  }
}

async function buildEdition(locale: Locale, checkOnly: boolean, force: boolean): Promise<boolean> {
  const file = handbookPdf(locale);
  const fingerprint = computeHandbookFingerprint(root, locale);
  const existing = await existingFingerprint(join(root, file));
  const upToDate = existing === fingerprint;
  if (checkOnly) {
    console.log(`${upToDate ? 'up to date' : existing ? 'STALE     ' : 'MISSING   '} ${file}`);
    if (!upToDate) console.error(`${file} does not match its chapters. Run: npm run handbook:pdf`);
    return upToDate;
  }
  if (upToDate && !force) {
    console.log(`unchanged ${file} (the chapters and layout have not changed; --force rebuilds)`);
    return true;
  }
  const started = performance.now();
  const { bytes, pages } = await build(fingerprint, locale);
  writeFileSync(join(root, file), bytes);
  const took = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  console.log(`written   ${file}  ${(bytes.length / 1024).toFixed(0)} KB  ${pages} pages  ${took}`);
  return true;
}

async function main(): Promise<number> {
  const checkOnly = process.argv.includes('--check');
  const force = process.argv.includes('--force');
  const langIndex = process.argv.indexOf('--lang');
  const lang = langIndex >= 0 ? process.argv[langIndex + 1] : undefined;
  if (langIndex >= 0 && !isLocale(lang)) {
    console.error('--lang takes en or ms.');
    return 2;
  }
  const locales = lang && isLocale(lang) ? [lang] : HANDBOOK_LOCALES;
  let ok = true;
  for (const locale of locales) ok = (await buildEdition(locale, checkOnly, force)) && ok;
  return ok ? 0 : 1;
}

process.exitCode = await main();
