import { describe, expect, it } from 'vitest';
import { fixtureCatalogue, type FixtureOptions } from './fixture.ts';
import {
  computeCourseProgress,
  normaliseLearnerRecord,
  type AssignmentStatus,
  type RawLearnerRecord,
} from './progress.ts';

/** The practical half of completion: module assignments and attended sessions. */

const allLessons: RawLearnerRecord['lessons'] = [
  'first-steps/01-why',
  'first-steps/02-how',
  'planning/01-plan',
  'planning/02-review',
].map((lessonId, index) => ({ lessonId, completedAt: 1000 + index, lastViewedAt: 1000 + index }));

function progressOf(
  options: FixtureOptions,
  record: Partial<RawLearnerRecord>,
  completedAt: number | null = null,
) {
  const catalogue = fixtureCatalogue({ finalAssessment: null, ...options });
  const course = catalogue.published.course('main');
  if (!course) throw new Error('fixture course missing');
  const raw: RawLearnerRecord = {
    lessons: record.lessons ?? [],
    modules: record.modules ?? [],
    passedQuizzes: record.passedQuizzes ?? [],
    ...(record.assignments ? { assignments: record.assignments } : {}),
    ...(record.attendance ? { attendance: record.attendance } : {}),
  };
  return computeCourseProgress(course, normaliseLearnerRecord(raw, catalogue.aliases), { completedAt });
}

const withAssignment = (status: AssignmentStatus | null) =>
  progressOf(
    { assignments: ['planning'] },
    {
      lessons: allLessons,
      passedQuizzes: ['planning'],
      ...(status ? { assignments: [{ assignmentId: 'planning', status }] } : {}),
    },
  );

describe('a module with an assignment', () => {
  it('counts the assignment as an item and completes only when it has passed', () => {
    const open = withAssignment(null);
    const planning = open.modules.find((module) => module.moduleId === 'planning');
    expect(planning).toMatchObject({
      complete: false,
      itemsTotal: 4,
      itemsDone: 3,
      assignment: { id: 'planning', status: null, passed: false },
    });
    expect(open.complete).toBe(false);
    expect(open.next).toEqual({ kind: 'assignment', moduleId: 'planning' });
    expect(open.due.modules).toEqual(['first-steps']);

    const passed = withAssignment('passed');
    expect(passed.complete).toBe(true);
    expect(passed.percent).toBe(100);
    expect(passed.due).toEqual({ modules: ['first-steps', 'planning'], course: true });
  });

  it('shows work waiting for marking as the next step when nothing else is open', () => {
    const waiting = withAssignment('submitted');
    expect(waiting.next).toEqual({ kind: 'waiting', moduleId: 'planning' });
    expect(waiting.modules[1]?.state).toBe('in-progress');
    expect(withAssignment('returned').next).toEqual({ kind: 'assignment', moduleId: 'planning' });
    expect(withAssignment('draft').next).toEqual({ kind: 'assignment', moduleId: 'planning' });
    expect(withAssignment('not-passed').next).toEqual({ kind: 'assignment', moduleId: 'planning' });
    expect(withAssignment('not-passed').complete).toBe(false);
  });

  it('offers the assignment only after the module lessons are done', () => {
    const early = progressOf(
      { assignments: ['first-steps'], sequential: false },
      { lessons: allLessons.slice(0, 1) },
    );
    expect(early.next).toMatchObject({ kind: 'lesson', lessonId: 'first-steps/02-how' });
  });

  it('keeps a recorded module complete and its assignment counted, whatever the submission says', () => {
    const recorded = progressOf(
      { assignments: ['planning'] },
      {
        lessons: allLessons,
        passedQuizzes: ['planning'],
        modules: [{ moduleId: 'planning', completedAt: 5 }],
      },
    );
    expect(recorded.modules[1]).toMatchObject({ complete: true, itemsDone: 4, assignment: { passed: true } });
  });

  it('maps submissions stored under an old module id, keeping the furthest state', () => {
    const catalogue = fixtureCatalogue({ assignments: ['planning'], moduleAliases: { planning: ['plans'] } });
    const record = normaliseLearnerRecord(
      {
        lessons: [],
        modules: [],
        passedQuizzes: [],
        assignments: [
          { assignmentId: 'plans', status: 'passed' },
          { assignmentId: 'planning', status: 'draft' },
        ],
      },
      catalogue.aliases,
    );
    expect(record.assignments.get('planning')).toBe('passed');
  });
});

describe('practical sessions', () => {
  const everythingElse = { lessons: allLessons, passedQuizzes: ['planning'] };

  it('are one item the course needs before it is complete', () => {
    const none = progressOf({ practicalSessions: 2 }, everythingElse);
    expect(none.practical).toEqual({ required: 2, attended: 0, done: false });
    expect(none.complete).toBe(false);
    expect(none.itemsTotal).toBe(6);
    expect(none.percent).toBe(83);
    expect(none.next).toEqual({ kind: 'practical', courseId: 'main' });
    expect(none.due.course).toBe(false);

    const one = progressOf(
      { practicalSessions: 2 },
      { ...everythingElse, attendance: [{ courseId: 'main', sessions: 1 }] },
    );
    expect(one.practical?.done).toBe(false);

    const two = progressOf(
      { practicalSessions: 2 },
      { ...everythingElse, attendance: [{ courseId: 'main', sessions: 2 }] },
    );
    expect(two).toMatchObject({ complete: true, percent: 100, practical: { attended: 2, done: true } });
    expect(two.due.course).toBe(true);
  });

  it('count only sessions of the same course', () => {
    const elsewhere = progressOf(
      { practicalSessions: 1 },
      { ...everythingElse, attendance: [{ courseId: 'open', sessions: 3 }] },
    );
    expect(elsewhere.practical?.attended).toBe(0);
  });

  it('never un-complete a recorded course', () => {
    const recorded = progressOf({ practicalSessions: 1 }, {}, 12345);
    expect(recorded).toMatchObject({ complete: true, percent: 100, practical: { done: true } });
  });

  it('are absent from courses that do not ask for them', () => {
    expect(progressOf({}, everythingElse).practical).toBeNull();
  });
});
