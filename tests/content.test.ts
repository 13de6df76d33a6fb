import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossCheckContent } from '#src/lib/server/content/check.ts';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';

describe('the content in src/content', () => {
  const root = process.cwd();
  const tree = readContentTree(root);

  it('passes npm run content:check', () => {
    const problems = [
      ...tree.problems,
      ...crossCheckContent(tree, { publicFileExists: (path) => existsSync(join(root, 'public', path)) }),
    ];
    expect(problems).toEqual([]);
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
