/**
 * Completion maths for one learner in one course. Pure: the database rows come in, the state of
 * every module, the course %, the gating and the exact next step come out.
 *
 * Rules (docs/authoring.md explains them to trainers):
 * - Only published content counts: drafts never change anyone's progress.
 * - A module is complete when every required lesson is complete and, when the course asks for
 *   module quizzes, its quiz (if it has one) is passed. Once recorded in module_completion it
 *   stays complete even when lessons are added later.
 * - A course is complete when every module is complete and the final assessment (if the course
 *   names one that exists) is passed. Once recorded in enrolment.completedAt it stays complete.
 * - % complete = done items / items, where items are required lessons, required module quizzes
 *   and the final assessment. A recorded module counts all its items as done; a recorded course
 *   is 100%.
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
}

export interface RawLearnerRecord {
  lessons: ReadonlyArray<{ lessonId: string; completedAt: number | null; lastViewedAt: number }>;
  modules: ReadonlyArray<{ moduleId: string; completedAt: number }>;
  passedQuizzes: Iterable<string>;
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
  itemsDone: number;
  itemsTotal: number;
}

export type NextStep =
  | { kind: 'lesson'; moduleId: string; lessonId: string; resume: boolean }
  | { kind: 'module-quiz'; moduleId: string }
  | { kind: 'final-assessment'; assessmentId: string }
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
  return { lessons, completedModules, passedQuizzes };
}

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
    const moduleItems = required.length + (quiz ? 1 : 0);
    const recorded = record.completedModules.has(module.id);
    const meetsRules = requiredDone === required.length && (quiz?.passed ?? true);
    const complete = recorded || courseRecorded || meetsRules;
    const done = recorded || courseRecorded ? moduleItems : requiredDone + (quiz?.passed ? 1 : 0);
    const started = module.lessons.some((lesson) => record.lessons.has(lesson.id)) || (quiz?.passed ?? false);
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

  const meetsCourseRules =
    modules.length > 0 &&
    itemsTotal > 0 &&
    modules.every((module) => module.complete) &&
    (finalAssessment?.passed ?? true);
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
  { kind: 'lesson'; module: ModuleView; lesson: LessonView } | { kind: 'module-quiz'; module: ModuleView };

/**
 * The exact next thing to do: the lesson last viewed if it is unfinished; otherwise the first
 * open item after it in reading order (lessons, then the module quiz once the module's lessons
 * are done), skipping completed and locked modules; otherwise the first open required item from
 * the start; then the final assessment.
 */
function findNextStep(
  course: CourseView,
  record: LearnerRecord,
  progress: Pick<CourseProgress, 'modules' | 'lastViewedLessonId' | 'finalAssessment'>,
): NextStep {
  const stateOf = new Map(progress.modules.map((module) => [module.moduleId, module]));
  const steps: Step[] = [];
  for (const module of course.modules) {
    for (const lesson of module.lessons) steps.push({ kind: 'lesson', module, lesson });
    if (moduleQuiz(course, module)) steps.push({ kind: 'module-quiz', module });
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
    return !(state.quiz?.passed ?? true) && state.requiredDone === state.requiredTotal;
  };
  const toNext = (step: Step): NextStep =>
    step.kind === 'lesson'
      ? { kind: 'lesson', moduleId: step.module.id, lessonId: step.lesson.id, resume: false }
      : { kind: 'module-quiz', moduleId: step.module.id };

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
  for (const step of steps) if (step.kind === 'module-quiz' && isOpen(step, false)) return toNext(step);

  if (progress.finalAssessment && !progress.finalAssessment.passed) {
    const modulesDone = progress.modules.every((module) => module.complete);
    if (modulesDone) return { kind: 'final-assessment', assessmentId: progress.finalAssessment.id };
  }
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
