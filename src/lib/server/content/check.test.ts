import { describe, expect, it } from 'vitest';
import { courseSchema, lessonSchema, moduleSchema } from '#src/lib/content/schema.ts';
import { crossCheckContent } from './check.ts';
import type { ContentTree, LessonEntry } from './files.ts';

function tree(lessonBodies: Record<string, string>, overrides: Partial<ContentTree> = {}): ContentTree {
  const lessons: LessonEntry[] = Object.entries(lessonBodies).map(([id, body], index) => ({
    id,
    file: `src/content/modules/${id}.mdx`,
    data: lessonSchema.parse({ title: id, order: index + 1, minutes: 5 }),
    body,
    bodyLine: 8,
  }));
  return {
    courses: [
      {
        id: 'main',
        file: 'src/content/courses/main.yaml',
        data: courseSchema.parse({
          title: 'Main',
          summary: 'S',
          modules: ['basics', 'capstone'],
          estimatedHours: 1,
          cpdHours: 1,
          completion: { finalAssessment: 'main-final' },
        }),
      },
    ],
    modules: [
      {
        id: 'basics',
        file: 'src/content/modules/basics/module.yaml',
        data: moduleSchema.parse({
          title: 'Basics',
          summary: 'S',
          order: 1,
          objectives: ['Explain.'],
          glossary: [{ id: 'rtw-plan', term: 'RTW plan', definition: 'A plan.' }],
        }),
      },
    ],
    lessons,
    quizzes: [],
    assessments: [],
    handbook: [],
    jobAids: [],
    names: [{ file: 'src/content/modules/Basics Old', id: 'Basics Old' }],
    problems: [],
    ...overrides,
  };
}

const exists = { publicFileExists: (path: string) => path === '/images/lessons/chart.svg' };

describe('crossCheckContent', () => {
  it('reports ids that point nowhere, with the file and the field', () => {
    const problems = crossCheckContent(tree({ 'basics/01-a': 'Text' }), exists);
    expect(problems).toContain(
      'src/content/courses/main.yaml: modules[1]: there is no module "capstone": add src/content/modules/capstone/module.yaml or fix the id',
    );
    expect(problems).toContain(
      'src/content/courses/main.yaml: completion.finalAssessment: there is no assessment "main-final": add src/content/assessments/main-final.yaml or remove the line',
    );
    expect(problems).toContain(
      'src/content/modules/Basics Old: the name "Basics Old" is not a valid id: use only lowercase letters, digits and single hyphens',
    );
  });

  it('checks the components used in lessons', () => {
    const body = [
      '<Term id="rtw-plan">plan</Term> and <Term id="no-such-term">x</Term>',
      '<Download aid="rtw-plan" />',
      '<Download aid="handbook" />',
      '<Figure src="/images/lessons/missing.svg" caption="C" />',
      '<KnowledgeCheck question="Q" options={[{ text: "A", correct: true }, { text: "B", correct: true }]} />',
      '<Callout type="danger">x</Callout>',
      '<Quiz />',
    ].join('\n');
    const problems = crossCheckContent(tree({ 'basics/01-a': body }), exists).filter((line) =>
      line.includes('01-a.mdx'),
    );
    expect(problems).toEqual([
      'src/content/modules/basics/01-a.mdx: line 8: <Term>: id: no module.yaml glossary defines "no-such-term": add it to a glossary or fix the id',
      'src/content/modules/basics/01-a.mdx: line 9: <Download>: aid: "rtw-plan" is not a job aid: use one of handbook',
      'src/content/modules/basics/01-a.mdx: line 11: <Figure>: src: there is no file public/images/lessons/missing.svg: put the picture in public/images/lessons/ and write its path from /',
      'src/content/modules/basics/01-a.mdx: line 11: <Figure>: alt: is missing: describe what the picture shows for people who cannot see it',
      'src/content/modules/basics/01-a.mdx: line 12: <KnowledgeCheck>: options: 2 options have correct: true: exactly one must',
      'src/content/modules/basics/01-a.mdx: line 13: <Callout>: type: must be info, tip or warning',
      'src/content/modules/basics/01-a.mdx: line 14: <Quiz>: there is no component called Quiz: use one of Callout, CaseStudy, Checklist, Download, Figure, KeyPoints, KnowledgeCheck, Term',
    ]);
  });

  it('reports duplicate lesson orders, duplicate glossary ids and aliases that are still in use', () => {
    const base = tree({ 'basics/01-a': 'A', 'basics/02-b': 'B' });
    const [first, second] = base.lessons;
    if (!first || !second) throw new Error('fixture');
    second.data = { ...second.data, order: first.data.order, aliases: ['basics/01-a'] };
    const other = {
      id: 'other',
      file: 'src/content/modules/other/module.yaml',
      data: moduleSchema.parse({
        title: 'Other',
        summary: 'S',
        order: 2,
        objectives: ['Explain.'],
        glossary: [{ id: 'rtw-plan', term: 'RTW plan', definition: 'Again.' }],
        aliases: ['basics'],
      }),
    };
    const problems = crossCheckContent({ ...base, modules: [...base.modules, other] }, exists);
    expect(problems).toEqual(
      expect.arrayContaining([
        'src/content/modules/basics/02-b.mdx: order: 1 is also the order of src/content/modules/basics/01-a.mdx: give each lesson in a module its own order',
        'src/content/modules/basics/02-b.mdx: aliases[0]: "basics/01-a" is the id of an existing lesson: an alias must be an old id that is no longer used',
        'src/content/modules/other/module.yaml: glossary[0].id: the term "rtw-plan" is already defined in src/content/modules/basics/module.yaml: define each term once and use it everywhere',
        'src/content/modules/other/module.yaml: aliases[0]: "basics" is the id of an existing module: an alias must be an old id that is no longer used',
        'src/content/modules/other/module.yaml: the module has no lessons: add at least one .mdx lesson beside module.yaml',
      ]),
    );
  });
});
