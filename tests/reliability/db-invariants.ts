/**
 * What must hold in the database whenever a process stops, however abruptly: the file is sound,
 * nothing is half written (a graded attempt has its whole grade, an open one its frozen draw),
 * recorded completions follow from the rows they summarise, the % kept on each enrolment equals
 * the learning path's rule (it is written in the same transaction as the progress), certificate
 * counters match the certificates, and every write a process acknowledged is still there.
 */
import { requiredLessons, type ModuleView } from '#src/lib/learning/structure.ts';
import type { Database } from '#src/lib/server/db.ts';
import { courseProgressFor, loadLearnerState } from '#src/lib/server/learning/progress.ts';
import type { BenchContent } from '../../bench/content.ts';

async function rows(
  db: Database,
  sql: string,
  args: (string | number)[] = [],
): Promise<Record<string, unknown>[]> {
  const result = await db.client.execute({ sql, args });
  return result.rows;
}

async function listProblem(db: Database, problems: string[], what: string, sql: string): Promise<void> {
  const found = await rows(db, sql);
  if (found.length > 0) problems.push(`${what}: ${JSON.stringify(found.slice(0, 3))}`);
}

/**
 * Checks the database; returns the problems found (empty when all is well). With `userIds`, the
 * per-learner checks look at those learners only (a shared database may hold demo data built by
 * other means); the file, foreign keys and certificate counters are always checked whole.
 */
export async function checkInvariants(
  db: Database,
  content: BenchContent,
  userIds?: readonly string[],
): Promise<string[]> {
  const problems: string[] = [];
  const mine = (column: string) =>
    userIds
      ? `${column} IN (SELECT value FROM json_each('${JSON.stringify(userIds).replaceAll("'", "''")}'))`
      : '1';
  const integrity = await rows(db, 'PRAGMA integrity_check');
  const verdict = integrity.map((row) => Object.values(row)[0]).join('; ');
  if (verdict !== 'ok') problems.push(`integrity_check: ${verdict}`);
  await listProblem(db, problems, 'foreign keys broken', 'PRAGMA foreign_key_check');

  await listProblem(
    db,
    problems,
    'submitted attempts without a complete grade',
    `SELECT id FROM quiz_attempt WHERE ${mine('user_id')} AND status = 'submitted' AND (submitted_at IS NULL OR score IS NULL
       OR max_score IS NULL OR percent IS NULL OR passed IS NULL OR results IS NULL OR NOT json_valid(results))
     LIMIT 5`,
  );
  await listProblem(
    db,
    problems,
    'open attempts without a frozen draw, or with a grade',
    `SELECT id FROM quiz_attempt WHERE ${mine('user_id')} AND status = 'in-progress' AND (NOT json_valid(layout)
       OR json_type(layout) <> 'array' OR json_array_length(layout) = 0 OR NOT json_valid(answers)
       OR score IS NOT NULL OR percent IS NOT NULL OR passed IS NOT NULL OR submitted_at IS NOT NULL)
     LIMIT 5`,
  );
  await listProblem(
    db,
    problems,
    'more than one open attempt at a quiz',
    `SELECT user_id, quiz_id, count(*) AS n FROM quiz_attempt WHERE ${mine('user_id')} AND status = 'in-progress'
     GROUP BY user_id, quiz_id HAVING count(*) > 1 LIMIT 5`,
  );
  await listProblem(
    db,
    problems,
    'lesson progress with times out of order',
    `SELECT user_id, lesson_id FROM lesson_progress WHERE ${mine('user_id')} AND (last_viewed_at < first_viewed_at
       OR (completed_at IS NOT NULL AND completed_at < first_viewed_at)) LIMIT 5`,
  );

  const counters = await rows(db, `SELECT name, value FROM counter WHERE name LIKE 'certificate-serial:%'`);
  for (const counter of counters) {
    const year = String(counter.name).slice('certificate-serial:'.length);
    const [issued] = await rows(
      db,
      `SELECT count(*) AS n, coalesce(max(CAST(substr(serial, 10) AS INTEGER)), 0) AS top
       FROM certificate WHERE serial LIKE ?`,
      [`RTW-${year}-%`],
    );
    const value = Number(counter.value);
    if (Number(issued?.n) !== value || Number(issued?.top) !== value)
      problems.push(
        `serial counter ${year} is ${value}, certificates ${Number(issued?.n)}, highest serial ${Number(issued?.top)}`,
      );
  }
  await listProblem(
    db,
    problems,
    'certificates without their audit entry',
    `SELECT c.id FROM certificate c WHERE ${mine('c.user_id')} AND NOT EXISTS (SELECT 1 FROM audit_event a
       WHERE a.subject_type = 'certificate' AND a.subject_id = c.id
       AND a.action IN ('certificate-issued', 'certificate-reissued')) LIMIT 5`,
  );
  await listProblem(
    db,
    problems,
    'automatic certificates without a recorded course completion',
    `SELECT c.id FROM certificate c LEFT JOIN enrolment e ON e.user_id = c.user_id AND e.course_id = c.course_id
     WHERE ${mine('c.user_id')} AND c.issued_by IS NULL AND e.completed_at IS NULL LIMIT 5`,
  );

  problems.push(...(await checkRecordedCompletions(db, content, mine)));
  problems.push(...(await checkKeptPercents(db, content, mine)));
  return problems;
}

