import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { enrolment, lessonProgress, moduleCompletion } from '#db/schema.ts';
import type { Role } from '#src/lib/roles.ts';
import {
  computeCourseProgress,
  normaliseLearnerRecord,
  type CourseProgress,
  type AssignmentStatus,
  type EnrolmentState,
  type LearnerRecord,
  type RawLearnerRecord,
} from '#src/lib/learning/progress.ts';
import type {
  Aliases,
  Catalogue,
  CatalogueView,
  CourseView,
  LessonView,
} from '#src/lib/learning/structure.ts';
import { decideRecordAccess, type RecordRefusal } from '#src/lib/learning/access.ts';
import { isStaff } from '#src/lib/roles.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import { refreshProgressPercents } from './progress-percent.ts';

export interface EnrolmentRow extends EnrolmentState {
  id: string;
  courseId: string;
  /** The date a manager set for finishing the course (employers), if any. */
  dueAt?: number | null;
}

/** Everything the learning pages need about one user, read in one indexed query. */
export interface LearnerState {
  userId: string;
  /** Enrolments by course id, withdrawn ones included (every course, scoped or not). */
  enrolments: ReadonlyMap<string, EnrolmentRow>;
  /** Rows as stored (ids not yet mapped through aliases). */
  raw: RawLearnerRecord;
  /** The same, keyed by current content ids. */
  record: LearnerRecord;
  /**
   * The course whose items alone were read (see `loadLearnerState`), or null when the record
   * holds everything. A scoped state answers only for that course.
   */
  scope: string | null;
  /** The user's latest lesson view in any course (ms; 0 before the first), for the resume point. */
  latestViewAt: number;
}

const courseLessonIds = new WeakMap<CourseView, string>();

/**
 * The lesson ids a learner's rows for `course` can carry, as a JSON array: every lesson of the
 * course (drafts included) and every old id that now means one of them. Worked out once per
 * course view (views live as long as the catalogue).
 */
function lessonIdsOf(course: CourseView, aliases: Aliases): string {
  const cached = courseLessonIds.get(course);
  if (cached !== undefined) return cached;
  const current = new Set(course.lessons.map((lesson) => lesson.id));
  const ids = new Set(current);
  for (const [oldId, currentId] of aliases.lessons) if (current.has(currentId)) ids.add(oldId);
  const json = JSON.stringify([...ids]);
  courseLessonIds.set(course, json);
  return json;
}

/** The state as one JSON document (see the statement): arrays of values, no column names. */
interface StateDocument {
  /** [[lesson id, completed at, last viewed at] …, the latest `last_viewed_at` of any lesson row] */
  l: [[string, number | null, number][], number | null];
  /** [module id, completed at] */
  m: [string, number][] | null;
  q: string[] | null;
  /** [course id, enrolment id, status, enrolled at, withdrawn at, completed at, due at] */
  e: [string, string, string, number, number | null, number | null, number | null][] | null;
  /** [assignment id, status] */
  a: [string, string][] | null;
  /** [course id, sessions attended] */
  p: [string, number][] | null;
}

/**
 * Reads a user's enrolments, lesson progress, recorded module completions, passed quizzes,
 * assignment states and attended practical sessions with one statement that answers one row of
 * one JSON value (libSQL's client builds an object per row and per column, which cost more than
 * the reads themselves). Each part walks an index whose first column is the user id; passed
 * quizzes come from the covering partial index of passed attempts, so no attempt row (and none of
 * its JSON) is read. The quiz id is the module id for a module quiz and the assessment id for a
 * final assessment.
 *
 * With `scope`, only the lesson rows of that course (drafts and old ids included) are read: a
 * learning page of one course needs no others, and a learner's rows for other courses and for
 * earlier editions are most of the rows they have. Enrolments, module completions, passed quizzes,
 * assignments and attendance are a handful of rows each and are read whole (an id list costs
 * more than it saves there), so a scoped state answers only for its course.
 */
