/**
 * The handbook's sources as the PDF build and its staleness test see them: the chapter files in
 * src/content/handbook/ and the files that lay them out, and the fingerprint (SHA-256) of all of
 * them that the PDF carries in its keywords.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkContent, handbookChapterSchema } from '#src/lib/content/schema.ts';
import { HANDBOOK_FILE } from '#src/lib/content/downloads.ts';
import { splitFrontMatter } from '#src/lib/content/mdx-scan.ts';
import { TIME_ZONE } from '#src/lib/time.ts';

export const CHAPTER_FOLDER = 'src/content/handbook';
/** The PDF, relative to the project root (the name lessons and /resources link to). */
export const HANDBOOK_PDF = `public/downloads/${HANDBOOK_FILE}`;
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

function chapterFiles(root: string): string[] {
  return readdirSync(join(root, CHAPTER_FOLDER))
    .filter((name) => name.endsWith('.md'))
    .sort();
}

/** Git may check text out with CRLF on Windows; the fingerprint must not change with it. */
function readText(path: string): string {
  return readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
}

/** Reads and validates every chapter, in handbook order; problems as `file: field: what is wrong`. */
export function readHandbookChapters(root: string): ChapterReadResult {
  const chapters: ChapterSource[] = [];
  const problems: string[] = [];
  for (const name of chapterFiles(root)) {
    const file = `${CHAPTER_FOLDER}/${name}`;
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
 * SHA-256 (hex) over the chapter files and the layout files, names included, so that editing,
 * adding, removing or renaming any of them changes it.
 */
export function computeHandbookFingerprint(root: string): string {
  const hash = createHash('sha256');
  const files = [...chapterFiles(root).map((name) => `${CHAPTER_FOLDER}/${name}`), ...LAYOUT_FILES];
  for (const file of files) {
    hash.update(`${file}\n`);
    hash.update(readText(join(root, file)));
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
export function editionDate(chapters: ReadonlyArray<ChapterSource>): string {
  const newest = Math.max(...chapters.map((chapter) => chapter.modifiedAt.getTime()));
  return new Intl.DateTimeFormat('en-MY', { dateStyle: 'long', timeZone: TIME_ZONE }).format(
    new Date(newest),
  );
}
