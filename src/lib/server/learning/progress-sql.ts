/**
 * % complete for many learners of one course in a single SQL statement, for reports over
 * thousands of learners, where loading every learner's rows into `computeCourseProgress` (the
 * learning path's rule, in src/lib/course-progress.ts) would take seconds. This is the same rule
 * translated to SQL; tests/progress-sql.test.ts checks that both agree on random learner records.
 *
 * The rule, for a learner whose course completion is not recorded yet: items are the required
 * published lessons, the module quizzes (when the course asks for them), the module assignments
 * (passed marking counts), the final assessment and the practical sessions (one item, done when
 * enough were attended, present or late); a module recorded in module_completion counts all its
 * items as done; % = done ÷ items rounded down, and 100 only when every module is complete, the
 * final assessment is passed and the sessions attended. Stored ids count through the content
 * aliases, as `normaliseLearnerRecord` maps them.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Aliases, CourseView } from '#src/lib/learning/structure.ts';
import { requiredLessons } from '#src/lib/learning/structure.ts';
import type { Database } from '#src/lib/server/db.ts';

/** A course flattened into the tables the statement joins against. */
export interface CourseShape {
  courseId: string;
  /** [id as stored, current lesson id, module id] for every required lesson and its old ids. */
  lessons: [string, string, string][];
  /** [module id, id as stored] for every module and its old ids (module quizzes use module ids). */
  moduleIds: [string, string][];
  /** [module id, required lessons, 1 when the module quiz counts, 1 when it has an assignment] in course order. */
  modules: [string, number, number, number][];
  /** Ids as stored that mean the final assessment, or none. */
  finalIds: string[];
  /** Practical sessions the course asks the learner to attend; 0 for none. */
  practicalSessions: number;
}

function oldIds(map: ReadonlyMap<string, string>, current: string): string[] {
  const ids = [current];
  for (const [old, now] of map) if (now === current && old !== current) ids.push(old);
  return ids;
}

/** The course's structure for `percentsFor`; build once per request (it is small). */
export function courseShape(course: CourseView, aliases: Aliases): CourseShape {
  const shape: CourseShape = {
    courseId: course.id,
    lessons: [],
    moduleIds: [],
    modules: [],
    finalIds: [],
    practicalSessions: course.rules.practicalSessions,
  };
  for (const module of course.modules) {
    const required = course.rules.requiredLessons ? requiredLessons(module) : [];
    for (const lesson of required) {
      for (const stored of oldIds(aliases.lessons, lesson.id))
        shape.lessons.push([stored, lesson.id, module.id]);
    }
    for (const stored of oldIds(aliases.modules, module.id)) shape.moduleIds.push([module.id, stored]);
    const quiz = course.rules.moduleQuizzes && module.quizId ? 1 : 0;
    shape.modules.push([module.id, required.length, quiz, module.assignmentId ? 1 : 0]);
  }
  const finalId = course.rules.finalAssessmentId;
  if (finalId) shape.finalIds = oldIds(aliases.modules, finalId);
  return shape;
}

export interface SqlProgress {
  percent: number;
  itemsDone: number;
  itemsTotal: number;
}

/**
 * % complete in the shaped course for each user that `users` selects (a subquery returning one
 * `user_id` column). A recorded course completion is 100%, as it is for the learner.
 */
