/**
 * The course structure derived once from the content: courses with their modules and lessons
 * in reading order, a published view (what learners see: no drafts) and a preview view (what
 * trainers and admins see: drafts included and marked), the glossary, and the alias tables that
 * keep progress across renames. Pure: Astro pages build it from content collections, scripts
 * from the files on disk.
 */
import type { CourseData, GlossaryTermData, LessonData, ModuleData } from '#src/lib/content/schema.ts';
import type { Locale } from '#src/i18n/index.ts';

/** The languages content may be translated into; English is the source of every id and rule. */
export type TranslationLocale = Exclude<Locale, 'en'>;

/**
 * The same content in another language, under the English ids (the `ms/` files beside the English
 * ones). Only text is taken from here: ids, order, draft, required, minutes and rules stay the
 * English file's. Any piece may be missing; the English text then stands in for it.
 */
export interface TranslatedContent {
  courses: ReadonlyArray<{ id: string; data: CourseData }>;
  modules: ReadonlyArray<{ id: string; data: ModuleData }>;
  lessons: ReadonlyArray<{ id: string; data: LessonData }>;
}

export interface CatalogueInput {
  courses: ReadonlyArray<{ id: string; data: CourseData }>;
  modules: ReadonlyArray<{ id: string; data: ModuleData }>;
  /** Lesson ids are `<module-id>/<file-stem>`. */
  lessons: ReadonlyArray<{ id: string; data: LessonData }>;
  /** Module ids that have a quiz.yaml. */
  quizIds: Iterable<string>;
  /** Ids of src/content/assessments/<id>.yaml. */
  assessmentIds: Iterable<string>;
  /** Module ids that have an assignment.yaml (assessed casework). */
  assignmentIds?: Iterable<string>;
  /** Translations by language; every language's course wording is kept for certificates. */
  translations?: Partial<Record<TranslationLocale, TranslatedContent>>;
  /** The language of the views' text (titles, summaries, objectives, glossary). Default: en. */
  locale?: Locale;
}

export interface LessonView {
  id: string;
  moduleId: string;
  /** The file stem, the last part of the lesson URL. */
  slug: string;
  title: string;
  order: number;
  minutes: number;
  required: boolean;
  draft: boolean;
  /** Citations from the lesson's `sources:` front matter, in the text's language. */
  sources: string[];
  /** The language the title (and body) is in: the catalogue's, or en where no translation exists. */
  textLocale: Locale;
}

export interface ModuleView {
  id: string;
  title: string;
  summary: string;
  objectives: string[];
  references: string[];
  draft: boolean;
  /** 1-based position in its course. */
  position: number;
  lessons: LessonView[];
  /** The module quiz id (the module id) when the module has a quiz.yaml. */
  quizId: string | null;
  /** The assignment id (the module id) when the module has an assignment.yaml. */
  assignmentId: string | null;
  minutes: number;
  /** The language of title, summary, objectives and references. */
  textLocale: Locale;
}

export interface CourseRules {
  requiredLessons: boolean;
  moduleQuizzes: boolean;
  /** The final assessment that completion requires, when the course names one that exists. */
  finalAssessmentId: string | null;
  /** Practical sessions a learner must attend (present or late); 0 when the course asks for none. */
  practicalSessions: number;
}

export interface CourseView {
  id: string;
  title: string;
  summary: string;
  sequential: boolean;
  estimatedHours: number;
  cpdHours: number;
  draft: boolean;
  rules: CourseRules;
  certificate: CourseData['certificate'];
  modules: ModuleView[];
  /** Every lesson in reading order. */
  lessons: LessonView[];
  minutes: number;
  /** The language of title, summary and certificate wording. */
  textLocale: Locale;
}

export interface CatalogueView {
  courses: CourseView[];
  course(courseId: string): CourseView | undefined;
  module(courseId: string, moduleId: string): ModuleView | undefined;
  lesson(courseId: string, moduleId: string, slug: string): LessonView | undefined;
  /** Index of a lesson in `course.lessons`, or -1. */
  lessonIndex(courseId: string, lessonId: string): number;
}

export interface GlossaryEntry extends GlossaryTermData {
  moduleId: string;
  moduleDraft: boolean;
  /** The language of term and definition. */
  textLocale: Locale;
}

/** A course's title and certificate wording in one language (what a certificate prints). */
export interface CourseWording {
  title: string;
  certificate: CourseData['certificate'];
  /** The language the wording is in: the one asked for, or en where it is not translated. */
  textLocale: Locale;
}

export interface Aliases {
  /** Old lesson id → current lesson id. */
  lessons: ReadonlyMap<string, string>;
  /** Old module id → current module id. */
  modules: ReadonlyMap<string, string>;
}

