/**
 * Completion maths for one learner in one course. Pure: the database rows come in, the state of
 * every module, the course %, the gating and the exact next step come out.
 *
 * Rules (docs/authoring.md explains them to trainers):
 * - Only published content counts: drafts never change anyone's progress.
 * - A module is complete when every required lesson is complete and, when the course asks for
 *   module quizzes, its quiz (if it has one) is passed, and its assignment (if it has one) has
 *   passed marking. Once recorded in module_completion it stays complete even when lessons are
 *   added later.
 * - A course is complete when every module is complete, the final assessment (if the course
 *   names one that exists) is passed, and the learner attended the practical sessions the course
 *   asks for (present or late). Once recorded in enrolment.completedAt it stays complete.
 * - % complete = done items / items, where items are required lessons, required module quizzes,
 *   module assignments, the final assessment and the practical sessions (one item). A recorded
 *   module counts all its items as done; a recorded course is 100%.
 * - In a sequential course a module opens when the one before it is complete.
 * - Progress is keyed by content ids; old ids listed as aliases count for the current ones.
 */
import {
  requiredLessons,
  type Aliases,
  type CourseView,
  type LessonView,
  type ModuleView,
} from './structure.ts';

/** Where a learner's submission of an assignment stands (the database's states). */
export type AssignmentStatus = 'draft' | 'submitted' | 'returned' | 'passed' | 'not-passed';

export interface LessonRecord {
  completedAt: number | null;
  lastViewedAt: number;
}

/** What the database knows about one learner, keyed by current content ids. */
export interface LearnerRecord {
  lessons: ReadonlyMap<string, LessonRecord>;
  /** Module id → when its completion was recorded. */
  completedModules: ReadonlyMap<string, number>;
  /** Ids of quizzes with a passed, submitted attempt: module ids and assessment ids. */
  passedQuizzes: ReadonlySet<string>;
  /** Assignment id (its module id) → the state of the learner's submission. */
  assignments: ReadonlyMap<string, AssignmentStatus>;
  /** Course id → practical sessions of that course attended (present or late). */
  attendedSessions: ReadonlyMap<string, number>;
}

export interface RawLearnerRecord {
  lessons: ReadonlyArray<{ lessonId: string; completedAt: number | null; lastViewedAt: number }>;
  modules: ReadonlyArray<{ moduleId: string; completedAt: number }>;
  passedQuizzes: Iterable<string>;
  /** The learner's submissions, by assignment id as stored (none when left out). */
  assignments?: ReadonlyArray<{ assignmentId: string; status: AssignmentStatus }>;
  /** Practical sessions attended per course (none when left out). */
  attendance?: ReadonlyArray<{ courseId: string; sessions: number }>;
}

export interface EnrolmentState {
  status: 'active' | 'withdrawn';
  enrolledAt: number;
  withdrawnAt: number | null;
  completedAt: number | null;
}

export type ModuleState = 'locked' | 'not-started' | 'in-progress' | 'complete';

export interface ModuleProgress {
  moduleId: string;
  state: ModuleState;
  complete: boolean;
  /** Completion is in module_completion (it survives content changes). */
  recorded: boolean;
  /** The module that must be completed first, when locked. */
  lockedBy: string | null;
  requiredDone: number;
  requiredTotal: number;
  /** The module quiz when completion asks for it. */
  quiz: { id: string; passed: boolean } | null;
  /** The module's assignment; `status` is null before the learner saved anything. */
  assignment: { id: string; status: AssignmentStatus | null; passed: boolean } | null;
  itemsDone: number;
  itemsTotal: number;
}

export type NextStep =
  | { kind: 'lesson'; moduleId: string; lessonId: string; resume: boolean }
  | { kind: 'module-quiz'; moduleId: string }
  | { kind: 'assignment'; moduleId: string }
  | { kind: 'final-assessment'; assessmentId: string }
  | { kind: 'practical'; courseId: string }
  /** Nothing to do but wait for a trainer to mark this module's assignment. */
  | { kind: 'waiting'; moduleId: string }
  | { kind: 'done' };

