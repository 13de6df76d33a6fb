/**
 * The parts of a job aid page by page: the header with title and description, the instructions
 * box, each section (fields, a table or text), and the footer on every page. Text in two
 * languages is set side by side, leading language on the left.
 */
import type { PDFPage } from '@cantoo/pdf-lib';
import { pdfColours } from '../palette.ts';
import type { StructureElement } from '../structure.ts';
import type { TextStyle } from '../typesetter.ts';
import type { Canvas } from './canvas.ts';
import { prepareFieldRows } from './fields.ts';
import type { Part, Phrase, SectionModel } from './model.ts';
import { drawTable } from './table.ts';
import { paragraphsOf } from '#src/lib/content/job-aid-schema.ts';
import { lineHeight, withLineEndSpaces, wrapText } from './text.ts';

const columnGap = 22;
const paragraphGap = 4;
const bulletIndent = 11;

/** One row of side-by-side text: the same paragraph in each language (null where one has fewer). */
interface TextRow {
  readonly cells: ReadonlyArray<{ readonly bullet: boolean; readonly lines: string[] } | null>;
  readonly height: number;
}

interface TextRows {
  readonly parts: readonly Part[];
  readonly columnWidth: number;
  readonly headings: ReadonlyArray<{ readonly part: Part; readonly lines: string[] }>;
  readonly headingHeight: number;
  readonly rows: readonly TextRow[];
  readonly height: number;
}

/**
 * Lays out text in one column per language, side by side, paragraph beside paragraph, so that a
 * page can break between paragraphs and each stays next to its translation.
 */
function measureTextRows(
  canvas: Canvas,
  text: Phrase,
  heading: Phrase | null,
  width: number,
  style: TextStyle,
  headingStyle: TextStyle,
): TextRows {
  const columnWidth = (width - columnGap * (text.length - 1)) / text.length;
  const headings = (heading ?? []).map((part) => ({
    part,
    lines: wrapText(canvas.type, part.text, columnWidth, headingStyle),
  }));
  const headingHeight =
    headings.length > 0
      ? Math.max(...headings.map((item) => item.lines.length * lineHeight(headingStyle))) + 3
      : 0;
  const paragraphs = text.map((part) => paragraphsOf(part.text));
  const count = Math.max(...paragraphs.map((list) => list.length));
  const rows: TextRow[] = [];
  for (let index = 0; index < count; index++) {
    const cells = paragraphs.map((list) => {
      const paragraph = list[index];
      if (!paragraph) return null;
      const indent = paragraph.bullet ? bulletIndent : 0;
      return {
        bullet: paragraph.bullet,
        lines: wrapText(canvas.type, paragraph.text, columnWidth - indent, style),
      };
    });
    const lines = Math.max(...cells.map((cell) => cell?.lines.length ?? 0));
    rows.push({ cells, height: lines * lineHeight(style) + (index > 0 ? paragraphGap : 0) });
  }
  const height = headingHeight + rows.reduce((sum, row) => sum + row.height, 0);
  return { parts: text, columnWidth, headings, headingHeight, rows, height };
}

/**
 * Draws measured text rows from `top` down. Each language's paragraphs go into its own Div (with
 * /Lang when it is not the document's), so a screen reader reads one language through, then the
 * other. With `paged`, the canvas cursor moves and a page may break between rows.
 */
