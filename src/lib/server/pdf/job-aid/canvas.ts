/**
 * The drawing surface of a job aid: page geometry and text styles, the cursor that moves down the
 * pages, phrases drawn in one or two languages as tagged content, and form widgets linked into the
 * structure tree with their accessible names.
 */
import {
  PDFHexString,
  PDFName,
  type PDFDocument,
  type PDFField,
  type PDFForm,
  type PDFPage,
} from '@cantoo/pdf-lib';
import { pdfColours } from '../palette.ts';
import type { Structure, StructureElement } from '../structure.ts';
import type { TextStyle, Typesetter } from '../typesetter.ts';
import { languageTags, type AidModel, type Part, type Phrase } from './model.ts';
import { lineHeight, withLineEndSpaces, wrapText } from './text.ts';

export interface Geometry {
  readonly width: number;
  readonly height: number;
  readonly marginX: number;
  /** Where content starts on the first page, and on the pages after it (below the running head). */
  readonly top: number;
  readonly topNext: number;
  readonly bottom: number;
}

const portrait: Geometry = {
  width: 595.28,
  height: 841.89,
  marginX: 48,
  top: 841.89 - 44,
  topNext: 841.89 - 74,
  bottom: 62,
};
const landscape: Geometry = {
  width: 841.89,
  height: 595.28,
  marginX: 34,
  top: 595.28 - 28,
  topNext: 595.28 - 52,
  bottom: 44,
};

export interface Styles {
  readonly brand: TextStyle;
  readonly title: TextStyle;
  readonly titleSecond: TextStyle;
  readonly description: TextStyle;
  readonly boxHeading: TextStyle;
  readonly body: TextStyle;
  readonly sectionHeading: TextStyle;
  readonly sectionHeadingSecond: TextStyle;
  readonly note: TextStyle;
  readonly label: TextStyle;
  readonly labelSecond: TextStyle;
  readonly hint: TextStyle;
  readonly running: TextStyle;
  readonly tableHead: TextStyle;
  readonly tableHint: TextStyle;
  readonly cell: TextStyle;
  /** Form field text size, single-line and signature box heights, a multiline line, a tick box. */
  readonly fieldFont: number;
  readonly singleLine: number;
  readonly signatureBox: number;
  readonly multilineLine: number;
  readonly checkbox: number;
  readonly rowGap: number;
  readonly sectionGap: number;
}

const regularStyles: Styles = {
  brand: { size: 8.5, weight: 700, color: pdfColours.teal, characterSpacing: 2 },
  title: { size: 22, weight: 700, color: pdfColours.navy },
  titleSecond: { size: 15, color: pdfColours.navy },
  description: { size: 10.5, color: pdfColours.muted },
  boxHeading: { size: 9.5, weight: 700, color: pdfColours.navy },
  body: { size: 9.5, color: pdfColours.ink },
  sectionHeading: { size: 13, weight: 700, color: pdfColours.navy },
  sectionHeadingSecond: { size: 10.5, color: pdfColours.navy },
  note: { size: 9, color: pdfColours.muted },
  label: { size: 9, weight: 700, color: pdfColours.ink },
  labelSecond: { size: 8.5, color: pdfColours.ink },
  hint: { size: 8, color: pdfColours.muted },
  running: { size: 8, color: pdfColours.muted },
  tableHead: { size: 8, weight: 700, color: pdfColours.ink },
  tableHint: { size: 7, color: pdfColours.muted },
  cell: { size: 8.5, color: pdfColours.ink },
  fieldFont: 10,
  singleLine: 20,
  signatureBox: 32,
  multilineLine: 15,
  checkbox: 12,
  rowGap: 12,
  sectionGap: 8,
};

const compactStyles: Styles = {
  brand: { size: 7.5, weight: 700, color: pdfColours.teal, characterSpacing: 1.5 },
  title: { size: 16, weight: 700, color: pdfColours.navy },
  titleSecond: { size: 11, color: pdfColours.navy },
  description: { size: 8.5, color: pdfColours.muted },
  boxHeading: { size: 8, weight: 700, color: pdfColours.navy },
  body: { size: 7.8, color: pdfColours.ink },
  sectionHeading: { size: 10.5, weight: 700, color: pdfColours.navy },
  sectionHeadingSecond: { size: 9, color: pdfColours.navy },
  note: { size: 7.8, color: pdfColours.muted },
  label: { size: 7.8, weight: 700, color: pdfColours.ink },
  labelSecond: { size: 7.5, color: pdfColours.ink },
  hint: { size: 7, color: pdfColours.muted },
  running: { size: 7, color: pdfColours.muted },
  tableHead: { size: 7.8, weight: 700, color: pdfColours.ink },
  tableHint: { size: 6.6, color: pdfColours.muted },
  cell: { size: 8, color: pdfColours.ink },
  fieldFont: 9,
  singleLine: 16,
  signatureBox: 26,
  multilineLine: 10,
  checkbox: 10,
  rowGap: 6,
  sectionGap: 4,
};

/** Lines of a phrase laid out for one width: each language's text in its own style. */
export interface PhraseBlock {
  readonly parts: ReadonlyArray<{ readonly part: Part; readonly style: TextStyle; readonly lines: string[] }>;
  readonly height: number;
}

const partGap = 1.5;

