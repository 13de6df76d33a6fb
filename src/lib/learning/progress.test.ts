import { describe, expect, it } from 'vitest';
import { fixtureCatalogue, type FixtureOptions } from './fixture.ts';
import { computeCourseProgress, normaliseLearnerRecord, type RawLearnerRecord } from './progress.ts';
import type { Catalogue } from './structure.ts';

const t0 = Date.UTC(2026, 10, 1);

/** A learner's rows: lessons completed (c) or only viewed (v), in the order given, one minute apart. */
function rows(spec: Record<string, 'c' | 'v'>, extra: Partial<RawLearnerRecord> = {}): RawLearnerRecord {
  return {
    lessons: Object.entries(spec).map(([lessonId, state], index) => ({
      lessonId,
      lastViewedAt: t0 + index * 60_000,
      completedAt: state === 'c' ? t0 + index * 60_000 : null,
    })),
    modules: extra.modules ?? [],
    passedQuizzes: extra.passedQuizzes ?? [],
  };
}

function progressOf(
  raw: RawLearnerRecord,
  options: FixtureOptions & { completedAt?: number | null } = {},
  catalogue?: Catalogue,
) {
  const cat = catalogue ?? fixtureCatalogue(options);
  const course = cat.published.course('main');
  if (!course) throw new Error('fixture course missing');
  return computeCourseProgress(course, normaliseLearnerRecord(raw, cat.aliases), {
    completedAt: options.completedAt ?? null,
  });
}

const allRequiredLessons = {
  'first-steps/01-why': 'c',
  'first-steps/02-how': 'c',
  'planning/01-plan': 'c',
  'planning/02-review': 'c',
} as const;

describe('the published view', () => {
  it('leaves out draft modules, draft lessons and draft courses', () => {
    const catalogue = fixtureCatalogue();
    const course = catalogue.published.course('main');
    expect(course?.modules.map((module) => module.id)).toEqual(['first-steps', 'planning']);
    expect(course?.lessons.map((lesson) => lesson.id)).not.toContain('first-steps/04-unfinished');
    expect(catalogue.published.course('hidden')).toBeUndefined();
    expect(catalogue.preview.course('hidden')?.draft).toBe(true);
    expect(catalogue.preview.course('main')?.modules.map((module) => module.id)).toEqual([
      'first-steps',
      'planning',
      'secret-module',
    ]);
    expect(catalogue.preview.lesson('main', 'first-steps', '04-unfinished')?.draft).toBe(true);
  });
});

describe('completion maths', () => {
  it('counts required lessons, module quizzes and the final assessment; optional lessons and drafts do not count', () => {
    const progress = progressOf(rows({ 'first-steps/01-why': 'c', 'first-steps/03-extra-reading': 'c' }));
    // Items: 4 required lessons + 1 module quiz (planning) + 1 final assessment.
    expect(progress.itemsTotal).toBe(6);
    expect(progress.itemsDone).toBe(1);
    expect(progress.percent).toBe(16);
    expect(progress.complete).toBe(false);
  });

  it('is 100% and complete only when every item is done', () => {
    const almost = progressOf(rows(allRequiredLessons, { passedQuizzes: ['planning'] }));
    expect(almost.percent).toBe(83);
    expect(almost.complete).toBe(false);
    const done = progressOf(rows(allRequiredLessons, { passedQuizzes: ['planning', 'main-final'] }));
    expect(done.percent).toBe(100);
    expect(done.complete).toBe(true);
    expect(done.due).toEqual({ modules: ['first-steps', 'planning'], course: true });
    expect(done.next).toEqual({ kind: 'done' });
  });

  it('needs the module quiz only when the course asks for module quizzes', () => {
    const withoutQuizRule = progressOf(rows(allRequiredLessons), {
      moduleQuizzes: false,
      finalAssessment: null,
    });
    expect(withoutQuizRule.itemsTotal).toBe(4);
    expect(withoutQuizRule.complete).toBe(true);
    const withQuizRule = progressOf(rows(allRequiredLessons), { finalAssessment: null });
    expect(withQuizRule.modules.find((module) => module.moduleId === 'planning')).toMatchObject({
      complete: false,
      quiz: { id: 'planning', passed: false },
    });
  });

  it('ignores a final assessment the content does not have', () => {
    const catalogue = fixtureCatalogue();
    const input = catalogue.published.course('main');
    expect(input?.rules.finalAssessmentId).toBe('main-final');
    const progress = progressOf(rows(allRequiredLessons, { passedQuizzes: ['planning'] }), {
      finalAssessment: null,
    });
    expect(progress.finalAssessment).toBeNull();
    expect(progress.complete).toBe(true);
  });
});