export interface CourseProgress {
  courseId: string;
  modules: ModuleProgress[];
  itemsDone: number;
  itemsTotal: number;
  /** 0..100, rounded down: 100 only when everything is done. */
  percent: number;
  complete: boolean;
  /** Completion is recorded on the enrolment (it survives content changes). */
  recorded: boolean;
  finalAssessment: { id: string; passed: boolean } | null;
  /** The practical sessions the course asks for, when it asks for any. */
  practical: { required: number; attended: number; done: boolean } | null;
  next: NextStep;
  /** The lesson of this course viewed most recently. */
  lastViewedLessonId: string | null;
  /** Completions the rules now grant that the database has not recorded yet. */
  due: { modules: string[]; course: boolean };
}

/** Maps stored rows through the aliases to current ids; a row and its alias row merge. */
export function normaliseLearnerRecord(raw: RawLearnerRecord, aliases: Aliases): LearnerRecord {
  const lessons = new Map<string, LessonRecord>();
  for (const row of raw.lessons) {
    const id = aliases.lessons.get(row.lessonId) ?? row.lessonId;
    const earlier = lessons.get(id);
    if (!earlier) {
      lessons.set(id, { completedAt: row.completedAt, lastViewedAt: row.lastViewedAt });
      continue;
    }
    const completed = [earlier.completedAt, row.completedAt].filter((at): at is number => at !== null);
    lessons.set(id, {
      completedAt: completed.length > 0 ? Math.min(...completed) : null,
      lastViewedAt: Math.max(earlier.lastViewedAt, row.lastViewedAt),
    });
  }
  const completedModules = new Map<string, number>();
  for (const row of raw.modules) {
    const id = aliases.modules.get(row.moduleId) ?? row.moduleId;
    const earlier = completedModules.get(id);
    completedModules.set(id, earlier === undefined ? row.completedAt : Math.min(earlier, row.completedAt));
  }
  const passedQuizzes = new Set<string>();
  for (const quizId of raw.passedQuizzes) passedQuizzes.add(aliases.modules.get(quizId) ?? quizId);
  const assignments = new Map<string, AssignmentStatus>();
  for (const row of raw.assignments ?? []) {
    const id = aliases.modules.get(row.assignmentId) ?? row.assignmentId;
    const earlier = assignments.get(id);
    // A submission under an old module id and one under the new id: the further one counts.
    if (!earlier || ASSIGNMENT_RANK[row.status] > ASSIGNMENT_RANK[earlier]) assignments.set(id, row.status);
  }
  const attendedSessions = new Map<string, number>();
  for (const row of raw.attendance ?? [])
    attendedSessions.set(row.courseId, (attendedSessions.get(row.courseId) ?? 0) + row.sessions);
  return { lessons, completedModules, passedQuizzes, assignments, attendedSessions };
}

const ASSIGNMENT_RANK: Record<AssignmentStatus, number> = {
  draft: 0,
  returned: 1,
  'not-passed': 2,
  submitted: 3,
  passed: 4,
};

export function isLessonComplete(record: LearnerRecord, lessonId: string): boolean {
  return (record.lessons.get(lessonId)?.completedAt ?? null) !== null;
}

function moduleQuiz(course: CourseView, module: ModuleView): string | null {
  return course.rules.moduleQuizzes ? module.quizId : null;
}

/**
 * Computes a learner's progress in a course. `course` must be the published view: drafts never
 * count. `enrolment` is null when the learner has never enrolled.
 */
