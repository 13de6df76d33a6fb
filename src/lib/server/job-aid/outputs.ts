/**
 * The files each job aid ships as, under public/downloads/: a fillable PDF per language
 * (`<id>.pdf`, `<id>-ms.pdf`) and, for an aid with `spreadsheet: true`, a spreadsheet per
 * language (`<id>.xlsx`, `<id>-ms.xlsx`). A `bilingual` aid's PDFs carry both languages on one
 * form, the reader's language leading.
 */
import type { Locale } from '#src/i18n/index.ts';
import { downloadFileName, spreadsheetFileName } from '#src/lib/content/downloads.ts';
import { renderJobAidPdf, type JobAidVersion } from '#src/lib/server/pdf/job-aid.ts';
import { renderJobAidXlsx } from '#src/lib/server/spreadsheet/job-aid.ts';
import type { JobAidSource } from './sources.ts';

export interface JobAidOutput {
  /** The file name under public/downloads/. */
  readonly file: string;
  readonly format: 'pdf' | 'xlsx';
  /** The leading language (a bilingual PDF also has the other). */
  readonly language: Locale;
  readonly bilingual: boolean;
  render(): Promise<Uint8Array>;
}

/** Every file a job aid ships as, English first. */
export function planJobAidOutputs(aid: JobAidSource): JobAidOutput[] {
  const versions: Array<JobAidVersion> = [{ language: 'en', spec: aid.english }];
  if (aid.translations.ms) versions.push({ language: 'ms', spec: aid.translations.ms });
  const bilingual = aid.english.bilingual === true && versions.length > 1;
  const outputs: JobAidOutput[] = [];
  for (const version of versions) {
    const others = versions.filter((other) => other !== version);
    const pdfVersions: [JobAidVersion, ...JobAidVersion[]] = bilingual ? [version, ...others] : [version];
    outputs.push({
      file: downloadFileName(aid.id, version.language),
      format: 'pdf',
      language: version.language,
      bilingual,
      render: () => renderJobAidPdf(pdfVersions),
    });
  }
  if (aid.english.spreadsheet) {
    for (const version of versions) {
      outputs.push({
        file: spreadsheetFileName(aid.id, version.language),
        format: 'xlsx',
        language: version.language,
        bilingual: false,
        render: () => Promise.resolve(renderJobAidXlsx(version.spec, version.language)),
      });
    }
  }
  return outputs;
}
