/**
 * Builds public/downloads/rtw-coordinator-handbook.pdf from the chapters in src/content/handbook/.
 *
 *   npm run handbook:pdf                 build when the chapters or the layout changed
 *   npm run handbook:pdf -- --force      build even when the PDF is up to date
 *   npm run handbook:pdf -- --check      build nothing; exit 1 when the PDF is missing or stale
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
import { findChromium } from './chromium.ts';
import { finishHandbookPdf } from './handbook/finish-pdf.ts';
import { notoSansFontCss } from './handbook/fonts.ts';
import {
  computeHandbookFingerprint,
  editionDate,
  fingerprintFromKeywords,
  HANDBOOK_PDF,
  readHandbookChapters,
} from './handbook/source.ts';
import {
  chapterLabel,
  renderHandbookHtml,
  type HandbookDocument,
  type PrintedChapter,
} from './handbook/template.ts';

const root = resolve(import.meta.dirname, '..');
const target = join(root, HANDBOOK_PDF);
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
async function existingFingerprint(): Promise<string | null> {
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
): Map<string, number> {
  const file = join(workFolder, 'pass.pdf');
  writeFileSync(file, pdf);
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f');
  const found = new Map<string, number>();
  // The label is set in capitals: compare without case.
  const labels = chapters.map((_chapter, index) => chapterLabel(index + 1).toLowerCase());
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

async function build(fingerprint: string): Promise<{ bytes: Uint8Array; pages: number }> {
  const read = readHandbookChapters(root);
  if (!read.ok) {
    throw new Error(
      `The handbook chapters have ${read.problems.length} problem(s):\n  ${read.problems.join('\n  ')}`,
    );
  }
  const markdown = await createSatteriMarkdownProcessor({ syntaxHighlight: false });
  const chapters: PrintedChapter[] = [];
  for (const chapter of read.chapters) {
    const rendered = await markdown.render(chapter.markdown);
    chapters.push({ id: chapter.id, title: chapter.title, summary: chapter.summary, html: rendered.code });
  }
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      "No Chromium found to print the handbook. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.",
    );
  }
  const base: HandbookDocument = {
    chapters,
    edition: editionDate(read.chapters),
    fontCss: notoSansFontCss(),
    css: readFileSync(join(root, 'scripts/handbook/print.css'), 'utf8'),
  };
  const workFolder = mkdtempSync(join(tmpdir(), 'handbook-pdf-'));
  const browser = await chromium.launch({ executablePath, args: chromiumFlags });
  try {
    const page = await browser.newPage();
    let pageNumbers = findChapterPages(await printPdf(page, base), chapters, workFolder);
    // Filling in the numbers could in principle move a chapter (a longer contents page), so print
    // until the numbers the contents show are the pages the chapters start on.
    for (let attempt = 0; attempt < 3; attempt++) {
      const pdf = await printPdf(page, { ...base, pageNumbers });
      const printed = findChapterPages(pdf, chapters, workFolder);
      if (samePages(printed, pageNumbers)) {
        const headings = await page.$$eval('h1, h2, h3, h4, h5, h6', (elements) =>
          elements.map((element) => element.textContent ?? ''),
        );
        const bytes = await finishHandbookPdf(pdf, { fingerprint, headings, now: new Date() });
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

async function main(): Promise<number> {
  const checkOnly = process.argv.includes('--check');
  const force = process.argv.includes('--force');
  const fingerprint = computeHandbookFingerprint(root);
  const existing = await existingFingerprint();
  const upToDate = existing === fingerprint;
  if (checkOnly) {
    console.log(`${upToDate ? 'up to date' : existing ? 'STALE     ' : 'MISSING   '} ${HANDBOOK_PDF}`);
    if (!upToDate) console.error('The handbook PDF does not match its chapters. Run: npm run handbook:pdf');
    return upToDate ? 0 : 1;
  }
  if (upToDate && !force) {
    console.log(`unchanged ${HANDBOOK_PDF} (the chapters and layout have not changed; --force rebuilds)`);
    return 0;
  }
  const started = performance.now();
  const { bytes, pages } = await build(fingerprint);
  writeFileSync(target, bytes);
  const took = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  console.log(`written   ${HANDBOOK_PDF}  ${(bytes.length / 1024).toFixed(0)} KB  ${pages} pages  ${took}`);
  return 0;
}

process.exitCode = await main();
