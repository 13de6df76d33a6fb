import { and, eq, isNull, sql } from 'drizzle-orm';
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
import type { Catalogue, CatalogueView, CourseView } from '#src/lib/learning/structure.ts';
import { decideRecordAccess, type RecordRefusal } from '#src/lib/learning/access.ts';
import { isStaff } from '#src/lib/roles.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import { refreshProgressPercents } from './progress-percent.ts';

export interface EnrolmentRow extends EnrolmentState {
  id: string;
  courseId: string;
}

/** Everything the learning pages need about one user, read in one indexed query. */
export interface LearnerState {
  userId: string;
  /** Enrolments by course id, withdrawn ones included. */
  enrolments: ReadonlyMap<string, EnrolmentRow>;
  /** Rows as stored (ids not yet mapped through aliases). */
  raw: RawLearnerRecord;
  /** The same, keyed by current content ids. */
  record: LearnerRecord;
}

interface StateRow {
  kind: 'l' | 'm' | 'q' | 'e' | 'a' | 'p';
  key: string;
  a: number | null;
  b: number | null;
  c: string | null;
  d: number | null;
}

/**
 * Reads a user's enrolments, lesson progress, recorded module completions and passed quizzes
 * with one statement. Each branch walks an index whose first column is the user id. Passed
 * quizzes come from `quiz_attempt` (submitted, passed): the quiz id is the module id for a
 * module quiz and the assessment id for a final assessment. Assignment states come from
 * `assignment_submission` (one row per assignment) and attended practical sessions per course from
 * `workshop_booking` through its partial index of attended rows.
 */
export async function loadLearnerState(
  orm: Orm,
  catalogue: Pick<Catalogue, 'aliases'>,
  userId: string,
): Promise<LearnerState> {
  const rows = await orm.all<StateRow>(sql`
    SELECT 'l' AS kind, lesson_id AS key, completed_at AS a, last_viewed_at AS b, NULL AS c, NULL AS d
      FROM lesson_progress WHERE user_id = ${userId}
    UNION ALL
    SELECT 'm', module_id, completed_at, NULL, NULL, NULL FROM module_completion WHERE user_id = ${userId}
    UNION ALL
    SELECT DISTINCT 'q', quiz_id, NULL, NULL, NULL, NULL
      FROM quiz_attempt WHERE user_id = ${userId} AND status = 'submitted' AND passed = 1
    UNION ALL
    SELECT 'e', course_id, completed_at, enrolled_at, status || ' ' || id, withdrawn_at
      FROM enrolment WHERE user_id = ${userId}
    UNION ALL
    SELECT 'a', assignment_id, NULL, NULL, status, NULL FROM assignment_submission WHERE user_id = ${userId}
    UNION ALL
    SELECT 'p', s.course_id, count(*), NULL, NULL, NULL
      FROM workshop_booking b JOIN workshop_session s ON s.id = b.session_id
      WHERE b.user_id = ${userId} AND b.attendance IN ('present', 'late') GROUP BY s.course_id`);
  const lessons: RawLearnerRecord['lessons'][number][] = [];
  const modules: RawLearnerRecord['modules'][number][] = [];
  const passedQuizzes: string[] = [];
  const assignments: NonNullable<RawLearnerRecord['assignments']>[number][] = [];
  const attendance: NonNullable<RawLearnerRecord['attendance']>[number][] = [];
  const enrolments = new Map<string, EnrolmentRow>();
  for (const row of rows) {
    if (row.kind === 'l')
      lessons.push({ lessonId: row.key, completedAt: toMs(row.a), lastViewedAt: toMs(row.b) ?? 0 });
    else if (row.kind === 'm') modules.push({ moduleId: row.key, completedAt: toMs(row.a) ?? 0 });
    else if (row.kind === 'q') passedQuizzes.push(row.key);
    else if (row.kind === 'a') assignments.push({ assignmentId: row.key, status: assignmentStatus(row.c) });
    else if (row.kind === 'p') attendance.push({ courseId: row.key, sessions: Number(row.a ?? 0) });
    else {
      const [status, id] = (row.c ?? '').split(' ');
      enrolments.set(row.key, {
        id: id ?? '',
        courseId: row.key,
        status: status === 'active' ? 'active' : 'withdrawn',
        enrolledAt: toMs(row.b) ?? 0,
        withdrawnAt: toMs(row.d),
        completedAt: toMs(row.a),
      });
    }
  }
  const raw = { lessons, modules, passedQuizzes, assignments, attendance };
  return { userId, enrolments, raw, record: normaliseLearnerRecord(raw, catalogue.aliases) };
}

function assignmentStatus(value: string | null): AssignmentStatus {
  return value === 'submitted' || value === 'returned' || value === 'passed' || value === 'not-passed'
    ? value
    : 'draft';
}

function toMs(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return Number(value);
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
  let latest = 0;
  let own: number | null = null;
  for (const row of state.raw.lessons) {
    latest = Math.max(latest, row.lastViewedAt);
    if (row.lessonId === lessonId) own = row.lastViewedAt;
  }
  if (own !== null && own >= latest && now - own < VIEW_REFRESH_MS) return false;
  await db.write((orm) =>
    orm
      .insert(lessonProgress)
      .values({ userId: state.userId, lessonId, firstViewedAt: new Date(now), lastViewedAt: new Date(now) })
      .onConflictDoUpdate({
        target: [lessonProgress.userId, lessonProgress.lessonId],
        set: { lastViewedAt: new Date(now) },
      }),
  );
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
  const view: CatalogueView = isStaff(actor.role) ? catalogue.preview : catalogue.published;
  const lesson = view.lesson(target.courseId, target.moduleId, target.slug);
  if (!lesson) return { ok: false, reason: 'not-found' };
  // Drafts (a draft lesson, module or course) never count, so progress on them is not recorded.
  const published = catalogue.published.lesson(target.courseId, target.moduleId, target.slug) !== undefined;
  const publishedCourse = catalogue.published.course(target.courseId);
  // One transaction: the lesson, the completions it earns and the kept % land together or not at all.
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
    }),
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
