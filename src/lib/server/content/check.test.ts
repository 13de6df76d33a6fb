import { describe, expect, it } from 'vitest';
import { courseSchema, lessonSchema, moduleSchema } from '#src/lib/content/schema.ts';
import { quizSchema } from '#src/lib/server/quiz/schema.ts';
import {
  checkStudyTime,
  checkTranslations,
  coverageProblems,
  crossCheckContent,
  translationCoverage,
} from './check.ts';
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
    translations: {
      ms: { courses: [], modules: [], lessons: [], quizzes: [], assessments: [], handbook: [], texts: [] },
    },
    termbase: [],
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

const course = (overrides: Record<string, unknown> = {}) =>
  courseSchema.parse({
    title: 'Main',
    summary: 'S',
    modules: ['basics'],
    estimatedHours: 1,
    cpdHours: 1,
    ...overrides,
  });

const basicsModule = (overrides: Record<string, unknown> = {}) =>
  moduleSchema.parse({
    title: 'Basics',
    summary: 'S',
    order: 1,
    objectives: ['Explain.', 'Plan.'],
    glossary: [
      { id: 'rtw-plan', term: 'RTW plan', definition: 'A plan.' },
      { id: 'consent', term: 'Consent', definition: 'Agreement.' },
    ],
    ...overrides,
  });

const lessonBody = [
  'Talk to the <Term id="rtw-plan">plan</Term> owner.',
  '<Figure src="/images/lessons/chart.svg" alt="A chart" caption="The chart" />',
  '<KnowledgeCheck question="Who?" options={[{ text: "A", correct: true, feedback: "Yes" }, { text: "B" }]} />',
].join('\n');

const malayBody = [
  'Bincang dengan pemilik <Term id="rtw-plan">pelan</Term>.',
  '<Figure src="/images/lessons/chart-ms.svg" alt="Carta" caption="Carta itu" />',
  '<KnowledgeCheck question="Siapa?" options={[{ text: "A", correct: true, feedback: "Ya" }, { text: "B" }]} />',
].join('\n');

function bilingualTree(malay: { body?: string; lesson?: Record<string, unknown> } = {}): ContentTree {
  const base = tree({});
  const lesson = (id: string, file: string, body: string, extra: Record<string, unknown> = {}) => ({
    id,
    file,
    data: lessonSchema.parse({ title: id, order: 1, minutes: 5, ...extra }),
    body,
    bodyLine: 8,
  });
  return {
    ...base,
    courses: [{ id: 'main', file: 'src/content/courses/main.yaml', data: course() }],
    modules: [{ id: 'basics', file: 'src/content/modules/basics/module.yaml', data: basicsModule() }],
    lessons: [lesson('basics/01-a', 'src/content/modules/basics/01-a.mdx', lessonBody)],
    translations: {
      ms: {
        ...base.translations.ms,
        courses: [
          {
            id: 'main',
            file: 'src/content/courses/ms/main.yaml',
            data: course({ title: 'Utama', summary: 'Ringkasan' }),
          },
        ],
        modules: [
          {
            id: 'basics',
            file: 'src/content/modules/basics/ms/module.yaml',
            data: basicsModule({ title: 'Asas', objectives: ['Terangkan.', 'Rancang.'] }),
          },
        ],
        lessons: [
          lesson(
            'basics/01-a',
            'src/content/modules/basics/ms/01-a.mdx',
            malay.body ?? malayBody,
            malay.lesson ?? {},
          ),
        ],
      },
    },
  };
}

