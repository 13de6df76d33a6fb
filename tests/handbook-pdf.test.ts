import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from '@cantoo/pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '#src/i18n/index.ts';
import {
  computeHandbookFingerprint,
  fingerprintFromKeywords,
  HANDBOOK_LOCALES,
  handbookPdf,
  readHandbookChapters,
  type ChapterSource,
} from '../scripts/handbook/source.ts';
import { HANDBOOK_WORDING } from '../scripts/handbook/template.ts';

const root = process.cwd();
const rebuild = 'Rebuild it with `npm run handbook:pdf` and commit the PDF with the change.';

const canReadText = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;
if (!canReadText)
  console.warn('Skipping the text checks: `pdftotext` is not installed (apt-get install poppler-utils).');

/** Straight and curly apostrophes, line breaks and spaces all compare equal. */
const normalise = (text: string): string => text.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

function chaptersOf(locale: Locale): ChapterSource[] {
  const read = readHandbookChapters(root, locale);
  if (!read.ok) throw new Error(`The handbook chapters are invalid:\n${read.problems.join('\n')}`);
  return read.chapters;
}

describe.each(HANDBOOK_LOCALES)('the handbook PDF in public/downloads (%s edition)', (locale) => {
  const HANDBOOK_PDF = handbookPdf(locale);
  const pdfPath = join(root, HANDBOOK_PDF);
  const wording = HANDBOOK_WORDING[locale];
  const chapters = () => chaptersOf(locale);
  let pdf: PDFDocument;
  let pages: string[] = [];

  beforeAll(async () => {
    expect(existsSync(pdfPath), `${HANDBOOK_PDF} is missing. ${rebuild}`).toBe(true);
    pdf = await PDFDocument.load(readFileSync(pdfPath), { updateMetadata: false });
    if (canReadText)
      pages = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' })
        .split('\f')
        .slice(0, pdf.getPageCount())
        .map(normalise);
  });

  it('was built from the current chapters and layout', () => {
    const embedded = fingerprintFromKeywords(pdf.getKeywords());
    expect(embedded, `${HANDBOOK_PDF} carries no source fingerprint. ${rebuild}`).not.toBeNull();
    expect(
      embedded,
      `${HANDBOOK_PDF} is stale: src/content/handbook/ or scripts/handbook/ changed since it was built. ${rebuild}`,
    ).toBe(computeHandbookFingerprint(root, locale));
  });

  it('names its title, author, subject and language', () => {
    expect(pdf.getTitle()).toBe(wording.title);
    expect(pdf.getAuthor()).toBe('RTW Academy');
    expect(pdf.getSubject()).toBe(wording.subject);
    expect(pdf.catalog.get(PDFName.of('Lang'))?.toString()).toBe(`(${wording.language})`);
  });

  it('is tagged and has a bookmark for each chapter', () => {
    const markInfo = pdf.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
    expect(markInfo?.get(PDFName.of('Marked'))).toBe(PDFBool.True);
    expect(pdf.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
    const bookmarks: string[] = [];
    const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
    let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict);
    for (; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict))
      bookmarks.push(item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '');
    expect(bookmarks.map(normalise)).toEqual([
      wording.title,
      wording.contents,
      ...chapters().map((chapter) => normalise(chapter.title)),
    ]);
  });

  it('has a plausible number of A4 pages', () => {
    const count = pdf.getPageCount();
    const words = chapters().reduce((sum, chapter) => sum + chapter.markdown.split(/\s+/).length, 0);
    // A cover, a contents page, a page or more per chapter; roughly 250 to 600 words a page.
    expect(count).toBeGreaterThanOrEqual(chapters().length + 2);
    expect(count).toBeGreaterThanOrEqual(Math.floor(words / 600));
    expect(count).toBeLessThanOrEqual(Math.ceil(words / 250) + chapters().length + 2);
    for (const page of pdf.getPages()) {
      const { width, height } = page.getSize();
      expect(Math.round(width)).toBe(595);
      expect(Math.round(height)).toBe(842);
    }
  });

  it.runIf(canReadText)('has extractable text with every chapter title', () => {
    const text = pages.join(' ');
    for (const chapter of chapters()) expect(text).toContain(normalise(chapter.title));
  });

  it.runIf(canReadText)(
    'opens with a cover, then a contents page that gives each chapter its first page',
    () => {
      expect(pages[0]).toContain(wording.title);
      expect(pages[0]).toMatch(new RegExp(wording.edition('\\d{1,2} \\p{L}+ \\d{4}'), 'u'));
      const contents = pages[1] ?? '';
      expect(contents.startsWith(wording.contents)).toBe(true);
      chapters().forEach((chapter, index) => {
        const title = normalise(chapter.title);
        expect(contents, `the contents list "${title}"`).toContain(title);
        // "N Title P Summary": the page number follows the title.
        const listed = Number(
          contents
            .slice(contents.indexOf(title) + title.length)
            .trim()
            .split(' ')[0],
        );
        const label = `${wording.chapter(index + 1).toUpperCase()} `;
        const opens = pages.findIndex((page) => page.toUpperCase().startsWith(label)) + 1;
        expect(opens, `chapter ${index + 1} starts on a page of its own`).toBeGreaterThan(2);
        expect(listed, `the contents page number of "${title}"`).toBe(opens);
      });
    },
  );

  it.runIf(canReadText)('numbers the pages after the cover', () => {
    const total = pages.length;
    const pageOf = (page: number) =>
      locale === 'en' ? `Page ${page} of ${total}` : `Halaman ${page} daripada ${total}`;
    expect(pages[0]).not.toContain(pageOf(1));
    pages.slice(1).forEach((page, index) => expect(page).toContain(pageOf(index + 2)));
  });
});
