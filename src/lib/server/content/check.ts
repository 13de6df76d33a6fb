/**
 * The checks across files that no single schema can make: ids that must exist elsewhere, ids
 * that must be unique, and the props of the lesson components. Used by `npm run content:check`.
 */
import { CONTENT_ID_PATTERN, HANDBOOK_AID, LESSON_COMPONENTS } from '#src/lib/content/schema.ts';
import { scanComponents } from '#src/lib/content/mdx-scan.ts';
import {
  courseTime,
  HOURS_TOLERANCE,
  LESSON_MINUTES_TOLERANCE,
  lessonTime,
  withinTolerance,
  type CourseTime,
} from '#src/lib/content/hours.ts';
import { findAvoidedTerms } from '#src/lib/content/termbase.ts';
import {
  compareComponents,
  compareCourses,
  compareHandbookChapters,
  compareLessonFrontMatter,
  compareModules,
  compareQuizzes,
} from '#src/lib/content/translation.ts';
import type { TranslationLocale } from '#src/lib/learning/structure.ts';
import type { ContentTree, Entry } from './files.ts';

export interface CrossCheckOptions {
  /** Whether a path under public/ exists (for Figure src). */
  publicFileExists: (path: string) => boolean;
}

const CALLOUT_TYPES = ['info', 'tip', 'warning'];

/** Returns `file: field: what is wrong` lines; empty when everything fits together. */
export function crossCheckContent(tree: ContentTree, options: CrossCheckOptions): string[] {
  const problems: string[] = [];
  const moduleIds = new Set(tree.modules.map((module) => module.id));
  const assessmentIds = new Set(tree.assessments.map((assessment) => assessment.id));
  const aidIds = new Set([HANDBOOK_AID, ...tree.jobAids.map((aid) => aid.id)]);
  const lessonIds = new Set(tree.lessons.map((lesson) => lesson.id));

  for (const { file, id } of tree.names) {
    if (!CONTENT_ID_PATTERN.test(id)) {
      problems.push(
        `${file}: the name "${id}" is not a valid id: use only lowercase letters, digits and single hyphens`,
      );
    }
  }

  for (const course of tree.courses) {
    course.data.modules.forEach((moduleId, index) => {
      if (!moduleIds.has(moduleId)) {
        problems.push(
          `${course.file}: modules[${index}]: there is no module "${moduleId}": add src/content/modules/${moduleId}/module.yaml or fix the id`,
        );
      }
    });
    const final = course.data.completion.finalAssessment;
    if (final && !assessmentIds.has(final)) {
      problems.push(
        `${course.file}: completion.finalAssessment: there is no assessment "${final}": add src/content/assessments/${final}.yaml or remove the line`,
      );
    }
  }

  const glossary = new Map<string, string>();
  for (const module of tree.modules) {
    module.data.glossary.forEach((term, index) => {
      const earlier = glossary.get(term.id);
      if (earlier && earlier !== module.file) {
        problems.push(
          `${module.file}: glossary[${index}].id: the term "${term.id}" is already defined in ${earlier}: define each term once and use it everywhere`,
        );
      } else glossary.set(term.id, module.file);
    });
  }

  const moduleAliasOwner = new Map<string, string>();
  for (const module of tree.modules) {
    module.data.aliases.forEach((alias, index) => {
      if (moduleIds.has(alias)) {
        problems.push(
          `${module.file}: aliases[${index}]: "${alias}" is the id of an existing module: an alias must be an old id that is no longer used`,
        );
      }
      const owner = moduleAliasOwner.get(alias);
      if (owner && owner !== module.file)
        problems.push(`${module.file}: aliases[${index}]: "${alias}" is already an alias in ${owner}`);
      moduleAliasOwner.set(alias, module.file);
    });
  }

  const lessonAliasOwner = new Map<string, string>();
  const ordersByModule = new Map<string, Map<number, string>>();
  for (const lesson of tree.lessons) {
    const moduleId = lesson.id.slice(0, lesson.id.indexOf('/'));
    const orders = ordersByModule.get(moduleId) ?? new Map<number, string>();
    const sameOrder = orders.get(lesson.data.order);
    if (sameOrder) {
      problems.push(
        `${lesson.file}: order: ${lesson.data.order} is also the order of ${sameOrder}: give each lesson in a module its own order`,
      );
    } else orders.set(lesson.data.order, lesson.file);
    ordersByModule.set(moduleId, orders);

    lesson.data.aliases.forEach((alias, index) => {
      if (lessonIds.has(alias)) {
        problems.push(
          `${lesson.file}: aliases[${index}]: "${alias}" is the id of an existing lesson: an alias must be an old id that is no longer used`,
        );
      }
      const owner = lessonAliasOwner.get(alias);
      if (owner && owner !== lesson.file)
        problems.push(`${lesson.file}: aliases[${index}]: "${alias}" is already an alias in ${owner}`);
      lessonAliasOwner.set(alias, lesson.file);
    });

    for (const use of scanComponents(lesson.body, lesson.bodyLine)) {
      const where = `${lesson.file}: line ${use.line}: <${use.name}>`;
      problems.push(
        ...checkComponent(use.name, use.attributes, use.unreadable, where, { glossary, aidIds, options }),
      );
    }
  }

  for (const module of tree.modules) {
    if (!ordersByModule.has(module.id))
      problems.push(
        `${module.file}: the module has no lessons: add at least one .mdx lesson beside module.yaml`,
      );
  }
  return problems;
}