describe('checkTranslations', () => {
  it('accepts a translation that changes only the words (and a translated picture beside the English one)', () => {
    expect(checkTranslations(bilingualTree())).toEqual([]);
  });

  it('reports front matter that differs outside the title and sources', () => {
    const problems = checkTranslations(bilingualTree({ lesson: { minutes: 9, title: 'Lain' } }));
    expect(problems).toEqual([
      'src/content/modules/basics/ms/01-a.mdx: front matter: minutes: English has 5, the translation has 9: only the title and the words of the sources are translated',
    ]);
  });

  it('reports a component missing, moved, or with a different id, flag or number of options', () => {
    const missing = checkTranslations(bilingualTree({ body: malayBody.split('\n').slice(0, 2).join('\n') }));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toContain('the English version has 3 component(s), the translation 2');

    const otherId = checkTranslations(
      bilingualTree({ body: malayBody.replace('id="rtw-plan"', 'id="consent"') }),
    );
    expect(otherId).toEqual([
      'src/content/modules/basics/ms/01-a.mdx: line 8: <Term>: id: English has "rtw-plan", the translation has "consent": keep the components of src/content/modules/basics/01-a.mdx in the same order with the same ids and other non-text props',
    ]);

    const movedFlag = checkTranslations(
      bilingualTree({
        body: malayBody.replace(
          '[{ text: "A", correct: true, feedback: "Ya" }, { text: "B" }]',
          '[{ text: "A", feedback: "Ya" }, { text: "B", correct: true }]',
        ),
      }),
    );
    expect(movedFlag).toHaveLength(1);
    expect(movedFlag[0]).toContain(
      'line 10: <KnowledgeCheck>: options[0].correct: English has true, the translation has nothing',
    );

    const reordered = checkTranslations(
      bilingualTree({
        body: [malayBody.split('\n')[1], malayBody.split('\n')[0], malayBody.split('\n')[2]].join('\n'),
      }),
    );
    expect(reordered[0]).toContain('<Figure> stands where the English version has <Term>');

    const otherPicture = checkTranslations(
      bilingualTree({ body: malayBody.replace('chart-ms.svg', 'other.svg') }),
    );
    expect(otherPicture[0]).toContain('<Figure>: src: English has "/images/lessons/chart.svg"');
  });

  it('reports a module whose glossary ids or number of objectives differ', () => {
    const base = bilingualTree();
    const module = base.translations.ms.modules[0];
    if (!module) throw new Error('fixture');
    module.data = basicsModule({
      objectives: ['Terangkan.'],
      glossary: [
        { id: 'consent', term: 'Persetujuan', definition: 'Setuju.' },
        { id: 'rtw-plan', term: 'Pelan RTW', definition: 'Pelan.' },
      ],
    });
    const problems = checkTranslations(base);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^src\/content\/modules\/basics\/ms\/module\.yaml: objectives: English has 2 item\(s\), the translation 1: keep the glossary ids in order/,
    );
    module.data = basicsModule({
      glossary: [
        { id: 'consent', term: 'Persetujuan', definition: 'Setuju.' },
        { id: 'rtw-plan', term: 'Pelan RTW', definition: 'Pelan.' },
      ],
    });
    expect(checkTranslations(base)[0]).toContain(
      'glossary[0].id: English has "rtw-plan", the translation has "consent"',
    );
  });

  it('reports a course whose rules differ', () => {
    const base = bilingualTree();
    const malay = base.translations.ms.courses[0];
    if (!malay) throw new Error('fixture');
    malay.data = course({ title: 'Utama', estimatedHours: 2 });
    expect(checkTranslations(base)).toEqual([
      'src/content/courses/ms/main.yaml: estimatedHours: English has 1, the translation has 2: a translation keeps everything but the words of the English file',
    ]);
  });

  it('reports a Bahasa Malaysia file that uses a form the termbase says to avoid, as a whole word only', () => {
    const base = bilingualTree();
    base.termbase = [{ en: 'supervisor', ms: 'penyelia', official: false, avoid: ['atasan'] }];
    base.translations.ms.texts = [
      {
        file: 'src/content/modules/basics/ms/01-a.mdx',
        text: 'Had dan batasan.\nBincang dengan atasan anda.',
      },
    ];
    expect(checkTranslations(base)).toEqual([
      'src/content/modules/basics/ms/01-a.mdx: line 2: "atasan" is a form the termbase says to avoid: write "penyelia" (supervisor; src/content/termbase.yaml)',
    ]);
  });
});

