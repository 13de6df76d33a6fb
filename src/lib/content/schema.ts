/**
 * Schemas of the course content files (docs/content-format.md): courses, modules (with their
 * glossary), lesson front matter and handbook chapters. Pure and isomorphic: the Astro content
 * collections and `npm run content:check` (plain Node) use the same schemas. Unknown fields are
 * errors, and every message says what is wrong and what to write instead, so that a trainer can
 * fix a typo from the message alone.
 */
import { z } from 'astro/zod';
import { expecting, strictObject } from './schema-messages.ts';

/** Ids are file or folder names: lowercase letters, digits and single hyphens. */
export const CONTENT_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A lesson id: `<module-id>/<lesson-file-name-without-.mdx>`. */
export const LESSON_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The aids a lesson may link with `<Download aid="..." />`, besides the job aids. */
export const HANDBOOK_AID = 'handbook';

/** Text that must not be empty; inner whitespace and line breaks from YAML block scalars collapse. */
function requiredText(what: string, max = 2000) {
  return z
    .string(expecting('text', what))
    .transform((value) => value.replace(/\s+/g, ' ').trim())
    .refine((value) => value.length > 0, { error: `is empty: write ${what}` })
    .refine((value) => value.length <= max, { error: `is longer than ${max} characters: shorten it` });
}

const flag = z.boolean(expecting('true or false'));