function drawTextRows(
  canvas: Canvas,
  layout: TextRows,
  x: number,
  top: number,
  parent: StructureElement,
  style: TextStyle,
  headingStyle: TextStyle,
  paged: boolean,
): void {
  const { structure, type } = canvas;
  const columnX = (index: number) => x + index * (layout.columnWidth + columnGap);
  if (layout.headings.length > 0) {
    const headingElement = structure.add(parent, 'H2');
    const page = canvas.page();
    layout.headings.forEach(({ part, lines }, index) =>
      structure.mark(
        page,
        headingElement,
        () =>
          withLineEndSpaces(lines).forEach((line, i) =>
            type.draw(
              page,
              line,
              columnX(index),
              top - headingStyle.size - i * lineHeight(headingStyle),
              headingStyle,
            ),
          ),
        canvas.languageOf(part),
      ),
    );
  }
  const containers = layout.parts.map((part) => {
    const language = canvas.languageOf(part);
    return layout.parts.length > 1 ? structure.add(parent, 'Div', language ? { language } : {}) : parent;
  });
  const lists: Array<StructureElement | null> = layout.parts.map(() => null);
  let cursor = top - layout.headingHeight;
  if (paged) canvas.moveDown(layout.headingHeight);
  layout.rows.forEach((row, rowIndex) => {
    if (paged) {
      canvas.ensure(row.height);
      cursor = canvas.y();
    }
    const start = cursor - (rowIndex > 0 ? paragraphGap : 0);
    const page = canvas.page();
    row.cells.forEach((cell, index) => {
      const container = containers[index] ?? parent;
      if (!cell) return;
      const left = columnX(index);
      const drawLines = (element: StructureElement, indent: number) =>
        structure.mark(page, element, () =>
          withLineEndSpaces(cell.lines).forEach((line, n) =>
            type.draw(page, line, left + indent, start - style.size - n * lineHeight(style), style),
          ),
        );
      if (cell.bullet) {
        const list = lists[index] ?? structure.add(container, 'L');
        lists[index] = list;
        const item = structure.add(list, 'LI');
        structure.mark(page, structure.add(item, 'Lbl'), () =>
          type.draw(page, '•', left, start - style.size, style),
        );
        drawLines(structure.add(item, 'LBody'), bulletIndent);
      } else {
        lists[index] = null;
        drawLines(structure.add(container, 'P'), 0);
      }
    });
    cursor -= row.height;
    if (paged) canvas.moveDown(row.height);
  });
}

function tooTall(canvas: Canvas, what: string): Error {
  const title = canvas.model.title[0]?.text ?? '';
  return new Error(
    `Job aid "${title}": the ${what} is taller than a page. Shorten it, or split it into two sections.`,
  );
}

/** The brand line, the title (H1) and the description. */
export function drawHeader(canvas: Canvas): void {
  const { structure, styles, type, model, left, contentWidth } = canvas;
  const top = canvas.y();
  const kind = model.words.kind.map((part) => part.text.toUpperCase()).join(' / ');
  canvas.artifact((page) => {
    type.draw(page, 'RTW ACADEMY', left, top - styles.brand.size, styles.brand);
    type.drawRightAligned(page, kind, left + contentWidth, top - styles.brand.size, styles.brand);
    page.drawLine({
      start: { x: left, y: top - styles.brand.size - 7 },
      end: { x: left + contentWidth, y: top - styles.brand.size - 7 },
      thickness: 0.75,
      color: pdfColours.teal,
    });
  });
  canvas.moveDown(styles.brand.size + 7 + (model.onePage ? 8 : 14));
  const title = canvas.measure(model.title, contentWidth, [styles.title, styles.titleSecond]);
  canvas.drawBlock(title, left, canvas.y(), structure.add(structure.root, 'H1'));
  canvas.moveDown(title.height + (model.onePage ? 3 : 6));
  const description = canvas.measure(model.description, contentWidth, [
    styles.description,
    styles.description,
  ]);
  canvas.drawBlock(description, left, canvas.y(), structure.add(structure.root, 'P'));
  canvas.moveDown(description.height + (model.onePage ? 8 : 14));
}

