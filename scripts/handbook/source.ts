/**
 * The handbook's sources as the PDF build and its staleness test see them: the chapter files in
 * src/content/handbook/ (English) and src/content/handbook/ms/ (Bahasa Malaysia), the files that
 * lay them out, and the fingerprint (SHA-256) of all of them that each edition's PDF carries in
 * its keywords.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkContent, handbookChapterSchema } from '#src/lib/content/schema.ts';
import { intlLocale, type Locale } from '#src/i18n/index.ts';
import { HANDBOOK_AID } from '#src/lib/content/schema.ts';
import { downloadFileName } from '#src/lib/content/downloads.ts';
import { splitFrontMatter } from '#src/lib/content/mdx-scan.ts';
import { TIME_ZONE } from '#src/lib/time.ts';

/** The editions the build makes, one per language. */
export const HANDBOOK_LOCALES = ['en', 'ms'] as const satisfies readonly Locale[];

/** Where an edition's chapters are: the English folder, or its `ms/` translation folder. */
export function chapterFolder(locale: Locale = 'en'): string {
  return locale === 'en' ? 'src/content/handbook' : `src/content/handbook/${locale}`;
}

/** An edition's PDF, relative to the project root (the name lessons and /resources link to). */
export function handbookPdf(locale: Locale = 'en'): string {
  return `public/downloads/${downloadFileName(HANDBOOK_AID, locale)}`;
}
/** Everything besides the chapters that changes how the PDF looks. */
export const LAYOUT_FILES = [
  'scripts/handbook/template.ts',
  'scripts/handbook/print.css',
  'scripts/handbook/fonts.ts',
] as const;
export const FINGERPRINT_PREFIX = 'source-sha256:';

export interface ChapterSource {
  id: string;
  /** Relative to the project root, for messages. */
  file: string;
  title: string;
  summary: string;
  order: number;
  /** The Markdown after the front matter. */
  markdown: string;
  modifiedAt: Date;
}

export type ChapterReadResult = { ok: true; chapters: ChapterSource[] } | { ok: false; problems: string[] };

function chapterFiles(root: string, locale: Locale): string[] {
  return readdirSync(join(root, chapterFolder(locale)))
    .filter((name) => name.endsWith('.md'))
    .sort();
}

/** Git may check text out with CRLF on Windows; the fingerprint must not change with it. */
function readText(path: string): string {
  return readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
}

/**
 * Reads and validates every chapter of an edition, in handbook order; problems as
 * `file: field: what is wrong`.
 */
export function readHandbookChapters(root: string, locale: Locale = 'en'): ChapterReadResult {
  const chapters: ChapterSource[] = [];
  const problems: string[] = [];
  for (const name of chapterFiles(root, locale)) {
    const file = `${chapterFolder(locale)}/${name}`;
    const path = join(root, file);
    const { frontMatter, body } = splitFrontMatter(readText(path));
    if (frontMatter === null) {
      problems.push(
        `${file}: the front matter is missing: start the file with title, order and summary between --- lines`,
      );
      continue;
    }
    let data: unknown;
    try {
      data = parseYaml(frontMatter);
    } catch (error) {
      problems.push(`${file}: the front matter cannot be read: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const checked = checkContent(handbookChapterSchema, file, data);
    if (!checked.ok) {
      problems.push(...checked.problems);
      continue;
    }
    chapters.push({
      id: name.replace(/\.md$/, ''),
      file,
      title: checked.data.title,
      summary: checked.data.summary,
      order: checked.data.order,
      markdown: body,
      modifiedAt: statSync(path).mtime,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  chapters.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { ok: true, chapters };
}

/**
 * SHA-256 (hex) over an edition's chapter files, the pictures they show from public/, and the
 * layout files, names included, so that editing, adding, removing or renaming any of them
 * changes it.
 */
export function computeHandbookFingerprint(root: string, locale: Locale = 'en'): string {
  const hash = createHash('sha256');
  const files = [
    ...chapterFiles(root, locale).map((name) => `${chapterFolder(locale)}/${name}`),
    ...LAYOUT_FILES,
  ];
  const pictures = new Set<string>();
  for (const file of files) {
    const text = readText(join(root, file));
    hash.update(`${file}\n`);
    hash.update(text);
    hash.update('\n\0');
    for (const match of text.matchAll(/\]\(\s*<?(\/[^)\s>]+)|\ssrc="(\/[^"]+)"/g)) {
      const src = match[1] ?? match[2];
      if (src) pictures.add(src);
    }
  }
  for (const src of [...pictures].sort()) {
    hash.update(`public${src}\n`);
    try {
      hash.update(readFileSync(join(root, 'public', decodeURI(src))));
    } catch {
      hash.update('missing');
    }
    hash.update('\n\0');
  }
  return hash.digest('hex');
}

/** The fingerprint in a PDF's keywords, or null when it has none. */
export function fingerprintFromKeywords(keywords: string | undefined): string | null {
  const match = new RegExp(`${FINGERPRINT_PREFIX}([0-9a-f]{64})`).exec(keywords ?? '');
  return match?.[1] ?? null;
}

/** The edition is the day the newest chapter last changed, as a Malaysian reader writes it. */
export function editionDate(chapters: ReadonlyArray<ChapterSource>, locale: Locale = 'en'): string {
  const newest = Math.max(...chapters.map((chapter) => chapter.modifiedAt.getTime()));
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: TIME_ZONE }).format(
    new Date(newest),
  );
}
