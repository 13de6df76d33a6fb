/** Form fields laid out in rows: a label (and hint) above each box, a tick box beside its label. */
import { rgb, type PDFPage } from '@cantoo/pdf-lib';
import { pdfColours } from '../palette.ts';
import type { StructureElement } from '../structure.ts';
import type { Canvas, PhraseBlock } from './canvas.ts';
import type { FieldModel } from './model.ts';

export const fieldBorder = rgb(0.42, 0.5, 0.56);
const boxGap = 4;
const columnGap = 18;

interface Cell {
  /** Height of the label and hint above the box (0 for a tick box, whose label is beside it). */
  readonly textHeight: number;
  readonly boxHeight: number;
  /** `textArea` is the tallest label in the row, so that the boxes of a row line up. */
  draw(x: number, top: number, textArea: number, parent: StructureElement): void;
}

const cellHeight = (cell: Cell, textArea: number): number =>
  cell.textHeight === 0 ? cell.boxHeight : textArea + boxGap + cell.boxHeight;

/** A small arrow drawn behind a transparent dropdown, so it reads as a list on screen and paper. */
export function drawDropdownArrow(canvas: Canvas, x: number, y: number, width: number, height: number): void {
  canvas.artifact((page: PDFPage) =>
    page.drawSvgPath('M0 0L7 0L3.5 4.5Z', {
      x: x + width - 11,
      y: y + height / 2 + 2,
      color: fieldBorder,
      borderWidth: 0,
    }),
  );
}

function fieldCell(canvas: Canvas, field: FieldModel, width: number): Cell {
  const { styles, form } = canvas;
  const labelStyles = [styles.label, styles.labelSecond] as const;
  if (field.type === 'checkbox') {
    const labelWidth = width - styles.checkbox - 8;
    const label = canvas.measure(field.label, labelWidth, labelStyles);
    return {
      textHeight: 0,
      boxHeight: Math.max(styles.checkbox, label.height),
      draw: (x, top, _textArea, parent) => {
        canvas.drawBlock(label, x + styles.checkbox + 8, top + 1, canvas.structure.add(parent, 'P'));
        const box = form.createCheckBox(field.id);
        box.addToPage(canvas.page(), {
          x,
          y: top - styles.checkbox,
          width: styles.checkbox,
          height: styles.checkbox,
          borderColor: fieldBorder,
          borderWidth: 1,
          backgroundColor: pdfColours.white,
        });
        canvas.linkField(box, field.accessibleName, parent);
      },
    };
  }
  const label = canvas.measure(field.label, width, labelStyles);
  // On a one-page sheet a choice's options stay in its list: listing them would crowd out rows.
  const showHint = field.hint !== null && !(canvas.model.onePage && field.type === 'choice');
  const hint: PhraseBlock | null =
    showHint && field.hint ? canvas.measure(field.hint, width, [styles.hint, styles.hint]) : null;
  const boxHeight =
    field.type === 'multiline'
      ? field.lines * styles.multilineLine + 8
      : field.type === 'signature'
        ? styles.signatureBox
        : styles.singleLine;
  return {
    textHeight: label.height + (hint ? hint.height + 1 : 0),
    boxHeight,
    draw: (x, top, textArea, parent) => {
      const paragraph = canvas.structure.add(parent, 'P');
      canvas.drawBlock(label, x, top, paragraph);
      if (hint) canvas.drawBlock(hint, x, top - label.height - 1, paragraph);
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
        backgroundColor: field.type === 'choice' ? undefined : pdfColours.white,
      };
      if (field.type === 'choice') {
        drawDropdownArrow(canvas, rect.x, rect.y, width, boxHeight);
        const dropdown = form.createDropdown(field.id);
        dropdown.setOptions([...field.options]);
        dropdown.addToPage(canvas.page(), rect);
        dropdown.setFontSize(styles.fieldFont);
        canvas.linkField(dropdown, field.accessibleName, parent);
        return;
      }
      const textField = form.createTextField(field.id);
      if (field.type === 'multiline') textField.enableMultiline();
      if (field.type === 'date') textField.setMaxLength(10);
      textField.addToPage(canvas.page(), rect);
      textField.setFontSize(field.type === 'signature' ? styles.fieldFont + 2 : styles.fieldFont);
      canvas.linkField(textField, field.accessibleName, parent);
    },
  };
}

/** How many short fields share a row: more across a landscape page, most on a one-page sheet. */
const fieldsPerRow = (canvas: Canvas): number =>
  canvas.model.landscape ? (canvas.model.onePage ? 6 : 3) : 2;

interface PlacedCell {
  readonly cell: Cell;
  /** The first of the row's slots this cell takes. */
  readonly slot: number;
}

/**
 * Short fields go several to a row; multiline fields take a whole row. On a page with four or
 * more slots a tick box takes two, so that its label (beside the box) does not wrap into a tower.
 */
function rowsOf(canvas: Canvas, fields: readonly FieldModel[]): PlacedCell[][] {
  const perRow = fieldsPerRow(canvas);
  const slotWidth = (canvas.contentWidth - (perRow - 1) * columnGap) / perRow;
  const widthOf = (slots: number) => slots * slotWidth + (slots - 1) * columnGap;
  const rows: PlacedCell[][] = [];
  let pending: PlacedCell[] = [];
  let used = 0;
  const flush = () => {
    if (pending.length > 0) rows.push(pending);
    pending = [];
    used = 0;
  };
  for (const field of fields) {
    if (field.type === 'multiline') {
      flush();
      rows.push([{ cell: fieldCell(canvas, field, canvas.contentWidth), slot: 0 }]);
      continue;
    }
    const slots = field.type === 'checkbox' && perRow >= 4 ? 2 : 1;
    if (used + slots > perRow) flush();
    pending.push({ cell: fieldCell(canvas, field, widthOf(slots)), slot: used });
    used += slots;
    if (used === perRow) flush();
  }
  flush();
  return rows;
}

function rowSize(row: PlacedCell[]): { textArea: number; height: number } {
  const textArea = Math.max(...row.map(({ cell }) => cell.textHeight));
  return { textArea, height: Math.max(...row.map(({ cell }) => cellHeight(cell, textArea))) };
}

/** The fields of a section, laid out in rows; returns the height of the first row. */
export function prepareFieldRows(
  canvas: Canvas,
  fields: readonly FieldModel[],
): { firstRowHeight: number; draw: (parent: StructureElement) => void } {
  const rows = rowsOf(canvas, fields);
  const perRow = fieldsPerRow(canvas);
  const slotWidth = (canvas.contentWidth - (perRow - 1) * columnGap) / perRow;
  const first = rows[0];
  return {
    firstRowHeight: first ? rowSize(first).height : 0,
    draw: (parent) => {
      for (const row of rows) {
        const { textArea, height } = rowSize(row);
        canvas.ensure(height);
        for (const { cell, slot } of row)
          cell.draw(canvas.left + slot * (slotWidth + columnGap), canvas.y(), textArea, parent);
        canvas.moveDown(height + canvas.styles.rowGap);
      }
    },
  };
}
