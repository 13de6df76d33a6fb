/**
 * A table to fill in: a header row of column headings, then numbered rows whose every cell is a
 * form field. Tagged as Table › TR › TH / TD › Form; a header repeated on a later page is an
 * artifact, so it is read once.
 */
import type { PDFPage } from '@cantoo/pdf-lib';
import { pdfColours } from '../palette.ts';
import type { StructureElement } from '../structure.ts';
import type { Canvas, PhraseBlock } from './canvas.ts';
import { drawDropdownArrow, fieldBorder } from './fields.ts';
import type { SectionModel } from './model.ts';
import { lineHeight } from './text.ts';

type TableSection = Extract<SectionModel, { kind: 'table' }>;

const padding = 3;
const inset = 1.5;

/** Draws a table section's table below the cursor, as children of `parent`. */
export function drawTable(canvas: Canvas, section: TableSection, parent: StructureElement): void {
  const { styles, type, structure } = canvas;
  const headStyles = [styles.tableHead, styles.tableHead] as const;
  const hintStyles = [styles.tableHint, styles.tableHint] as const;

  const numberWidth = Math.max(
    ...section.rowLabel.map((part) => type.widthOf(part.text, styles.tableHead)),
    type.widthOf(String(section.rows), styles.cell),
  );
  const firstWidth = Math.ceil(numberWidth + 2 * padding + 2);
  const totalWeight = section.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = section.columns.map(
    (column) => ((canvas.contentWidth - firstWidth) * column.width) / totalWeight,
  );
  const xs = widths.reduce<number[]>(
    (list, width, index) => [...list, (list[index] ?? 0) + width],
    [canvas.left + firstWidth],
  );

  const rowHead = canvas.measure(section.rowLabel, firstWidth - 2 * padding, headStyles);
  const heads = section.columns.map((column, index) => {
    const inner = (widths[index] ?? 0) - 2 * padding;
    const label = canvas.measure(column.label, inner, headStyles);
    // A choice's options are in its list; a heading that listed them would crowd out rows.
    const hint =
      column.hint && column.type !== 'choice' ? canvas.measure(column.hint, inner, hintStyles) : null;
    return { label, hint, height: label.height + (hint ? hint.height + 1 : 0) };
  });
  const headHeight = Math.max(rowHead.height, ...heads.map((head) => head.height)) + 2 * padding;
  const maxLines = Math.max(
    1,
    ...section.columns.map((column) => (column.type === 'multiline' ? column.lines : 1)),
  );
  const rowHeight = Math.max(styles.singleLine + 2 * inset + 2, maxLines * styles.multilineLine + 4);

  const grid = (page: PDFPage, top: number, height: number, tint: boolean) => {
    const edges = [canvas.left, ...xs];
    if (tint)
      page.drawRectangle({
        x: canvas.left,
        y: top - height,
        width: canvas.contentWidth,
        height,
        color: pdfColours.tealTint,
      });
    edges.slice(0, -1).forEach((x, index) => {
      page.drawRectangle({
        x,
        y: top - height,
        width: (edges[index + 1] ?? x) - x,
        height,
        borderColor: fieldBorder,
        borderWidth: 0.6,
      });
    });
  };

  /** The header row: tagged the first time, an artifact when repeated on a later page. */
  const drawHead = (tableElement: StructureElement | null) => {
    const top = canvas.y();
    canvas.artifact((page) => grid(page, top, headHeight, true));
    const row = tableElement ? structure.add(tableElement, 'TR') : null;
    const put = (block: PhraseBlock, x: number, blockTop: number, element: StructureElement | null) => {
      if (element) canvas.drawBlock(block, x, blockTop, element);
      else
        canvas.artifact((page) =>
          block.parts.forEach(({ style, lines }) =>
            lines.forEach((line, i) =>
              type.draw(page, line, x, blockTop - style.size - i * lineHeight(style), style),
            ),
          ),
        );
    };
    put(
      rowHead,
      canvas.left + padding,
      top - padding,
      row ? structure.add(row, 'TH', { scope: 'Column' }) : null,
    );
    heads.forEach((head, index) => {
      const x = (xs[index] ?? 0) + padding;
      const cell = row ? structure.add(row, 'TH', { scope: 'Column' }) : null;
      put(head.label, x, top - padding, cell);
      if (head.hint) put(head.hint, x, top - padding - head.label.height - 1, cell);
    });
    canvas.moveDown(headHeight);
  };

  const table = structure.add(parent, 'Table');
  canvas.ensure(headHeight + rowHeight);
  drawHead(table);
  for (let row = 1; row <= section.rows; row++) {
    if (canvas.room() < rowHeight) {
      canvas.newPage();
      drawHead(null);
    }
    const top = canvas.y();
    canvas.artifact((page) => grid(page, top, rowHeight, false));
    const tr = structure.add(table, 'TR');
    const number = String(row);
    const numberStyle = styles.cell;
    structure.mark(canvas.page(), structure.add(tr, 'TH', { scope: 'Row' }), () =>
      type.drawCentred(
        canvas.page(),
        number,
        canvas.left + firstWidth / 2,
        top - padding - numberStyle.size,
        numberStyle,
      ),
    );
    section.columns.forEach((column, index) => {
      const cell = structure.add(tr, 'TD');
      const { id, accessibleName } = section.cell(row, index);
      const x = xs[index] ?? 0;
      const width = widths[index] ?? 0;
      const rect = {
        x: x + inset,
        y: top - rowHeight + inset,
        width: width - 2 * inset,
        height: rowHeight - 2 * inset,
        borderWidth: 0,
        textColor: pdfColours.ink,
        backgroundColor: undefined,
      };
      if (column.type === 'checkbox') {
        const size = styles.checkbox;
        const box = canvas.form.createCheckBox(id);
        box.addToPage(canvas.page(), {
          x: x + (width - size) / 2,
          y: top - (rowHeight + size) / 2,
          width: size,
          height: size,
          borderColor: fieldBorder,
          borderWidth: 1,
          backgroundColor: pdfColours.white,
        });
        canvas.linkField(box, accessibleName, cell);
      } else if (column.type === 'choice') {
        drawDropdownArrow(canvas, rect.x, top - rowHeight, rect.width, rowHeight);
        const dropdown = canvas.form.createDropdown(id);
        dropdown.setOptions([...column.options]);
        dropdown.addToPage(canvas.page(), rect);
        dropdown.setFontSize(styles.cell.size);
        canvas.linkField(dropdown, accessibleName, cell);
      } else {
        const field = canvas.form.createTextField(id);
        if (column.type === 'multiline') field.enableMultiline();
        if (column.type === 'date') field.setMaxLength(10);
        field.addToPage(canvas.page(), rect);
        field.setFontSize(styles.cell.size);
        canvas.linkField(field, accessibleName, cell);
      }
    });
    canvas.moveDown(rowHeight);
  }
}
