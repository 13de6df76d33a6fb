/**
 * Reads and validates the content files straight from disk, with the same schemas as the Astro
 * content collections. For code that runs outside Astro: `npm run content:check` and the demo
 * seed. Problems come back as `file: field: what is wrong` lines instead of exceptions.
 *
 * Translations sit in an `ms/` folder beside the English file, under the same file name
 * (docs/content-format.md, "Languages"); they are read into `translations.ms` with the English ids.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  checkContent,
  courseSchema,
  handbookChapterSchema,
  lessonSchema,
  moduleSchema,
  type CourseData,
  type HandbookChapterData,
  type LessonData,
  type ModuleData,
} from '#src/lib/content/schema.ts';
import { buildCatalogue, type Catalogue, type TranslationLocale } from '#src/lib/learning/structure.ts';
import type { Locale } from '#src/i18n/index.ts';
import { parseJobAid, type JobAidSpec } from '#src/lib/content/job-aid-schema.ts';
import { splitFrontMatter } from '#src/lib/content/mdx-scan.ts';
import { termbaseSchema, type TermbaseEntry } from '#src/lib/content/termbase.ts';
import { parseQuiz, type Quiz } from '#src/lib/server/quiz/schema.ts';
import { assignmentSchema, type AssignmentData } from '#src/lib/content/assignment-schema.ts';

export interface Entry<T> {
  id: string;
  /** Path relative to the project root, for messages. */
  file: string;
  data: T;
}

export interface LessonEntry extends Entry<LessonData> {
  body: string;
  /** 1-based line where the body starts in the file. */
  bodyLine: number;
}

export interface HandbookEntry extends Entry<HandbookChapterData> {
  body: string;
  bodyLine: number;
}

/** The translated files of one language, under the English ids. */
export interface TranslationTree {
  courses: Entry<CourseData>[];
  modules: Entry<ModuleData>[];
  lessons: LessonEntry[];
  quizzes: Entry<Quiz>[];
  assessments: Entry<Quiz>[];
  handbook: HandbookEntry[];
  /** `<module>/ms/assignment.yaml`, under the module id (always read; optional for fixtures). */
  assignments?: Entry<AssignmentData>[];
  /** Every translated file's text, valid or not, for the termbase check. */
  texts: { file: string; text: string }[];
}

export interface ContentTree {
  courses: Entry<CourseData>[];
  modules: Entry<ModuleData>[];
  lessons: LessonEntry[];
  quizzes: Entry<Quiz>[];
  assessments: Entry<Quiz>[];
  handbook: HandbookEntry[];
  jobAids: Entry<JobAidSpec>[];
  /** `<module>/assignment.yaml` (assessed casework), under the module id (always read; optional for fixtures). */
  assignments?: Entry<AssignmentData>[];
  /** Folder and file names seen, valid or not (for id checks). */
  names: { file: string; id: string }[];
  translations: Record<TranslationLocale, TranslationTree>;
  /** src/content/termbase.yaml: the terms translations must use. */
  termbase: TermbaseEntry[];
  problems: string[];
}

/** The folder name translations use, by language. */
export const TRANSLATION_FOLDERS: Record<TranslationLocale, string> = { ms: 'ms' };

function listFiles(folder: string, suffix: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => name.endsWith(suffix) && statSync(join(folder, name)).isFile())
      .sort();
  } catch {
    return [];
  }
}

function listFolders(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => statSync(join(folder, name)).isDirectory())
      .sort();
  } catch {
    return [];
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function yamlError(file: string, error: unknown): string {
  const message = (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)).replace(
    /[:.]\s*$/,
    '',
  );
  return `${file}: the YAML cannot be read: ${message}. Check the indentation, and quote text that contains ": " or starts with a special character.`;
}

const stem = (name: string) => name.replace(/\.[^.]+$/, '');

function emptyTranslation(): TranslationTree {
  return {
    courses: [],
    modules: [],
    lessons: [],
    quizzes: [],
    assessments: [],
    handbook: [],
    assignments: [],
    texts: [],
  };
}