function checkComponent(
  name: string,
  attributes: Record<string, unknown>,
  unreadable: string[],
  where: string,
  context: { glossary: Map<string, string>; aidIds: Set<string>; options: CrossCheckOptions },
): string[] {
  const problems: string[] = [];
  if (!(LESSON_COMPONENTS as readonly string[]).includes(name)) {
    return [`${where}: there is no component called ${name}: use one of ${LESSON_COMPONENTS.join(', ')}`];
  }
  for (const attribute of unreadable) {
    problems.push(
      `${where}: ${attribute}: cannot be read: write it as plain data, like [{ text: "...", correct: true }]`,
    );
  }
  const text = (key: string) => {
    const value = attributes[key];
    return typeof value === 'string' ? value.trim() : '';
  };
  switch (name) {
    case 'Term': {
      const id = text('id');
      if (!id) problems.push(`${where}: id: is missing: add the glossary id, like <Term id="yellow-flags">`);
      else if (!context.glossary.has(id)) {
        problems.push(
          `${where}: id: no module.yaml glossary defines "${id}": add it to a glossary or fix the id`,
        );
      }
      break;
    }
    case 'Download': {
      const aid = text('aid');
      if (!context.aidIds.has(aid)) {
        problems.push(
          `${where}: aid: "${aid}" is not a job aid: use one of ${[...context.aidIds].sort().join(', ')}`,
        );
      }
      break;
    }
    case 'Callout': {
      const type = attributes.type;
      if (type !== undefined && (typeof type !== 'string' || !CALLOUT_TYPES.includes(type)))
        problems.push(`${where}: type: must be info, tip or warning`);
      break;
    }
    case 'CaseStudy':
    case 'Checklist':
      if (!text('title')) problems.push(`${where}: title: is missing: add a short title`);
      break;
    case 'Figure': {
      const src = text('src');
      if (!src)
        problems.push(`${where}: src: is missing: add the picture's path, like /images/lessons/chart.svg`);
      else if (!src.startsWith('/') || !context.options.publicFileExists(src)) {
        problems.push(
          `${where}: src: there is no file public${src.startsWith('/') ? '' : '/'}${src}: put the picture in public/images/lessons/ and write its path from /`,
        );
      }
      if (!text('alt'))
        problems.push(
          `${where}: alt: is missing: describe what the picture shows for people who cannot see it`,
        );
      if (!text('caption')) problems.push(`${where}: caption: is missing: add a caption`);
      break;
    }
    case 'KnowledgeCheck': {
      if (!text('question')) problems.push(`${where}: question: is missing: write the question`);
      const options = attributes.options;
      if (!unreadable.includes('options')) {
        if (!Array.isArray(options) || options.length < 2) {
          problems.push(
            `${where}: options: needs a list of at least 2 options, like options={[{ text: "...", correct: true, feedback: "..." }, { text: "...", feedback: "..." }]}`,
          );
        } else {
          const correct = options.filter(
            (option) =>
              typeof option === 'object' &&
              option !== null &&
              (option as { correct?: unknown }).correct === true,
          );
          if (correct.length !== 1)
            problems.push(
              `${where}: options: ${correct.length} options have correct: true: exactly one must`,
            );
          options.forEach((option, index) => {
            const optionText =
              typeof option === 'object' && option !== null ? (option as { text?: unknown }).text : undefined;
            if (typeof optionText !== 'string' || optionText.trim() === '')
              problems.push(`${where}: options[${index}].text: is missing: write the option text`);
          });
        }
      }
      break;
    }
    default:
      break;
  }
  return problems;
}

/**
 * The rules a translation must keep (docs/content-format.md, "Languages"): every translated file
 * has the English file's structure (front matter, components and their non-text props, glossary
 * ids, objectives, quiz items), and no file uses a form the termbase says to avoid. Returns
 * `file: field: what is wrong` lines naming the translated file.
 */
