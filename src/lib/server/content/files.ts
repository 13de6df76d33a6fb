/**
 * Reads and validates the content files straight from disk, with the same schemas as the Astro
 * content collections. For code that runs outside Astro: `npm run content:check` and the demo
 * seed. Problems come back as `file: field: what is wrong` lines instead of exceptions.
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
import { buildCatalogue, type Catalogue } from '#src/lib/learning/structure.ts';
import { parseJobAid, type JobAidSpec } from '#src/lib/content/job-aid-schema.ts';
import { splitFrontMatter } from '#src/lib/content/mdx-scan.ts';
import { parseQuiz, type Quiz } from '#src/lib/server/quiz/schema.ts';

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

export interface ContentTree {
  courses: Entry<CourseData>[];
  modules: Entry<ModuleData>[];
  lessons: LessonEntry[];
  quizzes: Entry<Quiz>[];
  assessments: Entry<Quiz>[];
  handbook: Entry<HandbookChapterData>[];
  jobAids: Entry<JobAidSpec>[];
  /** Folder and file names seen, valid or not (for id checks). */
  names: { file: string; id: string }[];
  problems: string[];
}

function listFiles(folder: string, suffix: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => name.endsWith(suffix))
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

function yamlError(file: string, error: unknown): string {
  const message = (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)).replace(
    /[:.]\s*$/,
    '',
  );
  return `${file}: the YAML cannot be read: ${message}. Check the indentation, and quote text that contains ": " or starts with a special character.`;
}

/** Reads every content file under `contentRoot` (src/content) and validates it. */
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
    names: [],
    problems: [],
  };
  const rel = (path: string) => relative(projectRoot, path);

  const readYaml = (path: string): { ok: true; data: unknown } | { ok: false } => {
    try {
      return { ok: true, data: parseYaml(readFileSync(path, 'utf8')) };
    } catch (error) {
      tree.problems.push(yamlError(rel(path), error));
      return { ok: false };
    }
  };
  const stem = (name: string) => name.replace(/\.[^.]+$/, '');

  for (const name of listFiles(join(contentRoot, 'courses'), '.yaml')) {
    const path = join(contentRoot, 'courses', name);
    tree.names.push({ file: rel(path), id: stem(name) });
    const parsed = readYaml(path);
    if (!parsed.ok) continue;
    const result = checkContent(courseSchema, rel(path), parsed.data);
    if (result.ok) tree.courses.push({ id: stem(name), file: rel(path), data: result.data });
    else tree.problems.push(...result.problems);
  }

  const modulesRoot = join(contentRoot, 'modules');
  for (const folder of listFolders(modulesRoot)) {
    const folderPath = join(modulesRoot, folder);
    tree.names.push({ file: rel(folderPath), id: folder });
    const modulePath = join(folderPath, 'module.yaml');
    try {
      statSync(modulePath);
      const parsed = readYaml(modulePath);
      if (parsed.ok) {
        const result = checkContent(moduleSchema, rel(modulePath), parsed.data);
        if (result.ok) tree.modules.push({ id: folder, file: rel(modulePath), data: result.data });
        else tree.problems.push(...result.problems);
      }
    } catch {
      tree.problems.push(
        `${rel(folderPath)}: there is no module.yaml: add one (title, summary, order, objectives)`,
      );
    }
    for (const name of listFiles(folderPath, '.mdx')) {
      const path = join(folderPath, name);
      tree.names.push({ file: rel(path), id: stem(name) });
      const source = readFileSync(path, 'utf8');
      const { frontMatter, body, bodyLine } = splitFrontMatter(source);
      if (frontMatter === null) {
        tree.problems.push(
          `${rel(path)}: there is no front matter: start the file with --- lines holding title, order and minutes`,
        );
        continue;
      }
      let data: unknown;
      try {
        data = parseYaml(frontMatter);
      } catch (error) {
        tree.problems.push(yamlError(rel(path), error));
        continue;
      }
      const result = checkContent(lessonSchema, rel(path), data);
      if (result.ok)
        tree.lessons.push({
          id: `${folder}/${stem(name)}`,
          file: rel(path),
          data: result.data,
          body,
          bodyLine,
        });
      else tree.problems.push(...result.problems);
    }
    const quizPath = join(folderPath, 'quiz.yaml');
    let hasQuiz = false;
    try {
      hasQuiz = statSync(quizPath).isFile();
    } catch {
      hasQuiz = false;
    }
    if (hasQuiz) {
      const parsed = readYaml(quizPath);
      if (parsed.ok) {
        const result = parseQuiz(parsed.data, rel(quizPath));
        if (result.ok) tree.quizzes.push({ id: folder, file: rel(quizPath), data: result.quiz });
        else tree.problems.push(...result.errors);
      }
    }
  }

  for (const name of listFiles(join(contentRoot, 'assessments'), '.yaml')) {
    const path = join(contentRoot, 'assessments', name);
    tree.names.push({ file: rel(path), id: stem(name) });
    const parsed = readYaml(path);
    if (!parsed.ok) continue;
    const result = parseQuiz(parsed.data, rel(path));
    if (result.ok) tree.assessments.push({ id: stem(name), file: rel(path), data: result.quiz });
    else tree.problems.push(...result.errors);
  }

  for (const name of listFiles(join(contentRoot, 'handbook'), '.md')) {
    const path = join(contentRoot, 'handbook', name);
    tree.names.push({ file: rel(path), id: stem(name) });
    const { frontMatter } = splitFrontMatter(readFileSync(path, 'utf8'));
    if (frontMatter === null) {
      tree.problems.push(
        `${rel(path)}: there is no front matter: start the file with --- lines holding title, order and summary`,
      );
      continue;
    }
    let data: unknown;
    try {
      data = parseYaml(frontMatter);
    } catch (error) {
      tree.problems.push(yamlError(rel(path), error));
      continue;
    }
    const result = checkContent(handbookChapterSchema, rel(path), data);
    if (result.ok) tree.handbook.push({ id: stem(name), file: rel(path), data: result.data });
    else tree.problems.push(...result.problems);
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
  return tree;
}

/** The catalogue built from files on disk, as the app builds it from the collections. */
export function catalogueFromTree(tree: ContentTree): Catalogue {
  return buildCatalogue({
    courses: tree.courses,
    modules: tree.modules,
    lessons: tree.lessons,
    quizIds: tree.quizzes.map((quiz) => quiz.id),
    assessmentIds: tree.assessments.map((assessment) => assessment.id),
  });
}