export interface Catalogue {
  /** The language of the views' text. */
  locale: Locale;
  /** What learners see: no draft courses, modules or lessons. Completion is computed on this view. */
  published: CatalogueView;
  /** What trainers and admins see: drafts included. */
  preview: CatalogueView;
  /** Every glossary term by id (the first definition wins; content:check reports duplicates). */
  glossary: ReadonlyMap<string, GlossaryEntry>;
  aliases: Aliases;
  /** Every module's title and draft flag, by id (courses or not). */
  moduleInfo: ReadonlyMap<string, { title: string; draft: boolean; textLocale: Locale }>;
  /** Module ids a course lists that have no module folder (content:check reports them). */
  missingModules: ReadonlyArray<{ courseId: string; moduleId: string }>;
  /** A course's title and certificate wording in any language, falling back to English. */
  courseWording(courseId: string, locale: Locale): CourseWording | undefined;
}

export type Audience = 'learner' | 'staff';

export function lessonSlug(lessonId: string): string {
  return lessonId.slice(lessonId.indexOf('/') + 1);
}

export function lessonModuleId(lessonId: string): string {
  return lessonId.slice(0, lessonId.indexOf('/'));
}

function byOrderThenId<T extends { order: number; id: string }>(a: T, b: T): number {
  return a.order - b.order || a.id.localeCompare(b.id);
}

function makeView(courses: CourseView[]): CatalogueView {
  const courseById = new Map(courses.map((course) => [course.id, course]));
  const moduleByKey = new Map<string, ModuleView>();
  const lessonByKey = new Map<string, LessonView>();
  const lessonIndexByKey = new Map<string, number>();
  for (const course of courses) {
    for (const module of course.modules) moduleByKey.set(`${course.id} ${module.id}`, module);
    course.lessons.forEach((lesson, index) => {
      lessonByKey.set(`${course.id} ${lesson.id}`, lesson);
      lessonIndexByKey.set(`${course.id} ${lesson.id}`, index);
    });
  }
  return {
    courses,
    course: (courseId) => courseById.get(courseId),
    module: (courseId, moduleId) => moduleByKey.get(`${courseId} ${moduleId}`),
    lesson: (courseId, moduleId, slug) => lessonByKey.get(`${courseId} ${moduleId}/${slug}`),
    lessonIndex: (courseId, lessonId) => lessonIndexByKey.get(`${courseId} ${lessonId}`) ?? -1,
  };
}

