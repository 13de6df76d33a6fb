import {
  concatTransformationMatrix,
  fill,
  PDFDocument,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingColor,
} from '@cantoo/pdf-lib';
import type { PDFPage } from '@cantoo/pdf-lib';
import QRCode from 'qrcode';
import { TIME_ZONE } from '#src/lib/time.ts';
import { numberFormatter } from '#src/lib/number.ts';
import { contentSeed, setDeterministicFileId } from './file-id.ts';
import type { FontWeight } from './fonts.ts';
import { pdfColours } from './palette.ts';
import { createTypesetter, type TextStyle, type Typesetter } from './typesetter.ts';

export type CertificateLocale = 'en' | 'ms';

export interface CertificatePdfInput {
  readonly serial: string;
  /** Display form, `XXXX-XXXX-XXXX-XXXX-XXXX`. */
  readonly verificationCode: string;
  readonly holderName: string;
  readonly courseTitle: string;
  readonly certificateTitle: string;
  readonly cpdHours: number;
  readonly issuedAt: Date;
  readonly expiresAt: Date | null;
  readonly signatoryName: string;
  readonly signatoryTitle: string;
  readonly issuer: string;
  readonly programme: string;
  readonly verifyUrl: string;
  readonly locale: CertificateLocale;
}

interface CertificateLabels {
  readonly languageTag: string;
  readonly certifies: string;
  readonly completed: string;
  readonly cpdHours: string;
  readonly hours: (formatted: string) => string;
  readonly issued: string;
  readonly validUntil: string;
  readonly noExpiry: string;
  readonly serial: string;
  readonly code: string;
  readonly verify: string;
  readonly onBehalfOf: string;
  readonly subject: (input: CertificatePdfInput) => string;
  readonly certificateKeyword: string;
}

const labels: Readonly<Record<CertificateLocale, CertificateLabels>> = {
  en: {
    languageTag: 'en-MY',
    certifies: 'This certifies that',
    completed: 'has successfully completed',
    cpdHours: 'CPD hours',
    hours: (formatted) => `${formatted} hours`,
    issued: 'Date of issue',
    validUntil: 'Valid until',
    noExpiry: 'No expiry',
    serial: 'Serial number',
    code: 'Verification code',
    verify: 'Scan or visit to verify',
    onBehalfOf: 'for',
    subject: (input) => `${input.certificateTitle} awarded to ${input.holderName} for ${input.courseTitle}`,
    certificateKeyword: 'certificate',
  },
  ms: {
    languageTag: 'ms-MY',
    certifies: 'Dengan ini disahkan bahawa',
    completed: 'telah berjaya menamatkan',
    cpdHours: 'Jam CPD',
    hours: (formatted) => `${formatted} jam`,
    issued: 'Tarikh dikeluarkan',
    validUntil: 'Sah sehingga',
    noExpiry: 'Tiada tarikh luput',
    serial: 'Nombor siri',
    code: 'Kod pengesahan',
    verify: 'Imbas atau layari untuk mengesahkan',
    onBehalfOf: 'bagi pihak',
    subject: (input) =>
      `${input.certificateTitle} dianugerahkan kepada ${input.holderName} bagi ${input.courseTitle}`,
    certificateKeyword: 'sijil',
  },
};

const producer = 'RTW Academy certificate renderer (@cantoo/pdf-lib)';
const creator = 'RTW Academy';
// Bump when the layout changes, so a changed file also gets a new /ID.
const layoutVersion = 'certificate-v1';

// A4 landscape, in points.
const pageWidth = 841.89;
const pageHeight = 595.28;
const centreX = pageWidth / 2;
const contentWidth = 640;

/** Per process: building an Intl formatter costs more than using it (hours: lib/number.ts). */
const dateFormats = {
  en: certificateDateFormat('en'),
  ms: certificateDateFormat('ms'),
} satisfies Record<CertificateLocale, Intl.DateTimeFormat>;

