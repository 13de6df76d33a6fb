import CaseStudy from './CaseStudy.astro';
import Callout from './Callout.astro';
import Checklist from './Checklist.astro';
import Download from './Download.astro';
import Figure from './Figure.astro';
import KeyPoints from './KeyPoints.astro';
import KnowledgeCheck from './KnowledgeCheck.astro';
import Term from './Term.astro';
import type { LESSON_COMPONENTS } from '#src/lib/content/schema.ts';

/** The components every lesson may use without importing them (docs/authoring.md). */
export const lessonComponents = {
  Callout,
  CaseStudy,
  Checklist,
  Download,
  Figure,
  KeyPoints,
  KnowledgeCheck,
  Term,
} satisfies Record<(typeof LESSON_COMPONENTS)[number], unknown>;
