/**
 * A job aid ready to lay out: one version of the spec (a form in one language) or two (one
 * bilingual form, the first language leading), with every text as a phrase that holds it in
 * each language, and the accessible name of every field worked out.
 */
import { createTranslator, type Locale } from '#src/i18n/index.ts';
import {
  tableFieldLabel,
  type JobAidColumn,
  type JobAidField,
  type JobAidSection,
  type JobAidSpec,
} from '#src/lib/content/job-aid-schema.ts';

export type JobAidLanguage = Locale;

/** The BCP 47 tag a PDF records for a language. */
export const languageTags: Record<JobAidLanguage, string> = { en: 'en-MY', ms: 'ms-MY' };

export interface JobAidVersion {
  readonly language: JobAidLanguage;
  readonly spec: JobAidSpec;
}

export interface Part {
  readonly text: string;
  readonly language: JobAidLanguage;
}
/** The same text in each language of the form, leading language first. */
export type Phrase = readonly Part[];

export type FieldKind = JobAidField['type'];

export interface FieldModel {
  readonly id: string;
  readonly type: FieldKind;
  readonly label: Phrase;
  /** Shown under the label: the date format, the options of a choice, how to sign. */
  readonly hint: Phrase | null;
  /** The dropdown's values, each in every language of the form. */
  readonly options: readonly string[];
  readonly lines: number;
  /** The field's /TU: its visible label, and the date format or signing hint when it has one. */
  readonly accessibleName: string;
}

export interface ColumnModel extends FieldModel {
  readonly width: number;
}

interface SectionBase {
  readonly heading: Phrase;
  readonly note: Phrase | null;
}
export type SectionModel =
  | (SectionBase & { readonly kind: 'fields'; readonly fields: readonly FieldModel[] })
  | (SectionBase & {
      readonly kind: 'table';
      readonly rowLabel: Phrase;
      readonly rows: number;
      readonly columns: readonly ColumnModel[];
      /** The form field of a cell: its id and accessible name. */
      readonly cell: (row: number, column: number) => { id: string; accessibleName: string };
    })
  | (SectionBase & { readonly kind: 'text'; readonly text: Phrase });

export interface AidModel {
  /** The leading language: the document's /Lang. */
  readonly language: JobAidLanguage;
  readonly bilingual: boolean;
  readonly title: Phrase;
  readonly description: Phrase;
  readonly instructions: Phrase;
  readonly landscape: boolean;
  readonly onePage: boolean;
  readonly sections: readonly SectionModel[];
  readonly words: {
    readonly kind: Phrase;
    readonly howToFill: Phrase;
    readonly notOfficial: Phrase;
    readonly page: (page: number, pages: number) => Phrase;
    readonly keywords: string;
  };
}

const joined = (phrase: Phrase): string => phrase.map((part) => part.text).join(' / ');

/**
 * Builds the model. The versions must share one structure (compareJobAidTranslation says where
 * they differ); a mismatch here is a bug in the caller, so it throws.
 */
