/**
 * The job aid specs on disk: `src/content/job-aids/<id>.yaml` in English and
 * `src/content/job-aids/ms/<id>.yaml` in Bahasa Malaysia, validated and paired, for the build
 * script, `npm run content:check` and tests (plain Node, outside Astro).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Locale } from '#src/i18n/index.ts';
import { compareJobAidTranslation, parseJobAid, type JobAidSpec } from '#src/lib/content/job-aid-schema.ts';

export const JOB_AID_FOLDER = 'src/content/job-aids';

export interface JobAidSource {
  readonly id: string;
  readonly english: JobAidSpec;
  /** The translations that exist, by language (same structure as the English). */
  readonly translations: Partial<Record<Exclude<Locale, 'en'>, JobAidSpec>>;
}

export type JobAidSourcesResult =
  { ok: true; aids: JobAidSource[] } | { ok: false; problems: string[]; aids: JobAidSource[] };

function yamlFiles(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.ya?ml$/u.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

const stem = (file: string) => file.replace(/\.ya?ml$/u, '');

function readSpec(path: string, fileName: string, problems: string[]): JobAidSpec | null {
  let data: unknown;
  try {
    data = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(`${fileName}: the YAML does not parse: ${(error as Error).message.split('\n')[0] ?? ''}`);
    return null;
  }
  const result = parseJobAid(fileName, data);
  if (result.ok) return result.spec;
  problems.push(...result.problems);
  return null;
}

/**
 * Reads, validates and pairs every job aid under `root`. A translation without an English file,
 * or whose structure differs from the English, is a problem; so is an English spec marked
 * `bilingual` without its translation. Aids that are valid come back even when others are not.
 */
export function readJobAidSources(root: string): JobAidSourcesResult {
  const folder = join(root, JOB_AID_FOLDER);
  const problems: string[] = [];
  const aids: JobAidSource[] = [];
  const translatedFolder = join(folder, 'ms');
  const translatedFiles = new Set(yamlFiles(translatedFolder));
  for (const file of yamlFiles(folder)) {
    const english = readSpec(join(folder, file), `${JOB_AID_FOLDER}/${file}`, problems);
    if (!english) continue;
    const translations: JobAidSource['translations'] = {};
    if (translatedFiles.has(file)) {
      const fileName = `${JOB_AID_FOLDER}/ms/${file}`;
      const translated = readSpec(join(translatedFolder, file), fileName, problems);
      if (translated) {
        const differences = compareJobAidTranslation(english, translated, fileName);
        if (differences.length > 0) problems.push(...differences);
        else translations.ms = translated;
      }
    }
    if (english.bilingual && !translations.ms && !translatedFiles.has(file))
      problems.push(
        `${JOB_AID_FOLDER}/${file}: bilingual: true needs the Bahasa Malaysia version in ${JOB_AID_FOLDER}/ms/${file}`,
      );
    aids.push({ id: stem(file), english, translations });
  }
  const englishFiles = new Set(yamlFiles(folder));
  for (const file of translatedFiles) {
    if (!englishFiles.has(file))
      problems.push(
        `${JOB_AID_FOLDER}/ms/${file}: there is no English file ${JOB_AID_FOLDER}/${file}: a translation keeps the English file's name`,
      );
  }
  return problems.length > 0 ? { ok: false, problems, aids } : { ok: true, aids };
}
