import { describe, expect, it } from 'vitest';
import { checkContent, courseSchema, handbookChapterSchema, lessonSchema, moduleSchema } from './schema.ts';

function problems(schema: Parameters<typeof checkContent>[0], file: string, data: unknown): string[] {
  const result = checkContent(schema, file, data);
  if (result.ok) throw new Error(`expected ${file} to be rejected`);
  return result.problems;
}

const course = {
  title: 'RTW Coordinator',
  summary: 'Learn to help workers back.',
  modules: ['disability-management', 'early-intervention'],
  sequential: true,
  estimatedHours: 24,
  cpdHours: 20,
  completion: { requiredLessons: true, moduleQuizzes: true, finalAssessment: 'rtw-coordinator-final' },
  certificate: {
    title: 'Certificate of Completion',
    issueMode: 'approval',
    validityMonths: 36,
    signatoryName: 'Dr. Aminah binti Hassan',
    signatoryTitle: 'Programme Director',
  },
  draft: false,
};

const module = {
  title: 'Early intervention',
  summary: 'Why the first weeks matter.',
  order: 4,
  objectives: ['Explain why early contact matters.'],
  references: ['ISSA Guidelines on Return to Work.'],
  glossary: [
    { id: 'yellow-flags', term: 'Yellow flags', definition: 'Personal signs that a return may be slow.' },
  ],
  aliases: [],
  draft: false,
};

const lesson = {
  title: 'Why early matters',
  order: 1,
  minutes: 12,
  required: true,
  draft: false,
  aliases: [],
};

describe('course files', () => {
  it('accept the documented example and fill in defaults', () => {
    expect(courseSchema.parse(course)).toMatchObject({
      sequential: true,
      completion: { finalAssessment: 'rtw-coordinator-final' },
    });
    const minimal = courseSchema.parse({
      title: 'T',
      summary: 'S',
      modules: ['a'],
      estimatedHours: 1,
      cpdHours: 0,
    });
    expect(minimal).toMatchObject({
      sequential: false,
      draft: false,
      completion: { requiredLessons: true, moduleQuizzes: false },
    });
  });

  it.each([
    [
      'a missing title',
      { ...course, title: undefined },
      'courses/x.yaml: title: is missing: add the course title',
    ],
    [
      'a misspelt field',
      { ...course, sequencial: true },
      'courses/x.yaml: unknown field "sequencial": remove it or fix its spelling',
    ],
    [
      'text where a number belongs',
      { ...course, cpdHours: 'twenty' },
      'courses/x.yaml: cpdHours: must be a number',
    ],
    [
      'a module id with capitals',
      { ...course, modules: ['Early-Intervention'] },
      'courses/x.yaml: modules[0]: must use only lowercase letters',
    ],
    [
      'a module listed twice',
      { ...course, modules: ['a', 'b', 'a'] },
      'courses/x.yaml: modules[2]: "a" is listed twice',
    ],
    ['no modules', { ...course, modules: [] }, 'courses/x.yaml: modules: is empty: list the module ids'],
    [
      'a wrong issue mode',
      { ...course, certificate: { ...course.certificate, issueMode: 'manual' } },
      'courses/x.yaml: certificate.issueMode: must be auto or approval',
    ],
    ['a yes/no typo', { ...course, draft: 'no' }, 'courses/x.yaml: draft: must be true or false'],
    [
      'an unknown completion rule',
      { ...course, completion: { requiredQuizzes: true } },
      'courses/x.yaml: completion: unknown field "requiredQuizzes"',
    ],
  ])('name the file and the field for %s', (_case, data, expected) => {
    expect(problems(courseSchema, 'courses/x.yaml', data).join('\n')).toContain(expected);
  });
});

describe('module files', () => {
  it('collapse the line breaks of block scalars in definitions', () => {
    const parsed = moduleSchema.parse({
      ...module,
      glossary: [{ id: 'stigma', term: 'Stigma', definition: 'Negative beliefs\nabout people.\n' }],
    });
    expect(parsed.glossary[0]?.definition).toBe('Negative beliefs about people.');
  });

  it.each([
    [
      'no objectives',
      { ...module, objectives: [] },
      'modules/m/module.yaml: objectives: is empty: list 3 to 6 learning objectives',
    ],
    [
      'an empty objective',
      { ...module, objectives: ['  '] },
      'modules/m/module.yaml: objectives[0]: is empty: write a learning objective',
    ],
    [
      'a term without a definition',
      { ...module, glossary: [{ id: 'x', term: 'X' }] },
      'modules/m/module.yaml: glossary[0].definition: is missing: add a definition',
    ],
    [
      'a term defined twice',
      { ...module, glossary: [module.glossary[0], module.glossary[0]] },
      'modules/m/module.yaml: glossary[1].id: term id "yellow-flags" is defined twice in this module',
    ],
    [
      'an order that is not whole',
      { ...module, order: 1.5 },
      'modules/m/module.yaml: order: must be a whole number',
    ],
    [
      'a bad alias',
      { ...module, aliases: ['Old Module'] },
      'modules/m/module.yaml: aliases[0]: must use only lowercase letters',
    ],
  ])('name the file and the field for %s', (_case, data, expected) => {
    expect(problems(moduleSchema, 'modules/m/module.yaml', data).join('\n')).toContain(expected);
  });
});

describe('lesson front matter', () => {
  it('defaults required to true and draft to false', () => {
    expect(lessonSchema.parse({ title: 'T', order: 1, minutes: 5 })).toEqual({
      title: 'T',
      order: 1,
      minutes: 5,
      required: true,
      draft: false,
      aliases: [],
      sources: [],
    });
  });

  it.each([
    [
      'no minutes',
      { ...lesson, minutes: undefined },
      'm/01-x.mdx: minutes: is missing: add the honest reading time in minutes',
    ],
    ['zero minutes', { ...lesson, minutes: 0 }, 'm/01-x.mdx: minutes: must be 1 or more'],
    [
      'an alias without its module',
      { ...lesson, aliases: ['old-slug'] },
      'm/01-x.mdx: aliases[0]: must be an old lesson id: "module-id/old-file-name"',
    ],
    ['a misspelt field', { ...lesson, minuets: 12 }, 'm/01-x.mdx: unknown field "minuets"'],
    ['required as text', { ...lesson, required: 'yes' }, 'm/01-x.mdx: required: must be true or false'],
  ])('name the file and the field for %s', (_case, data, expected) => {
    expect(problems(lessonSchema, 'm/01-x.mdx', data).join('\n')).toContain(expected);
  });
});

describe('handbook chapters', () => {
  it('need a title, an order and a summary', () => {
    expect(problems(handbookChapterSchema, 'handbook/01.md', { title: 'About' })).toEqual([
      'handbook/01.md: order: is missing: add the chapter number',
      'handbook/01.md: summary: is missing: add one sentence about the chapter',
    ]);
  });
});
