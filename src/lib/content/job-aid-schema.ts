/**
 * The shape of a job aid spec: `src/content/job-aids/<id>.yaml` in English and, with the same
 * structure and ids, `src/content/job-aids/ms/<id>.yaml` in Bahasa Malaysia. Pure and isomorphic.
 */
import { z } from 'astro/zod';

const fieldId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, {
  error: 'use lower-case letters, digits and single hyphens, like "worker-name"',
});
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

const label = text(200);
const lines = z
  .int({ error: 'must be a whole number' })
  .min(1, { error: 'must be from 1 to 20' })
  .max(20, { error: 'must be from 1 to 20' })
  .optional();
const options = z
  .array(text(80), { error: 'options must be a list, like [Yes, No]' })
  .min(2, { error: 'a choice needs at least two options' })
  .refine((list) => new Set(list).size === list.length, { error: 'options must not repeat' });

const textField = z.strictObject({ id: fieldId, label, type: z.literal('text') });
const dateField = z.strictObject({ id: fieldId, label, type: z.literal('date') });
const checkboxField = z.strictObject({ id: fieldId, label, type: z.literal('checkbox') });
const multilineField = z.strictObject({ id: fieldId, label, type: z.literal('multiline'), lines });
const choiceField = z.strictObject({ id: fieldId, label, type: z.literal('choice'), options });
/** A box to sign in on paper, or to type a full name in on screen. */
const signatureField = z.strictObject({ id: fieldId, label, type: z.literal('signature') });

const field = z.discriminatedUnion(
  'type',
  [textField, multilineField, dateField, choiceField, checkboxField, signatureField],
  { error: 'type must be one of text, multiline, date, choice, checkbox, signature' },
);

/** How wide a column is, relative to the others (default 1). */
const width = z
  .number({ error: 'must be a number' })
  .min(0.5, { error: 'must be from 0.5 to 6' })
  .max(6, { error: 'must be from 0.5 to 6' })
  .optional();

const column = z.discriminatedUnion(
  'type',
  [
    textField.extend({ width }),
    multilineField.extend({ width }),
    dateField.extend({ width }),
    choiceField.extend({ width }),
    checkboxField.extend({ width }),
  ],
  { error: 'a column type must be one of text, multiline, date, choice, checkbox' },
);

const table = z.strictObject({
  /** Rows to fill in; a field id is the column id, a hyphen and the row number (`date-3`). */
  rows: z
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be from 1 to 40' })
    .max(40, { error: 'must be from 1 to 40' }),
  /** What one row is, such as "Contact": heads the numbered first column and names the fields. */
  rowLabel: text(40),
  columns: z.array(column).min(2, { error: 'a table needs at least two columns' }),
});

const section = z
  .strictObject({
    heading: text(120),
    note: text(400).optional(),
    fields: z.array(field).min(1, { error: 'a section needs at least one field' }).optional(),
    table: table.optional(),
    /** Paragraphs to read (a notice): blank lines between paragraphs, "- " starts a bullet. */
    text: text(4000).optional(),
  })
  .superRefine((value, context) => {
    const kinds = [value.fields, value.table, value.text].filter((part) => part !== undefined).length;
    if (kinds !== 1)
      context.addIssue({
        code: 'custom',
        message:
          kinds === 0
            ? 'a section needs "fields", a "table" or "text": add one of them'
            : 'a section has one of "fields", "table" or "text", not several: split it into two sections',
      });
  });

export const jobAidSchema = z
  .strictObject({
    title: text(120),
    description: text(600),
    order: z.int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' }),
    instructions: text(4000),
    /** Landscape suits wide tables; portrait is the default. */
    orientation: z.enum(['portrait', 'landscape'], { error: 'must be portrait or landscape' }).optional(),
    /** The PDF must fit on one page: the build fails, naming the aid, when it does not. */
    onePage: z.boolean({ error: 'must be true or false' }).optional(),
    /** Also ship the (one) table section as a spreadsheet, `<id>.xlsx`. */
    spreadsheet: z.boolean({ error: 'must be true or false' }).optional(),
    /**
     * English spec only: print one PDF that carries the Bahasa Malaysia version (ms/<id>.yaml)
     * beside the English, for forms that must be read in both languages (the consent form).
     */
    bilingual: z.boolean({ error: 'must be true or false' }).optional(),
    sections: z.array(section).min(1, { error: 'a job aid needs at least one section' }),
  })
  .superRefine((spec, context) => {
    const seen = new Set<string>();
    const claim = (id: string, path: PropertyKey[]) => {
      if (seen.has(id))
        context.addIssue({
          code: 'custom',
          path,
          message: `field id "${id}" is used twice; every field in a job aid needs its own id`,
        });
      seen.add(id);
    };
    spec.sections.forEach((sectionSpec, sectionIndex) => {
      sectionSpec.fields?.forEach((fieldSpec, fieldIndex) =>
        claim(fieldSpec.id, ['sections', sectionIndex, 'fields', fieldIndex, 'id']),
      );
      const tableSpec = sectionSpec.table;
      tableSpec?.columns.forEach((columnSpec, columnIndex) => {
        for (let row = 1; row <= tableSpec.rows; row++)
          claim(tableFieldId(columnSpec.id, row), [
            'sections',
            sectionIndex,
            'table',
            'columns',
            columnIndex,
            'id',
          ]);
      });
    });
    const tables = spec.sections.filter((sectionSpec) => sectionSpec.table).length;
    if (spec.spreadsheet && tables !== 1)
      context.addIssue({
        code: 'custom',
        path: ['spreadsheet'],
        message: `a spreadsheet is made from exactly one table section, and this job aid has ${tables}`,
      });
  });

