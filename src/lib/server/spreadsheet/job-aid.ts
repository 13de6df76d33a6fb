/**
 * A job aid with a table (the keeping-in-touch log, the suitable-duties register) as a
 * spreadsheet, built from the same spec as its PDF: the table to fill in on the first sheet
 * (bold frozen header, lists for choices, date checks), the details fields on the second, the
 * instructions on the third, and the lists' options on a hidden sheet.
 */
import { createTranslator, type Locale } from '#src/i18n/index.ts';
import type { JobAidField, JobAidSpec } from '#src/lib/content/job-aid-schema.ts';
import {
  columnLetters,
  safeSheetName,
  sheetReference,
  writeXlsx,
  type Cell,
  type Column,
  type Sheet,
  type Validation,
  type Workbook,
} from './xlsx.ts';

/** Rows of the table sheet that get the lists and date checks. */
export const SPREADSHEET_ROWS = 500;

const languageTags: Record<Locale, string> = { en: 'en-MY', ms: 'ms-MY' };

/** The workbook for a spec that has `spreadsheet: true`; throws for one without a table. */
export function buildJobAidWorkbook(spec: JobAidSpec, language: Locale): Workbook {
  const t = createTranslator(language);
  const tableSection = spec.sections.find((section) => section.table);
  const table = tableSection?.table;
  if (!tableSection || !table)
    throw new Error(`Job aid "${spec.title}" has no table to make a spreadsheet of`);

  const listsName = safeSheetName(t('jobAidFile.sheetLists'));
  const lists: string[][] = [];
  const listSource = (options: readonly string[]): string => {
    lists.push([...options]);
    const column = columnLetters(lists.length - 1);
    return `${sheetReference(listsName)}!$${column}$1:$${column}$${options.length}`;
  };
  const yes = t('jobAidFile.yes');
  const validationFor = (
    field: Pick<JobAidField, 'type'> & { options?: readonly string[] },
    range: string,
  ): Validation | null => {
    if (field.type === 'date') return { kind: 'date', range, error: t('jobAidFile.dateError') };
    if (field.type === 'checkbox')
      return { kind: 'list', range, source: `"${yes}"`, error: t('jobAidFile.yesError') };
    if (field.type === 'choice' && field.options)
      return { kind: 'list', range, source: listSource(field.options), error: t('jobAidFile.listError') };
    return null;
  };
  const dateHint = ` (${t('jobAidFile.dateFormat')})`;

  const tableColumns: Column[] = table.columns.map((column) => ({
    width: Math.round(Math.max(10, (column.width ?? 1) * 13)),
    style:
      column.type === 'date'
        ? 'date'
        : column.type === 'checkbox' || column.type === 'choice'
          ? 'plain'
          : 'wrap',
  }));
  const tableValidations = table.columns
    .map((column, index) => {
      const letter = columnLetters(index);
      return validationFor(column, `${letter}2:${letter}${SPREADSHEET_ROWS + 1}`);
    })
    .filter((validation): validation is Validation => validation !== null);
  const tableSheet: Sheet = {
    name: safeSheetName(tableSection.heading),
    columns: tableColumns,
    rows: [
      table.columns.map((column): Cell => ({
        text: column.type === 'date' ? `${column.label}${dateHint}` : column.label,
        style: 'header',
      })),
    ],
    frozenRows: 1,
    validations: tableValidations,
    landscape: true,
    printTitleRows: 1,
  };

  const detailRows: Array<Array<Cell | null>> = [];
  const detailValidations: Validation[] = [];
  for (const section of spec.sections) {
    if (!section.fields) continue;
    detailRows.push([{ text: section.heading, style: 'title' }]);
    for (const field of section.fields) {
      const row = detailRows.length + 1;
      detailRows.push([
        { text: field.type === 'date' ? `${field.label}${dateHint}` : field.label, style: 'label' },
        null,
      ]);
      const validation = validationFor(field, `B${row}`);
      if (validation) detailValidations.push(validation);
    }
    detailRows.push([]);
  }
  const firstFieldsSection = spec.sections.find((section) => section.fields);
  const detailsSheet: Sheet | null = firstFieldsSection
    ? {
        name: safeSheetName(firstFieldsSection.heading),
        columns: [
          { width: 48, style: 'wrap' },
          { width: 44, style: 'wrap' },
        ],
        rows: detailRows,
        validations: detailValidations,
      }
    : null;

  const instructionsSheet: Sheet = {
    name: safeSheetName(t('jobAidFile.sheetInstructions')),
    columns: [{ width: 110, style: 'wrap' }],
    rows: [
      [{ text: spec.title, style: 'title' }],
      [{ text: spec.description, style: 'wrap' }],
      [],
      [{ text: t('jobAidFile.howToFill'), style: 'label' }],
      ...spec.instructions
        .trim()
        .split(/\n\s*\n/u)
        .map((paragraph): Cell[] => [{ text: paragraph.replace(/\s+/gu, ' ').trim(), style: 'wrap' }]),
      [],
      [{ text: t('jobAidFile.notOfficial'), style: 'wrap' }],
    ],
  };

  const longest = Math.max(0, ...lists.map((options) => options.length));
  const listsSheet: Sheet = {
    name: listsName,
    columns: lists.map(() => ({ width: 28 })),
    rows: Array.from({ length: longest }, (_row, r) =>
      lists.map((options) => (options[r] ? { text: options[r] } : null)),
    ),
    hidden: true,
  };

  return {
    title: spec.title,
    creator: 'RTW Academy',
    language: languageTags[language],
    sheets: [
      tableSheet,
      ...(detailsSheet ? [detailsSheet] : []),
      instructionsSheet,
      ...(lists.length > 0 ? [listsSheet] : []),
    ],
  };
}

/** The .xlsx bytes of a job aid's spreadsheet; the same spec always gives the same bytes. */
export function renderJobAidXlsx(spec: JobAidSpec, language: Locale): Uint8Array {
  return writeXlsx(buildJobAidWorkbook(spec, language));
}