export function computeCourseProgress(
  course: CourseView,
  record: LearnerRecord,
  enrolment: Pick<EnrolmentState, 'completedAt'> | null,
): CourseProgress {
  const courseRecorded = (enrolment?.completedAt ?? null) !== null;
  const modules: ModuleProgress[] = [];
  let itemsDone = 0;
  let itemsTotal = 0;
  let previous: ModuleProgress | null = null;

  for (const module of course.modules) {
    const required = course.rules.requiredLessons ? requiredLessons(module) : [];
    const requiredDone = required.filter((lesson) => isLessonComplete(record, lesson.id)).length;
    const quizId = moduleQuiz(course, module);
    const quiz = quizId ? { id: quizId, passed: record.passedQuizzes.has(quizId) } : null;
    const assignmentStatus = module.assignmentId
      ? (record.assignments.get(module.assignmentId) ?? null)
      : null;
    const assignment = module.assignmentId
      ? { id: module.assignmentId, status: assignmentStatus, passed: assignmentStatus === 'passed' }
      : null;
    const moduleItems = required.length + (quiz ? 1 : 0) + (assignment ? 1 : 0);
    const recorded = record.completedModules.has(module.id);
    const meetsRules =
      requiredDone === required.length && (quiz?.passed ?? true) && (assignment?.passed ?? true);
    const complete = recorded || courseRecorded || meetsRules;
    const done =
      recorded || courseRecorded
        ? moduleItems
        : requiredDone + (quiz?.passed ? 1 : 0) + (assignment?.passed ? 1 : 0);
    const started =
      module.lessons.some((lesson) => record.lessons.has(lesson.id)) ||
      (quiz?.passed ?? false) ||
      (assignment !== null && assignment.status !== null);
    const locked = course.sequential && !complete && previous !== null && !previous.complete;
    modules.push({
      moduleId: module.id,
      state: complete ? 'complete' : locked ? 'locked' : started ? 'in-progress' : 'not-started',
      complete,
      recorded,
      lockedBy: locked && previous ? previous.moduleId : null,
      requiredDone: recorded || courseRecorded ? required.length : requiredDone,
      requiredTotal: required.length,
      quiz: quiz && (recorded || courseRecorded) ? { ...quiz, passed: true } : quiz,
      assignment:
        assignment && (recorded || courseRecorded)
          ? { ...assignment, status: assignment.status ?? 'passed', passed: true }
          : assignment,
      itemsDone: done,
      itemsTotal: moduleItems,
    });
    previous = modules[modules.length - 1] ?? null;
    itemsDone += done;
    itemsTotal += moduleItems;
  }

  const finalId = course.rules.finalAssessmentId;
  const finalAssessment = finalId
    ? { id: finalId, passed: courseRecorded || record.passedQuizzes.has(finalId) }
    : null;
  if (finalAssessment) {
    itemsTotal += 1;
    if (finalAssessment.passed) itemsDone += 1;
  }
  const requiredSessions = course.rules.practicalSessions;
  const attended = record.attendedSessions.get(course.id) ?? 0;
  const practical =
    requiredSessions > 0
      ? { required: requiredSessions, attended, done: courseRecorded || attended >= requiredSessions }
      : null;
  if (practical) {
    itemsTotal += 1;
    if (practical.done) itemsDone += 1;
  }

  const meetsCourseRules =
    modules.length > 0 &&
    itemsTotal > 0 &&
    modules.every((module) => module.complete) &&
    (finalAssessment?.passed ?? true) &&
    (practical?.done ?? true);
  const complete = courseRecorded || meetsCourseRules;
  const percent = complete ? 100 : itemsTotal === 0 ? 0 : Math.floor((itemsDone / itemsTotal) * 100);

  const lastViewedLessonId = lastViewedIn(course.lessons, record);
  const due = {
    // A module with nothing to complete is never recorded: lessons added later must still count.
    modules: modules.filter((m) => m.complete && !m.recorded && m.itemsTotal > 0).map((m) => m.moduleId),
    course: complete && !courseRecorded,
  };
  const progress = {
    courseId: course.id,
    modules,
    itemsDone,
    itemsTotal,
    percent,
    complete,
    recorded: courseRecorded,
    finalAssessment,
    practical,
    lastViewedLessonId,
    due,
  };
  return { ...progress, next: complete ? { kind: 'done' } : findNextStep(course, record, progress) };
}

function lastViewedIn(lessons: ReadonlyArray<LessonView>, record: LearnerRecord): string | null {
  let best: { id: string; at: number } | null = null;
  for (const lesson of lessons) {
    const at = record.lessons.get(lesson.id)?.lastViewedAt;
    if (at !== undefined && (best === null || at > best.at)) best = { id: lesson.id, at };
  }
  return best?.id ?? null;
}

type Step =
  | { kind: 'lesson'; module: ModuleView; lesson: LessonView }
  | { kind: 'module-quiz'; module: ModuleView }
  | { kind: 'assignment'; module: ModuleView };

/** An assignment the learner can work on now: not passed, not with a marker, not closed. */
function assignmentActionable(state: ModuleProgress): boolean {
  const assignment = state.assignment;
  if (!assignment || assignment.passed) return false;
  return assignment.status !== 'submitted' && assignment.status !== 'not-passed';
}

/**
 * The exact next thing to do: the lesson last viewed if it is unfinished; otherwise the first
 * open item after it in reading order (lessons, then the module quiz once the module's lessons
 * are done), skipping completed and locked modules; otherwise the first open required item from
 * the start; then the final assessment.
 */
