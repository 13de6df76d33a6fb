/**
 * What Chromium's print leaves to do: the document's metadata, with the source fingerprint in its
 * keywords, and bookmark titles as the headings read.
 */
import { PDFDict, PDFDocument, PDFHeader, PDFHexString, PDFName, PDFString } from '@cantoo/pdf-lib';
import { FINGERPRINT_PREFIX } from './source.ts';
import type { Locale } from '#src/i18n/index.ts';
import { HANDBOOK_AUTHOR, HANDBOOK_WORDING } from './template.ts';

const squeeze = (text: string): string => text.replace(/\s+/g, '');

/**
 * Chromium builds a bookmark's title from the heading's lines and drops the space where a long
 * heading wraps ("closing acase"). Each title whose letters match a heading gets that heading's
 * text back.
 */
function repairBookmarkTitles(document: PDFDocument, headings: ReadonlyArray<string>): void {
  const byLetters = new Map(
    headings.map((heading) => [squeeze(heading), heading.replace(/\s+/g, ' ').trim()]),
  );
  const outlines = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const visit = (item: PDFDict | undefined): void => {
    for (let current = item; current; current = current.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = current.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText();
      const heading = title === undefined ? undefined : byLetters.get(squeeze(title));
      if (heading !== undefined && heading !== title)
        current.set(PDFName.of('Title'), PDFHexString.fromText(heading));
      visit(current.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  visit(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
}

/**
 * Sets the title, author, subject, language and keywords (Chromium leaves most of them empty),
 * with `source-sha256:<fingerprint>` among the keywords, and repairs the bookmark titles.
 */
export async function finishHandbookPdf(
  pdf: Uint8Array,
  input: { fingerprint: string; headings: ReadonlyArray<string>; now: Date; locale: Locale },
): Promise<Uint8Array> {
  const wording = HANDBOOK_WORDING[input.locale];
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(wording.title, { showInWindowTitleBar: true });
  document.setAuthor(HANDBOOK_AUTHOR);
  document.setSubject(wording.subject);
  document.setKeywords([...wording.keywords, `${FINGERPRINT_PREFIX}${input.fingerprint}`]);
  document.setLanguage(wording.language);
  document.setCreator('RTW Academy handbook build (npm run handbook:pdf), printed by Chromium');
  document.setCreationDate(input.now);
  document.setModificationDate(input.now);
  repairBookmarkTitles(document, input.headings);
  // Object streams make the file about 40% smaller; they need PDF 1.5 or later.
  document.context.header = PDFHeader.forVersion(1, 7);
  return document.save({ useObjectStreams: true });
}
