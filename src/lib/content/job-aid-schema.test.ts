import { describe, expect, it } from 'vitest';
import { compareJobAidTranslation, formFieldsOf, parseJobAid, type JobAidSpec } from './job-aid-schema.ts';

const valid = {
  title: 'Test aid',
  description: 'A description.',
  order: 1,
  instructions: 'Fill it in.',
  sections: [{ heading: 'Worker', fields: [{ id: 'worker-name', label: 'Full name', type: 'text' }] }],
};

const parsed = (data: unknown): JobAidSpec => {
  const result = parseJobAid('test.yaml', data);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.spec;
};

const withTable = {
  ...valid,
  orientation: 'landscape',
  onePage: true,
  spreadsheet: true,
  sections: [
    ...valid.sections,
    {
      heading: 'Contacts',
      table: {
        rows: 2,
        rowLabel: 'Contact',
        columns: [
          { id: 'date', label: 'Date', type: 'date', width: 1.2 },
          { id: 'how', label: 'How', type: 'choice', options: ['Phone', 'Visit'] },
        ],
      },
    },
  ],
};

describe('parseJobAid', () => {
  it('accepts a well-formed spec', () => {
    expect(parseJobAid('test.yaml', valid).ok).toBe(true);
  });

  it('names the file, section and field of each problem', () => {
    const result = parseJobAid('src/content/job-aids/test.yaml', {
      ...valid,
      sections: [
        {
          heading: 'Worker',
          fields: [
            { id: 'worker-name', label: 'Full name', type: 'txt' },
            { id: 'goal', label: 'Goal', type: 'choice', options: ['Only one'] },
            { id: 'notes', label: 'Notes', type: 'text', lines: 3 },
          ],
        },
      ],
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toContain(
      'src/content/job-aids/test.yaml: section 1 ("Worker") › field 1 ("worker-name") › type: type must be one of text, multiline, date, choice, checkbox, signature',
    );
    expect(
      problems.some((problem) =>
        problem.includes('field 2 ("goal") › options: a choice needs at least two options'),
      ),
    ).toBe(true);
    expect(problems.some((problem) => problem.includes('field 3 ("notes"): unknown key "lines"'))).toBe(true);
  });

  it('refuses two fields with the same id, since they would share one form field', () => {
    const result = parseJobAid('test.yaml', {
      ...valid,
      sections: [
        { heading: 'A', fields: [{ id: 'date', label: 'Date', type: 'date' }] },
        { heading: 'B', fields: [{ id: 'date', label: 'Date again', type: 'date' }] },
      ],
    });
    expect(result.ok ? [] : result.problems).toEqual([
      'test.yaml: section 2 ("B") › field 1 ("date") › id: field id "date" is used twice; every field in a job aid needs its own id',
    ]);
  });

  it('accepts a table section, and numbers its cells by column and row', () => {
    const spec = parsed(withTable);
    expect(formFieldsOf(spec).map((field) => [field.id, field.label])).toEqual([
      ['worker-name', 'Full name'],
      ['date-1', 'Contact 1: Date'],
      ['how-1', 'Contact 1: How'],
      ['date-2', 'Contact 2: Date'],
      ['how-2', 'Contact 2: How'],
    ]);
  });

  it('refuses a table cell id that collides with a field id', () => {
    const result = parseJobAid('test.yaml', {
      ...withTable,
      sections: [
        { heading: 'Worker', fields: [{ id: 'date-2', label: 'Date', type: 'date' }] },
        withTable.sections[1],
      ],
    });
    expect(result.ok ? [] : result.problems).toEqual([
      'test.yaml: section 2 ("Contacts") › table › column 1 ("date") › id: field id "date-2" is used twice; every field in a job aid needs its own id',
    ]);
  });

  it('wants exactly one of fields, table or text in a section, and one table for a spreadsheet', () => {
    const result = parseJobAid('test.yaml', {
      ...valid,
      spreadsheet: true,
      sections: [
        { heading: 'Empty' },
        { heading: 'Both', text: 'Words.', fields: [{ id: 'a', label: 'A', type: 'text' }] },
      ],
    });
    expect(result.ok ? [] : result.problems).toEqual([
      'test.yaml: section 1 ("Empty"): a section needs "fields", a "table" or "text": add one of them',
      'test.yaml: section 2 ("Both"): a section has one of "fields", "table" or "text", not several: split it into two sections',
      'test.yaml: spreadsheet: a spreadsheet is made from exactly one table section, and this job aid has 0',
    ]);
  });

  it('says that width belongs to table columns only', () => {
    const result = parseJobAid('test.yaml', {
      ...valid,
      sections: [{ heading: 'Worker', fields: [{ id: 'a', label: 'A', type: 'text', width: 2 }] }],
    });
    expect(result.ok ? [] : result.problems).toEqual([
      'test.yaml: section 1 ("Worker") › field 1 ("a"): unknown key "width": check the spelling or remove it ("width" belongs to table columns only)',
    ]);
  });
});

describe('compareJobAidTranslation', () => {
  const english = parsed(withTable);

  it('accepts a translation that changes only the words', () => {
    const translated = parsed({
      ...withTable,
      title: 'Alat ujian',
      sections: [
        { heading: 'Pekerja', fields: [{ id: 'worker-name', label: 'Nama penuh', type: 'text' }] },
        {
          heading: 'Hubungan',
          table: {
            rows: 2,
            rowLabel: 'Hubungan',
            columns: [
              { id: 'date', label: 'Tarikh', type: 'date', width: 1.2 },
              { id: 'how', label: 'Cara', type: 'choice', options: ['Telefon', 'Lawatan'] },
            ],
          },
        },
      ],
    });
    expect(compareJobAidTranslation(english, translated, 'ms/test.yaml')).toEqual([]);
  });

  it('names every structural difference in the translated file', () => {
    const translated = parsed({
      ...withTable,
      onePage: undefined,
      bilingual: true,
      sections: [
        { heading: 'Pekerja', fields: [{ id: 'nama', label: 'Nama penuh', type: 'multiline' }] },
        {
          heading: 'Hubungan',
          table: {
            rows: 3,
            rowLabel: 'Hubungan',
            columns: [
              { id: 'date', label: 'Tarikh', type: 'date' },
              { id: 'how', label: 'Cara', type: 'choice', options: ['Telefon', 'Lawatan', 'E-mel'] },
            ],
          },
        },
      ],
    });
    expect(compareJobAidTranslation(english, translated, 'ms/test.yaml')).toEqual([
      'ms/test.yaml: onePage: must be true (the English file has it so)',
      'ms/test.yaml: bilingual: belongs in the English file only: remove it here (the English file has it so)',
      'ms/test.yaml: section 1 ("Pekerja") › field 1 ("nama"): id must be "worker-name" (the English file has it so)',
      'ms/test.yaml: section 1 ("Pekerja") › field 1 ("nama"): type must be text (the English file has it so)',
      'ms/test.yaml: section 2 ("Hubungan") › table › rows: must be 2 (the English file has it so)',
      'ms/test.yaml: section 2 ("Hubungan") › table › column 1 ("date"): width must be 1.2 (the English file has it so)',
      'ms/test.yaml: section 2 ("Hubungan") › table › column 2 ("how"): must have 2 options in the same order, not 3 (the English file has it so)',
    ]);
  });
});