/** The "How to fill in this form" box. */
export function drawInstructions(canvas: Canvas): void {
  const { styles, model, left, contentWidth } = canvas;
  const padding = model.onePage ? 7 : 12;
  const layout = measureTextRows(
    canvas,
    model.instructions,
    model.words.howToFill,
    contentWidth - 2 * padding - 4,
    styles.body,
    styles.boxHeading,
  );
  const height = layout.height + 2 * padding;
  if (height > canvas.fullRoom()) throw tooTall(canvas, 'instructions box');
  canvas.ensure(height);
  const top = canvas.y();
  canvas.artifact((page) => {
    page.drawRectangle({ x: left, y: top - height, width: contentWidth, height, color: pdfColours.tealTint });
    page.drawRectangle({ x: left, y: top - height, width: 3, height, color: pdfColours.gold });
  });
  const section = canvas.structure.add(canvas.structure.root, 'Sect');
  drawTextRows(
    canvas,
    layout,
    left + padding + 4,
    top - padding,
    section,
    styles.body,
    styles.boxHeading,
    false,
  );
  canvas.moveDown(height + (model.onePage ? 8 : 18));
}

/** A section: its heading (H2) and note, then its fields, table or text. */
export function drawSection(canvas: Canvas, section: SectionModel): void {
  const { structure, styles, left, contentWidth } = canvas;
  const heading = canvas.measure(section.heading, contentWidth, [
    styles.sectionHeading,
    styles.sectionHeadingSecond,
  ]);
  const note = section.note ? canvas.measure(section.note, contentWidth, [styles.note, styles.note]) : null;
  const compact = canvas.model.onePage;
  const headingHeight =
    heading.height + (compact ? 4 : 6) + (note ? 3 + note.height : 0) + (compact ? 5 : 10);

  let body: { firstHeight: number; draw: (parent: StructureElement) => void };
  if (section.kind === 'fields') {
    const rows = prepareFieldRows(canvas, section.fields);
    body = { firstHeight: rows.firstRowHeight, draw: rows.draw };
  } else if (section.kind === 'table') {
    body = { firstHeight: 60, draw: (parent) => drawTable(canvas, section, parent) };
  } else {
    const layout = measureTextRows(canvas, section.text, null, contentWidth, styles.body, styles.boxHeading);
    body = {
      firstHeight: layout.rows[0]?.height ?? 0,
      draw: (parent) => {
        drawTextRows(canvas, layout, left, canvas.y(), parent, styles.body, styles.boxHeading, true);
        canvas.moveDown(styles.rowGap);
      },
    };
  }

  // Keep the heading with the first row of what follows it.
  canvas.ensure(headingHeight + body.firstHeight);
  const element = structure.add(structure.root, 'Sect');
  canvas.drawBlock(heading, left, canvas.y(), structure.add(element, 'H2'));
  canvas.moveDown(heading.height);
  const ruleY = canvas.y() - 2;
  canvas.artifact((page: PDFPage) =>
    page.drawLine({
      start: { x: left, y: ruleY },
      end: { x: left + contentWidth, y: ruleY },
      thickness: 1,
      color: pdfColours.teal,
    }),
  );
  canvas.moveDown(compact ? 4 : 6);
  if (note) {
    canvas.moveDown(3);
    canvas.drawBlock(note, left, canvas.y(), structure.add(element, 'P'));
    canvas.moveDown(note.height);
  }
  canvas.moveDown(compact ? 5 : 10);
  body.draw(element);
  canvas.moveDown(styles.sectionGap);
}

/** The footer of every page: the "not an official SOCSO form" notice and "Page n of N". */
export function drawFooters(canvas: Canvas): void {
  const { styles, type, model, left, contentWidth, pages, geometry } = canvas;
  const ruleY = geometry.bottom - 14;
  pages.forEach((page, index) => {
    const pageText = model.words
      .page(index + 1, pages.length)
      .map((part) => part.text)
      .join(' / ');
    canvas.artifact(
      (target) => {
        target.drawLine({
          start: { x: left, y: ruleY },
          end: { x: left + contentWidth, y: ruleY },
          thickness: 0.5,
          color: pdfColours.tealTint,
        });
        model.words.notOfficial.forEach((part, line) =>
          type.draw(target, part.text, left, ruleY - 13 - line * lineHeight(styles.running), styles.running),
        );
        type.drawRightAligned(target, pageText, left + contentWidth, ruleY - 13, styles.running);
      },
      'Pagination',
      page,
    );
  });
}
