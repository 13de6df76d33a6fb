import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { courseSchema, handbookChapterSchema, lessonSchema, moduleSchema } from './lib/content/schema.ts';
import { jobAidSchema } from './lib/content/job-aid-schema.ts';
import { quizSchema } from './lib/server/quiz/schema.ts';

/** The file name without its folder and extension: `courses/rtw-coordinator.yaml` → `rtw-coordinator`. */
const fileStem = ({ entry }: { entry: string }): string => entry.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
/** The folder of `<module-id>/module.yaml` or `<module-id>/quiz.yaml`. */
const folderName = ({ entry }: { entry: string }): string => entry.slice(0, entry.indexOf('/'));
/** `<module-id>/<lesson-file-stem>`. */
const lessonId = ({ entry }: { entry: string }): string => entry.replace(/\.mdx$/, '');

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
  jobAids: defineCollection({
    loader: glob({ base: './src/content/job-aids', pattern: '*.yaml', generateId: fileStem }),
    schema: jobAidSchema,
  }),
};
