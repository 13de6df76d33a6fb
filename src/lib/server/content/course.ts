/**
 * Content access for pages: the course catalogue, lesson bodies, the handbook and the job aids.
 * Content is compiled at build time and immutable while the server runs, so everything derived
 * from it is computed once per process (and language) and kept.
 *
 * Each piece exists in English and may have a Bahasa Malaysia version with the same id
 * (docs/content-format.md, "Languages"). The functions take the reader's language and fall back
 * to English per piece; the result says which language it is in, so a page can say so.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { Locale } from '#src/i18n/index.ts';
import type { Role } from '#src/lib/roles.ts';
import { buildCatalogue, type Catalogue, type CatalogueView } from '#src/lib/learning/structure.ts';
import { isStaff } from '#src/lib/roles.ts';

const catalogues = new Map<Locale, Promise<Catalogue>>();

/**
 * The course structure (both views, glossary, aliases) with its text in `locale`, built on first
 * use. Ids, order and rules are the same in every language, so progress read with one catalogue
 * holds for the other.
 */
export function getCatalogue(locale: Locale = 'en'): Promise<Catalogue> {
  let catalogue = catalogues.get(locale);
  if (!catalogue) {
    catalogue = (async () => {
      const [courses, modules, lessons, quizzes, assessments, coursesMs, modulesMs, lessonsMs] =
        await Promise.all([
          getCollection('courses'),
          getCollection('modules'),
          getCollection('lessons'),
          getCollection('quizzes'),
          getCollection('assessments'),
          getCollection('coursesMs'),
          getCollection('modulesMs'),
          getCollection('lessonsMs'),
        ]);
      const assignments = await getCollection('assignments');
      const built = buildCatalogue({
        courses,
        modules,
        lessons,
        quizIds: quizzes.map((quiz) => quiz.id),
        assessmentIds: assessments.map((assessment) => assessment.id),
        assignmentIds: assignments.filter((entry) => !entry.data.draft).map((entry) => entry.id),
        translations: { ms: { courses: coursesMs, modules: modulesMs, lessons: lessonsMs } },
        locale,
      });
      if (locale === 'en') {
        for (const { courseId, moduleId } of built.missingModules) {
          console.warn(
            `Course "${courseId}" lists module "${moduleId}", which has no folder in src/content/modules/. Run npm run content:check.`,
          );
        }
      }
      return built;
    })();
    catalogues.set(locale, catalogue);
  }
  return catalogue;
}

/** The view a user sees: trainers and admins preview drafts; everyone else sees published content. */
export function viewFor(cat: Catalogue, user: { role: Role } | null): CatalogueView {
  return user && isStaff(user.role) ? cat.preview : cat.published;
}

type RenderedLesson = Awaited<ReturnType<typeof render>>;
type LessonEntry = CollectionEntry<'lessons'> | CollectionEntry<'lessonsMs'>;

let lessonEntries: Promise<Map<string, LessonEntry>> | undefined;
let translatedLessonEntries: Promise<Map<string, LessonEntry>> | undefined;
const rendered = new Map<string, Promise<RenderedLesson>>();

const byId = (entries: LessonEntry[]) => new Map(entries.map((entry) => [entry.id, entry]));

/**
 * The compiled lesson body (an MDX component) in `locale`, or the English one when the lesson
 * has no translation (`textLocale` says which). Loaded once per lesson and language.
 */
export async function renderLesson(
  lessonId: string,
  locale: Locale = 'en',
): Promise<{ rendered: RenderedLesson; textLocale: Locale } | null> {
  lessonEntries ??= getCollection('lessons').then(byId);
  translatedLessonEntries ??= getCollection('lessonsMs').then(byId);
  const translated = locale === 'ms' ? (await translatedLessonEntries).get(lessonId) : undefined;
  const entry = translated ?? (await lessonEntries).get(lessonId);
  if (!entry) return null;
  const textLocale: Locale = translated ? locale : 'en';
  const key = `${lessonId}\u0000${textLocale}`;
  let result = rendered.get(key);
  if (!result) {
    result = render(entry);
    rendered.set(key, result);
  }
  return { rendered: await result, textLocale };
}

export interface HandbookChapter {
  id: string;
  title: string;
  summary: string;
  order: number;
  /** The chapter body as HTML. */
  html: string;
  /** The language of this chapter's text: the one asked for, or en where it is not translated. */
  textLocale: Locale;
}

const handbooks = new Map<Locale, Promise<HandbookChapter[]>>();

/** The handbook chapters in order, each in `locale` where translated and in English otherwise. */
export function listHandbookChapters(locale: Locale = 'en'): Promise<HandbookChapter[]> {
  let chapters = handbooks.get(locale);
  if (!chapters) {
    chapters = Promise.all([
      getCollection('handbook'),
      locale === 'ms' ? getCollection('handbookMs') : Promise.resolve([]),
    ]).then(([english, translatedEntries]) => {
      const translated = new Map(translatedEntries.map((entry) => [entry.id, entry]));
      return english
        .map((entry): HandbookChapter => {
          const text = translated.get(entry.id);
          const chosen = text ?? entry;
          return {
            id: entry.id,
            title: chosen.data.title,
            summary: chosen.data.summary,
            order: entry.data.order,
            html: chosen.rendered?.html ?? '',
            textLocale: text ? locale : 'en',
          };
        })
        .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    });
    handbooks.set(locale, chapters);
  }
  return chapters;
}