function certificateDateFormat(locale: CertificateLocale): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(labels[locale].languageTag, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    // Certificates are issued in Malaysia: the date printed is the date there.
    timeZone: TIME_ZONE,
  });
}

function formatDate(date: Date, locale: CertificateLocale): string {
  return dateFormats[locale].format(date);
}

function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//iu, '').replace(/^www\./iu, '');
}

/** Splits at the space that best balances two lines; null when there is no space. */
function balancedTwoLines(text: string, measure: (part: string) => number): [string, string] | null {
  let best: [string, string] | null = null;
  let bestWidth = Infinity;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) {
    const pair: [string, string] = [text.slice(0, i).trim(), text.slice(i + 1).trim()];
    const widest = Math.max(measure(pair[0]), measure(pair[1]));
    if (widest < bestWidth) {
      bestWidth = widest;
      best = pair;
    }
  }
  return best;
}

/**
 * One line at up to `style.size`; when that would fall below `minSize`, two balanced lines at
 * up to `twoLineSize`, whichever is larger.
 */
function fitLines(
  type: Typesetter,
  text: string,
  maxWidth: number,
  style: TextStyle,
  minSize: number,
  twoLineSize: number,
): { lines: string[]; size: number } {
  const single = type.fitSize(text, maxWidth, style);
  if (single >= minSize) return { lines: [text], size: single };
  const pair = balancedTwoLines(text, (part) => type.widthOf(part, style));
  if (!pair) return { lines: [text], size: single };
  const size = Math.min(...pair.map((line) => type.fitSize(line, maxWidth, { ...style, size: twoLineSize })));
  return size > single ? { lines: pair, size } : { lines: [text], size: single };
}

function drawFrame(page: PDFPage): void {
  page.drawRectangle({ x: 0, y: 0, width: pageWidth, height: pageHeight, color: pdfColours.white });
  page.drawRectangle({
    x: 18,
    y: 18,
    width: pageWidth - 36,
    height: pageHeight - 36,
    borderColor: pdfColours.navy,
    borderWidth: 3,
  });
  page.drawRectangle({
    x: 26,
    y: 26,
    width: pageWidth - 52,
    height: pageHeight - 52,
    borderColor: pdfColours.teal,
    borderWidth: 0.75,
  });
  // Gold corner brackets inside the inner frame.
  const inset = 34;
  const arm = 34;
  for (const [x, y, dx, dy] of [
    [inset, inset, 1, 1],
    [pageWidth - inset, inset, -1, 1],
    [inset, pageHeight - inset, 1, -1],
    [pageWidth - inset, pageHeight - inset, -1, -1],
  ] as const) {
    page.drawLine({ start: { x, y }, end: { x: x + dx * arm, y }, thickness: 2, color: pdfColours.gold });
    page.drawLine({ start: { x, y }, end: { x, y: y + dy * arm }, thickness: 2, color: pdfColours.gold });
  }
  // A calm teal band behind the top lines.
  page.drawRectangle({
    x: 27,
    y: pageHeight - 27 - 6,
    width: pageWidth - 54,
    height: 6,
    color: pdfColours.tealTint,
  });
  page.drawRectangle({ x: 27, y: 27, width: pageWidth - 54, height: 6, color: pdfColours.tealTint });
}

function drawSeal(page: PDFPage, type: Typesetter, cx: number, cy: number, issuerMark: string): void {
  page.drawCircle({ x: cx, y: cy, size: 38, color: pdfColours.gold });
  page.drawCircle({ x: cx, y: cy, size: 34, color: pdfColours.goldTint });
  page.drawCircle({ x: cx, y: cy, size: 30, borderColor: pdfColours.gold, borderWidth: 0.8 });
  type.drawCentred(page, 'RTW', cx, cy - 1, {
    size: 17,
    weight: 700,
    color: pdfColours.navy,
    characterSpacing: 1,
  });
  type.drawCentred(page, issuerMark, cx, cy - 14, {
    size: 5.5,
    weight: 700,
    color: pdfColours.teal,
    characterSpacing: 1.2,
  });
  page.drawLine({
    start: { x: cx - 14, y: cy + 16 },
    end: { x: cx + 14, y: cy + 16 },
    thickness: 0.8,
    color: pdfColours.gold,
  });
}

