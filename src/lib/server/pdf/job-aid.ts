import { PDFDocument, PDFHexString, PDFName, rgb } from '@cantoo/pdf-lib';
import type { PDFField, PDFFont, PDFPage } from '@cantoo/pdf-lib';
import type { JobAidField, JobAidSpec } from '#src/lib/content/job-aid-schema.ts';
import { contentSeed, setDeterministicFileId } from './file-id.ts';
import { pdfColours } from './palette.ts';
import { createTypesetter, type TextStyle, type Typesetter } from './typesetter.ts';

const issuer = 'RTW Academy';
const footerNotice = 'RTW Academy template — not an official SOCSO form';
const instructionsHeading = 'How to fill in this form';
const dateHint = 'DD/MM/YYYY';
const producer = 'RTW Academy job aid renderer (@cantoo/pdf-lib)';
// Bump when the layout changes, so a changed file also gets a new /ID.
const layoutVersion = 'job-aid-v1';

// A4 portrait, in points.
const pageWidth = 595.28;
const pageHeight = 841.89;
const marginX = 48;
const contentTopFirst = pageHeight - 48;
const contentTopNext = pageHeight - 78;
const contentBottom = 66;
const contentWidth = pageWidth - 2 * marginX;
const columnGap = 20;
const columnWidth = (contentWidth - columnGap) / 2;
const rowGap = 12;

const style = {
  brand: { size: 8.5, weight: 700, color: pdfColours.teal, characterSpacing: 2 },
  title: { size: 22, weight: 700, color: pdfColours.navy },
  description: { size: 10.5, color: pdfColours.muted },
  boxHeading: { size: 9.5, weight: 700, color: pdfColours.navy },
  body: { size: 9.5, color: pdfColours.ink },
  sectionHeading: { size: 13, weight: 700, color: pdfColours.navy },
  note: { size: 9, color: pdfColours.muted },
  label: { size: 9, weight: 700, color: pdfColours.ink },
  hint: { size: 8, color: pdfColours.muted },
  running: { size: 8, color: pdfColours.muted },
} satisfies Record<string, TextStyle>;

const lineHeight = (textStyle: TextStyle): number => textStyle.size * 1.38;

const fieldBorder = rgb(0.5, 0.58, 0.63);
const fieldFontSize = 10;
const singleLineFieldHeight = 20;
const checkboxSize = 12;