describe('checkTranslations on quiz items', () => {
  const bank = (questions: unknown[]) =>
    quizSchema.parse({ title: 'Quiz', settings: { drawCount: 1 }, questions });
  const english = [
    {
      id: 'q-1',
      type: 'single',
      points: 2,
      prompt: 'Who?',
      options: [
        { id: 'a', text: 'A', correct: true, feedback: 'Yes' },
        { id: 'b', text: 'B' },
      ],
    },
    { id: 'q-2', type: 'truefalse', prompt: 'True?', answer: true },
    {
      id: 'q-3',
      type: 'matching',
      prompt: 'Match',
      premises: [
        { id: 'p1', text: 'One', match: 'r1' },
        { id: 'p2', text: 'Two', match: 'r2' },
      ],
      responses: [
        { id: 'r1', text: 'Uno' },
        { id: 'r2', text: 'Dos' },
      ],
    },
    {
      id: 'q-4',
      type: 'ordering',
      prompt: 'Order',
      items: [
        { id: 'i1', text: 'First' },
        { id: 'i2', text: 'Second' },
      ],
    },
  ];
  const translate = (change: (questions: typeof english) => void) => {
    const copy = structuredClone(english);
    for (const question of copy) question.prompt = `BM ${question.prompt}`;
    change(copy);
    return copy;
  };
  const check = (questions: unknown[]) => {
    const base = tree({});
    base.quizzes = [{ id: 'basics', file: 'src/content/modules/basics/quiz.yaml', data: bank(english) }];
    base.translations.ms.quizzes = [
      { id: 'basics', file: 'src/content/modules/basics/ms/quiz.yaml', data: bank(questions) },
    ];
    return checkTranslations(base);
  };

  it('accepts items whose words alone differ', () => {
    expect(check(translate(() => undefined))).toEqual([]);
  });

  it('reports each item whose ids, types, flags, answers, matches, points or order differ', () => {
    const problems = check(
      translate((questions) => {
        const [single, trueFalse, matching, ordering] = questions as unknown as [
          { options: { correct?: boolean }[]; points: number },
          { answer: boolean },
          { premises: { match: string }[] },
          { items: { id: string }[] },
        ];
        single.options = [single.options[1] ?? {}, single.options[0] ?? {}];
        trueFalse.answer = false;
        if (matching.premises[0]) matching.premises[0].match = 'r2';
        ordering.items.reverse();
      }),
    );
    const suffix =
      ": keep src/content/modules/basics/quiz.yaml's ids, types, correct flags, answers, matches, points and order";
    expect(problems).toEqual([
      `src/content/modules/basics/ms/quiz.yaml: item "q-1": questions[0].options[0].id: English has "a", the translation has "b"${suffix}`,
      `src/content/modules/basics/ms/quiz.yaml: item "q-2": questions[1].answer: English has true, the translation has false${suffix}`,
      `src/content/modules/basics/ms/quiz.yaml: item "q-3": questions[2].premises[0].match: English has "r1", the translation has "r2"${suffix}`,
      `src/content/modules/basics/ms/quiz.yaml: item "q-4": questions[3].items[0].id: English has "i1", the translation has "i2"${suffix}`,
    ]);
    const points = check(
      translate((questions) => {
        (questions[0] as { points: number }).points = 1;
      }),
    );
    expect(points[0]).toContain('questions[0].points: English has 2, the translation has 1');
    const missingFeedback = check(
      translate((questions) => {
        delete (questions[0] as { options: { feedback?: string }[] }).options[0]?.feedback;
      }),
    );
    expect(missingFeedback[0]).toContain(
      'options[0].feedback: English has text here, the translation has none',
    );
  });
});

describe('translationCoverage', () => {
  it('counts the translated lessons, module files, quizzes and course file of each course', () => {
    const base = bilingualTree();
    base.lessons.push({
      ...base.lessons[0]!,
      id: 'basics/02-b',
      file: 'src/content/modules/basics/02-b.mdx',
    });
    const [coverage] = translationCoverage(base, 'ms');
    expect(coverage).toMatchObject({
      courseId: 'main',
      lessons: { translated: 1, total: 2 },
      moduleFiles: { translated: 1, total: 1 },
      quizzes: { translated: 0, total: 0 },
      courseFile: { translated: 1, total: 1 },
      percent: 75,
      missing: ['src/content/modules/basics/02-b.mdx'],
    });
    expect(coverageProblems(translationCoverage(base, 'ms'), 'ms')).toEqual([
      'src/content/courses/main.yaml: the course is published but 75% translated into ms: translate src/content/modules/basics/02-b.mdx (into an ms/ folder beside each), or mark the course draft: true',
    ]);
  });

  it('lets a draft course ship untranslated', () => {
    const base = bilingualTree();
    base.courses = [{ id: 'main', file: 'src/content/courses/main.yaml', data: course({ draft: true }) }];
    base.translations.ms.courses = [];
    expect(coverageProblems(translationCoverage(base, 'ms'), 'ms')).toEqual([]);
  });
});