/**
 * Draws the QR code as vector rectangles, one per horizontal run of dark modules, in module units
 * under one transformation: each rectangle is then four small integers instead of four long
 * fractions, which keeps the page's content stream (and compressing it) about 13 KB shorter.
 */
function drawQrCode(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const module = size / count;
  const operators = [
    pushGraphicsState(),
    concatTransformationMatrix(module, 0, 0, module, x, y),
    setFillingColor(pdfColours.ink),
  ];
  for (let row = 0; row < count; row++) {
    const bottom = count - row - 1;
    for (let col = 0; col < count;) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && qr.modules.get(row, col)) col++;
      operators.push(rectangle(start, bottom, col - start, 1));
    }
  }
  operators.push(fill(), popGraphicsState());
  page.pushOperators(...operators);
}

function addLink(doc: PDFDocument, page: PDFPage, url: string, rect: [number, number, number, number]): void {
  const annotation = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: rect,
    Border: [0, 0, 0],
    F: 4, // Print: PDF/A wants every annotation printable.
    A: { Type: 'Action', S: 'URI', URI: PDFString.of(url) },
  });
  page.node.addAnnot(doc.context.register(annotation));
}

/** The strings a certificate prints, in its locale. */
interface CertificateWording {
  readonly labels: CertificateLabels;
  readonly hours: string;
  readonly issued: string;
  readonly expiry: string;
  readonly shortUrl: string;
  readonly issuerMark: string;
  readonly upper: (label: string) => string;
}

function wordingFor(input: CertificatePdfInput): CertificateWording {
  const text = labels[input.locale];
  return {
    labels: text,
    hours: text.hours(numberFormatter(text.languageTag, { maximumFractionDigits: 1 }).format(input.cpdHours)),
    issued: formatDate(input.issuedAt, input.locale),
    expiry: input.expiresAt ? formatDate(input.expiresAt, input.locale) : text.noExpiry,
    shortUrl: shortUrl(input.verifyUrl),
    issuerMark: input.issuer.toLocaleUpperCase(text.languageTag),
    upper: (label) => label.toLocaleUpperCase(text.languageTag),
  };
}

/** Every string drawn, by weight, so that the typesetter embeds the faces they need. */
function textsToDraw(
  input: CertificatePdfInput,
  words: CertificateWording,
): Array<{ text: string; weight: FontWeight }> {
  const { labels: text } = words;
  const regular = [
    input.programme,
    text.certifies,
    text.completed,
    words.issued,
    words.expiry,
    words.shortUrl,
    input.signatoryTitle,
    `${text.onBehalfOf} ${input.issuer}`,
    words.hours,
  ];
  const bold = [
    'RTW',
    words.issuerMark,
    ...[text.cpdHours, text.issued, text.validUntil, text.serial, text.code, text.verify].map(words.upper),
    input.certificateTitle,
    input.holderName,
    input.courseTitle,
    input.serial,
    input.verificationCode,
    input.signatoryName,
  ];
  return [
    ...regular.map((text) => ({ text, weight: 400 as const })),
    ...bold.map((text) => ({ text, weight: 700 as const })),
  ];
}