function findNextStep(
  course: CourseView,
  record: LearnerRecord,
  progress: Pick<CourseProgress, 'modules' | 'lastViewedLessonId' | 'finalAssessment' | 'practical'>,
): NextStep {
  const stateOf = new Map(progress.modules.map((module) => [module.moduleId, module]));
  const steps: Step[] = [];
  for (const module of course.modules) {
    for (const lesson of module.lessons) steps.push({ kind: 'lesson', module, lesson });
    if (moduleQuiz(course, module)) steps.push({ kind: 'module-quiz', module });
    if (module.assignmentId) steps.push({ kind: 'assignment', module });
  }

  const last = progress.lastViewedLessonId;
  if (last !== null && !isLessonComplete(record, last)) {
    const lesson = course.lessons.find((candidate) => candidate.id === last);
    const state = lesson ? stateOf.get(lesson.moduleId) : undefined;
    if (lesson && state && state.state !== 'locked') {
      return { kind: 'lesson', moduleId: lesson.moduleId, lessonId: lesson.id, resume: true };
    }
  }

  // Optional lessons right after the last one read stay on the path even once their module is
  // complete; completed modules further on are skipped (a lesson added there later is not needed).
  const lastModule =
    last === null ? null : (course.lessons.find((lesson) => lesson.id === last)?.moduleId ?? null);
  const isOpen = (step: Step, requiredOnly: boolean): boolean => {
    const state = stateOf.get(step.module.id);
    if (!state || state.state === 'locked') return false;
    if (state.complete && (requiredOnly || step.kind !== 'lesson' || step.module.id !== lastModule))
      return false;
    if (step.kind === 'lesson') {
      if (isLessonComplete(record, step.lesson.id)) return false;
      return !requiredOnly || (step.lesson.required && course.rules.requiredLessons);
    }
    if (step.kind === 'assignment')
      return assignmentActionable(state) && state.requiredDone === state.requiredTotal;
    return !(state.quiz?.passed ?? true) && state.requiredDone === state.requiredTotal;
  };
  const toNext = (step: Step): NextStep =>
    step.kind === 'lesson'
      ? { kind: 'lesson', moduleId: step.module.id, lessonId: step.lesson.id, resume: false }
      : { kind: step.kind, moduleId: step.module.id };

  const start =
    last === null ? 0 : steps.findIndex((step) => step.kind === 'lesson' && step.lesson.id === last) + 1;
  for (let index = start; index < steps.length; index++) {
    const step = steps[index];
    if (!step) continue;
    const state = stateOf.get(step.module.id);
    if (state?.state === 'locked') break;
    if (isOpen(step, false)) return toNext(step);
  }
  for (const step of steps) if (isOpen(step, true)) return toNext(step);
  // A quiz can be open while optional lessons are not: the required work is what counts.
  for (const step of steps) if (step.kind !== 'lesson' && isOpen(step, false)) return toNext(step);

  if (progress.finalAssessment && !progress.finalAssessment.passed) {
    const modulesDone = progress.modules.every((module) => module.complete);
    if (modulesDone) return { kind: 'final-assessment', assessmentId: progress.finalAssessment.id };
  }
  // Sessions can be booked at any time; they lead only once nothing else is open.
  if (progress.practical && !progress.practical.done) return { kind: 'practical', courseId: course.id };
  const open = progress.modules.filter((module) => module.state !== 'locked' && !module.complete);
  const waiting = open.find((module) => module.assignment?.status === 'submitted');
  if (waiting) return { kind: 'waiting', moduleId: waiting.moduleId };
  // A closed (not passed) assignment: its page says whom to ask.
  const closed = open.find((module) => module.assignment?.status === 'not-passed');
  if (closed) return { kind: 'assignment', moduleId: closed.moduleId };
  // Nothing required is open (every module complete, no final assessment to take yet): offer
  // the first unread lesson, if any, so Continue still goes somewhere useful.
  for (const step of steps) {
    if (
      step.kind === 'lesson' &&
      !isLessonComplete(record, step.lesson.id) &&
      stateOf.get(step.module.id)?.state !== 'locked'
    ) {
      return toNext(step);
    }
  }
  return { kind: 'done' };
}

/** Whether a module's lessons may be read by a learner, given their progress. */