export interface Canvas {
  readonly doc: PDFDocument;
  readonly form: PDFForm;
  readonly type: Typesetter;
  readonly structure: Structure;
  readonly model: AidModel;
  readonly geometry: Geometry;
  readonly styles: Styles;
  readonly left: number;
  readonly contentWidth: number;
  readonly pages: PDFPage[];
  page(): PDFPage;
  /** The cursor: the top of the next thing drawn on the current page. */
  y(): number;
  moveDown(by: number): void;
  /** Room left on the current page above the footer. */
  room(): number;
  /** Room on a fresh page after the first. */
  fullRoom(): number;
  newPage(): void;
  /** Starts a new page unless `height` points fit below the cursor. */
  ensure(height: number): void;
  artifact(draw: (page: PDFPage) => void, kind?: 'Layout' | 'Pagination', page?: PDFPage): void;
  /** Lays out a phrase: the leading language in `styles[0]`, the other in `styles[1]`. */
  measure(phrase: Phrase, width: number, styles: readonly [TextStyle, TextStyle]): PhraseBlock;
  /** Draws a laid-out phrase with its top at `top`, as content of `element`. */
  drawBlock(
    block: PhraseBlock,
    x: number,
    top: number,
    element: StructureElement,
    align?: 'left' | 'centre',
  ): void;
  /** The /Lang for a part in another language than the document's, else undefined. */
  languageOf(part: Part): string | undefined;
  /** Names a form field for screen readers and links its newest widget into a Form element. */
  linkField(field: PDFField, accessibleName: string, parent: StructureElement): void;
  drawRunningHead(page: PDFPage): void;
}

/** Opens the first page of a job aid and returns the surface to draw it on. */
export function createCanvas(
  doc: PDFDocument,
  type: Typesetter,
  structure: Structure,
  model: AidModel,
): Canvas {
  const geometry = model.landscape ? landscape : portrait;
  const styles = model.onePage ? compactStyles : regularStyles;
  const left = geometry.marginX;
  const contentWidth = geometry.width - 2 * geometry.marginX;
  const form = doc.getForm();
  const pages: PDFPage[] = [];
  let page = doc.addPage([geometry.width, geometry.height]);
  pages.push(page);
  let y = geometry.top;

  const artifact: Canvas['artifact'] = (draw, kind = 'Layout', target = page) =>
    structure.artifact(target, () => draw(target), kind);

  const canvas: Canvas = {
    doc,
    form,
    type,
    structure,
    model,
    geometry,
    styles,
    left,
    contentWidth,
    pages,
    page: () => page,
    y: () => y,
    moveDown: (by) => {
      y -= by;
    },
    room: () => y - geometry.bottom,
    fullRoom: () => geometry.topNext - geometry.bottom,
    newPage: () => {
      page = doc.addPage([geometry.width, geometry.height]);
      pages.push(page);
      canvas.drawRunningHead(page);
      y = geometry.topNext;
    },
    ensure: (height) => {
      if (y - height < geometry.bottom) canvas.newPage();
    },
    artifact,
    measure: (phrase, width, [leading, other]) => {
      let height = 0;
      const parts = phrase.map((part, index) => {
        const style = index === 0 ? leading : other;
        const lines = wrapText(type, part.text, width, style);
        height += lines.length * lineHeight(style) + (index > 0 ? partGap : 0);
        return { part, style, lines };
      });
      return { parts, height };
    },
    drawBlock: (block, x, top, element, align = 'left') => {
      let cursor = top;
      block.parts.forEach(({ part, style, lines }, index) => {
        if (index > 0) cursor -= partGap;
        const start = cursor;
        structure.mark(
          page,
          element,
          () =>
            withLineEndSpaces(lines).forEach((line, i) => {
              const baseline = start - style.size - i * lineHeight(style);
              if (align === 'centre') type.drawCentred(page, line, x, baseline, style);
              else type.draw(page, line, x, baseline, style);
            }),
          canvas.languageOf(part),
        );
        cursor -= lines.length * lineHeight(style);
      });
    },
    languageOf: (part) => (part.language === model.language ? undefined : languageTags[part.language]),
    linkField: (field, accessibleName, parent) => {
      // The tooltip (TU) is what screen readers announce for the field.
      field.acroField.dict.set(PDFName.of('TU'), PDFHexString.fromText(accessibleName));
      const widget = field.acroField.getWidgets().at(-1);
      const ref = widget ? doc.context.getObjectRef(widget.dict) : undefined;
      if (!ref) throw new Error(`Form field "${field.getName()}" has no widget on the page`);
      structure.attachWidget(structure.add(parent, 'Form'), page, ref);
    },
    drawRunningHead: (target) => {
      const title = model.title[0]?.text ?? '';
      const titleStyle = { ...styles.running, size: type.fitSize(title, contentWidth / 2, styles.running) };
      const top = geometry.height - (model.landscape ? 30 : 46);
      artifact(
        (onPage) => {
          type.draw(onPage, 'RTW ACADEMY', left, top, styles.brand);
          type.drawRightAligned(onPage, title, left + contentWidth, top, titleStyle);
          onPage.drawLine({
            start: { x: left, y: top - 8 },
            end: { x: left + contentWidth, y: top - 8 },
            thickness: 0.75,
            color: pdfColours.teal,
          });
        },
        'Pagination',
        target,
      );
    },
  };
  return canvas;
}