/** Issuer, programme, title, holder name and course, centred from the top down. */
function drawCentrePiece(
  page: PDFPage,
  type: Typesetter,
  input: CertificatePdfInput,
  words: CertificateWording,
): void {
  const { labels: text } = words;
  type.drawCentred(page, words.issuerMark, centreX, 520, {
    size: 12,
    weight: 700,
    color: pdfColours.teal,
    characterSpacing: 3.5,
  });
  const programmeStyle = { size: 12.5, color: pdfColours.muted };
  type.drawCentred(page, input.programme, centreX, 500, {
    ...programmeStyle,
    size: type.fitSize(input.programme, contentWidth, programmeStyle),
  });

  const titleStyle = { size: 34, weight: 700, color: pdfColours.navy } as const;
  type.drawCentred(page, input.certificateTitle, centreX, 444, {
    ...titleStyle,
    size: type.fitSize(input.certificateTitle, contentWidth, titleStyle),
  });
  page.drawRectangle({ x: centreX - 32, y: 426, width: 64, height: 3, color: pdfColours.gold });

  type.drawCentred(page, text.certifies, centreX, 398, { size: 12.5, color: pdfColours.muted });

  // The holder's name is the largest thing on the page; a long one wraps onto two lines.
  const nameStyle = { size: 34, weight: 700, color: pdfColours.navy } as const;
  const name = fitLines(type, input.holderName, 600, nameStyle, 22, 27);
  const nameLineHeight = name.size * 1.22;
  const nameTop = name.lines.length === 1 ? 352 : 362;
  name.lines.forEach((line, i) => {
    type.drawCentred(page, line, centreX, nameTop - i * nameLineHeight, { ...nameStyle, size: name.size });
  });
  const ruleY = nameTop - (name.lines.length - 1) * nameLineHeight - 14;
  page.drawLine({
    start: { x: centreX - 220, y: ruleY },
    end: { x: centreX + 220, y: ruleY },
    thickness: 0.6,
    color: pdfColours.teal,
  });

  type.drawCentred(page, text.completed, centreX, ruleY - 22, { size: 12.5, color: pdfColours.muted });

  const courseStyle = { size: 19, weight: 700, color: pdfColours.teal } as const;
  const course = fitLines(type, input.courseTitle, contentWidth, courseStyle, 14, 16);
  course.lines.forEach((line, i) => {
    type.drawCentred(page, line, centreX, ruleY - 50 - i * course.size * 1.25, {
      ...courseStyle,
      size: course.size,
    });
  });
}

/** CPD hours, issue date and expiry in three columns. */
function drawFacts(page: PDFPage, type: Typesetter, words: CertificateWording): void {
  const { labels: text } = words;
  const facts: Array<[string, string]> = [
    [text.cpdHours, words.hours],
    [text.issued, words.issued],
    [text.validUntil, words.expiry],
  ];
  const columnWidth = 180;
  const valueStyle = { size: 12.5, color: pdfColours.ink };
  facts.forEach(([label, value], i) => {
    const cx = centreX + (i - 1) * columnWidth;
    type.drawCentred(page, words.upper(label), cx, 222, {
      size: 7.5,
      weight: 700,
      color: pdfColours.muted,
      characterSpacing: 1.2,
    });
    type.drawCentred(page, value, cx, 205, {
      ...valueStyle,
      size: type.fitSize(value, columnWidth - 16, valueStyle),
    });
    if (i > 0) {
      const x = cx - columnWidth / 2;
      page.drawLine({ start: { x, y: 200 }, end: { x, y: 232 }, thickness: 0.5, color: pdfColours.tealTint });
    }
  });
}

/** The signatory's line, name, title and organisation, bottom left. */
function drawSignatory(
  page: PDFPage,
  type: Typesetter,
  input: CertificatePdfInput,
  words: CertificateWording,
): void {
  const left = 78;
  const maxWidth = 240;
  page.drawLine({
    start: { x: left, y: 124 },
    end: { x: left + 200, y: 124 },
    thickness: 0.8,
    color: pdfColours.ink,
  });
  const nameStyle = { size: 11, weight: 700, color: pdfColours.ink } as const;
  type.draw(page, input.signatoryName, left, 109, {
    ...nameStyle,
    size: type.fitSize(input.signatoryName, maxWidth, nameStyle),
  });
  const smallStyle = { size: 9, color: pdfColours.muted };
  const behalf = `${words.labels.onBehalfOf} ${input.issuer}`;
  type.draw(page, input.signatoryTitle, left, 96, {
    ...smallStyle,
    size: type.fitSize(input.signatoryTitle, maxWidth, smallStyle),
  });
  type.draw(page, behalf, left, 84, { ...smallStyle, size: type.fitSize(behalf, maxWidth, smallStyle) });
}