describe('content changes after people finish', () => {
  const finished = rows(allRequiredLessons, {
    passedQuizzes: ['planning', 'main-final'],
    modules: [
      { moduleId: 'first-steps', completedAt: t0 },
      { moduleId: 'planning', completedAt: t0 },
    ],
  });
  const newLesson = { extraLessons: [{ id: 'first-steps/05-new-law', order: 5 }] };

  it('never un-completes a recorded course when a lesson is added', () => {
    const progress = progressOf(finished, { ...newLesson, completedAt: t0 });
    expect(progress.complete).toBe(true);
    expect(progress.percent).toBe(100);
    expect(progress.recorded).toBe(true);
    expect(progress.due.course).toBe(false);
  });

  it('keeps a recorded module complete, so a sequential course does not re-lock', () => {
    const inProgress = rows(
      { 'first-steps/01-why': 'c', 'first-steps/02-how': 'c' },
      { modules: [{ moduleId: 'first-steps', completedAt: t0 }] },
    );
    const progress = progressOf(inProgress, newLesson);
    expect(progress.modules[0]).toMatchObject({
      moduleId: 'first-steps',
      complete: true,
      recorded: true,
      itemsDone: 3,
      itemsTotal: 3,
    });
    expect(progress.modules[1]?.state).toBe('not-started');
  });

  it('changes the % of learners still in progress', () => {
    const inProgress = rows({ 'first-steps/01-why': 'c', 'first-steps/02-how': 'c' });
    expect(progressOf(inProgress).percent).toBe(33);
    expect(progressOf(inProgress, newLesson).percent).toBe(28);
    expect(progressOf(inProgress, newLesson).modules[0]?.complete).toBe(false);
    // Removing a lesson the learner had not done raises their %.
    expect(progressOf(inProgress, { withoutLessons: ['planning/02-review'] }).percent).toBe(40);
  });

  it('counts nothing for a completed lesson that no longer exists', () => {
    const progress = progressOf(rows({ 'first-steps/01-why': 'c', 'first-steps/99-removed': 'c' }));
    expect(progress.itemsDone).toBe(1);
  });
});

describe('gating in a sequential course', () => {
  it('locks a module until the one before it is complete, and says which', () => {
    const progress = progressOf(rows({ 'first-steps/01-why': 'c' }));
    expect(progress.modules.map((module) => module.state)).toEqual(['in-progress', 'locked']);
    expect(progress.modules[1]?.lockedBy).toBe('first-steps');
  });

  it('opens the next module once the previous one is complete (optional lessons are not needed)', () => {
    const progress = progressOf(rows({ 'first-steps/01-why': 'c', 'first-steps/02-how': 'c' }));
    expect(progress.modules.map((module) => module.state)).toEqual(['complete', 'not-started']);
  });

  it('locks nothing in a course that is not sequential', () => {
    const progress = progressOf(rows({}), { sequential: false });
    expect(progress.modules.map((module) => module.state)).toEqual(['not-started', 'not-started']);
  });
});