export type JobAidSpec = z.infer<typeof jobAidSchema>;
export type JobAidSection = JobAidSpec['sections'][number];
export type JobAidField = NonNullable<JobAidSection['fields']>[number];
export type JobAidTable = NonNullable<JobAidSection['table']>;
export type JobAidColumn = JobAidTable['columns'][number];
export type JobAidFieldType = JobAidField['type'];

/** The form field id of a table cell: the column id and the row number. */
export function tableFieldId(columnId: string, row: number): string {
  return `${columnId}-${row}`;
}

/**
 * The accessible name of a table cell, built from what the reader sees around it: the first
 * column's heading and the row number, then the column heading ("Contact 3: Date").
 */
export function tableFieldLabel(table: JobAidTable, column: JobAidColumn, row: number): string {
  return `${table.rowLabel} ${row}: ${column.label}`;
}

/** One fillable field of a job aid, wherever it sits: in a section's fields or a table cell. */
export interface JobAidFormField {
  readonly id: string;
  readonly type: JobAidFieldType;
  /** What the field is called on the form, in the form's language. */
  readonly label: string;
  readonly options?: readonly string[];
  readonly lines?: number;
}

/** Every fillable field of a spec, in reading order. */
export function formFieldsOf(spec: JobAidSpec): JobAidFormField[] {
  const fields: JobAidFormField[] = [];
  for (const sectionSpec of spec.sections) {
    for (const fieldSpec of sectionSpec.fields ?? []) fields.push(fieldSpec);
    const tableSpec = sectionSpec.table;
    if (!tableSpec) continue;
    for (let row = 1; row <= tableSpec.rows; row++) {
      for (const columnSpec of tableSpec.columns) {
        const { width: _width, ...rest } = columnSpec;
        fields.push({
          ...rest,
          id: tableFieldId(columnSpec.id, row),
          label: tableFieldLabel(tableSpec, columnSpec, row),
        });
      }
    }
  }
  return fields;
}

export interface JobAidParagraph {
  readonly text: string;
  readonly bullet: boolean;
}

/**
 * Paragraphs split at blank lines; a line starting with "- " or "* " starts a bullet, and an
 * indented line under it continues that bullet. Other line breaks are soft.
 */
export function paragraphsOf(text: string): JobAidParagraph[] {
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

export type JobAidParseResult = { ok: true; spec: JobAidSpec } | { ok: false; problems: string[] };

/** Where an issue is, in words a trainer can find in the YAML: section heading, field id. */
function describePath(path: ReadonlyArray<PropertyKey>, data: unknown): string {
  const parts: string[] = [];
  let node: unknown = data;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const child: unknown =
      node !== null && typeof node === 'object'
        ? (node as Record<PropertyKey, unknown>)[key as PropertyKey]
        : undefined;
    if (typeof key === 'number' && path[i - 1] === 'sections') {
      const heading = (child as { heading?: unknown } | undefined)?.heading;
      parts.push(`section ${key + 1}${typeof heading === 'string' ? ` ("${heading}")` : ''}`);
    } else if (typeof key === 'number' && (path[i - 1] === 'fields' || path[i - 1] === 'columns')) {
      const id = (child as { id?: unknown } | undefined)?.id;
      const kind = path[i - 1] === 'fields' ? 'field' : 'column';
      parts.push(`${kind} ${key + 1}${typeof id === 'string' ? ` ("${id}")` : ''}`);
    } else if (key !== 'sections' && key !== 'fields' && key !== 'columns') {
      parts.push(String(key));
    }
    node = child;
  }
  return parts.join(' › ');
}

