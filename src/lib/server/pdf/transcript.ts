/**
 * A learner's transcript as a tagged A4 PDF: title, the holder's facts, then sections of facts and
 * tables (courses with their modules, workshops, certificates), with "Page n of N" in the footer.
 * The caller passes every word already translated; the document's /Lang is `language`. Tables are
 * tagged Table › THead/TBody › TR › TH/TD, and a table that continues on a new page repeats its
 * header row as an artifact, so it is read once.
 */
import { PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import { contentSeed, setDeterministicFileId } from './file-id.ts';
import { pdfColours } from './palette.ts';
import { createStructure, type StructureElement } from './structure.ts';
import { createTypesetter, type TextStyle } from './typesetter.ts';
import { lineHeight, withLineEndSpaces, wrapText } from './job-aid/text.ts';

export interface TranscriptPdfFact {
  label: string;
  value: string;
}

export interface TranscriptPdfTable {
  /** Column headings and relative widths. */
  columns: ReadonlyArray<{ label: string; width: number }>;
  rows: ReadonlyArray<readonly string[]>;
}

export interface TranscriptPdfSection {
  heading: string;
  /** Heading level: 2 for a part of the record, 3 for a course inside it. */
  level: 2 | 3;
  facts?: readonly TranscriptPdfFact[];
  table?: TranscriptPdfTable;
  /** Said when the section has nothing to list. */
  note?: string;
}

export interface TranscriptPdfInput {
  language: 'en' | 'ms';
  title: string;
  /** One line under the title: what the document is. */
  lead: string;
  facts: readonly TranscriptPdfFact[];
  sections: readonly TranscriptPdfSection[];
  /** "Page {page} of {pages}", already in the document's language. */
  pageLabel: (page: number, pages: number) => string;
  /** Small print at the foot of every page (where the record comes from). */
  footer: string;
}

const width = 595.28;
const height = 841.89;
const marginX = 48;
const top = height - 48;
const bottom = 64;
const contentWidth = width - 2 * marginX;
const padding = 4;
const layoutVersion = 'transcript-v1';

const styles = {
  brand: { size: 8.5, weight: 700, color: pdfColours.teal, characterSpacing: 2 },
  title: { size: 22, weight: 700, color: pdfColours.navy },
  lead: { size: 10.5, color: pdfColours.muted },
  h2: { size: 14, weight: 700, color: pdfColours.navy },
  h3: { size: 11.5, weight: 700, color: pdfColours.navy },
  label: { size: 9, weight: 700, color: pdfColours.muted },
  value: { size: 9.5, color: pdfColours.ink },
  head: { size: 8.5, weight: 700, color: pdfColours.ink },
  cell: { size: 8.5, color: pdfColours.ink },
  note: { size: 9.5, color: pdfColours.muted },
  running: { size: 8, color: pdfColours.muted },
} satisfies Record<string, TextStyle>;

function textsOf(input: TranscriptPdfInput): Array<{ text: string; weight: 400 | 700 }> {
  const texts: string[] = [input.title, input.lead, input.footer, 'RTW ACADEMY'];
  const facts = (list: readonly TranscriptPdfFact[] = []) => list.flatMap((fact) => [fact.label, fact.value]);
  texts.push(...facts(input.facts));
  for (const section of input.sections) {
    texts.push(section.heading, section.note ?? '', ...facts(section.facts));
    texts.push(...(section.table?.columns.map((column) => column.label) ?? []));
    texts.push(...(section.table?.rows.flat() ?? []));
  }
  // Page labels for any page count up to 999: the digits and the words around them.
  texts.push(input.pageLabel(1234567890, 1234567890));
  return texts.flatMap((text) => [
    { text, weight: 400 as const },
    { text, weight: 700 as const },
  ]);
}

/** Renders the transcript. The same input always gives the same bytes. */
export async function renderTranscriptPdf(input: TranscriptPdfInput): Promise<Uint8Array> {
  const seed = contentSeed(layoutVersion, { ...input, pageLabel: input.pageLabel(1, 1) });
  const doc = await PDFDocument.create({ updateMetadata: false });
  const type = await createTypesetter(doc, textsOf(input), seed);
  const structure = createStructure(doc);
  const pages: PDFPage[] = [];
  let page = doc.addPage([width, height]);
  pages.push(page);
  let y = top;

  const newPage = () => {
    page = doc.addPage([width, height]);
    pages.push(page);
    y = top;
  };
  const ensure = (needed: number) => {
    if (y - needed < bottom) newPage();
  };
  /** Draws wrapped text with its top at the cursor as content of `element`; returns its height. */
  const paragraph = (
    element: StructureElement,
    text: string,
    style: TextStyle,
    x = marginX,
    maxWidth = contentWidth,
  ) => {
    const lines = wrapText(type, text, maxWidth, style);
    const blockHeight = lines.length * lineHeight(style);
    ensure(blockHeight);
    const start = y;
    structure.mark(page, element, () =>
      withLineEndSpaces(lines).forEach((line, index) =>
        type.draw(page, line, x, start - style.size - index * lineHeight(style), style),
      ),
    );
    y -= blockHeight;
    return blockHeight;
  };

  const root = structure.root;
  structure.artifact(page, () =>
    type.draw(page, 'RTW ACADEMY', marginX, y - styles.brand.size, styles.brand),
  );
  y -= styles.brand.size + 12;
  paragraph(structure.add(root, 'H1'), input.title, styles.title);
  y -= 4;
  paragraph(structure.add(root, 'P'), input.lead, styles.lead);
  y -= 10;

  const drawFacts = (parent: StructureElement, facts: readonly TranscriptPdfFact[]) => {
    if (facts.length === 0) return;
    const labelWidth = Math.min(
      180,
      Math.max(...facts.map((fact) => type.widthOf(fact.label, styles.label))) + 12,
    );
    const table = structure.add(parent, 'Table');
    const body = structure.add(table, 'TBody');
    for (const fact of facts) {
      const valueLines = wrapText(type, fact.value, contentWidth - labelWidth, styles.value);
      const rowHeight = Math.max(1, valueLines.length) * lineHeight(styles.value) + 4;
      ensure(rowHeight);
      const row = structure.add(body, 'TR');
      const rowTop = y;
      const label = structure.add(row, 'TH', { scope: 'Row' });
      structure.mark(page, label, () =>
        type.draw(page, fact.label, marginX, rowTop - styles.value.size, styles.label),
      );
      const value = structure.add(row, 'TD');
      structure.mark(page, value, () =>
        withLineEndSpaces(valueLines).forEach((line, index) =>
          type.draw(
            page,
            line,
            marginX + labelWidth,
            rowTop - styles.value.size - index * lineHeight(styles.value),
            styles.value,
          ),
        ),
      );
      y -= rowHeight;
    }
    y -= 6;
  };

  const drawTable = (parent: StructureElement, table: TranscriptPdfTable) => {
    const total = table.columns.reduce((sum, column) => sum + column.width, 0);
    const widths = table.columns.map((column) => (contentWidth * column.width) / total);
    const xs = widths.reduce<number[]>(
      (list, w, index) => [...list, (list[index] ?? marginX) + w],
      [marginX],
    );
    const cellLines = (cells: readonly string[], style: TextStyle) =>
      cells.map((cell, index) => wrapText(type, cell, (widths[index] ?? 0) - 2 * padding, style));
    const rowHeightOf = (lines: string[][], style: TextStyle) =>
      Math.max(1, ...lines.map((cell) => cell.length)) * lineHeight(style) + 2 * padding;
    const headLines = cellLines(
      table.columns.map((column) => column.label),
      styles.head,
    );
    const headHeight = rowHeightOf(headLines, styles.head);
    const element = structure.add(parent, 'Table');

    const drawRow = (
      lines: string[][],
      style: TextStyle,
      rowHeight: number,
      cells: StructureElement[] | null,
      tint: boolean,
    ) => {
      const rowTop = y;
      structure.artifact(page, () => {
        if (tint)
          page.drawRectangle({
            x: marginX,
            y: rowTop - rowHeight,
            width: contentWidth,
            height: rowHeight,
            color: pdfColours.tealTint,
          });
        page.drawLine({
          start: { x: marginX, y: rowTop - rowHeight },
          end: { x: marginX + contentWidth, y: rowTop - rowHeight },
          thickness: 0.5,
          color: pdfColours.muted,
        });
      });
      lines.forEach((cell, index) => {
        const draw = () =>
          withLineEndSpaces(cell).forEach((line, lineIndex) =>
            type.draw(
              page,
              line,
              (xs[index] ?? marginX) + padding,
              rowTop - padding - style.size - lineIndex * lineHeight(style),
              style,
            ),
          );
        const owner = cells?.[index];
        if (owner) structure.mark(page, owner, draw);
        else structure.artifact(page, draw);
      });
      y -= rowHeight;
    };

    ensure(headHeight + lineHeight(styles.cell) + 2 * padding);
    const head = structure.add(element, 'THead');
    const headRow = structure.add(head, 'TR');
    drawRow(
      headLines,
      styles.head,
      headHeight,
      table.columns.map(() => structure.add(headRow, 'TH', { scope: 'Column' })),
      true,
    );
    const body = structure.add(element, 'TBody');
    for (const cells of table.rows) {
      const lines = cellLines(cells, styles.cell);
      const rowHeight = rowHeightOf(lines, styles.cell);
      if (y - rowHeight < bottom) {
        newPage();
        drawRow(headLines, styles.head, headHeight, null, true);
      }
      const row = structure.add(body, 'TR');
      drawRow(
        lines,
        styles.cell,
        rowHeight,
        cells.map(() => structure.add(row, 'TD')),
        false,
      );
    }
    y -= 8;
  };

  drawFacts(root, input.facts);
  for (const section of input.sections) {
    const sect = structure.add(root, 'Sect');
    const style = section.level === 2 ? styles.h2 : styles.h3;
    y -= section.level === 2 ? 10 : 4;
    // Keep a heading with its facts (a certificate's block) and the start of its table.
    const factsHeight = (section.facts?.length ?? 0) * (lineHeight(styles.value) + 4);
    ensure(Math.min(lineHeight(style) + 4 + factsHeight + 3 * lineHeight(styles.cell), top - bottom - 40));
    paragraph(structure.add(sect, section.level === 2 ? 'H2' : 'H3'), section.heading, style);
    y -= 4;
    if (section.facts) drawFacts(sect, section.facts);
    if (section.table && section.table.rows.length > 0) drawTable(sect, section.table);
    else if (section.note) {
      paragraph(structure.add(sect, 'P'), section.note, styles.note);
      y -= 6;
    }
  }

  pages.forEach((target, index) => {
    const ruleY = bottom - 16;
    structure.artifact(
      target,
      () => {
        target.drawLine({
          start: { x: marginX, y: ruleY },
          end: { x: marginX + contentWidth, y: ruleY },
          thickness: 0.5,
          color: pdfColours.teal,
        });
        const footer = wrapText(type, input.footer, contentWidth * 0.7, styles.running);
        footer.forEach((line, lineIndex) =>
          type.draw(
            target,
            line,
            marginX,
            ruleY - 12 - lineIndex * lineHeight(styles.running),
            styles.running,
          ),
        );
        type.drawRightAligned(
          target,
          input.pageLabel(index + 1, pages.length),
          marginX + contentWidth,
          ruleY - 12,
          styles.running,
        );
      },
      'Pagination',
    );
  });
  structure.finish();

  doc.setTitle(input.title, { showInWindowTitleBar: true });
  doc.setAuthor('RTW Academy');
  doc.setSubject(input.lead);
  doc.setLanguage(input.language === 'ms' ? 'ms-MY' : 'en-MY');
  doc.setProducer('RTW Academy transcript renderer (@cantoo/pdf-lib)');
  doc.setCreator('RTW Academy');
  setDeterministicFileId(doc, seed);
  return doc.save();
}