/** Reads every content file under `projectRoot`/src/content and validates it. */
export function readContentTree(projectRoot: string = process.cwd()): ContentTree {
  const contentRoot = join(projectRoot, 'src/content');
  const tree: ContentTree = {
    courses: [],
    modules: [],
    lessons: [],
    quizzes: [],
    assessments: [],
    handbook: [],
    jobAids: [],
    assignments: [],
    names: [],
    translations: { ms: emptyTranslation() },
    termbase: [],
    problems: [],
  };
  const rel = (path: string) => relative(projectRoot, path);
  /** Set while reading a translation: its raw text is kept for the termbase check. */
  let texts: TranslationTree['texts'] | null = null;

  const readText = (path: string): string => {
    const text = readFileSync(path, 'utf8');
    texts?.push({ file: rel(path), text });
    return text;
  };
  const readYaml = (path: string): { ok: true; data: unknown } | { ok: false } => {
    try {
      return { ok: true, data: parseYaml(readText(path)) };
    } catch (error) {
      tree.problems.push(yamlError(rel(path), error));
      return { ok: false };
    }
  };
  const readFrontMatter = (
    path: string,
    holding: string,
  ): { ok: true; data: unknown; body: string; bodyLine: number } | { ok: false } => {
    const { frontMatter, body, bodyLine } = splitFrontMatter(readText(path));
    if (frontMatter === null) {
      tree.problems.push(
        `${rel(path)}: there is no front matter: start the file with --- lines holding ${holding}`,
      );
      return { ok: false };
    }
    try {
      return { ok: true, data: parseYaml(frontMatter), body, bodyLine };
    } catch (error) {
      tree.problems.push(yamlError(rel(path), error));
      return { ok: false };
    }
  };

  const readCourse = (path: string, into: Entry<CourseData>[]) => {
    const parsed = readYaml(path);
    if (!parsed.ok) return;
    const result = checkContent(courseSchema, rel(path), parsed.data);
    if (result.ok) into.push({ id: stem(path.replace(/^.*\//, '')), file: rel(path), data: result.data });
    else tree.problems.push(...result.problems);
  };
  const readModule = (path: string, id: string, into: Entry<ModuleData>[]) => {
    const parsed = readYaml(path);
    if (!parsed.ok) return;
    const result = checkContent(moduleSchema, rel(path), parsed.data);
    if (result.ok) into.push({ id, file: rel(path), data: result.data });
    else tree.problems.push(...result.problems);
  };
  const readLesson = (path: string, id: string, into: LessonEntry[]) => {
    const read = readFrontMatter(path, 'title, order and minutes');
    if (!read.ok) return;
    const result = checkContent(lessonSchema, rel(path), read.data);
    if (result.ok)
      into.push({ id, file: rel(path), data: result.data, body: read.body, bodyLine: read.bodyLine });
    else tree.problems.push(...result.problems);
  };
  const readQuiz = (path: string, id: string, into: Entry<Quiz>[]) => {
    const parsed = readYaml(path);
    if (!parsed.ok) return;
    const result = parseQuiz(parsed.data, rel(path));
    if (result.ok) into.push({ id, file: rel(path), data: result.quiz });
    else tree.problems.push(...result.errors);
  };
  const readAssignment = (path: string, id: string, into: Entry<AssignmentData>[] | undefined) => {
    const parsed = readYaml(path);
    if (!parsed.ok) return;
    const result = checkContent(assignmentSchema, rel(path), parsed.data);
    if (result.ok) into?.push({ id, file: rel(path), data: result.data });
    else tree.problems.push(...result.problems);
  };
  const readChapter = (path: string, into: HandbookEntry[]) => {
    const read = readFrontMatter(path, 'title, order and summary');
    if (!read.ok) return;
    const result = checkContent(handbookChapterSchema, rel(path), read.data);
    if (result.ok)
      into.push({
        id: stem(path.replace(/^.*\//, '')),
        file: rel(path),
        data: result.data,
        body: read.body,
        bodyLine: read.bodyLine,
      });
    else tree.problems.push(...result.problems);
  };

  /** A translated file must have the English file of the same name beside its folder. */
  const requireEnglish = (translatedPath: string, englishPath: string): boolean => {
    if (isFile(englishPath)) return true;
    tree.problems.push(
      `${rel(translatedPath)}: there is no English file ${rel(englishPath)}: a translation keeps the English file's name, in an ms/ folder beside it`,
    );
    return false;
  };

  for (const name of listFiles(join(contentRoot, 'courses'), '.yaml')) {
    const path = join(contentRoot, 'courses', name);
    tree.names.push({ file: rel(path), id: stem(name) });
    readCourse(path, tree.courses);
  }

  const modulesRoot = join(contentRoot, 'modules');
  for (const folder of listFolders(modulesRoot)) {
    const folderPath = join(modulesRoot, folder);
    tree.names.push({ file: rel(folderPath), id: folder });
    const modulePath = join(folderPath, 'module.yaml');
    if (isFile(modulePath)) readModule(modulePath, folder, tree.modules);
    else
      tree.problems.push(
        `${rel(folderPath)}: there is no module.yaml: add one (title, summary, order, objectives)`,
      );
    for (const name of listFiles(folderPath, '.mdx')) {
      const path = join(folderPath, name);
      tree.names.push({ file: rel(path), id: stem(name) });
      readLesson(path, `${folder}/${stem(name)}`, tree.lessons);
    }
    const quizPath = join(folderPath, 'quiz.yaml');
    if (isFile(quizPath)) readQuiz(quizPath, folder, tree.quizzes);
    const assignmentPath = join(folderPath, 'assignment.yaml');
    if (isFile(assignmentPath)) readAssignment(assignmentPath, folder, tree.assignments);
  }

  for (const name of listFiles(join(contentRoot, 'assessments'), '.yaml')) {
    const path = join(contentRoot, 'assessments', name);
    tree.names.push({ file: rel(path), id: stem(name) });
    readQuiz(path, stem(name), tree.assessments);
  }

  for (const name of listFiles(join(contentRoot, 'handbook'), '.md')) {
    const path = join(contentRoot, 'handbook', name);
    tree.names.push({ file: rel(path), id: stem(name) });
    readChapter(path, tree.handbook);
  }

  for (const name of listFiles(join(contentRoot, 'job-aids'), '.yaml')) {
    const path = join(contentRoot, 'job-aids', name);
    tree.names.push({ file: rel(path), id: stem(name) });
    const parsed = readYaml(path);
    if (!parsed.ok) continue;
    const result = parseJobAid(rel(path), parsed.data);
    if (result.ok) tree.jobAids.push({ id: stem(name), file: rel(path), data: result.spec });
    else tree.problems.push(...result.problems);
  }

  for (const [language, folderName] of Object.entries(TRANSLATION_FOLDERS) as [TranslationLocale, string][]) {
    const into = tree.translations[language];
    texts = into.texts;
    const translated = (folder: string) => join(folder, folderName);

    for (const name of listFiles(translated(join(contentRoot, 'courses')), '.yaml')) {
      const path = join(translated(join(contentRoot, 'courses')), name);
      if (requireEnglish(path, join(contentRoot, 'courses', name))) readCourse(path, into.courses);
    }
    for (const folder of listFolders(modulesRoot)) {
      const englishFolder = join(modulesRoot, folder);
      const folderPath = translated(englishFolder);
      for (const name of listFiles(folderPath, '.yaml')) {
        const path = join(folderPath, name);
        if (!requireEnglish(path, join(englishFolder, name))) continue;
        if (name === 'module.yaml') readModule(path, folder, into.modules);
        else if (name === 'quiz.yaml') readQuiz(path, folder, into.quizzes);
        else if (name === 'assignment.yaml') readAssignment(path, folder, into.assignments);
      }
      for (const name of listFiles(folderPath, '.mdx')) {
        const path = join(folderPath, name);
        if (requireEnglish(path, join(englishFolder, name)))
          readLesson(path, `${folder}/${stem(name)}`, into.lessons);
      }
    }
    const assessments = join(contentRoot, 'assessments');
    for (const name of listFiles(translated(assessments), '.yaml')) {
      const path = join(translated(assessments), name);
      if (requireEnglish(path, join(assessments, name))) readQuiz(path, stem(name), into.assessments);
    }
    const handbook = join(contentRoot, 'handbook');
    for (const name of listFiles(translated(handbook), '.md')) {
      const path = join(translated(handbook), name);
      if (requireEnglish(path, join(handbook, name))) readChapter(path, into.handbook);
    }
  }
  texts = null;

  const termbasePath = join(contentRoot, 'termbase.yaml');
  if (isFile(termbasePath)) {
    const parsed = readYaml(termbasePath);
    if (parsed.ok) {
      const result = checkContent(termbaseSchema, rel(termbasePath), parsed.data);
      if (result.ok) tree.termbase = result.data.terms;
      else tree.problems.push(...result.problems);
    }
  }
  return tree;
}

/** The catalogue built from files on disk, as the app builds it from the collections. */
export function catalogueFromTree(tree: ContentTree, locale: Locale = 'en'): Catalogue {
  return buildCatalogue({
    courses: tree.courses,
    modules: tree.modules,
    lessons: tree.lessons,
    quizIds: tree.quizzes.map((quiz) => quiz.id),
    assessmentIds: tree.assessments.map((assessment) => assessment.id),
    assignmentIds: (tree.assignments ?? []).filter((entry) => !entry.data.draft).map((entry) => entry.id),
    translations: tree.translations,
    locale,
  });
}