function wholeNumber(what: string, min: number) {
  return z
    .number(expecting('a whole number', what))
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be ${min} or more` });
}

const contentId = (example: string) =>
  z.string(expecting('an id', `an id such as "${example}"`)).regex(CONTENT_ID_PATTERN, {
    error: `must use only lowercase letters, digits and single hyphens (for example "${example}")`,
  });

function uniqueList<T extends z.ZodType<string>>(item: T, what: string) {
  return z.array(item, expecting(`a list of ${what}`)).superRefine((values, context) => {
    const seen = new Set<string>();
    values.forEach((value, index) => {
      if (seen.has(value)) {
        context.addIssue({
          code: 'custom',
          path: [index],
          message: `"${value}" is listed twice: list each ${what.replace(/s$/, '')} once`,
        });
      }
      seen.add(value);
    });
  });
}

export const completionSchema = strictObject({
  requiredLessons: flag.default(true),
  moduleQuizzes: flag.default(false),
  finalAssessment: contentId('rtw-coordinator-final').optional(),
  /** Practical sessions (workshops) a learner must attend, present or late (docs/assignments.md). */
  practical: strictObject({
    sessionsRequired: wholeNumber('how many practical sessions a learner must attend', 1),
  }).optional(),
});

export const certificateSchema = strictObject({
  title: requiredText('the title printed on the certificate', 200),
  issueMode: z.enum(['auto', 'approval'], { error: 'must be auto or approval' }).default('approval'),
  validityMonths: wholeNumber('a number of months', 1).optional(),
  signatoryName: requiredText("the signatory's full name", 200),
  signatoryTitle: requiredText("the signatory's job title", 200),
});

/** `src/content/courses/<course-id>.yaml` */
export const courseSchema = strictObject({
  title: requiredText('the course title', 200),
  summary: requiredText('one or two sentences for the catalogue', 1000),
  /** Position in the catalogue, lowest first; courses without one follow, by title. */
  order: z
    .number(expecting('a whole number', 'the catalogue position'))
    .int({ error: 'must be a whole number' })
    .optional(),
  modules: uniqueList(contentId('early-intervention'), 'module ids').min(1, {
    error: 'is empty: list the module ids (folder names in src/content/modules/) in order',
  }),
  sequential: flag.default(false),
  estimatedHours: z
    .number(expecting('a number', 'the estimated hours'))
    .positive({ error: 'must be more than 0' }),
  cpdHours: z.number(expecting('a number', 'the CPD hours')).min(0, { error: 'must be 0 or more' }),
  /** Hours of practical work (casework, workshops) the course requires; counted in its study time. */
  practical: z
    .number(expecting('a number', 'the hours of practical work'))
    .min(0, { error: 'must be 0 or more' })
    .optional(),
  completion: completionSchema.prefault({}),
  certificate: certificateSchema.optional(),
  draft: flag.default(false),
});

export const glossaryTermSchema = strictObject({
  id: contentId('yellow-flags'),
  term: requiredText('the term as readers see it', 120),
  definition: requiredText('a definition of one or two plain sentences', 1000),
});

/** `src/content/modules/<module-id>/module.yaml` */
export const moduleSchema = strictObject({
  title: requiredText('the module title', 200),
  summary: requiredText('one or two sentences about the module', 1000),
  order: wholeNumber('a number for the sort order', 0),
  objectives: z
    .array(
      requiredText('a learning objective that starts with a verb', 400),
      expecting('a list of objectives'),
    )
    .min(1, { error: 'is empty: list 3 to 6 learning objectives, each starting with a verb' }),
  references: z.array(requiredText('a reference', 600), expecting('a list of references')).default([]),
  glossary: z
    .array(glossaryTermSchema, expecting('a list of terms'))
    .default([])
    .superRefine((terms, context) => {
      const seen = new Set<string>();
      terms.forEach((term, index) => {
        if (seen.has(term.id)) {
          context.addIssue({
            code: 'custom',
            path: [index, 'id'],
            message: `term id "${term.id}" is defined twice in this module: define each term once`,
          });
        }
        seen.add(term.id);
      });
    }),
  aliases: uniqueList(contentId('old-module-id'), 'old module ids').default([]),
  draft: flag.default(false),
});

/** Front matter of `src/content/modules/<module-id>/<NN-lesson-slug>.mdx` */
export const lessonSchema = strictObject({
  title: requiredText('the lesson title', 200),
  order: wholeNumber('the position in the module (1, 2, 3 ...)', 0),
  minutes: wholeNumber('the honest reading time in minutes', 1),
  required: flag.default(true),
  draft: flag.default(false),
  aliases: uniqueList(
    z.string(expecting('text')).regex(LESSON_ID_PATTERN, {
      error: 'must be an old lesson id: "module-id/old-file-name" (without .mdx)',
    }),
    'old lesson ids',
  ).default([]),
  /** Where the lesson's facts come from: one citation per item, shown under the lesson. */
  sources: z.array(requiredText('a citation', 600), expecting('a list of citations')).default([]),
});

/** Front matter of `src/content/handbook/<NN-chapter>.md` */
export const handbookChapterSchema = strictObject({
  title: requiredText('the chapter title', 200),
  order: wholeNumber('the chapter number', 0),
  summary: requiredText('one sentence about the chapter', 600),
});

export type CourseData = z.output<typeof courseSchema>;
export type ModuleData = z.output<typeof moduleSchema>;
export type LessonData = z.output<typeof lessonSchema>;
export type GlossaryTermData = z.output<typeof glossaryTermSchema>;
export type HandbookChapterData = z.output<typeof handbookChapterSchema>;

/** `objectives[2]` / `glossary[0].id` from an issue path. */
export function formatContentPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** One line per issue: `file: field: what is wrong` (no field part for a whole-file problem). */
export function formatContentIssues(
  file: string,
  issues: ReadonlyArray<{ readonly path: ReadonlyArray<PropertyKey>; readonly message: string }>,
): string[] {
  return issues.map((issue) => {
    const path = formatContentPath(issue.path);
    return path === '' ? `${file}: ${issue.message}` : `${file}: ${path}: ${issue.message}`;
  });
}

/** Validates data against a schema and returns either the output or `file: field: problem` lines. */
export function checkContent<T extends z.ZodType>(
  schema: T,
  file: string,
  data: unknown,
): { ok: true; data: z.output<T> } | { ok: false; problems: string[] } {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, problems: formatContentIssues(file, result.error.issues) };
}

/** The components lessons may use without importing them (src/components/lesson/index.ts). */
export const LESSON_COMPONENTS = [
  'Callout',
  'CaseStudy',
  'Checklist',
  'Download',
  'Figure',
  'KeyPoints',
  'KnowledgeCheck',
  'Term',
] as const;