export async function percentsFor(
  db: Database,
  shape: CourseShape,
  users: SQL,
): Promise<Map<string, SqlProgress>> {
  const hasFinal = shape.finalIds.length > 0 ? 1 : 0;
  const practical = shape.practicalSessions;
  const hasPractical = practical > 0 ? 1 : 0;
  // Without old lesson ids every stored row is a different lesson (the primary key is user and
  // lesson), so a plain count is exact and spares SQLite a distinct-sort over every row.
  const lessonCount = shape.lessons.some(([stored, current]) => stored !== current)
    ? sql`count(DISTINCT r.lesson_id)`
    : sql`count(*)`;
  const rows = await db.orm.all<{
    userId: string;
    done: number;
    total: number;
    complete: number;
    recorded: number;
  }>(sql`
    WITH
      -- CROSS JOIN keeps the chosen learners as the outer loop: otherwise SQLite may start from the
      -- small content tables and read every learner's rows through the lesson and quiz indexes.
      req(stored_id, lesson_id, module_id) AS MATERIALIZED (
        SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(${JSON.stringify(shape.lessons)})),
      mod_ids(module_id, stored_id) AS MATERIALIZED (
        SELECT value ->> 0, value ->> 1 FROM json_each(${JSON.stringify(shape.moduleIds)})),
      mods(module_id, required, quiz, assignment) AS MATERIALIZED (
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(${JSON.stringify(shape.modules)})),
      final_ids(stored_id) AS MATERIALIZED (SELECT value FROM json_each(${JSON.stringify(shape.finalIds)})),
      target(user_id) AS MATERIALIZED (${users}),
      lessons_done AS MATERIALIZED (
        SELECT lp.user_id, r.module_id, ${lessonCount} AS n
        FROM target t CROSS JOIN lesson_progress lp ON lp.user_id = t.user_id
        JOIN req r ON r.stored_id = lp.lesson_id
        WHERE lp.completed_at IS NOT NULL
        GROUP BY lp.user_id, r.module_id),
      recorded AS MATERIALIZED (
        SELECT DISTINCT mc.user_id, m.module_id
        FROM target t CROSS JOIN module_completion mc ON mc.user_id = t.user_id
        JOIN mod_ids m ON m.stored_id = mc.module_id),
      quiz_passed AS MATERIALIZED (
        SELECT DISTINCT qa.user_id, m.module_id
        FROM target t CROSS JOIN quiz_attempt qa ON qa.user_id = t.user_id
        JOIN mod_ids m ON m.stored_id = qa.quiz_id
        WHERE qa.status = 'submitted' AND qa.passed = 1),
      assignment_passed AS MATERIALIZED (
        SELECT DISTINCT s.user_id, m.module_id
        FROM target t CROSS JOIN assignment_submission s ON s.user_id = t.user_id
        JOIN mod_ids m ON m.stored_id = s.assignment_id
        WHERE s.status = 'passed'),
      attended(user_id, n) AS MATERIALIZED (
        SELECT b.user_id, count(*)
        FROM target t CROSS JOIN workshop_booking b ON b.user_id = t.user_id
        JOIN workshop_session w ON w.id = b.session_id
        WHERE w.course_id = ${shape.courseId} AND b.attendance IN ('present', 'late')
        GROUP BY b.user_id),
      final_passed AS MATERIALIZED (
        SELECT DISTINCT qa.user_id
        FROM target t CROSS JOIN quiz_attempt qa ON qa.user_id = t.user_id
        WHERE qa.status = 'submitted' AND qa.passed = 1 AND qa.quiz_id IN (SELECT stored_id FROM final_ids)),
      per_module AS (
        SELECT t.user_id, m.required, m.quiz, m.assignment,
          (r.user_id IS NOT NULL) AS rec,
          coalesce(d.n, 0) AS lessons,
          (q.user_id IS NOT NULL) AS passed,
          (a.user_id IS NOT NULL) AS marked
        FROM target t CROSS JOIN mods m
        LEFT JOIN recorded r ON r.user_id = t.user_id AND r.module_id = m.module_id
        LEFT JOIN lessons_done d ON d.user_id = t.user_id AND d.module_id = m.module_id
        LEFT JOIN quiz_passed q ON q.user_id = t.user_id AND q.module_id = m.module_id
        LEFT JOIN assignment_passed a ON a.user_id = t.user_id AND a.module_id = m.module_id),
      per_user AS (
        SELECT user_id,
          sum(CASE WHEN rec THEN required + quiz + assignment
            ELSE lessons + (quiz AND passed) + (assignment AND marked) END) AS done,
          sum(required + quiz + assignment) AS total,
          min(rec OR (lessons = required AND (quiz = 0 OR passed) AND (assignment = 0 OR marked))) AS modules_complete,
          count(*) AS modules
        FROM per_module GROUP BY user_id)
    SELECT p.user_id AS userId,
      p.done + (${hasFinal} AND f.user_id IS NOT NULL) + (${hasPractical} AND coalesce(s.n, 0) >= ${practical}) AS done,
      p.total + ${hasFinal} + ${hasPractical} AS total,
      (p.modules > 0 AND p.total + ${hasFinal} + ${hasPractical} > 0 AND p.modules_complete
        AND (${hasFinal} = 0 OR f.user_id IS NOT NULL)
        AND (${hasPractical} = 0 OR coalesce(s.n, 0) >= ${practical})) AS complete,
      (e.completed_at IS NOT NULL) AS recorded
    FROM per_user p
    LEFT JOIN final_passed f ON f.user_id = p.user_id
    LEFT JOIN attended s ON s.user_id = p.user_id
    LEFT JOIN enrolment e ON e.user_id = p.user_id AND e.course_id = ${shape.courseId}`);
  const result = new Map<string, SqlProgress>();
  for (const row of rows) {
    const total = Number(row.total);
    if (Number(row.recorded)) {
      result.set(row.userId, { percent: 100, itemsDone: total, itemsTotal: total });
      continue;
    }
    const done = Number(row.done);
    const percent = Number(row.complete) ? 100 : total === 0 ? 0 : Math.floor((done / total) * 100);
    result.set(row.userId, { percent, itemsDone: done, itemsTotal: total });
  }
  return result;
}
