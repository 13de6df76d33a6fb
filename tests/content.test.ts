import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkStudyTime,
  checkTranslations,
  coverageProblems,
  crossCheckContent,
  translationCoverage,
} from '#src/lib/server/content/check.ts';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';

describe('the content in src/content', () => {
  const root = process.cwd();
  const tree = readContentTree(root);

  it('passes npm run content:check', () => {
    const problems = [
      ...tree.problems,
      ...crossCheckContent(tree, { publicFileExists: (path) => existsSync(join(root, 'public', path)) }),
      ...checkTranslations(tree),
      ...coverageProblems(translationCoverage(tree, 'ms'), 'ms'),
      ...checkStudyTime(tree).problems,
    ];
    expect(problems).toEqual([]);
  });

  it('has every published course fully in Bahasa Malaysia, and the handbook too', () => {
    for (const course of translationCoverage(tree, 'ms').filter((entry) => !entry.draft))
      expect(course.missing, course.courseId).toEqual([]);
    expect(tree.translations.ms.handbook.map((chapter) => chapter.id)).toEqual(
      tree.handbook.map((chapter) => chapter.id),
    );
  });

  it('builds the catalogue in Bahasa Malaysia with the same ids, order and rules as in English', () => {
    const english = catalogueFromTree(tree, 'en');
    const malay = catalogueFromTree(tree, 'ms');
    const shape = (view: typeof english.published) =>
      view.courses.map((course) => ({
        id: course.id,
        rules: course.rules,
        modules: course.modules.map((module) => [module.id, module.lessons.map((lesson) => lesson.id)]),
      }));
    expect(shape(malay.published)).toEqual(shape(english.published));
    for (const course of malay.published.courses) {
      expect(course.textLocale, course.id).toBe('ms');
      expect(course.title).not.toBe(english.published.course(course.id)?.title);
      for (const lesson of course.lessons) expect(lesson.textLocale, lesson.id).toBe('ms');
    }
    expect([...malay.glossary.values()].every((entry) => entry.textLocale === 'ms')).toBe(true);
  });

  it('has at least one published course whose modules all have lessons', () => {
    const catalogue = catalogueFromTree(tree);
    expect(catalogue.published.courses.length).toBeGreaterThan(0);
    for (const course of catalogue.published.courses) {
      for (const module of course.modules)
        expect(module.lessons.length, `${course.id}/${module.id}`).toBeGreaterThan(0);
    }
  });

  it('has a module that uses every lesson component (the kit is proven on real content)', () => {
    const used = new Map<string, Set<string>>();
    for (const lesson of tree.lessons) {
      const moduleId = lesson.id.split('/')[0] ?? '';
      const names = used.get(moduleId) ?? new Set<string>();
      for (const match of lesson.body.matchAll(/<([A-Z][A-Za-z]+)/g)) names.add(match[1] ?? '');
      used.set(moduleId, names);
    }
    const kit = [
      'Callout',
      'CaseStudy',
      'Checklist',
      'Download',
      'Figure',
      'KeyPoints',
      'KnowledgeCheck',
      'Term',
    ];
    expect(
      [...used.entries()].filter(([, names]) => kit.every((name) => names.has(name))).map(([id]) => id),
    ).not.toEqual([]);
  });
});

describe('reading translated content files', () => {
  it('reads ms/ copies under the English ids, validates them, and falls back to English per piece', () => {
    const root = mkdtempSync(join(tmpdir(), 'rtw-content-'));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), text);
      };
      const courseYaml = (title: string) =>
        `title: ${title}\nsummary: S\nmodules: [basics]\nestimatedHours: 1\ncpdHours: 1\n`;
      write('src/content/courses/main.yaml', courseYaml('Main'));
      write('src/content/courses/ms/main.yaml', courseYaml('Utama'));
      write(
        'src/content/modules/basics/module.yaml',
        'title: Basics\nsummary: S\norder: 1\nobjectives: [Explain.]\n',
      );
      write(
        'src/content/modules/basics/01-start.mdx',
        '---\ntitle: Start\norder: 1\nminutes: 5\n---\n\nText\n',
      );
      write(
        'src/content/modules/basics/02-next.mdx',
        '---\ntitle: Next\norder: 2\nminutes: 5\n---\n\nText\n',
      );
      write(
        'src/content/modules/basics/ms/01-start.mdx',
        '---\ntitle: Mula\norder: 1\nminutes: 5\n---\n\nTeks\n',
      );
      write(
        'src/content/modules/basics/ms/03-orphan.mdx',
        '---\ntitle: Yatim\norder: 3\nminutes: 5\n---\n\nTeks\n',
      );
      write(
        'src/content/modules/basics/ms/module.yaml',
        'title: Asas\nsummary: S\norder: one\nobjectives: [Terangkan.]\n',
      );
      const tree = readContentTree(root);
      expect(tree.problems).toEqual([
        'src/content/modules/basics/ms/module.yaml: order: must be a whole number',
        "src/content/modules/basics/ms/03-orphan.mdx: there is no English file src/content/modules/basics/03-orphan.mdx: a translation keeps the English file's name, in an ms/ folder beside it",
      ]);
      expect(tree.translations.ms.lessons.map((lesson) => lesson.id)).toEqual(['basics/01-start']);
      const malay = catalogueFromTree(tree, 'ms').published;
      expect(malay.course('main')?.title).toBe('Utama');
      expect(malay.module('main', 'basics')).toMatchObject({ title: 'Basics', textLocale: 'en' });
      expect(malay.course('main')?.lessons.map((lesson) => [lesson.title, lesson.textLocale])).toEqual([
        ['Mula', 'ms'],
        ['Next', 'en'],
      ]);
      const [coverage] = translationCoverage(tree, 'ms');
      expect(coverage?.percent).toBe(50);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('reading content files', () => {
  it('reports unreadable YAML, missing front matter and schema problems as file: field: problem lines', () => {
    const root = mkdtempSync(join(tmpdir(), 'rtw-content-'));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), text);
      };
      write('src/content/courses/broken.yaml', 'title: x\n  bad: [\n');
      write(
        'src/content/modules/basics/module.yaml',
        'title: Basics\nsummary: S\norder: 1\nobjectives: []\n',
      );
      write('src/content/modules/basics/01-start.mdx', '# No front matter\n');
      write(
        'src/content/modules/basics/02-next.mdx',
        '---\ntitle: Next\norder: 2\nminuets: 5\n---\n\nText\n',
      );
      const tree = readContentTree(root);
      expect(tree.problems).toEqual([
        expect.stringMatching(
          /^src\/content\/courses\/broken\.yaml: the YAML cannot be read: .+ Check the indentation/,
        ),
        'src/content/modules/basics/module.yaml: objectives: is empty: list 3 to 6 learning objectives, each starting with a verb',
        'src/content/modules/basics/01-start.mdx: there is no front matter: start the file with --- lines holding title, order and minutes',
        'src/content/modules/basics/02-next.mdx: minutes: is missing: add the honest reading time in minutes',
        expect.stringContaining('src/content/modules/basics/02-next.mdx: unknown field "minuets"'),
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