export async function loadLearnerState(
  orm: Orm,
  catalogue: Pick<Catalogue, 'aliases'>,
  userId: string,
): Promise<LearnerState>;
export async function loadLearnerState(
  orm: Orm,
  catalogue: Pick<Catalogue, 'aliases' | 'preview'>,
  userId: string,
  scope: { courseId: string },
): Promise<LearnerState>;
export async function loadLearnerState(
  orm: Orm,
  catalogue: Pick<Catalogue, 'aliases'> & Partial<Pick<Catalogue, 'preview'>>,
  userId: string,
  scope?: { courseId: string },
): Promise<LearnerState> {
  const course = scope ? catalogue.preview?.course(scope.courseId) : undefined;
  const lessonRows = course
    ? sql`lesson_id IN (SELECT value FROM json_each(${lessonIdsOf(course, catalogue.aliases)}))`
    : sql`1`;
  const [row] = await orm.all<{ state: string }>(sql`
    SELECT json_object(
      'l', (SELECT json_array(
                     json_group_array(json_array(lesson_id, completed_at, last_viewed_at)) FILTER (WHERE ${lessonRows}),
                     max(last_viewed_at))
              FROM lesson_progress WHERE user_id = ${userId}),
      'm', (SELECT json_group_array(json_array(module_id, completed_at))
              FROM module_completion WHERE user_id = ${userId}),
      'q', (SELECT json_group_array(DISTINCT quiz_id)
              FROM quiz_attempt WHERE user_id = ${userId} AND status = 'submitted' AND passed = 1),
      'e', (SELECT json_group_array(json_array(course_id, id, status, enrolled_at, withdrawn_at, completed_at, due_at))
              FROM enrolment WHERE user_id = ${userId}),
      'a', (SELECT json_group_array(json_array(assignment_id, status))
              FROM assignment_submission WHERE user_id = ${userId}),
      'p', (SELECT json_group_array(json_array(course_id, sessions)) FROM (
              SELECT s.course_id, count(*) AS sessions
                FROM workshop_booking b JOIN workshop_session s ON s.id = b.session_id
                WHERE b.user_id = ${userId} AND b.attendance IN ('present', 'late')
                GROUP BY s.course_id))
    ) AS state`);
  if (!row) throw new Error('The learner state statement answered no row.');
  const document = JSON.parse(row.state) as StateDocument;
  const raw = {
    lessons: document.l[0].map(([lessonId, completedAt, lastViewedAt]) => ({
      lessonId,
      completedAt,
      lastViewedAt,
    })),
    modules: (document.m ?? []).map(([moduleId, completedAt]) => ({ moduleId, completedAt })),
    passedQuizzes: document.q ?? [],
    assignments: (document.a ?? []).map(([assignmentId, status]) => ({
      assignmentId,
      status: assignmentStatus(status),
    })),
    attendance: (document.p ?? []).map(([courseId, sessions]) => ({ courseId, sessions })),
  };
  const enrolments = new Map<string, EnrolmentRow>();
  for (const [courseId, id, status, enrolledAt, withdrawnAt, completedAt, dueAt] of document.e ?? [])
    enrolments.set(courseId, {
      id,
      courseId,
      status: status === 'active' ? 'active' : 'withdrawn',
      enrolledAt,
      withdrawnAt,
      completedAt,
      dueAt,
    });
  return {
    userId,
    enrolments,
    raw,
    record: normaliseLearnerRecord(raw, catalogue.aliases),
    scope: scope?.courseId ?? null,
    latestViewAt: document.l[1] ?? 0,
  };
}

function assignmentStatus(value: string | null): AssignmentStatus {
  return value === 'submitted' || value === 'returned' || value === 'passed' || value === 'not-passed'
    ? value
    : 'draft';
}

/** Ids of the quizzes a user has passed (module ids and assessment ids), as stored. */
export async function listPassedQuizIds(orm: Orm, userId: string): Promise<string[]> {
  const rows = await orm.all<{ quizId: string }>(
    sql`SELECT DISTINCT quiz_id AS quizId FROM quiz_attempt WHERE user_id = ${userId} AND status = 'submitted' AND passed = 1`,
  );
  return rows.map((row) => row.quizId);
}

/** A learner's progress in a course, or null when they have never enrolled. */
export function courseProgressFor(state: LearnerState, course: CourseView): CourseProgress {
  return computeCourseProgress(course, state.record, state.enrolments.get(course.id) ?? null);
}

/** Resume points are refreshed at most this often while a learner stays on one lesson. */
export const VIEW_REFRESH_MS = 5 * 60 * 1000;

/**
 * Records that the user opened a lesson, for "Continue" and recent activity. Skips the write
 * when this lesson is already the user's latest view and was seen within VIEW_REFRESH_MS, so
 * re-reading a page costs no write.
 */
export async function recordLessonView(
  db: Database,
  state: LearnerState,
  lessonId: string,
  now: number,
): Promise<boolean> {
  const own = state.raw.lessons.find((row) => row.lessonId === lessonId)?.lastViewedAt ?? null;
  if (own !== null && own >= state.latestViewAt && now - own < VIEW_REFRESH_MS) return false;
  const upsert = db.orm
    .insert(lessonProgress)
    .values({ userId: state.userId, lessonId, firstViewedAt: new Date(now), lastViewedAt: new Date(now) })
    .onConflictDoUpdate({
      target: [lessonProgress.userId, lessonProgress.lessonId],
      set: { lastViewedAt: new Date(now) },
    });
  // One row and nothing read first: committed together with other learners' views (group commit).
  await db.writeGrouped(upsert);
  return true;
}