/** The % kept on each enrolment in a published course equals the rule over the learner's rows. */
async function checkKeptPercents(
  db: Database,
  content: BenchContent,
  mine: (column: string) => string,
): Promise<string[]> {
  const problems: string[] = [];
  const kept = await rows(
    db,
    `SELECT user_id, course_id, progress_percent FROM enrolment WHERE ${mine('user_id')} ORDER BY user_id`,
  );
  for (const row of kept) {
    const course = content.catalogue.published.course(String(row.course_id));
    if (!course) continue;
    const state = await loadLearnerState(db.orm, content.catalogue, String(row.user_id));
    const percent = courseProgressFor(state, course).percent;
    if (Number(row.progress_percent) !== percent)
      problems.push(
        `kept % of ${String(row.user_id)} in ${course.id} is ${Number(row.progress_percent)}, the rule says ${percent}`,
      );
  }
  return problems;
}

/**
 * A recorded module completion needs the module's required lessons complete and its quiz
 * passed; a recorded course completion needs every module recorded and the final assessment
 * passed. (The reverse may lag: a completion earned just before a crash is recorded later.)
 */
async function checkRecordedCompletions(
  db: Database,
  content: BenchContent,
  mine: (column: string) => string,
): Promise<string[]> {
  const problems: string[] = [];
  const modules = new Map<string, { module: ModuleView; quizCounts: boolean }>();
  for (const course of content.courses)
    for (const module of course.modules)
      modules.set(module.id, { module, quizCounts: course.rules.moduleQuizzes });
  const users = await rows(
    db,
    `SELECT user_id FROM module_completion WHERE ${mine('user_id')}
     UNION SELECT user_id FROM enrolment WHERE ${mine('user_id')} AND completed_at IS NOT NULL`,
  );
  for (const { user_id: userId } of users) {
    const state = await loadLearnerState(db.orm, content.catalogue, String(userId));
    const { record } = state;
    for (const moduleId of record.completedModules.keys()) {
      const entry = modules.get(moduleId);
      if (!entry) continue;
      const missing = requiredLessons(entry.module).filter(
        (lesson) => (record.lessons.get(lesson.id)?.completedAt ?? null) === null,
      );
      const quizMissing =
        entry.quizCounts && entry.module.quizId !== null && !record.passedQuizzes.has(entry.module.quizId);
      if (missing.length > 0 || quizMissing)
        problems.push(
          `module ${moduleId} recorded complete for ${String(userId)} without its lessons or quiz`,
        );
    }
    for (const enrolment of state.enrolments.values()) {
      if (enrolment.completedAt === null) continue;
      const course = content.catalogue.published.course(enrolment.courseId);
      if (!course) continue;
      const open = course.modules.filter((module) => !record.completedModules.has(module.id));
      const finalId = course.rules.finalAssessmentId;
      if (open.length > 0 || (finalId !== null && !record.passedQuizzes.has(finalId)))
        problems.push(
          `course ${course.id} recorded complete for ${String(userId)} with modules or the final open`,
        );
    }
  }
  return problems;
}

/** One `ok <what> <user> <key>` line from the crash worker: a write it saw succeed. */
export interface Acknowledged {
  what: string;
  userId: string;
  key: string;
}

export function parseAcknowledged(lines: readonly string[]): Acknowledged[] {
  const out: Acknowledged[] = [];
  for (const line of lines) {
    const [ok, what, userId, key] = line.split(' ');
    if (ok === 'ok' && what && userId && key) out.push({ what, userId, key });
  }
  return out;
}

/** Checks that every acknowledged write is in the database (a process crash must lose none). */
export async function checkAcknowledged(
  db: Database,
  acknowledged: readonly Acknowledged[],
): Promise<string[]> {
  const problems: string[] = [];
  const expect = async (entry: Acknowledged, sql: string, args: string[]) => {
    if ((await rows(db, sql, args)).length === 0)
      problems.push(`lost write: ${entry.what} ${entry.userId} ${entry.key}`);
  };
  for (const entry of acknowledged) {
    switch (entry.what) {
      case 'user':
        await expect(entry, 'SELECT 1 FROM user WHERE id = ?', [entry.userId]);
        break;
      case 'enrol':
        await expect(
          entry,
          `SELECT 1 FROM enrolment WHERE user_id = ? AND course_id = ? AND status = 'active'`,
          [entry.userId, entry.key],
        );
        break;
      case 'view':
        await expect(entry, 'SELECT 1 FROM lesson_progress WHERE user_id = ? AND lesson_id = ?', [
          entry.userId,
          entry.key,
        ]);
        break;
      case 'complete':
        await expect(
          entry,
          'SELECT 1 FROM lesson_progress WHERE user_id = ? AND lesson_id = ? AND completed_at IS NOT NULL',
          [entry.userId, entry.key],
        );
        break;
      case 'start':
        await expect(entry, 'SELECT 1 FROM quiz_attempt WHERE user_id = ? AND id = ?', [
          entry.userId,
          entry.key,
        ]);
        break;
      case 'save':
        await expect(
          entry,
          `SELECT 1 FROM quiz_attempt WHERE user_id = ? AND id = ? AND (saved_at IS NOT NULL OR status = 'submitted')`,
          [entry.userId, entry.key],
        );
        break;
      case 'submit':
        await expect(
          entry,
          `SELECT 1 FROM quiz_attempt WHERE user_id = ? AND id = ? AND status = 'submitted'`,
          [entry.userId, entry.key],
        );
        break;
      default:
        break;
    }
  }
  return problems;
}