/** Builds the catalogue. Runs once per process: content is immutable within a build. */
export function buildCatalogue(input: CatalogueInput): Catalogue {
  const locale: Locale = input.locale ?? 'en';
  const translated = locale === 'en' ? undefined : input.translations?.[locale];
  const byId = <T>(entries: ReadonlyArray<{ id: string; data: T }> | undefined) =>
    new Map((entries ?? []).map((entry) => [entry.id, entry.data]));
  const courseText = byId(translated?.courses);
  const moduleText = byId(translated?.modules);
  const lessonText = byId(translated?.lessons);
  const textLocale = (found: unknown): Locale => (found === undefined ? 'en' : locale);

  const quizIds = new Set(input.quizIds);
  const assessmentIds = new Set(input.assessmentIds);
  const assignmentIds = new Set(input.assignmentIds ?? []);
  const lessonsByModule = new Map<string, LessonView[]>();
  for (const { id, data } of input.lessons) {
    const moduleId = lessonModuleId(id);
    const text = lessonText.get(id);
    const lesson: LessonView = {
      id,
      moduleId,
      slug: lessonSlug(id),
      title: (text ?? data).title,
      order: data.order,
      minutes: data.minutes,
      required: data.required,
      draft: data.draft,
      sources: (text ?? data).sources,
      textLocale: textLocale(text),
    };
    const list = lessonsByModule.get(moduleId) ?? [];
    list.push(lesson);
    lessonsByModule.set(moduleId, list);
  }
  for (const list of lessonsByModule.values()) list.sort(byOrderThenId);

  const moduleData = new Map(input.modules.map((entry) => [entry.id, entry.data]));
  const missingModules: { courseId: string; moduleId: string }[] = [];

  function courseView(id: string, data: CourseData, audience: Audience): CourseView {
    const modules: ModuleView[] = [];
    for (const moduleId of data.modules) {
      const module = moduleData.get(moduleId);
      if (!module) continue;
      if (audience === 'learner' && module.draft) continue;
      const lessons = (lessonsByModule.get(moduleId) ?? []).filter(
        (lesson) => audience === 'staff' || !lesson.draft,
      );
      const text = moduleText.get(moduleId);
      modules.push({
        id: moduleId,
        title: (text ?? module).title,
        summary: (text ?? module).summary,
        objectives: (text ?? module).objectives,
        references: (text ?? module).references,
        textLocale: textLocale(text),
        draft: module.draft,
        position: modules.length + 1,
        lessons,
        quizId: quizIds.has(moduleId) ? moduleId : null,
        assignmentId: assignmentIds.has(moduleId) ? moduleId : null,
        minutes: lessons.reduce((sum, lesson) => sum + lesson.minutes, 0),
      });
    }
    const lessons = modules.flatMap((module) => module.lessons);
    const finalAssessment = data.completion.finalAssessment;
    const text = courseText.get(id);
    return {
      id,
      title: (text ?? data).title,
      summary: (text ?? data).summary,
      textLocale: textLocale(text),
      sequential: data.sequential,
      estimatedHours: data.estimatedHours,
      cpdHours: data.cpdHours,
      draft: data.draft,
      rules: {
        requiredLessons: data.completion.requiredLessons,
        moduleQuizzes: data.completion.moduleQuizzes,
        finalAssessmentId: finalAssessment && assessmentIds.has(finalAssessment) ? finalAssessment : null,
        practicalSessions: data.completion.practical?.sessionsRequired ?? 0,
      },
      certificate: certificateWording(data, text),
      modules,
      lessons,
      minutes: lessons.reduce((sum, lesson) => sum + lesson.minutes, 0),
    };
  }

  const sortedCourses = [...input.courses].sort(
    (a, b) =>
      (a.data.order ?? Number.MAX_SAFE_INTEGER) - (b.data.order ?? Number.MAX_SAFE_INTEGER) ||
      (courseText.get(a.id) ?? a.data).title.localeCompare((courseText.get(b.id) ?? b.data).title) ||
      a.id.localeCompare(b.id),
  );
  for (const { id, data } of sortedCourses) {
    for (const moduleId of data.modules)
      if (!moduleData.has(moduleId)) missingModules.push({ courseId: id, moduleId });
  }
  const published = makeView(
    sortedCourses.filter(({ data }) => !data.draft).map(({ id, data }) => courseView(id, data, 'learner')),
  );
  const preview = makeView(sortedCourses.map(({ id, data }) => courseView(id, data, 'staff')));

  const glossary = new Map<string, GlossaryEntry>();
  const modulesInOrder = [...input.modules].sort((a, b) =>
    byOrderThenId({ ...a, order: a.data.order }, { ...b, order: b.data.order }),
  );
  for (const { id: moduleId, data } of modulesInOrder) {
    const translatedTerms = new Map(moduleText.get(moduleId)?.glossary.map((term) => [term.id, term]));
    for (const term of data.glossary) {
      if (glossary.has(term.id)) continue;
      const text = translatedTerms.get(term.id);
      glossary.set(term.id, {
        id: term.id,
        term: (text ?? term).term,
        definition: (text ?? term).definition,
        moduleId,
        moduleDraft: data.draft,
        textLocale: textLocale(text),
      });
    }
  }

  const moduleInfo = new Map(
    input.modules.map(({ id, data }) => {
      const text = moduleText.get(id);
      return [id, { title: (text ?? data).title, draft: data.draft, textLocale: textLocale(text) }];
    }),
  );

  const englishCourses = new Map(input.courses.map((entry) => [entry.id, entry.data]));
  const courseWording = (courseId: string, wanted: Locale): CourseWording | undefined => {
    const english = englishCourses.get(courseId);
    if (!english) return undefined;
    const text =
      wanted === 'en'
        ? undefined
        : input.translations?.[wanted]?.courses.find((entry) => entry.id === courseId)?.data;
    return {
      title: (text ?? english).title,
      certificate: certificateWording(english, text),
      textLocale: text === undefined ? 'en' : wanted,
    };
  };
  return {
    locale,
    published,
    preview,
    glossary,
    aliases: buildAliases(input),
    moduleInfo,
    missingModules,
    courseWording,
  };
}

/**
 * The certificate block with the translation's wording (title, signatory title) and the English
 * file's rules (issue mode, validity) and signatory name.
 */
function certificateWording(english: CourseData, text: CourseData | undefined): CourseData['certificate'] {
  const rule = english.certificate;
  const words = text?.certificate;
  return rule && words ? { ...rule, title: words.title, signatoryTitle: words.signatoryTitle } : rule;
}

/**
 * Old ids that now mean a current id. A lesson answers to the ids in its `aliases`, and to its
 * own slug (and its aliases' slugs) under every old id of its module, so renaming a module
 * folder needs only the module alias.
 */
export function buildAliases(input: Pick<CatalogueInput, 'modules' | 'lessons'>): Aliases {
  const modules = new Map<string, string>();
  const moduleAliases = new Map<string, string[]>();
  for (const { id, data } of input.modules) {
    moduleAliases.set(id, data.aliases);
    for (const alias of data.aliases) if (alias !== id && !modules.has(alias)) modules.set(alias, id);
  }
  const currentLessons = new Set(input.lessons.map((lesson) => lesson.id));
  const lessons = new Map<string, string>();
  const add = (oldId: string, currentId: string): void => {
    if (oldId !== currentId && !currentLessons.has(oldId) && !lessons.has(oldId))
      lessons.set(oldId, currentId);
  };
  for (const { id, data } of input.lessons) {
    const moduleId = lessonModuleId(id);
    const slugs = [lessonSlug(id), ...data.aliases.map(lessonSlug)];
    for (const alias of data.aliases) add(alias, id);
    for (const oldModule of moduleAliases.get(moduleId) ?? [])
      for (const slug of slugs) add(`${oldModule}/${slug}`, id);
  }
  return { lessons, modules };
}

/** The lessons of a course view that count toward completion (required and not drafts). */
export function requiredLessons(module: ModuleView): LessonView[] {
  return module.lessons.filter((lesson) => lesson.required && !lesson.draft);
}
