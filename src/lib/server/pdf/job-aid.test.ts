import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  PDFArray,
  PDFCheckBox,
  PDFDict,
  PDFDocument,
  PDFDropdown,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  PDFTextField,
  decodePDFRawStream,
} from '@cantoo/pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { formFieldsOf, parseJobAid, type JobAidSpec } from '#src/lib/content/job-aid-schema.ts';
import { planJobAidOutputs, type JobAidOutput } from '#src/lib/server/job-aid/outputs.ts';
import { readJobAidSources, type JobAidSource } from '#src/lib/server/job-aid/sources.ts';
import { JobAidLayoutError, renderJobAidPdf } from './job-aid.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const downloadDirectory = join(root, 'public/downloads');
const workDirectory = mkdtempSync(join(tmpdir(), 'job-aid-pdf-test-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

const hasPoppler = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;
if (!hasPoppler)
  console.warn('Skipping the text checks: `pdftotext` is not installed (apt-get install poppler-utils).');

const sources = readJobAidSources(root);
if (!sources.ok) throw new Error(`Invalid job aid specs:\n${sources.problems.join('\n')}`);

const collapse = (text: string): string => text.normalize('NFC').replace(/\s+/gu, ' ');
const languageTag = { en: 'en-MY', ms: 'ms-MY' } as const;

const cases = sources.aids.flatMap((aid) =>
  planJobAidOutputs(aid)
    .filter((output) => output.format === 'pdf')
    .map((output) => ({ name: output.file, aid, output })),
);

function specFor(aid: JobAidSource, language: 'en' | 'ms'): JobAidSpec {
  const spec = language === 'en' ? aid.english : aid.translations.ms;
  if (!spec) throw new Error(`No ${language} spec for ${aid.id}`);
  return spec;
}

/** The specs whose text the PDF shows, leading language first. */
function specsOf(aid: JobAidSource, output: JobAidOutput): JobAidSpec[] {
  const lead = specFor(aid, output.language);
  if (!output.bilingual) return [lead];
  return [lead, specFor(aid, output.language === 'en' ? 'ms' : 'en')];
}

const text = (value: unknown): string | undefined =>
  value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : undefined;

/** Walks the structure tree: element types in reading order, MCIDs per page, widgets per Form. */
function readStructure(doc: PDFDocument) {
  const context = doc.context;
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const types: string[] = [];
  const mcids = new Set<string>();
  const widgets = new Map<string, string>();
  const languages: string[] = [];
  const pageKey = (ref: unknown) => (ref instanceof PDFRef ? ref.toString() : '?');
  const visit = (dict: PDFDict, page: unknown): void => {
    const type = dict.lookup(PDFName.of('S'));
    const ownPage = dict.get(PDFName.of('Pg')) ?? page;
    if (type instanceof PDFName) types.push(type.decodeText());
    const language = text(dict.lookup(PDFName.of('Lang')));
    if (language) languages.push(language);
    const kids = dict.lookup(PDFName.of('K'));
    const list = kids instanceof PDFArray ? kids.asArray() : kids === undefined ? [] : [kids];
    for (const kid of list) {
      const resolved = kid instanceof PDFRef ? context.lookup(kid) : kid;
      if (resolved instanceof PDFNumber) mcids.add(`${pageKey(ownPage)}#${resolved.asNumber()}`);
      if (!(resolved instanceof PDFDict)) continue;
      const kind = resolved.lookup(PDFName.of('Type'));
      if (kind === PDFName.of('MCR')) {
        const mcid = resolved.lookup(PDFName.of('MCID'), PDFNumber).asNumber();
        mcids.add(`${pageKey(resolved.get(PDFName.of('Pg')) ?? ownPage)}#${mcid}`);
      } else if (kind === PDFName.of('OBJR')) {
        widgets.set(
          String(resolved.get(PDFName.of('Obj'))),
          type instanceof PDFName ? type.decodeText() : '',
        );
      } else {
        visit(resolved, ownPage);
      }
    }
  };
  const top = root.lookup(PDFName.of('K'));
  const first = top instanceof PDFArray ? top.lookup(0, PDFDict) : (top as PDFDict);
  visit(first, undefined);
  return { root, types, mcids, widgets, languages };
}

/** The MCIDs that each page's content stream marks. */
function markedContent(doc: PDFDocument): Set<string> {
  const found = new Set<string>();
  for (const page of doc.getPages()) {
    const contents = page.node.lookup(PDFName.of('Contents'));
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const source = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      for (const match of source.matchAll(/\/MCID (\d+)/gu)) found.add(`${page.ref.toString()}#${match[1]}`);
    }
  }
  return found;
}

describe.each(cases)('job aid $name', ({ aid, output }) => {
  const specs = specsOf(aid, output);
  const [lead] = specs as [JobAidSpec, ...JobAidSpec[]];
  const fields = formFieldsOf(lead);
  let memo: Promise<Uint8Array> | undefined;
  const rendered = (): Promise<Uint8Array> => (memo ??= output.render());

  it.runIf(hasPoppler)(
    'shows the title, headings, labels and footer as text, on the right pages',
    async () => {
      const path = join(workDirectory, output.file);
      writeFileSync(path, await rendered());
      const shown = collapse(
        execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }),
      );
      for (const spec of specs) {
        expect(shown).toContain(collapse(spec.title));
        for (const section of spec.sections) {
          expect(shown).toContain(collapse(section.heading));
          for (const field of section.fields ?? []) expect(shown).toContain(collapse(field.label));
          for (const column of section.table?.columns ?? []) expect(shown).toContain(collapse(column.label));
        }
      }
      expect(shown).toContain(
        output.language === 'ms' ? 'bukan borang rasmi PERKESO' : 'not an official SOCSO form',
      );
      const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
      expect(info).toMatch(/Tagged:\s+yes/u);
      expect(info).toMatch(
        lead.orientation === 'landscape'
          ? /Page size:\s+841\.89 x 595\.28/u
          : /Page size:\s+595\.28 x 841\.89/u,
      );
      if (lead.onePage) expect(info).toMatch(/Pages:\s+1\n/u);
    },
  );

  it('has a field for every spec field, named by its id, of the right kind', async () => {
    const form = (await PDFDocument.load(await rendered())).getForm();
    expect(
      form
        .getFields()
        .map((field) => field.getName())
        .sort(),
    ).toEqual(fields.map((field) => field.id).sort());
    for (const field of fields) {
      if (field.type === 'choice') {
        expect(form.getField(field.id)).toBeInstanceOf(PDFDropdown);
        expect(form.getDropdown(field.id).getOptions()).toHaveLength(field.options?.length ?? 0);
      } else if (field.type === 'checkbox') {
        expect(form.getField(field.id)).toBeInstanceOf(PDFCheckBox);
      } else {
        expect(form.getField(field.id)).toBeInstanceOf(PDFTextField);
        expect(form.getTextField(field.id).isMultiline()).toBe(field.type === 'multiline');
      }
    }
  });

  it('announces every field by its visible label in the form’s language (TU)', async () => {
    const form = (await PDFDocument.load(await rendered())).getForm();
    const labelsById = specs.map(
      (spec) => new Map(formFieldsOf(spec).map((field) => [field.id, field.label])),
    );
    for (const field of fields) {
      const name = text(form.getField(field.id).acroField.dict.lookup(PDFName.of('TU')));
      const visible = labelsById.map((labels) => labels.get(field.id)).join(' / ');
      expect(name, `${field.id} has no accessible name`).toBeDefined();
      if (field.type === 'date' || field.type === 'signature')
        expect(name?.startsWith(`${visible} (`)).toBe(true);
      else expect(name).toBe(visible);
      expect(name).not.toBe(field.id);
    }
  });

  it('is a tagged PDF: structure tree in reading order, every text marked, every field in a Form', async () => {
    const doc = await PDFDocument.load(await rendered(), { updateMetadata: false });
    const markInfo = doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict);
    expect(String(markInfo.get(PDFName.of('Marked')))).toBe('true');
    const structure = readStructure(doc);
    expect(structure.types[0]).toBe('Document');
    expect(structure.types).toContain('H1');
    expect(structure.types.filter((type) => type === 'H2').length).toBeGreaterThanOrEqual(
      lead.sections.length,
    );
    expect(structure.types).toContain('P');
    if (lead.sections.some((section) => section.table))
      expect(structure.types).toEqual(expect.arrayContaining(['Table', 'TR', 'TH', 'TD']));
    // Every marked sequence on the pages belongs to an element, and every element's content exists.
    expect([...markedContent(doc)].sort()).toEqual([...structure.mcids].sort());
    // Every widget is in the tree, inside a Form element, and points back with StructParent.
    const form = doc.getForm();
    for (const field of form.getFields()) {
      for (const widget of field.acroField.getWidgets()) {
        const ref = doc.context.getObjectRef(widget.dict);
        expect(structure.widgets.get(String(ref)), `${field.getName()} is not tagged`).toBe('Form');
        expect(widget.dict.get(PDFName.of('StructParent'))).toBeInstanceOf(PDFNumber);
      }
    }
    expect(structure.root.lookup(PDFName.of('ParentTree'))).toBeInstanceOf(PDFDict);
    for (const page of doc.getPages()) expect(page.node.get(PDFName.of('Tabs'))).toBe(PDFName.of('S'));
    if (output.bilingual)
      expect(structure.languages).toContain(languageTag[output.language === 'en' ? 'ms' : 'en']);
  });

  it('records its language, title (shown as the window title), and gives the same bytes every time', async () => {
    const bytes = await rendered();
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getLanguage()).toBe(languageTag[output.language]);
    expect(doc.getTitle()).toBe(specs.map((spec) => spec.title).join(' / '));
    expect(doc.getAuthor()).toBe('RTW Academy');
    const preferences = doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(String(preferences.get(PDFName.of('DisplayDocTitle')))).toBe('true');
    expect(Buffer.from(await output.render()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('can be filled in and saved', async () => {
    const doc = await PDFDocument.load(await rendered());
    const form = doc.getForm();
    for (const field of fields) {
      if (field.type === 'choice')
        form.getDropdown(field.id).select(form.getDropdown(field.id).getOptions()[0] ?? '');
      else if (field.type === 'checkbox') form.getCheckBox(field.id).check();
      else if (field.type === 'date') form.getTextField(field.id).setText('14/08/2026');
      else form.getTextField(field.id).setText('Siti Nur Aisyah binti Abdullah');
    }
    const reloaded = (await PDFDocument.load(await doc.save())).getForm();
    const firstText = fields.find((field) => field.type === 'text' || field.type === 'multiline');
    if (firstText)
      expect(reloaded.getTextField(firstText.id).getText()).toBe('Siti Nur Aisyah binti Abdullah');
  });

  it('matches the committed public/downloads file (run npm run build:job-aids if not)', async (context) => {
    const committed = join(downloadDirectory, output.file);
    if (!existsSync(committed)) {
      console.warn(`public/downloads/${output.file} has not been built yet; run: npm run build:job-aids`);
      context.skip();
    }
    expect(
      readFileSync(committed).equals(Buffer.from(await rendered())),
      `public/downloads/${output.file} is stale; run: npm run build:job-aids`,
    ).toBe(true);
  });
});

describe('the bilingual consent form', () => {
  const consent = sources.aids.find((aid) => aid.english.bilingual);

  it('ships in both languages, each edition leading with its own language and carrying the other', () => {
    expect(consent).toBeDefined();
    if (!consent) return;
    const pdfs = planJobAidOutputs(consent).filter((output) => output.format === 'pdf');
    expect(pdfs.map((output) => [output.file, output.language, output.bilingual])).toEqual([
      [`${consent.id}.pdf`, 'en', true],
      [`${consent.id}-ms.pdf`, 'ms', true],
    ]);
    const notice = consent.english.sections.find((section) => section.text);
    expect(notice?.heading).toBe('Personal data notice');
  });
});

describe('renderJobAidPdf', () => {
  const spec = (rows: number): JobAidSpec => {
    const result = parseJobAid('test.yaml', {
      title: 'Test log',
      description: 'A description.',
      order: 1,
      instructions: 'Fill it in.',
      orientation: 'landscape',
      onePage: true,
      sections: [
        {
          heading: 'Contacts',
          table: {
            rows,
            rowLabel: 'Contact',
            columns: [
              { id: 'date', label: 'Date', type: 'date' },
              { id: 'notes', label: 'Notes', type: 'multiline', lines: 2, width: 4 },
            ],
          },
        },
      ],
    });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    return result.spec;
  };

  it('names table cells by column and row, for the id and for screen readers', async () => {
    const doc = await PDFDocument.load(await renderJobAidPdf([{ language: 'en', spec: spec(3) }]));
    const field = doc.getForm().getTextField('notes-2');
    expect(text(field.acroField.dict.lookup(PDFName.of('TU')))).toBe('Contact 2: Notes');
    expect(text(doc.getForm().getTextField('date-3').acroField.dict.lookup(PDFName.of('TU')))).toBe(
      'Contact 3: Date (DD/MM/YYYY)',
    );
  });

  it('refuses a one-page aid that needs more pages, saying what to change', async () => {
    await expect(renderJobAidPdf([{ language: 'en', spec: spec(40) }])).rejects.toThrow(JobAidLayoutError);
    await expect(renderJobAidPdf([{ language: 'en', spec: spec(40) }])).rejects.toThrow(
      /needs \d+ pages: use fewer table rows/u,
    );
  });
});
