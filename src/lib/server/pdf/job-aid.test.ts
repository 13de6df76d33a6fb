import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFCheckBox, PDFDocument, PDFDropdown, PDFTextField } from '@cantoo/pdf-lib';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJobAid } from '#src/lib/content/job-aid-schema.ts';
import type { JobAidSpec } from '#src/lib/content/job-aid-schema.ts';
import { renderJobAidPdf } from './job-aid.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const specDirectory = join(root, 'src/content/job-aids');
const downloadDirectory = join(root, 'public/downloads');
const workDirectory = mkdtempSync(join(tmpdir(), 'job-aid-pdf-test-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

const canReadText = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;
if (!canReadText)
  console.warn('Skipping the text checks: `pdftotext` is not installed (apt-get install poppler-utils).');

const specFiles = existsSync(specDirectory)
  ? readdirSync(specDirectory)
      .filter((name) => /\.ya?ml$/u.test(name))
      .sort()
  : [];
if (specFiles.length === 0) console.warn('No job aid specs in src/content/job-aids/: nothing to render.');

function loadSpec(file: string): JobAidSpec {
  const fileName = `src/content/job-aids/${file}`;
  const result = parseJobAid(fileName, parse(readFileSync(join(specDirectory, file), 'utf8')));
  if (!result.ok) throw new Error(`Invalid job aid spec:\n${result.problems.join('\n')}`);
  return result.spec;
}

const collapse = (text: string): string => text.normalize('NFC').replace(/\s+/gu, ' ');

describe.each(specFiles)('job aid %s', (file) => {
  const id = file.replace(/\.ya?ml$/u, '');
  const spec = loadSpec(file);
  const fields = spec.sections.flatMap((section) => section.fields);
  let memo: Promise<Uint8Array> | undefined;
  const rendered = (): Promise<Uint8Array> => (memo ??= renderJobAidPdf(spec));

  it.runIf(canReadText)('shows the title, instructions, headings, labels and footer as text', async () => {
    const path = join(workDirectory, `${id}.pdf`);
    writeFileSync(path, await rendered());
    const text = collapse(execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));
    expect(text).toContain(collapse(spec.title));
    expect(text).toContain('RTW Academy template — not an official SOCSO form');
    expect(text).toMatch(/Page 1 of \d+/u);
    for (const section of spec.sections) expect(text).toContain(collapse(section.heading));
    for (const field of fields) expect(text).toContain(collapse(field.label));
  });

  it('is a form whose fields are named by the field ids, with the right kinds', async () => {
    const form = (await PDFDocument.load(await rendered())).getForm();
    expect(
      form
        .getFields()
        .map((field) => field.getName())
        .sort(),
    ).toEqual(fields.map((field) => field.id).sort());
    for (const field of fields) {
      switch (field.type) {
        case 'text':
        case 'date':
          expect(form.getField(field.id)).toBeInstanceOf(PDFTextField);
          expect(form.getTextField(field.id).isMultiline()).toBe(false);
          break;
        case 'multiline':
          expect(form.getTextField(field.id).isMultiline()).toBe(true);
          break;
        case 'choice':
          expect(form.getField(field.id)).toBeInstanceOf(PDFDropdown);
          expect(form.getDropdown(field.id).getOptions()).toEqual(field.options);
          break;
        case 'checkbox':
          expect(form.getField(field.id)).toBeInstanceOf(PDFCheckBox);
          break;
        default:
          field satisfies never;
      }
    }
  });

  it('can be filled in and saved', async () => {
    const doc = await PDFDocument.load(await rendered());
    const form = doc.getForm();
    for (const field of fields) {
      if (field.type === 'choice') form.getDropdown(field.id).select(field.options[0] ?? '');
      else if (field.type === 'checkbox') form.getCheckBox(field.id).check();
      else if (field.type === 'date') form.getTextField(field.id).setText('14/08/2026');
      else form.getTextField(field.id).setText('Siti Nur Aisyah binti Abdullah');
    }
    const reloaded = (await PDFDocument.load(await doc.save())).getForm();
    const firstText = fields.find((field) => field.type === 'text' || field.type === 'multiline');
    if (firstText)
      expect(reloaded.getTextField(firstText.id).getText()).toBe('Siti Nur Aisyah binti Abdullah');
  });

  it('records its title and language, and gives the same bytes every time', async () => {
    const bytes = await rendered();
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe(spec.title);
    expect(doc.getAuthor()).toBe('RTW Academy');
    expect(doc.getLanguage()).toBe('en-MY');
    expect(Buffer.from(await renderJobAidPdf(spec)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('matches the committed public/downloads PDF (run node scripts/build-job-aids.ts if not)', async (context) => {
    const committed = join(downloadDirectory, `${id}.pdf`);
    if (!existsSync(committed)) {
      console.warn(`public/downloads/${id}.pdf has not been built yet; run: node scripts/build-job-aids.ts`);
      context.skip();
    }
    const fresh = Buffer.from(await rendered());
    expect(
      readFileSync(committed).equals(fresh),
      `public/downloads/${id}.pdf is stale; run: node scripts/build-job-aids.ts`,
    ).toBe(true);
  });
});

describe('parseJobAid', () => {
  const valid = {
    title: 'Test aid',
    description: 'A description.',
    order: 1,
    instructions: 'Fill it in.',
    sections: [{ heading: 'Worker', fields: [{ id: 'worker-name', label: 'Full name', type: 'text' }] }],
  };

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
      'src/content/job-aids/test.yaml: section 1 ("Worker") › field 1 ("worker-name") › type: type must be one of text, multiline, date, choice, checkbox',
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
});
