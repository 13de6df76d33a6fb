/**
 * The course structure derived once from the content: courses with their modules and lessons
 * in reading order, a published view (what learners see: no drafts) and a preview view (what
 * trainers and admins see: drafts included and marked), the glossary, and the alias tables that
 * keep progress across renames. Pure: Astro pages build it from content collections, scripts
 * from the files on disk.
 */
import type { CourseData, GlossaryTermData, LessonData, ModuleData } from '#src/lib/content/schema.ts';

export interface CatalogueInput {
  courses: ReadonlyArray<{ id: string; data: CourseData }>;
  modules: ReadonlyArray<{ id: string; data: ModuleData }>;
  /** Lesson ids are `<module-id>/<file-stem>`. */
  lessons: ReadonlyArray<{ id: string; data: LessonData }>;
  /** Module ids that have a quiz.yaml. */
  quizIds: Iterable<string>;
  /** Ids of src/content/assessments/<id>.yaml. */
  assessmentIds: Iterable<string>;
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
  minutes: number;
}

export interface CourseRules {
  requiredLessons: boolean;
  moduleQuizzes: boolean;
  /** The final assessment that completion requires, when the course names one that exists. */
  finalAssessmentId: string | null;
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
}

export interface Aliases {
  /** Old lesson id → current lesson id. */
  lessons: ReadonlyMap<string, string>;
  /** Old module id → current module id. */
  modules: ReadonlyMap<string, string>;
}

export interface Catalogue {
  /** What learners see: no draft courses, modules or lessons. Completion is computed on this view. */
  published: CatalogueView;
  /** What trainers and admins see: drafts included. */
  preview: CatalogueView;
  /** Every glossary term by id (the first definition wins; content:check reports duplicates). */
  glossary: ReadonlyMap<string, GlossaryEntry>;
  aliases: Aliases;
  /** Every module's title and draft flag, by id (courses or not). */
  moduleInfo: ReadonlyMap<string, { title: string; draft: boolean }>;
  /** Module ids a course lists that have no module folder (content:check reports them). */
  missingModules: ReadonlyArray<{ courseId: string; moduleId: string }>;
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
  const quizIds = new Set(input.quizIds);
  const assessmentIds = new Set(input.assessmentIds);
  const lessonsByModule = new Map<string, LessonView[]>();
  for (const { id, data } of input.lessons) {
    const moduleId = lessonModuleId(id);
    const lesson: LessonView = {
      id,
      moduleId,
      slug: lessonSlug(id),
      title: data.title,
      order: data.order,
      minutes: data.minutes,
      required: data.required,
      draft: data.draft,
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
      modules.push({
        id: moduleId,
        title: module.title,
        summary: module.summary,
        objectives: module.objectives,
        references: module.references,
        draft: module.draft,
        position: modules.length + 1,
        lessons,
        quizId: quizIds.has(moduleId) ? moduleId : null,
        minutes: lessons.reduce((sum, lesson) => sum + lesson.minutes, 0),
      });
    }
    const lessons = modules.flatMap((module) => module.lessons);
    const finalAssessment = data.completion.finalAssessment;
    return {
      id,
      title: data.title,
      summary: data.summary,
      sequential: data.sequential,
      estimatedHours: data.estimatedHours,
      cpdHours: data.cpdHours,
      draft: data.draft,
      rules: {
        requiredLessons: data.completion.requiredLessons,
        moduleQuizzes: data.completion.moduleQuizzes,
        finalAssessmentId: finalAssessment && assessmentIds.has(finalAssessment) ? finalAssessment : null,
      },
      certificate: data.certificate,
      modules,
      lessons,
      minutes: lessons.reduce((sum, lesson) => sum + lesson.minutes, 0),
    };
  }

  const sortedCourses = [...input.courses].sort(
    (a, b) =>
      (a.data.order ?? Number.MAX_SAFE_INTEGER) - (b.data.order ?? Number.MAX_SAFE_INTEGER) ||
      a.data.title.localeCompare(b.data.title) ||
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
    for (const term of data.glossary) {
      if (!glossary.has(term.id)) glossary.set(term.id, { ...term, moduleId, moduleDraft: data.draft });
    }
  }

  const moduleInfo = new Map(
    input.modules.map(({ id, data }) => [id, { title: data.title, draft: data.draft }]),
  );
  return { published, preview, glossary, aliases: buildAliases(input), moduleInfo, missingModules };
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
