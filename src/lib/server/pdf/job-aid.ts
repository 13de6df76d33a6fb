/**
 * Job aids as fillable, tagged PDF forms: A4 (portrait, or landscape for wide tables), in one
 * language or two on one form, with a structure tree in reading order, /Lang, and every field
 * announced by its visible label.
 */
import { PDFDocument, type PDFFont } from '@cantoo/pdf-lib';
import { contentSeed, setDeterministicFileId } from './file-id.ts';
import { createStructure } from './structure.ts';
import { createTypesetter } from './typesetter.ts';
import { createCanvas } from './job-aid/canvas.ts';
import { drawFooters, drawHeader, drawInstructions, drawSection } from './job-aid/document.ts';
import {
  buildAidModel,
  languageTags,
  textsOfModel,
  type AidModel,
  type JobAidVersion,
} from './job-aid/model.ts';

export type { JobAidVersion } from './job-aid/model.ts';

const issuer = 'RTW Academy';
const producer = 'RTW Academy job aid renderer (@cantoo/pdf-lib)';
// Bump when the layout changes, so a changed file also gets a new /ID.
const layoutVersion = 'job-aid-v2';

/** Refuses option text the form font (Helvetica, WinAnsi) cannot show, naming the field. */
function checkFormText(font: PDFFont, model: AidModel): void {
  for (const section of model.sections) {
    const fields =
      section.kind === 'fields' ? section.fields : section.kind === 'table' ? section.columns : [];
    for (const field of fields) {
      for (const option of field.options) {
        try {
          font.encodeText(option);
        } catch (error) {
          throw new Error(
            `Job aid "${model.title[0]?.text ?? ''}", field "${field.id}": the option "${option}" has a character ` +
              'the form font cannot show. Use plain Latin letters and punctuation in options.',
            { cause: error },
          );
        }
      }
    }
  }
}

export class JobAidLayoutError extends Error {}

/**
 * Renders a job aid: one version gives a form in that language; two give one bilingual form
 * (the first version's language leads and is the document's /Lang). Fields are named by their
 * ids (a table cell by column id and row: `date-3`) and carry their visible label as /TU. A
 * spec with `onePage: true` that needs more than one page is refused with a
 * `JobAidLayoutError`. The same input always yields the same bytes.
 */
export async function renderJobAidPdf(
  versions: readonly [JobAidVersion, ...JobAidVersion[]],
): Promise<Uint8Array> {
  const model = buildAidModel(versions);
  const seed = contentSeed(layoutVersion, versions);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const texts = textsOfModel(model).flatMap((text) => [
    { text, weight: 400 as const },
    { text, weight: 700 as const },
  ]);
  const type = await createTypesetter(doc, texts, seed);
  // Fields use the form's default font (Helvetica), which every viewer can type with.
  checkFormText(doc.getForm().getDefaultFont(), model);

  const structure = createStructure(doc);
  const canvas = createCanvas(doc, type, structure, model);
  drawHeader(canvas);
  drawInstructions(canvas);
  for (const section of model.sections) drawSection(canvas, section);
  drawFooters(canvas);
  const title = model.title.map((part) => part.text).join(' / ');
  if (model.onePage && canvas.pages.length > 1)
    throw new JobAidLayoutError(
      `Job aid "${title}" is marked onePage but needs ${canvas.pages.length} pages: use fewer table rows ` +
        'or shorter instructions, or remove onePage.',
    );
  structure.finish();

  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(issuer);
  doc.setSubject(model.description.map((part) => part.text).join(' / '));
  doc.setKeywords([[issuer, model.words.keywords, title].join('; ')]);
  doc.setLanguage(languageTags[model.language]);
  doc.setProducer(producer);
  doc.setCreator(issuer);
  setDeterministicFileId(doc, seed);
  return doc.save();
}