export function buildAidModel(versions: readonly [JobAidVersion, ...JobAidVersion[]]): AidModel {
  const [lead] = versions;
  const translators = versions.map((version) => createTranslator(version.language));
  const phrase = (get: (spec: JobAidSpec, index: number) => string): Phrase =>
    versions.map((version, index) => ({ text: get(version.spec, index), language: version.language }));
  const word = (get: (t: (typeof translators)[number]) => string): Phrase =>
    versions.map((version, index) => ({
      text: get(translators[index] ?? createTranslator(version.language)),
      language: version.language,
    }));
  const sectionAt = (spec: JobAidSpec, index: number): JobAidSection => {
    const found = spec.sections[index];
    if (!found) throw new Error(`Job aid "${lead.spec.title}": the versions differ in their sections`);
    return found;
  };

  const fieldModel = (
    pick: (section: JobAidSection) => JobAidField | JobAidColumn | undefined,
    sectionIndex: number,
  ) => {
    const items = versions.map((version) => {
      const item = pick(sectionAt(version.spec, sectionIndex));
      if (!item) throw new Error(`Job aid "${lead.spec.title}": the versions differ in their fields`);
      return item;
    });
    const first = items[0] as JobAidField | JobAidColumn;
    const label: Phrase = items.map((item, index) => ({
      text: item.label,
      language: versions[index]?.language ?? lead.language,
    }));
    const optionLists = items.map((item) => (item.type === 'choice' ? item.options : []));
    const options = (optionLists[0] ?? []).map((_option, index) =>
      optionLists.map((list) => list[index] ?? '').join(' / '),
    );
    let hint: Phrase | null = null;
    if (first.type === 'date') hint = word((t) => t('jobAidFile.dateFormat'));
    else if (first.type === 'signature') hint = word((t) => t('jobAidFile.signatureHint'));
    else if (first.type === 'choice')
      hint = versions.map((version, index) => ({
        text: (translators[index] ?? createTranslator(version.language))('jobAidFile.chooseOne', {
          options: (optionLists[index] ?? []).join(' · '),
        }),
        language: version.language,
      }));
    const withHint = first.type === 'date' || first.type === 'signature';
    return {
      id: first.id,
      type: first.type,
      label,
      hint,
      options,
      lines: first.type === 'multiline' ? (first.lines ?? 3) : 1,
      accessibleName: withHint && hint ? `${joined(label)} (${joined(hint)})` : joined(label),
      width: 'width' in first ? (first.width ?? 1) : 1,
    };
  };

  const sections = lead.spec.sections.map((leadSection, sectionIndex): SectionModel => {
    const heading = phrase((spec) => sectionAt(spec, sectionIndex).heading);
    const note = leadSection.note ? phrase((spec) => sectionAt(spec, sectionIndex).note ?? '') : null;
    if (leadSection.fields) {
      return {
        kind: 'fields',
        heading,
        note,
        fields: leadSection.fields.map((_field, fieldIndex) =>
          fieldModel((section) => section.fields?.[fieldIndex], sectionIndex),
        ),
      };
    }
    const leadTable = leadSection.table;
    if (leadTable) {
      const columns = leadTable.columns.map((_column, columnIndex) =>
        fieldModel((section) => section.table?.columns[columnIndex], sectionIndex),
      );
      const tables = versions.map((version) => sectionAt(version.spec, sectionIndex).table ?? leadTable);
      return {
        kind: 'table',
        heading,
        note,
        rowLabel: phrase((spec) => sectionAt(spec, sectionIndex).table?.rowLabel ?? ''),
        rows: leadTable.rows,
        columns,
        cell: (row, column) => {
          const model = columns[column];
          if (!model) throw new Error(`No column ${column} in "${leadSection.heading}"`);
          const names = tables.map((table) => {
            const spec = table.columns[column] ?? table.columns[0];
            return spec ? tableFieldLabel(table, spec, row) : '';
          });
          const hint = model.type === 'date' && model.hint ? ` (${joined(model.hint)})` : '';
          return { id: `${model.id}-${row}`, accessibleName: `${names.join(' / ')}${hint}` };
        },
      };
    }
    return { kind: 'text', heading, note, text: phrase((spec) => sectionAt(spec, sectionIndex).text ?? '') };
  });

  return {
    language: lead.language,
    bilingual: versions.length > 1,
    title: phrase((spec) => spec.title),
    description: phrase((spec) => spec.description),
    instructions: phrase((spec) => spec.instructions),
    landscape: lead.spec.orientation === 'landscape',
    onePage: lead.spec.onePage === true,
    sections,
    words: {
      kind: word((t) => t('jobAidFile.kind')),
      howToFill: word((t) => t('jobAidFile.howToFill')),
      notOfficial: word((t) => t('jobAidFile.notOfficial')),
      page: (page, pages) => word((t) => t('jobAidFile.page', { page, pages })),
      keywords: joined(word((t) => t('jobAidFile.keywords'))),
    },
  };
}

/** Every text the layout may draw, so that the typesetter embeds the faces they need. */
export function textsOfModel(model: AidModel): string[] {
  const texts: string[] = ['RTW ACADEMY', '0123456789 •·/—:()'];
  const add = (phrase: Phrase | null) => {
    for (const part of phrase ?? []) texts.push(part.text, part.text.toUpperCase());
  };
  add(model.title);
  add(model.description);
  add(model.instructions);
  add(model.words.kind);
  add(model.words.howToFill);
  add(model.words.notOfficial);
  add(model.words.page(0, 0));
  for (const section of model.sections) {
    add(section.heading);
    add(section.note);
    if (section.kind === 'text') add(section.text);
    if (section.kind === 'table') add(section.rowLabel);
    const fields =
      section.kind === 'fields' ? section.fields : section.kind === 'table' ? section.columns : [];
    for (const field of fields) {
      add(field.label);
      add(field.hint);
    }
  }
  return texts;
}