describe('checkStudyTime', () => {
  const words = (count: number) => Array.from({ length: count }, () => 'word').join(' ');

  function timedTree(declared: number, practical?: number): ContentTree {
    const base = bilingualTree();
    const lesson = base.lessons[0];
    if (!lesson) throw new Error('fixture');
    // 1,800 words at 180 a minute: 10 minutes, plus one knowledge check (2 minutes) and a checklist (4).
    lesson.body = `${words(1800)}\n<KnowledgeCheck question="" options={[]} />\n<Checklist title="">\n</Checklist>`;
    lesson.data = { ...lesson.data, minutes: 16 };
    base.courses = [
      {
        id: 'main',
        file: 'src/content/courses/main.yaml',
        data: course({
          estimatedHours: declared,
          cpdHours: declared,
          completion: { moduleQuizzes: true },
          ...(practical === undefined ? {} : { practical }),
        }),
      },
    ];
    // 10 questions drawn at 1.5 minutes: 15 minutes.
    base.quizzes = [
      {
        id: 'basics',
        file: 'src/content/modules/basics/quiz.yaml',
        data: quizSchema.parse({
          title: 'Q',
          settings: { drawCount: 10 },
          questions: Array.from({ length: 12 }, (_, index) => ({
            id: `q-${index}`,
            type: 'truefalse',
            prompt: 'P',
            answer: true,
          })),
        }),
      },
    ];
    return base;
  }

  it('adds reading, activities, quizzes, assignments and practical hours', () => {
    const base = timedTree(0.55, 2);
    base.assignments = [
      {
        id: 'basics',
        file: 'src/content/modules/basics/assignment.yaml',
        data: { minutes: 90, draft: false } as NonNullable<ContentTree['assignments']>[number]['data'],
      },
    ];
    expect(checkStudyTime(base).courses[0]?.time).toMatchObject({ assignmentMinutes: 90 });
    const { courses } = checkStudyTime(timedTree(0.55, 2));
    expect(courses[0]?.time).toMatchObject({
      words: 1800,
      readingMinutes: 10,
      activityMinutes: 6,
      quizMinutes: 15,
    });
    expect(courses[0]?.time.hours).toBeCloseTo((10 + 6 + 15 + 120) / 60);
  });

  it('fails declared hours more than 25% away from the computed time, and accepts them within it', () => {
    // 31 minutes of content: 0.52 hours.
    expect(checkStudyTime(timedTree(0.6)).problems).toEqual([]);
    expect(checkStudyTime(timedTree(2)).problems).toEqual([
      'src/content/courses/main.yaml: estimatedHours: says 2, but the content takes about 0.5 hours (more than 25% away): write estimatedHours: 0.5, in the ms/ copy too',
      'src/content/courses/main.yaml: cpdHours: says 2, but the content takes about 0.5 hours (more than 25% away): write cpdHours: 0.5, in the ms/ copy too',
    ]);
  });

  it('warns about a lesson whose minutes are more than 50% away from its words and activities', () => {
    expect(checkStudyTime(timedTree(0.5)).warnings).toEqual([]);
    const base = timedTree(0.5);
    const lesson = base.lessons[0];
    if (!lesson) throw new Error('fixture');
    lesson.data = { ...lesson.data, minutes: 40 };
    expect(checkStudyTime(base).warnings).toEqual([
      'src/content/modules/basics/01-a.mdx: minutes: says 40, but 1800 words and its activities take about 16: write minutes: 16',
    ]);
  });
});
