import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { courseSchema, handbookChapterSchema, lessonSchema, moduleSchema } from './lib/content/schema.ts';
import { jobAidSchema } from './lib/content/job-aid-schema.ts';
import { assignmentSchema } from './lib/content/assignment-schema.ts';
import { quizSchema } from './lib/server/quiz/schema.ts';

/** The file name without its folder and extension: `courses/rtw-coordinator.yaml` → `rtw-coordinator`. */
const fileStem = ({ entry }: { entry: string }): string => entry.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
/** The folder of `<module-id>/module.yaml` or `<module-id>/quiz.yaml`. */
const folderName = ({ entry }: { entry: string }): string => entry.slice(0, entry.indexOf('/'));
/** `<module-id>/<lesson-file-stem>`. */
const lessonId = ({ entry }: { entry: string }): string => entry.replace(/\.mdx$/, '');
/** A translation keeps the English id: `<module-id>/ms/<stem>.mdx` → `<module-id>/<stem>`. */
const translatedLessonId = ({ entry }: { entry: string }): string =>
  entry.replace(/\/ms\//, '/').replace(/\.mdx$/, '');

const modulesBase = './src/content/modules';

export const collections = {
  courses: defineCollection({
    loader: glob({ base: './src/content/courses', pattern: '*.yaml', generateId: fileStem }),
    schema: courseSchema,
  }),
  modules: defineCollection({
    loader: glob({ base: modulesBase, pattern: '*/module.yaml', generateId: folderName }),
    schema: moduleSchema,
  }),
  lessons: defineCollection({
    loader: glob({ base: modulesBase, pattern: '*/*.mdx', generateId: lessonId }),
    schema: lessonSchema,
  }),
  quizzes: defineCollection({
    loader: glob({ base: modulesBase, pattern: '*/quiz.yaml', generateId: folderName }),
    schema: quizSchema,
  }),
  assessments: defineCollection({
    loader: glob({ base: './src/content/assessments', pattern: '*.yaml', generateId: fileStem }),
    schema: quizSchema,
  }),
  handbook: defineCollection({
    loader: glob({ base: './src/content/handbook', pattern: '*.md', generateId: fileStem }),
    schema: handbookChapterSchema,
  }),
  // Bahasa Malaysia: the ms/ file beside each English one, with the English id (docs/content-format.md).
  coursesMs: defineCollection({
    loader: glob({ base: './src/content/courses/ms', pattern: '*.yaml', generateId: fileStem }),
    schema: courseSchema,
  }),
  modulesMs: defineCollection({
    loader: glob({ base: modulesBase, pattern: '*/ms/module.yaml', generateId: folderName }),
    schema: moduleSchema,
  }),
  lessonsMs: defineCollection({
    loader: glob({ base: modulesBase, pattern: '*/ms/*.mdx', generateId: translatedLessonId }),
    schema: lessonSchema,
  }),
  handbookMs: defineCollection({
    loader: glob({ base: './src/content/handbook/ms', pattern: '*.md', generateId: fileStem }),
    schema: handbookChapterSchema,
  }),
  // Quiz text only: ids, key and settings come from the English bank (lib/server/quiz/localise.ts).
  quizzesMs: defineCollection({
    loader: glob({ base: modulesBase, pattern: '*/ms/quiz.yaml', generateId: folderName }),
    schema: quizSchema,
  }),
  assessmentsMs: defineCollection({
    loader: glob({ base: './src/content/assessments/ms', pattern: '*.yaml', generateId: fileStem }),
    schema: quizSchema,
  }),
  // Assessed casework beside its module (docs/assignments.md), and its Bahasa Malaysia copy.
  assignments: defineCollection({
    loader: glob({ base: modulesBase, pattern: '*/assignment.yaml', generateId: folderName }),
    schema: assignmentSchema,
  }),
  assignmentsMs: defineCollection({
    loader: glob({ base: modulesBase, pattern: '*/ms/assignment.yaml', generateId: folderName }),
    schema: assignmentSchema,
  }),
  jobAids: defineCollection({
    loader: glob({ base: './src/content/job-aids', pattern: '*.yaml', generateId: fileStem }),
    schema: jobAidSchema,
  }),
  // The same structure and ids as the English spec (npm run build:job-aids checks it).
  jobAidsMs: defineCollection({
    loader: glob({ base: './src/content/job-aids/ms', pattern: '*.yaml', generateId: fileStem }),
    schema: jobAidSchema,
  }),
};
