/**
 * Content access for pages: the course catalogue, lesson bodies, the handbook and the job aids.
 * Content is compiled at build time and immutable while the server runs, so everything derived
 * from it is computed once per process and kept.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { Role } from '#src/lib/roles.ts';
import { buildCatalogue, type Catalogue, type CatalogueView } from '#src/lib/learning/structure.ts';
import { isStaff } from '#src/lib/roles.ts';

let catalogue: Promise<Catalogue> | undefined;
let lessonEntries: Promise<Map<string, CollectionEntry<'lessons'>>> | undefined;

/** The course structure (both views, glossary, aliases), built on first use. */
export function getCatalogue(): Promise<Catalogue> {
  catalogue ??= (async () => {
    const [courses, modules, lessons, quizzes, assessments] = await Promise.all([
      getCollection('courses'),
      getCollection('modules'),
      getCollection('lessons'),
      getCollection('quizzes'),
      getCollection('assessments'),
    ]);
    const built = buildCatalogue({
      courses,
      modules,
      lessons,
      quizIds: quizzes.map((quiz) => quiz.id),
      assessmentIds: assessments.map((assessment) => assessment.id),
    });
    for (const { courseId, moduleId } of built.missingModules) {
      console.warn(
        `Course "${courseId}" lists module "${moduleId}", which has no folder in src/content/modules/. Run npm run content:check.`,
      );
    }
    return built;
  })();
  return catalogue;
}

/** The view a user sees: trainers and admins preview drafts; everyone else sees published content. */
export function viewFor(cat: Catalogue, user: { role: Role } | null): CatalogueView {
  return user && isStaff(user.role) ? cat.preview : cat.published;
}

type RenderedLesson = Awaited<ReturnType<typeof render>>;
const rendered = new Map<string, Promise<RenderedLesson>>();

/** The compiled lesson body (an MDX component), loaded once per lesson. */
export async function renderLesson(lessonId: string): Promise<RenderedLesson | null> {
  lessonEntries ??= getCollection('lessons').then(
    (entries) => new Map(entries.map((entry) => [entry.id, entry])),
  );
  const entry = (await lessonEntries).get(lessonId);
  if (!entry) return null;
  let result = rendered.get(lessonId);
  if (!result) {
    result = render(entry);
    rendered.set(lessonId, result);
  }
  return result;
}

export interface JobAidSummary {
  id: string;
  title: string;
  description: string;
  order: number;
}

let jobAids: Promise<JobAidSummary[]> | undefined;

/** The job aids in their `order`. */
export function listJobAids(): Promise<JobAidSummary[]> {
  jobAids ??= getCollection('jobAids').then((entries) =>
    entries
      .map((entry) => ({
        id: entry.id,
        title: entry.data.title,
        description: entry.data.description,
        order: entry.data.order,
      }))
      .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)),
  );
  return jobAids;
}

let handbook: Promise<CollectionEntry<'handbook'>[]> | undefined;

/** The handbook chapters in order. */
export function listHandbookChapters(): Promise<CollectionEntry<'handbook'>[]> {
  handbook ??= getCollection('handbook').then((entries) =>
    entries.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id)),
  );
  return handbook;
}