export function checkTranslations(tree: ContentTree): string[] {
  const problems: string[] = [];
  for (const [locale, translated] of Object.entries(tree.translations) as [
    TranslationLocale,
    ContentTree['translations'][TranslationLocale],
  ][]) {
    const pairs = <E extends { id: string }>(english: E[], other: E[]) => {
      const byId = new Map(english.map((entry) => [entry.id, entry]));
      return other.flatMap((entry) => {
        const source = byId.get(entry.id);
        return source ? [{ english: source, translated: entry }] : [];
      });
    };
    const report = (file: string, found: string[], what: string) => {
      for (const difference of found) problems.push(`${file}: ${difference}: ${what}`);
    };
    const keep = 'a translation keeps everything but the words of the English file';

    for (const { english, translated: course } of pairs(tree.courses, translated.courses))
      report(course.file, compareCourses(english.data, course.data), keep);
    for (const { english, translated: module } of pairs(tree.modules, translated.modules))
      report(
        module.file,
        compareModules(english.data, module.data),
        'keep the glossary ids in order, as many objectives and references, and the same order, aliases and draft flag',
      );
    for (const { english, translated: lesson } of pairs(tree.lessons, translated.lessons)) {
      report(
        lesson.file,
        compareLessonFrontMatter(english.data, lesson.data).map((found) => `front matter: ${found}`),
        'only the title and the words of the sources are translated',
      );
      report(
        lesson.file,
        compareComponents(
          scanComponents(english.body, english.bodyLine),
          scanComponents(lesson.body, lesson.bodyLine),
          locale,
        ),
        `keep the components of ${english.file} in the same order with the same ids and other non-text props`,
      );
    }
    for (const { english, translated: quiz } of [
      ...pairs(tree.quizzes, translated.quizzes),
      ...pairs(tree.assessments, translated.assessments),
    ])
      report(
        quiz.file,
        compareQuizzes(english.data, quiz.data),
        `keep ${english.file}'s ids, types, correct flags, answers, matches, points and order`,
      );
    for (const { english, translated: chapter } of pairs(tree.handbook, translated.handbook))
      report(chapter.file, compareHandbookChapters(english.data, chapter.data), keep);

    for (const { file, text } of translated.texts) {
      for (const hit of findAvoidedTerms(text, tree.termbase)) {
        problems.push(
          `${file}: line ${hit.line}: "${hit.found}" is a form the termbase says to avoid: write "${hit.entry.ms}" (${hit.entry.en}; src/content/termbase.yaml)`,
        );
      }
    }
  }
  return problems;
}

export interface CoverageCount {
  translated: number;
  total: number;
}

export interface CourseCoverage {
  courseId: string;
  draft: boolean;
  lessons: CoverageCount;
  moduleFiles: CoverageCount;
  /** Module quizzes and the final assessment. */
  quizzes: CoverageCount;
  /** Assessed assignments (module `assignment.yaml`). */
  assignments: CoverageCount;
  courseFile: CoverageCount;
  /** Translated share of all four, 0 to 100 (rounded down, so 99.9 is not shown as 100). */
  percent: number;
  /** What is not translated yet, as English file paths. */
  missing: string[];
}

/** How much of each course is translated into `locale`: its published lessons, module files, quizzes and course file. */
export function translationCoverage(tree: ContentTree, locale: TranslationLocale): CourseCoverage[] {
  const translated = tree.translations[locale];
  const has = (entries: ReadonlyArray<{ id: string }>) => new Set(entries.map((entry) => entry.id));
  const lessons = has(translated.lessons);
  const modules = has(translated.modules);
  const quizzes = has(translated.quizzes);
  const assessments = has(translated.assessments);
  const courses = has(translated.courses);
  const assignments = has(translated.assignments ?? []);
  const moduleById = new Map(tree.modules.map((module) => [module.id, module]));

  return tree.courses.map((course) => {
    const missing: string[] = [];
    const count = <T extends { id: string; file: string }>(items: T[], done: Set<string>): CoverageCount => {
      for (const item of items) if (!done.has(item.id)) missing.push(item.file);
      return { translated: items.filter((item) => done.has(item.id)).length, total: items.length };
    };
    const courseModules = course.data.modules
      .map((id) => moduleById.get(id))
      .filter((module) => module !== undefined && !module.data.draft) as Entry<unknown>[];
    const moduleIds = new Set(courseModules.map((module) => module.id));
    const courseLessons = tree.lessons.filter(
      (lesson) => moduleIds.has(lesson.id.slice(0, lesson.id.indexOf('/'))) && !lesson.data.draft,
    );
    const courseQuizzes = tree.quizzes.filter((quiz) => moduleIds.has(quiz.id));
    const final = tree.assessments.filter(
      (assessment) => assessment.id === course.data.completion.finalAssessment,
    );
    const quizDone = new Set([...quizzes, ...assessments]);
    const result = {
      lessons: count(courseLessons, lessons),
      moduleFiles: count(courseModules, modules),
      quizzes: count([...courseQuizzes, ...final], quizDone),
      assignments: count(
        (tree.assignments ?? []).filter(
          (assignment) => moduleIds.has(assignment.id) && !assignment.data.draft,
        ),
        assignments,
      ),
      courseFile: count([course], courses),
    };
    const parts = Object.values(result);
    const done = parts.reduce((sum, part) => sum + part.translated, 0);
    const total = parts.reduce((sum, part) => sum + part.total, 0);
    return {
      courseId: course.id,
      draft: course.data.draft,
      ...result,
      percent: total === 0 ? 100 : Math.floor((done / total) * 1000) / 10,
      missing,
    };
  });
}