/** Serial and code beside the QR code, the short URL under it, bottom right; all one link. */
function drawVerification(
  doc: PDFDocument,
  page: PDFPage,
  type: Typesetter,
  input: CertificatePdfInput,
  words: CertificateWording,
): void {
  const { labels: text } = words;
  const qrSize = 82;
  const qrRight = pageWidth - 72;
  const qrLeft = qrRight - qrSize;
  const qrBottom = 92;
  drawQrCode(page, input.verifyUrl, qrLeft, qrBottom, qrSize);
  const textRight = qrLeft - 14;
  const labelStyle = { size: 7, weight: 700, color: pdfColours.muted, characterSpacing: 1 } as const;
  const valueStyle = { size: 10.5, weight: 700, color: pdfColours.ink } as const;
  type.drawRightAligned(page, words.upper(text.serial), textRight, 160, labelStyle);
  type.drawRightAligned(page, input.serial, textRight, 147, valueStyle);
  type.drawRightAligned(page, words.upper(text.code), textRight, 126, labelStyle);
  type.drawRightAligned(page, input.verificationCode, textRight, 113, valueStyle);
  type.drawRightAligned(page, words.upper(text.verify), qrRight, 80, { ...labelStyle, size: 6.5 });
  const urlStyle = { size: 7.5, color: pdfColours.teal };
  type.drawRightAligned(page, words.shortUrl, qrRight, 69, {
    ...urlStyle,
    size: type.fitSize(words.shortUrl, 300, urlStyle),
  });
  addLink(doc, page, input.verifyUrl, [qrLeft - 2, 64, qrRight + 2, qrBottom + qrSize + 2]);
}

function setMetadata(doc: PDFDocument, input: CertificatePdfInput, text: CertificateLabels): void {
  doc.setTitle(`${input.certificateTitle}: ${input.holderName}`, { showInWindowTitleBar: true });
  doc.setAuthor(input.issuer);
  doc.setSubject(text.subject(input));
  // pdf-lib joins keywords with spaces, which would run multi-word keywords together.
  const keywords = [
    input.issuer,
    input.programme,
    input.courseTitle,
    input.serial,
    text.certificateKeyword,
    'CPD',
  ];
  doc.setKeywords([keywords.join('; ')]);
  doc.setLanguage(text.languageTag);
  doc.setProducer(producer);
  doc.setCreator(creator);
  doc.setCreationDate(input.issuedAt);
  doc.setModificationDate(input.issuedAt);
}

/**
 * Renders a certificate as a one-page A4 landscape PDF/A-2B document. The same input always
 * yields the same bytes. Names in any mix of Latin (with diacritics), Tamil and Chinese draw
 * with embedded Noto Sans subsets; long names shrink (and wrap to two lines) to fit.
 */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
  const words = wordingFor(input);
  const seed = contentSeed(layoutVersion, input);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const type = await createTypesetter(doc, textsToDraw(input, words), seed);

  const page = doc.addPage([pageWidth, pageHeight]);
  drawFrame(page);
  drawCentrePiece(page, type, input, words);
  drawFacts(page, type, words);
  drawSignatory(page, type, input, words);
  drawSeal(page, type, centreX, 118, words.issuerMark);
  drawVerification(doc, page, type, input, words);

  setMetadata(doc, input, words.labels);
  setDeterministicFileId(doc, seed);
  doc.convertToPDFA({ conformance: '2B' });
  return doc.save();
}
