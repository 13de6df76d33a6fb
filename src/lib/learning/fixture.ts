/**
 * A small catalogue for tests: one sequential course of two modules (the second with a quiz)
 * and a final assessment, one open course, with an optional lesson and drafts.
 */
import { courseSchema, lessonSchema, moduleSchema } from '#src/lib/content/schema.ts';
import { buildCatalogue, type Catalogue, type CatalogueInput } from './structure.ts';

type LessonSpec = {
  id: string;
  order: number;
  required?: boolean;
  draft?: boolean;
  aliases?: string[];
  minutes?: number;
};

export interface FixtureOptions {
  /** Extra lessons, e.g. one added after learners finished. */
  extraLessons?: LessonSpec[];
  /** Lesson ids to leave out, e.g. one removed later. */
  withoutLessons?: string[];
  moduleAliases?: Record<string, string[]>;
  /** Defaults to true. */
  sequential?: boolean;
  /** Defaults to true. */
  moduleQuizzes?: boolean;
  finalAssessment?: string | null;
  /** Module ids that have an assignment (none by default). */
  assignments?: string[];
  /** Practical sessions the main course asks for (none by default). */
  practicalSessions?: number;
}

export const fixtureLessons: LessonSpec[] = [
  { id: 'first-steps/01-why', order: 1 },
  { id: 'first-steps/02-how', order: 2 },
  { id: 'first-steps/03-extra-reading', order: 3, required: false },
  { id: 'first-steps/04-unfinished', order: 4, draft: true },
  { id: 'planning/01-plan', order: 1 },
  { id: 'planning/02-review', order: 2 },
  { id: 'open-module/01-only', order: 1 },
];

export function fixtureInput(options: FixtureOptions = {}): CatalogueInput {
  const lessons = [...fixtureLessons, ...(options.extraLessons ?? [])]
    .filter((lesson) => !(options.withoutLessons ?? []).includes(lesson.id))
    .map((lesson) => ({
      id: lesson.id,
      data: lessonSchema.parse({
        title: `Lesson ${lesson.id}`,
        order: lesson.order,
        minutes: lesson.minutes ?? 10,
        required: lesson.required ?? true,
        draft: lesson.draft ?? false,
        aliases: lesson.aliases ?? [],
      }),
    }));
  const module = (id: string, order: number, extra: Record<string, unknown> = {}) => ({
    id,
    data: moduleSchema.parse({
      title: `Module ${id}`,
      summary: 'A module for tests.',
      order,
      objectives: ['Explain the thing.'],
      glossary: [{ id: `${id}-term`, term: `Term of ${id}`, definition: 'A definition.' }],
      aliases: options.moduleAliases?.[id] ?? [],
      ...extra,
    }),
  });
  const course = (id: string, modules: string[], extra: Record<string, unknown> = {}) => ({
    id,
    data: courseSchema.parse({
      title: `Course ${id}`,
      summary: 'A course for tests.',
      modules,
      estimatedHours: 2,
      cpdHours: 2,
      ...extra,
    }),
  });
  const finalAssessment = options.finalAssessment === undefined ? 'main-final' : options.finalAssessment;
  return {
    courses: [
      course('main', ['first-steps', 'planning', 'secret-module'], {
        sequential: options.sequential ?? true,
        completion: {
          requiredLessons: true,
          moduleQuizzes: options.moduleQuizzes ?? true,
          ...(finalAssessment ? { finalAssessment } : {}),
          ...(options.practicalSessions
            ? { practical: { sessionsRequired: options.practicalSessions } }
            : {}),
        },
      }),
      course('open', ['open-module']),
      course('hidden', ['open-module'], { draft: true }),
    ],
    modules: [
      module('first-steps', 1),
      module('planning', 2),
      module('secret-module', 3, { draft: true }),
      module('open-module', 4),
    ],
    lessons,
    quizIds: ['planning'],
    assessmentIds: finalAssessment ? [finalAssessment] : [],
    assignmentIds: options.assignments ?? [],
  };
}

export function fixtureCatalogue(options: FixtureOptions = {}): Catalogue {
  return buildCatalogue(fixtureInput(options));
}
