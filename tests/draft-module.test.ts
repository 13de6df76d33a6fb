/**
 * The demo content has a module being written (draft) in a published course, so trainers can see
 * "preview drafts" at work: it is in the preview catalogue and nowhere in what learners see, and it
 * never counts toward a learner's completion.
 */
import { describe, expect, it } from 'vitest';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';

const catalogue = catalogueFromTree(readContentTree());
const courseId = 'supervisors-early-intervention';
const draftId = 'sup-team-conversations';

describe('the draft module', () => {
  it('is in the trainers’ preview of a published course, marked draft', () => {
    const course = catalogue.preview.course(courseId);
    expect(course?.draft).toBe(false);
    const module = catalogue.preview.module(courseId, draftId);
    expect(module?.draft).toBe(true);
    expect(module?.lessons.length).toBeGreaterThan(0);
  });

  it('is not in what learners see: no module, no lessons, no minutes', () => {
    const published = catalogue.published.course(courseId);
    const preview = catalogue.preview.course(courseId);
    expect(catalogue.published.module(courseId, draftId)).toBeUndefined();
    expect(published?.modules.map((module) => module.id)).not.toContain(draftId);
    expect(published?.lessons.some((lesson) => lesson.moduleId === draftId)).toBe(false);
    expect(published?.minutes).toBeLessThan(preview?.minutes ?? 0);
  });
});