export type CompleteLessonResult =
  | {
      ok: true;
      alreadyComplete: boolean;
      moduleCompleted: boolean;
      courseCompleted: boolean;
      /** Every completion this call recorded: the caller issues what follows from them. */
      recorded: DueCompletions;
      progress: CourseProgress;
    }
  | { ok: false; reason: 'not-found' | RecordRefusal };

/** What recording progress on one lesson works with, inside its write transaction. */
interface RecordableLesson {
  orm: Orm;
  lesson: LessonView;
  /** The learner's state before the change. */
  state: LearnerState;
  enrolmentRow: EnrolmentRow | null;
  /** The learner's progress in the published course before the change (null for a draft course). */
  before: CourseProgress | null;
  publishedCourse: CourseView | undefined;
}

/**
 * Runs `work` in one write transaction on the lesson at `target`, once the actor may record
 * progress on it: the lesson exists in the actor's view, is not a draft (a draft lesson, module
 * or course never counts), and the enrolment and locks allow it (`decideRecordAccess`).
 */
function inRecordableLesson<T>(
  db: Database,
  catalogue: Catalogue,
  actor: { id: string; role: Role },
  target: { courseId: string; moduleId: string; slug: string },
  work: (lesson: RecordableLesson) => Promise<T>,
): Promise<T | { ok: false; reason: 'not-found' | RecordRefusal }> {
  const view: CatalogueView = isStaff(actor.role) ? catalogue.preview : catalogue.published;
  const lesson = view.lesson(target.courseId, target.moduleId, target.slug);
  if (!lesson) return Promise.resolve({ ok: false, reason: 'not-found' });
  const published = catalogue.published.lesson(target.courseId, target.moduleId, target.slug) !== undefined;
  const publishedCourse = catalogue.published.course(target.courseId);
  return db.write((database) =>
    database.transaction(async (orm) => {
      const state = await loadLearnerState(orm, catalogue, actor.id);
      const enrolmentRow = state.enrolments.get(target.courseId) ?? null;
      const before = publishedCourse ? courseProgressFor(state, publishedCourse) : null;
      const decision = decideRecordAccess({
        user: actor,
        enrolment: enrolmentRow,
        progress: before,
        moduleId: target.moduleId,
        lessonDraft: !published,
      });
      if (!decision.ok) return decision;
      return work({ orm, lesson, state, enrolmentRow, before, publishedCourse });
    }),
  );
}

/**
 * Marks a lesson complete for the signed-in user (never anyone else: the user is the actor).
 * Idempotent: completing twice keeps the first completion time. Records module and course
 * completions the rules now grant, in every course the user is enrolled in.
 */
export async function completeLesson(
  db: Database,
  catalogue: Catalogue,
  actor: { id: string; role: Role },
  target: { courseId: string; moduleId: string; slug: string },
  now: number,
): Promise<CompleteLessonResult> {
  // One transaction: the lesson, the completions it earns and the kept % land together or not at all.
  return inRecordableLesson(
    db,
    catalogue,
    actor,
    target,
    async ({ orm, lesson, state, before, publishedCourse }): Promise<CompleteLessonResult> => {
      const alreadyComplete = (state.record.lessons.get(lesson.id)?.completedAt ?? null) !== null;
      if (!alreadyComplete) {
        await orm
          .insert(lessonProgress)
          .values({
            userId: actor.id,
            lessonId: lesson.id,
            firstViewedAt: new Date(now),
            lastViewedAt: new Date(now),
            completedAt: new Date(now),
          })
          .onConflictDoUpdate({
            target: [lessonProgress.userId, lessonProgress.lessonId],
            set: {
              lastViewedAt: new Date(now),
              completedAt: sql`coalesce(${lessonProgress.completedAt}, ${now})`,
            },
          });
      }
      const after = await loadLearnerState(orm, catalogue, actor.id);
      const recorded = await recordDue(orm, catalogue, after, now);
      const progress = publishedCourse ? courseProgressFor(after, publishedCourse) : before;
      if (!progress) return { ok: false, reason: 'not-found' };
      return {
        ok: true,
        alreadyComplete,
        moduleCompleted: recorded.modules.includes(target.moduleId),
        courseCompleted: recorded.courses.includes(target.courseId),
        recorded,
        progress,
      };
    },
  );
}

/** How long after completing a lesson the learner may take it back (the undo on the next page). */
export const UNDO_COMPLETION_MS = 15 * 60 * 1000;

export type UndoCompletionResult =
  { ok: true; undone: boolean } | { ok: false; reason: 'not-found' | RecordRefusal | 'kept' | 'too-late' };