describe('the next step', () => {
  it('starts at the first lesson', () => {
    expect(progressOf(rows({})).next).toEqual({
      kind: 'lesson',
      moduleId: 'first-steps',
      lessonId: 'first-steps/01-why',
      resume: false,
    });
  });

  it('resumes the lesson last viewed when it is unfinished', () => {
    const progress = progressOf(rows({ 'first-steps/01-why': 'c', 'first-steps/02-how': 'v' }));
    expect(progress.next).toMatchObject({ kind: 'lesson', lessonId: 'first-steps/02-how', resume: true });
  });

  it('goes to the lesson after the one just completed, optional ones included', () => {
    expect(progressOf(rows({ 'first-steps/01-why': 'c' })).next).toMatchObject({
      lessonId: 'first-steps/02-how',
    });
    expect(progressOf(rows({ 'first-steps/01-why': 'c', 'first-steps/02-how': 'c' })).next).toMatchObject({
      lessonId: 'first-steps/03-extra-reading',
    });
  });

  it('skips past a completed module into the next one', () => {
    const progress = progressOf(
      rows({ 'first-steps/01-why': 'c', 'first-steps/02-how': 'c', 'first-steps/03-extra-reading': 'c' }),
    );
    expect(progress.next).toMatchObject({ kind: 'lesson', lessonId: 'planning/01-plan' });
  });

  it('goes back to a required lesson that was skipped when nothing after it is open', () => {
    // Read 02 first, then finished it: 01 is still open and the next module is locked.
    const progress = progressOf(rows({ 'first-steps/02-how': 'c', 'first-steps/03-extra-reading': 'c' }));
    expect(progress.next).toMatchObject({ kind: 'lesson', lessonId: 'first-steps/01-why', resume: false });
  });

  it('sends the learner to the module quiz once its lessons are done, then to the final assessment', () => {
    expect(progressOf(rows(allRequiredLessons)).next).toEqual({ kind: 'module-quiz', moduleId: 'planning' });
    expect(progressOf(rows(allRequiredLessons, { passedQuizzes: ['planning'] })).next).toEqual({
      kind: 'final-assessment',
      assessmentId: 'main-final',
    });
  });

  it('never points into a locked module', () => {
    const progress = progressOf(rows({ 'planning/01-plan': 'v' }));
    expect(progress.next).toMatchObject({ kind: 'lesson', lessonId: 'first-steps/01-why' });
  });
});

describe('aliases keep progress across renames', () => {
  it('counts progress stored under an old lesson id', () => {
    const catalogue = fixtureCatalogue({
      withoutLessons: ['first-steps/01-why'],
      extraLessons: [{ id: 'first-steps/01-why-early', order: 1, aliases: ['first-steps/01-why'] }],
    });
    const progress = progressOf(rows({ 'first-steps/01-why': 'c' }), {}, catalogue);
    expect(progress.itemsDone).toBe(1);
    expect(progress.lastViewedLessonId).toBe('first-steps/01-why-early');
  });

  it('follows a renamed module folder for its lessons, its completion and its quiz', () => {
    // "planning" used to be called "rtw-planning".
    const catalogue = fixtureCatalogue({ moduleAliases: { planning: ['rtw-planning'] } });
    const raw = rows(
      {
        'first-steps/01-why': 'c',
        'first-steps/02-how': 'c',
        'rtw-planning/01-plan': 'c',
        'rtw-planning/02-review': 'c',
      },
      { passedQuizzes: ['rtw-planning'], modules: [{ moduleId: 'rtw-planning', completedAt: t0 }] },
    );
    const progress = progressOf(raw, {}, catalogue);
    expect(progress.modules[1]).toMatchObject({
      moduleId: 'planning',
      complete: true,
      recorded: true,
      quiz: { passed: true },
    });
    expect(progress.itemsDone).toBe(5);
  });

  it('merges a row under an old id with one under the new id', () => {
    const catalogue = fixtureCatalogue({
      withoutLessons: ['first-steps/01-why'],
      extraLessons: [{ id: 'first-steps/01-why-early', order: 1, aliases: ['first-steps/01-why'] }],
    });
    const record = normaliseLearnerRecord(
      {
        lessons: [
          { lessonId: 'first-steps/01-why', completedAt: t0, lastViewedAt: t0 },
          { lessonId: 'first-steps/01-why-early', completedAt: null, lastViewedAt: t0 + 5000 },
        ],
        modules: [],
        passedQuizzes: [],
      },
      catalogue.aliases,
    );
    expect(record.lessons.get('first-steps/01-why-early')).toEqual({
      completedAt: t0,
      lastViewedAt: t0 + 5000,
    });
  });
});