/** Greedy word wrap; a word wider than the line is broken between characters. */
function wrapText(type: Typesetter, text: string, maxWidth: number, textStyle: TextStyle): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (type.widthOf(candidate, textStyle) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let piece = '';
    for (const char of word) {
      if (piece && type.widthOf(piece + char, textStyle) > maxWidth) {
        lines.push(piece);
        piece = '';
      }
      piece += char;
    }
    line = piece;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Paragraphs split at blank lines; a line starting with "- " or "* " starts a bullet, and an
 * indented line under it continues that bullet. Other line breaks are soft.
 */
function paragraphsOf(text: string): Array<{ text: string; bullet: boolean }> {
  const paragraphs: Array<{ text: string; bullet: boolean }> = [];
  for (const block of text.trim().split(/\n\s*\n/u)) {
    let current: { text: string; bullet: boolean } | null = null;
    for (const rawLine of block.split('\n')) {
      const line = rawLine.trim();
      if (!line) continue;
      const bullet = /^[-*]\s+(.*)$/u.exec(line);
      if (bullet) {
        current = { text: bullet[1] ?? '', bullet: true };
        paragraphs.push(current);
      } else if (current && (!current.bullet || /^\s/u.test(rawLine))) {
        current.text += ` ${line}`;
      } else {
        current = { text: line, bullet: false };
        paragraphs.push(current);
      }
    }
  }
  return paragraphs;
}

function hintFor(field: JobAidField): string | null {
  if (field.type === 'date') return dateHint;
  if (field.type === 'choice') return `Choose one: ${field.options.join(' · ')}`;
  return null;
}

function fieldHeight(field: JobAidField): number {
  if (field.type === 'multiline') return (field.lines ?? 3) * 15 + 8;
  if (field.type === 'checkbox') return checkboxSize;
  return singleLineFieldHeight;
}

interface Cell {
  /** Height of the label and hint above the field box (0 for a checkbox, whose label is beside it). */
  readonly textHeight: number;
  readonly boxHeight: number;
  /** `textArea` is the tallest label in the row, so that the boxes of a row line up. */
  draw(page: PDFPage, x: number, top: number, textArea: number): void;
}

const boxGap = 4;
const cellHeight = (cell: Cell, textArea: number): number =>
  cell.textHeight === 0 ? cell.boxHeight : textArea + boxGap + cell.boxHeight;

/** Lays out a job aid page by page, top to bottom. */
function createLayout(doc: PDFDocument, type: Typesetter, spec: JobAidSpec) {
  const form = doc.getForm();
  const pages: PDFPage[] = [];
  let page = doc.addPage([pageWidth, pageHeight]);
  pages.push(page);
  let y = contentTopFirst;

  const newPage = (): void => {
    page = doc.addPage([pageWidth, pageHeight]);
    pages.push(page);
    type.draw(page, issuer.toUpperCase(), marginX, pageHeight - 46, style.brand);
    const runningTitle = {
      ...style.running,
      size: type.fitSize(spec.title, contentWidth / 2, style.running),
    };
    type.drawRightAligned(page, spec.title, pageWidth - marginX, pageHeight - 46, runningTitle);
    page.drawLine({
      start: { x: marginX, y: pageHeight - 54 },
      end: { x: pageWidth - marginX, y: pageHeight - 54 },
      thickness: 0.75,
      color: pdfColours.teal,
    });
    y = contentTopNext;
  };

  /** Starts a new page unless `height` points fit below the cursor. */
  const ensure = (height: number): void => {
    if (y - height < contentBottom) newPage();
  };

  const drawLines = (lines: string[], x: number, top: number, textStyle: TextStyle): number => {
    const step = lineHeight(textStyle);
    lines.forEach((line, i) => type.draw(page, line, x, top - textStyle.size - i * step, textStyle));
    return lines.length * step;
  };

  const describe = (field: PDFField, text: string): void => {
    // The tooltip is what screen readers announce for the field.
    field.acroField.dict.set(PDFName.of('TU'), PDFHexString.fromText(text));
  };

  const fieldCell = (field: JobAidField, width: number): Cell => {
    if (field.type === 'checkbox') {
      const labelWidth = width - checkboxSize - 8;
      const lines = wrapText(type, field.label, labelWidth, style.label);
      return {
        textHeight: 0,
        boxHeight: Math.max(checkboxSize, lines.length * lineHeight(style.label)),
        draw: (target, x, top) => {
          const box = form.createCheckBox(field.id);
          box.addToPage(target, {
            x,
            y: top - checkboxSize,
            width: checkboxSize,
            height: checkboxSize,
            borderColor: fieldBorder,
            borderWidth: 1,
            backgroundColor: pdfColours.white,
          });
          describe(box, field.label);
          drawLines(lines, x + checkboxSize + 8, top + 1, style.label);
        },
      };
    }
    const labelLines = wrapText(type, field.label, width, style.label);
    const hint = hintFor(field);
    const hintLines = hint ? wrapText(type, hint, width, style.hint) : [];
    const boxHeight = fieldHeight(field);
    const textHeight =
      labelLines.length * lineHeight(style.label) + hintLines.length * lineHeight(style.hint);
    return {
      textHeight,
      boxHeight,
      draw: (target, x, top, textArea) => {
        const cursor = top - drawLines(labelLines, x, top, style.label);
        drawLines(hintLines, x, cursor, style.hint);
        const isDropdown = field.type === 'choice';
        const rect = {
          x,
          y: top - textArea - boxGap - boxHeight,
          width,
          height: boxHeight,
          borderColor: fieldBorder,
          borderWidth: 0.75,
          textColor: pdfColours.ink,
          // pdf-lib paints white unless the key is present and undefined; a dropdown stays
          // transparent so that its arrow shows.
          backgroundColor: isDropdown ? undefined : pdfColours.white,
        };
        const tooltip = hint ? `${field.label} (${hint})` : field.label;
        if (isDropdown) {
          // A small arrow drawn on the page, behind the transparent field, marks it as a list.
          const arrowX = x + width - 12;
          const arrowY = rect.y + boxHeight / 2;
          target.drawSvgPath('M0 0L7 0L3.5 4.5Z', {
            x: arrowX,
            y: arrowY + 2,
            color: fieldBorder,
            borderWidth: 0,
          });
        }
        if (field.type === 'choice') {
          const dropdown = form.createDropdown(field.id);
          dropdown.setOptions(field.options);
          dropdown.addToPage(target, rect);
          dropdown.setFontSize(fieldFontSize);
          describe(dropdown, tooltip);
          return;
        }
        const textField = form.createTextField(field.id);
        if (field.type === 'multiline') textField.enableMultiline();
        if (field.type === 'date') textField.setMaxLength(dateHint.length);
        textField.addToPage(target, rect);
        textField.setFontSize(fieldFontSize);
        describe(textField, tooltip);
      },
    };
  };

  const rowSize = (cells: Cell[]): { textArea: number; height: number } => {
    const textArea = Math.max(...cells.map((cell) => cell.textHeight));
    return { textArea, height: Math.max(...cells.map((cell) => cellHeight(cell, textArea))) };
  };

  const drawRow = (cells: Cell[]): void => {
    const { textArea, height } = rowSize(cells);
    ensure(height);
    cells.forEach((cell, i) => cell.draw(page, marginX + i * (columnWidth + columnGap), y, textArea));
    y -= height + rowGap;
  };

  /** Short fields go two to a row; multiline fields take a whole row. */
  const rowsOf = (fields: JobAidField[]): Cell[][] => {
    const rows: Cell[][] = [];
    let pending: Cell[] = [];
    for (const field of fields) {
      if (field.type === 'multiline') {
        if (pending.length > 0) rows.push(pending);
        pending = [];
        rows.push([fieldCell(field, contentWidth)]);
        continue;
      }
      pending.push(fieldCell(field, columnWidth));
      if (pending.length === 2) {
        rows.push(pending);
        pending = [];
      }
    }
    if (pending.length > 0) rows.push(pending);
    return rows;
  };

  return {
    pages,
    drawHeader(): void {
      type.draw(page, issuer.toUpperCase(), marginX, y - 8.5, style.brand);
      type.drawRightAligned(page, 'JOB AID', pageWidth - marginX, y - 8.5, style.brand);
      y -= 16;
      page.drawLine({
        start: { x: marginX, y },
        end: { x: pageWidth - marginX, y },
        thickness: 0.75,
        color: pdfColours.teal,
      });
      y -= 14;
      y -= drawLines(wrapText(type, spec.title, contentWidth, style.title), marginX, y, style.title);
      y -= 6;
      y -= drawLines(
        wrapText(type, spec.description, contentWidth, style.description),
        marginX,
        y,
        style.description,
      );
      y -= 14;
    },
    drawInstructions(): void {
      const padding = 12;
      const innerWidth = contentWidth - 2 * padding - 4;
      const blocks = paragraphsOf(spec.instructions).map((paragraph) => ({
        bullet: paragraph.bullet,
        lines: wrapText(type, paragraph.text, innerWidth - (paragraph.bullet ? 12 : 0), style.body),
      }));
      const paragraphGap = 5;
      const bodyHeight = blocks.reduce(
        (sum, block, i) => sum + block.lines.length * lineHeight(style.body) + (i > 0 ? paragraphGap : 0),
        0,
      );
      const height = padding + lineHeight(style.boxHeading) + 4 + bodyHeight + padding;
      ensure(height);
      page.drawRectangle({
        x: marginX,
        y: y - height,
        width: contentWidth,
        height,
        color: pdfColours.tealTint,
      });
      page.drawRectangle({ x: marginX, y: y - height, width: 3, height, color: pdfColours.gold });
      let cursor = y - padding;
      const left = marginX + padding + 4;
      cursor -= drawLines([instructionsHeading], left, cursor, style.boxHeading) + 4;
      blocks.forEach((block, i) => {
        if (i > 0) cursor -= paragraphGap;
        if (block.bullet) type.draw(page, '•', left, cursor - style.body.size, style.body);
        cursor -= drawLines(block.lines, left + (block.bullet ? 12 : 0), cursor, style.body);
      });
      y -= height + 18;
    },
    drawSection(section: JobAidSpec['sections'][number]): void {
      const headingLines = wrapText(type, section.heading, contentWidth, style.sectionHeading);
      const noteLines = section.note ? wrapText(type, section.note, contentWidth, style.note) : [];
      const headingHeight =
        headingLines.length * lineHeight(style.sectionHeading) +
        6 +
        (noteLines.length > 0 ? 4 + noteLines.length * lineHeight(style.note) : 0) +
        10;
      const rows = rowsOf(section.fields);
      // Keep the heading with its first row of fields.
      const firstRow = rows[0];
      ensure(headingHeight + (firstRow ? rowSize(firstRow).height : 0));
      y -= drawLines(headingLines, marginX, y, style.sectionHeading);
      page.drawLine({
        start: { x: marginX, y: y - 2 },
        end: { x: pageWidth - marginX, y: y - 2 },
        thickness: 1,
        color: pdfColours.teal,
      });
      y -= 6;
      if (noteLines.length > 0) {
        y -= 4;
        y -= drawLines(noteLines, marginX, y, style.note);
      }
      y -= 10;
      for (const row of rows) drawRow(row);
      y -= 8;
    },
    drawFooters(): void {
      pages.forEach((target, i) => {
        target.drawLine({
          start: { x: marginX, y: 50 },
          end: { x: pageWidth - marginX, y: 50 },
          thickness: 0.5,
          color: pdfColours.tealTint,
        });
        type.draw(target, footerNotice, marginX, 36, style.running);
        type.drawRightAligned(
          target,
          `Page ${i + 1} of ${pages.length}`,
          pageWidth - marginX,
          36,
          style.running,
        );
      });
    },
  };
}

/** Every string the layout may draw, so the typesetter embeds the faces they need. */
function textsOf(spec: JobAidSpec): Array<{ text: string; weight: 400 | 700 }> {
  const regular = [spec.description, spec.instructions, footerNotice, 'Page of 0123456789 •', spec.title];
  const bold = [issuer.toUpperCase(), 'JOB AID', spec.title, instructionsHeading];
  for (const section of spec.sections) {
    bold.push(section.heading);
    if (section.note) regular.push(section.note);
    for (const field of section.fields) {
      bold.push(field.label);
      const hint = hintFor(field);
      if (hint) regular.push(hint);
    }
  }
  return [
    ...regular.map((text) => ({ text, weight: 400 as const })),
    ...bold.map((text) => ({ text, weight: 700 as const })),
  ];
}

/** Refuses option text the form font (Helvetica, WinAnsi) cannot show, naming the field. */
function checkFormText(font: PDFFont, spec: JobAidSpec): void {
  for (const section of spec.sections) {
    for (const field of section.fields) {
      if (field.type !== 'choice') continue;
      for (const option of field.options) {
        try {
          font.encodeText(option);
        } catch (error) {
          throw new Error(
            `Job aid "${spec.title}", field "${field.id}": the option "${option}" has a character the form ` +
              'font cannot show. Use plain Latin letters and punctuation in options.',
            { cause: error },
          );
        }
      }
    }
  }
}

/**
 * Renders a job aid spec as an A4 portrait fillable PDF form: text, multiline, date (text with
 * a DD/MM/YYYY hint), dropdown and checkbox fields named by their ids, page numbers and the
 * "not an official SOCSO form" footer on every page. The same spec always yields the same bytes.
 */
export async function renderJobAidPdf(spec: JobAidSpec): Promise<Uint8Array> {
  const seed = contentSeed(layoutVersion, spec);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const type = await createTypesetter(doc, textsOf(spec), seed);
  // Fields use the form's default font (Helvetica), which every viewer can type with.
  checkFormText(doc.getForm().getDefaultFont(), spec);

  const layout = createLayout(doc, type, spec);
  layout.drawHeader();
  layout.drawInstructions();
  for (const section of spec.sections) layout.drawSection(section);
  layout.drawFooters();

  doc.setTitle(spec.title, { showInWindowTitleBar: true });
  doc.setAuthor(issuer);
  doc.setSubject(spec.description);
  doc.setKeywords([[issuer, 'job aid', 'return to work', spec.title].join('; ')]);
  doc.setLanguage('en-MY');
  doc.setProducer(producer);
  doc.setCreator(issuer);
  setDeterministicFileId(doc, seed);
  return doc.save();
}
