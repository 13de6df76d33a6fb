/**
 * The learning engineer's `loadLearnerState` for many learners at once, so that admin lists and
 * reports show the same % complete as the learner's own dashboard (computed by
 * `courseProgressFor`) without one query per learner.
 */
import { sql } from 'drizzle-orm';
import { normaliseLearnerRecord, type RawLearnerRecord } from '#src/lib/learning/progress.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import type { Orm } from '#src/lib/server/db.ts';
import type { EnrolmentRow, LearnerState } from './progress.ts';

interface StateRow {
  userId: string;
  kind: 'l' | 'm' | 'q' | 'e' | 'a' | 'p';
  key: string;
  a: number | null;
  b: number | null;
  c: string | null;
  d: number | null;
}

/** Users per statement: four IN lists of this size stay far below SQLite's variable limit. */
const CHUNK = 500;

function toMs(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return Number(value);
}

/**
 * Loads the learner state of each user (enrolments, lesson progress, module completions, passed
 * quizzes), one statement per 500 users. Users with no rows get an empty state.
 */
export async function loadLearnerStates(
  orm: Orm,
  catalogue: Pick<Catalogue, 'aliases'>,
  userIds: Iterable<string>,
): Promise<Map<string, LearnerState>> {
  const unique = [...new Set(userIds)];
  const raw = new Map<
    string,
    {
      lessons: RawLearnerRecord['lessons'][number][];
      modules: RawLearnerRecord['modules'][number][];
      passedQuizzes: string[];
      assignments: NonNullable<RawLearnerRecord['assignments']>[number][];
      attendance: NonNullable<RawLearnerRecord['attendance']>[number][];
      enrolments: Map<string, EnrolmentRow>;
    }
  >();
  for (const id of unique)
    raw.set(id, {
      lessons: [],
      modules: [],
      passedQuizzes: [],
      assignments: [],
      attendance: [],
      enrolments: new Map(),
    });

  for (let start = 0; start < unique.length; start += CHUNK) {
    const ids = sql.join(
      unique.slice(start, start + CHUNK).map((id) => sql`${id}`),
      sql`, `,
    );
    const rows = await orm.all<StateRow>(sql`
      SELECT user_id AS userId, 'l' AS kind, lesson_id AS key, completed_at AS a, last_viewed_at AS b, NULL AS c, NULL AS d
        FROM lesson_progress WHERE user_id IN (${ids})
      UNION ALL
      SELECT user_id, 'm', module_id, completed_at, NULL, NULL, NULL FROM module_completion WHERE user_id IN (${ids})
      UNION ALL
      SELECT DISTINCT user_id, 'q', quiz_id, NULL, NULL, NULL, NULL
        FROM quiz_attempt WHERE user_id IN (${ids}) AND status = 'submitted' AND passed = 1
      UNION ALL
      SELECT user_id, 'e', course_id, completed_at, enrolled_at, status || ' ' || id, withdrawn_at
        FROM enrolment WHERE user_id IN (${ids})
      UNION ALL
      SELECT user_id, 'a', assignment_id, NULL, NULL, status, NULL FROM assignment_submission WHERE user_id IN (${ids})
      UNION ALL
      SELECT b.user_id, 'p', s.course_id, count(*), NULL, NULL, NULL
        FROM workshop_booking b JOIN workshop_session s ON s.id = b.session_id
        WHERE b.user_id IN (${ids}) AND b.attendance IN ('present', 'late') GROUP BY b.user_id, s.course_id`);
    for (const row of rows) {
      const entry = raw.get(row.userId);
      if (!entry) continue;
      if (row.kind === 'l') {
        entry.lessons.push({ lessonId: row.key, completedAt: toMs(row.a), lastViewedAt: toMs(row.b) ?? 0 });
      } else if (row.kind === 'm') {
        entry.modules.push({ moduleId: row.key, completedAt: toMs(row.a) ?? 0 });
      } else if (row.kind === 'q') {
        entry.passedQuizzes.push(row.key);
      } else if (row.kind === 'a') {
        const status = row.c;
        entry.assignments.push({
          assignmentId: row.key,
          status:
            status === 'submitted' || status === 'returned' || status === 'passed' || status === 'not-passed'
              ? status
              : 'draft',
        });
      } else if (row.kind === 'p') {
        entry.attendance.push({ courseId: row.key, sessions: Number(row.a ?? 0) });
      } else {
        const [status, id] = (row.c ?? '').split(' ');
        entry.enrolments.set(row.key, {
          id: id ?? '',
          courseId: row.key,
          status: status === 'active' ? 'active' : 'withdrawn',
          enrolledAt: toMs(row.b) ?? 0,
          withdrawnAt: toMs(row.d),
          completedAt: toMs(row.a),
        });
      }
    }
  }

  const states = new Map<string, LearnerState>();
  for (const [userId, entry] of raw) {
    const record = {
      lessons: entry.lessons,
      modules: entry.modules,
      passedQuizzes: entry.passedQuizzes,
      assignments: entry.assignments,
      attendance: entry.attendance,
    };
    states.set(userId, {
      userId,
      enrolments: entry.enrolments,
      raw: record,
      record: normaliseLearnerRecord(record, catalogue.aliases),
      scope: null,
      latestViewAt: entry.lessons.reduce((latest, row) => Math.max(latest, row.lastViewedAt), 0),
    });
  }
  return states;
}