/** Problems for shipped (non-draft) courses that are not fully translated. */
export function coverageProblems(
  coverage: ReadonlyArray<CourseCoverage>,
  locale: TranslationLocale,
): string[] {
  return coverage
    .filter((course) => !course.draft && course.missing.length > 0)
    .map(
      (course) =>
        `src/content/courses/${course.courseId}.yaml: the course is published but ${course.percent}% translated into ${locale}: translate ${course.missing.join(', ')} (into an ${locale}/ folder beside each), or mark the course draft: true`,
    );
}

export interface CourseHours {
  courseId: string;
  file: string;
  draft: boolean;
  time: CourseTime;
  estimatedHours: number;
  cpdHours: number;
  practicalHours: number;
}

/**
 * Honest hours (docs/content-format.md, "Study time"): each course's time computed from its
 * required lessons, quizzes, final assessment and practical hours; a problem when `estimatedHours`
 * or `cpdHours` is more than 25% away from it, and a warning for each lesson whose `minutes` is
 * more than 50% away from its own computed time.
 */
export function checkStudyTime(tree: ContentTree): {
  courses: CourseHours[];
  problems: string[];
  warnings: string[];
} {
  const problems: string[] = [];
  const warnings: string[] = [];
  const moduleById = new Map(tree.modules.map((module) => [module.id, module]));
  const quizById = new Map(tree.quizzes.map((quiz) => [quiz.id, quiz]));
  const timeByLesson = new Map(tree.lessons.map((lesson) => [lesson.id, lessonTime(lesson.body)]));

  for (const lesson of tree.lessons) {
    const time = timeByLesson.get(lesson.id);
    if (!time || lesson.data.draft) continue;
    const computed = Math.max(1, Math.round(time.minutes));
    if (!withinTolerance(lesson.data.minutes, time.minutes, LESSON_MINUTES_TOLERANCE))
      warnings.push(
        `${lesson.file}: minutes: says ${lesson.data.minutes}, but ${time.words} words and its activities take about ${computed}: write minutes: ${computed}`,
      );
  }

  const courses = tree.courses.map((course): CourseHours => {
    const modules = course.data.modules
      .map((id) => moduleById.get(id))
      .filter((module) => module !== undefined && !module.data.draft);
    const moduleIds = new Set(modules.map((module) => module?.id));
    const lessons = tree.lessons.filter(
      (lesson) =>
        moduleIds.has(lesson.id.slice(0, lesson.id.indexOf('/'))) &&
        !lesson.data.draft &&
        lesson.data.required,
    );
    const quizzes = course.data.completion.moduleQuizzes
      ? [...moduleIds].flatMap((id) => {
          const quiz = id ? quizById.get(id) : undefined;
          return quiz ? [quiz.data] : [];
        })
      : [];
    const final = tree.assessments.find((entry) => entry.id === course.data.completion.finalAssessment);
    const practicalHours = course.data.practical ?? 0;
    const assignments = (tree.assignments ?? []).filter(
      (assignment) => moduleIds.has(assignment.id) && !assignment.data.draft,
    );
    const time = courseTime({
      lessons: lessons.flatMap((lesson) => timeByLesson.get(lesson.id) ?? []),
      quizzes,
      finalAssessment: final?.data ?? null,
      assignmentMinutes: assignments.map((assignment) => assignment.data.minutes),
      practicalHours,
    });
    const honest = Math.round(time.hours * 2) / 2;
    for (const field of ['estimatedHours', 'cpdHours'] as const) {
      const declared = course.data[field];
      if (!withinTolerance(declared, time.hours, HOURS_TOLERANCE))
        problems.push(
          `${course.file}: ${field}: says ${declared}, but the content takes about ${time.hours.toFixed(1)} hours (more than ${HOURS_TOLERANCE * 100}% away): write ${field}: ${honest}, in the ms/ copy too`,
        );
    }
    return {
      courseId: course.id,
      file: course.file,
      draft: course.data.draft,
      time,
      estimatedHours: course.data.estimatedHours,
      cpdHours: course.data.cpdHours,
      practicalHours,
    };
  });
  return { courses, problems, warnings };
}