/**
 * Takes back the signed-in user's completion of a lesson (the undo after "Mark as complete"):
 * the lesson is not complete again, and the kept % follows. Only within UNDO_COMPLETION_MS of
 * the completion, only where marking it complete is allowed, and never once the completion has
 * counted for more than the lesson (`kept`: its module or the course is recorded complete, which
 * lasts, as certificates may follow from it). Idempotent: a lesson not complete stays so.
 */
export async function undoLessonCompletion(
  db: Database,
  catalogue: Catalogue,
  actor: { id: string; role: Role },
  target: { courseId: string; moduleId: string; slug: string },
  now: number,
): Promise<UndoCompletionResult> {
  // One transaction: the completion and the kept % change together, or not at all.
  return inRecordableLesson(
    db,
    catalogue,
    actor,
    target,
    async ({ orm, lesson, state, enrolmentRow }): Promise<UndoCompletionResult> => {
      const completedAt = state.record.lessons.get(lesson.id)?.completedAt ?? null;
      if (completedAt === null) return { ok: true, undone: false };
      if (now - completedAt > UNDO_COMPLETION_MS) return { ok: false, reason: 'too-late' };
      if (state.record.completedModules.has(lesson.moduleId) || enrolmentRow?.completedAt != null)
        return { ok: false, reason: 'kept' };
      // The completion may sit on a row stored under an old id of the lesson.
      const storedIds = [lesson.id];
      for (const [oldId, currentId] of catalogue.aliases.lessons)
        if (currentId === lesson.id) storedIds.push(oldId);
      await orm
        .update(lessonProgress)
        .set({ completedAt: null })
        .where(and(eq(lessonProgress.userId, actor.id), inArray(lessonProgress.lessonId, storedIds)));
      await refreshProgressPercents(orm, catalogue, await loadLearnerState(orm, catalogue, actor.id));
      return { ok: true, undone: true };
    },
  );
}

/** Module and course completions recorded by one call. */
export interface DueCompletions {
  modules: string[];
  courses: string[];
}

/**
 * Records the module and course completions that a user's progress now earns, in every course
 * with an active enrolment, and returns them. Call it after anything that can complete a module
 * or a course (a passed quiz, a passed final assessment); pages call it when they see completions
 * due. What follows from a completion (an automatic certificate) is the caller's to do.
 */
export async function recordDueCompletions(
  db: Database,
  catalogue: Catalogue,
  userId: string,
  now: number,
): Promise<DueCompletions> {
  return db.write((database) =>
    database.transaction(async (orm) =>
      recordDue(orm, catalogue, await loadLearnerState(orm, catalogue, userId), now),
    ),
  );
}

async function recordDue(
  orm: Orm,
  catalogue: Catalogue,
  state: LearnerState,
  now: number,
): Promise<DueCompletions> {
  const modules = new Set<string>();
  const courses: string[] = [];
  for (const row of state.enrolments.values()) {
    if (row.status !== 'active') continue;
    const course = catalogue.published.course(row.courseId);
    if (!course) continue;
    const progress = courseProgressFor(state, course);
    for (const moduleId of progress.due.modules) modules.add(moduleId);
    if (progress.due.course) courses.push(course.id);
  }
  for (const moduleId of modules) {
    await orm
      .insert(moduleCompletion)
      .values({ userId: state.userId, moduleId, completedAt: new Date(now) })
      .onConflictDoNothing();
  }
  for (const courseId of courses) {
    await orm
      .update(enrolment)
      .set({ completedAt: new Date(now) })
      .where(
        and(
          eq(enrolment.userId, state.userId),
          eq(enrolment.courseId, courseId),
          isNull(enrolment.completedAt),
        ),
      );
  }
  // The kept % (for reports) changes with the same writes: a completed lesson or a passed quiz
  // before this call, in the same transaction. Recording a completion never changes it.
  await refreshProgressPercents(orm, catalogue, state);
  return { modules: [...modules], courses };
}

export interface ActivityItem {
  lessonId: string;
  kind: 'completed' | 'viewed';
  at: number;
}

/** The user's latest lesson activity, newest first (from an already loaded state). */
export function recentActivity(state: LearnerState, limit = 6): ActivityItem[] {
  const items: ActivityItem[] = [];
  for (const [lessonId, lesson] of state.record.lessons) {
    if (lesson.completedAt !== null) items.push({ lessonId, kind: 'completed', at: lesson.completedAt });
    if (lesson.completedAt === null || lesson.lastViewedAt > lesson.completedAt + 60_000) {
      items.push({ lessonId, kind: 'viewed', at: lesson.lastViewedAt });
    }
  }
  return items.sort((a, b) => b.at - a.at).slice(0, limit);
}