/**
 * Validates parsed YAML against `jobAidSchema`. Each problem names the file, the section and
 * the field, and says what to change.
 */
export function parseJobAid(fileName: string, data: unknown): JobAidParseResult {
  const result = jobAidSchema.safeParse(data);
  if (result.success) return { ok: true, spec: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const where = describePath(issue.path, data);
      const message =
        issue.code === 'unrecognized_keys'
          ? `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((key) => `"${key}"`).join(', ')}: ` +
            'check the spelling or remove it' +
            (issue.keys.some((key) => key === 'lines' || key === 'options')
              ? ' (only multiline fields take "lines", only choice fields take "options")'
              : '') +
            (issue.keys.includes('width') ? ' ("width" belongs to table columns only)' : '')
          : issue.message;
      return `${fileName}${where ? `: ${where}` : ''}: ${message}`;
    }),
  };
}

/**
 * Checks that a translated spec has the English spec's structure: the same settings, sections
 * of the same kinds, the same field and column ids, types, lines, widths, row counts and number
 * of options. Only the words may differ. Problems name the translated file and the place.
 */
export function compareJobAidTranslation(
  english: JobAidSpec,
  translated: JobAidSpec,
  fileName: string,
): string[] {
  const problems: string[] = [];
  const report = (where: string, message: string) =>
    problems.push(`${fileName}${where ? `: ${where}` : ''}: ${message} (the English file has it so)`);
  for (const key of ['order', 'orientation', 'onePage', 'spreadsheet'] as const) {
    if (english[key] !== translated[key])
      report(key, `must be ${english[key] === undefined ? 'left out' : JSON.stringify(english[key])}`);
  }
  if (translated.bilingual !== undefined)
    report('bilingual', 'belongs in the English file only: remove it here');
  if (english.sections.length !== translated.sections.length)
    report('sections', `must be ${english.sections.length} sections, not ${translated.sections.length}`);
  const sameFields = (
    where: string,
    englishItems: ReadonlyArray<JobAidField | JobAidColumn>,
    translatedItems: ReadonlyArray<JobAidField | JobAidColumn>,
    kind: string,
  ) => {
    if (englishItems.length !== translatedItems.length) {
      report(where, `must have ${englishItems.length} ${kind}s, not ${translatedItems.length}`);
      return;
    }
    englishItems.forEach((englishItem, index) => {
      const item = translatedItems[index];
      if (!item) return;
      const at = `${where} › ${kind} ${index + 1} ("${item.id}")`;
      if (item.id !== englishItem.id) report(at, `id must be "${englishItem.id}"`);
      if (item.type !== englishItem.type) report(at, `type must be ${englishItem.type}`);
      const englishLines = englishItem.type === 'multiline' ? englishItem.lines : undefined;
      const itemLines = item.type === 'multiline' ? item.lines : undefined;
      if (englishLines !== itemLines) report(at, `lines must be ${englishLines ?? 'left out'}`);
      const englishOptions = englishItem.type === 'choice' ? englishItem.options.length : 0;
      const itemOptions = item.type === 'choice' ? item.options.length : 0;
      if (englishOptions !== itemOptions)
        report(at, `must have ${englishOptions} options in the same order, not ${itemOptions}`);
      const englishWidth = 'width' in englishItem ? englishItem.width : undefined;
      const itemWidth = 'width' in item ? item.width : undefined;
      if (englishWidth !== itemWidth) report(at, `width must be ${englishWidth ?? 'left out'}`);
    });
  };
  english.sections.forEach((englishSection, index) => {
    const section = translated.sections[index];
    if (!section) return;
    const where = `section ${index + 1} ("${section.heading}")`;
    const kindOf = (value: JobAidSection) => (value.fields ? 'fields' : value.table ? 'table' : 'text');
    if (kindOf(section) !== kindOf(englishSection)) {
      report(where, `must have ${kindOf(englishSection)}`);
      return;
    }
    if ((section.note === undefined) !== (englishSection.note === undefined))
      report(where, englishSection.note === undefined ? 'note must be left out' : 'needs its note');
    if (englishSection.fields && section.fields)
      sameFields(where, englishSection.fields, section.fields, 'field');
    if (englishSection.table && section.table) {
      if (englishSection.table.rows !== section.table.rows)
        report(`${where} › table › rows`, `must be ${englishSection.table.rows}`);
      sameFields(`${where} › table`, englishSection.table.columns, section.table.columns, 'column');
    }
  });
  return problems;
}
