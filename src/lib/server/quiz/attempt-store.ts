/**
 * Quiz attempt rows: reading them (JSON decoded, times in ms) and closing an in-progress attempt
 * with exactly one grade. Shared by the attempt actions (quiz-attempt.ts) and the page views
 * (quiz-attempt-views.ts).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { quizAttempt } from '#db/schema.ts';
import { SUBMIT_GRACE_MS, type AttemptSummary } from '#src/lib/quiz/rules.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import {
  refreshProgressPercentsOf,
  type PercentCatalogue,
} from '#src/lib/server/learning/progress-percent.ts';
import type { Answers } from './answers.ts';
import { addMissingTokens, layoutVersion, type AttemptLayout } from './draw.ts';
import { gradeAttempt, type GradeResult, type QuestionGrade } from './grading.ts';
import type { RandomSource } from './random.ts';
import type { QuizContent } from './source.ts';

/** How an attempt ended: the learner submitted it, or the time ran out. */
export type EndedBy = 'learner' | 'time';

/** What `quiz_attempt.results` holds once an attempt is graded. */
export interface StoredResults {
  questions: QuestionGrade[];
  endedBy: EndedBy;
  /** The bank changed after the attempt started; it was graded on the questions that still exist. */
  contentChanged: boolean;
  /** Drawn question ids that no longer exist in the bank, so were not marked. */
  missingQuestionIds: string[];
}

/** One attempt row with its JSON decoded and times in ms. */
export interface AttemptRecord extends AttemptSummary {
  userId: string;
  quizId: string;
  contentVersion: string;
  layout: AttemptLayout;
  answers: Answers;
  savedAt: number | null;
  score: number | null;
  maxScore: number | null;
  results: StoredResults | null;
}

const summaryColumns = {
  id: quizAttempt.id,
  attemptNumber: quizAttempt.attemptNumber,
  status: quizAttempt.status,
  startedAt: quizAttempt.startedAt,
  deadlineAt: quizAttempt.deadlineAt,
  submittedAt: quizAttempt.submittedAt,
  percent: quizAttempt.percent,
  passed: quizAttempt.passed,
};

export const recordColumns = {
  ...summaryColumns,
  userId: quizAttempt.userId,
  quizId: quizAttempt.quizId,
  contentVersion: quizAttempt.contentVersion,
  layout: quizAttempt.layout,
  answers: quizAttempt.answers,
  savedAt: quizAttempt.savedAt,
  score: quizAttempt.score,
  maxScore: quizAttempt.maxScore,
  results: quizAttempt.results,
};

type SummaryRow = {
  id: string;
  attemptNumber: number;
  status: 'in-progress' | 'submitted';
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  percent: number | null;
  passed: boolean | null;
};

type RecordRow = SummaryRow & {
  userId: string;
  quizId: string;
  contentVersion: string;
  layout: unknown;
  answers: unknown;
  savedAt: Date | null;
  score: number | null;
  maxScore: number | null;
  results: unknown;
};

function toSummary(row: SummaryRow): AttemptSummary {
  return {
    id: row.id,
    attemptNumber: row.attemptNumber,
    status: row.status,
    startedAt: row.startedAt.getTime(),
    deadlineAt: row.deadlineAt?.getTime() ?? null,
    submittedAt: row.submittedAt?.getTime() ?? null,
    percent: row.percent,
    passed: row.passed,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function toRecord(row: RecordRow): AttemptRecord {
  const results =
    isRecord(row.results) && Array.isArray(row.results.questions)
      ? (row.results as unknown as StoredResults)
      : null;
  return {
    ...toSummary(row),
    userId: row.userId,
    quizId: row.quizId,
    contentVersion: row.contentVersion,
    layout: Array.isArray(row.layout) ? (row.layout as AttemptLayout) : [],
    answers: isRecord(row.answers) ? (row.answers as Answers) : {},
    savedAt: row.savedAt?.getTime() ?? null,
    score: row.score,
    maxScore: row.maxScore,
    results,
  };
}

/** Whether the time for an attempt has run out, grace included. */
export function isPastGrace(deadlineAt: number | null, now: number): boolean {
  return deadlineAt !== null && now > deadlineAt + SUBMIT_GRACE_MS;
}

export async function readAttempt(
  orm: Orm,
  attemptId: string,
  userId: string,
): Promise<AttemptRecord | null> {
  const [row] = await orm
    .select(recordColumns)
    .from(quizAttempt)
    .where(and(eq(quizAttempt.id, attemptId), eq(quizAttempt.userId, userId)));
  return row ? toRecord(row) : null;
}

/** The attempt and whether the user had passed this quiz before (so completions need recording). */
export async function readForSubmit(
  orm: Orm,
  attemptId: string,
  userId: string,
): Promise<{ attempt: AttemptRecord; passedBefore: boolean } | null> {
  const [row] = await orm
    .select({
      ...recordColumns,
      // Drizzle writes a column of a one-table select unqualified, which inside this subquery would
      // mean `earlier`'s own column (any learner's pass of any quiz): name the outer row in full.
      passedBefore: sql<number>`exists (select 1 from quiz_attempt as earlier where earlier.user_id = ${userId} and earlier.quiz_id = "quiz_attempt"."quiz_id" and earlier.status = 'submitted' and earlier.passed = 1)`,
    })
    .from(quizAttempt)
    .where(and(eq(quizAttempt.id, attemptId), eq(quizAttempt.userId, userId)));
  return row ? { attempt: toRecord(row), passedBefore: Number(row.passedBefore) === 1 } : null;
}

export async function readInProgress(
  orm: Orm,
  userId: string,
  quizId: string,
): Promise<AttemptRecord | null> {
  const [row] = await orm
    .select(recordColumns)
    .from(quizAttempt)
    .where(
      and(
        eq(quizAttempt.userId, userId),
        eq(quizAttempt.quizId, quizId),
        eq(quizAttempt.status, 'in-progress'),
      ),
    )
    .limit(1);
  return row ? toRecord(row) : null;
}

/** A user's attempts at one quiz, oldest first (without layouts and answers). */
export async function listAttempts(orm: Orm, userId: string, quizId: string): Promise<AttemptSummary[]> {
  const rows = await orm
    .select(summaryColumns)
    .from(quizAttempt)
    .where(and(eq(quizAttempt.userId, userId), eq(quizAttempt.quizId, quizId)))
    .orderBy(asc(quizAttempt.attemptNumber));
  return rows.map(toSummary);
}

/** The question ids an attempt drew (top-level, as the bank lists them), for preferring others next time. */
export async function readDrawnQuestionIds(orm: Orm, attemptId: string): Promise<Set<string>> {
  const [row] = await orm
    .select({ layout: quizAttempt.layout })
    .from(quizAttempt)
    .where(eq(quizAttempt.id, attemptId));
  const layout: unknown = row?.layout;
  if (!Array.isArray(layout)) return new Set();
  return new Set(
    (layout as unknown[]).flatMap((entry) => {
      const id = isRecord(entry) ? entry.questionId : undefined;
      return typeof id === 'string' ? [id] : [];
    }),
  );
}

/**
 * The layout of an in-progress attempt with tokens for every part (layout version 2): an attempt
 * started before tokens existed gets them now, once, so its pages no longer show authored ids.
 * The write is conditional on the stored layout being unchanged, so two tabs agree on one set.
 */
export async function ensureTokens(
  db: Database,
  content: QuizContent,
  attempt: AttemptRecord,
  random: RandomSource,
): Promise<AttemptLayout> {
  if (attempt.status !== 'in-progress' || layoutVersion(attempt.layout) === 2) return attempt.layout;
  const upgraded = addMissingTokens(content.quiz, attempt.layout, random);
  if (!upgraded) return attempt.layout;
  const updated = await db.write((orm) =>
    orm
      .update(quizAttempt)
      .set({ layout: upgraded })
      .where(
        and(
          eq(quizAttempt.id, attempt.id),
          eq(quizAttempt.status, 'in-progress'),
          sql`${quizAttempt.layout} = ${JSON.stringify(attempt.layout)}`,
        ),
      )
      .returning({ id: quizAttempt.id }),
  );
  if (updated.length > 0) return upgraded;
  return (await readAttempt(db.orm, attempt.id, attempt.userId))?.layout ?? attempt.layout;
}

/** Grades `answers` on the attempt's frozen layout against the current bank. */
function gradeRecord(
  content: QuizContent,
  attempt: AttemptRecord,
  answers: Answers,
  endedBy: EndedBy,
): { grade: GradeResult; results: StoredResults } {
  const grade = gradeAttempt(content.quiz, attempt.layout, answers);
  const present = new Set(content.quiz.questions.map((question) => question.id));
  const missingQuestionIds = attempt.layout.map((entry) => entry.questionId).filter((id) => !present.has(id));
  return {
    grade,
    results: {
      questions: grade.questions,
      endedBy,
      contentChanged: attempt.contentVersion !== content.version,
      missingQuestionIds,
    },
  };
}

/**
 * Grades and closes an in-progress attempt with one conditional UPDATE, so that however many
 * requests race to close it, exactly one grade is written. `expectedSavedAt` makes the update
 * fail when a save landed after `answers` were read (the caller then re-reads and retries).
 * Returns whether this call closed it.
 */
export async function closeAttempt(
  db: Database,
  content: QuizContent,
  attempt: AttemptRecord,
  answers: Answers,
  endedBy: EndedBy,
  now: number,
  /** Runs in the same transaction when this call closed the attempt with a pass. */
  onPassed?: (orm: Orm) => Promise<void>,
): Promise<{ closed: boolean; grade: GradeResult }> {
  const { grade, results } = gradeRecord(content, attempt, answers, endedBy);
  // A timed-out attempt ends at its deadline, whenever it is noticed.
  const submittedAt =
    endedBy === 'time' && attempt.deadlineAt !== null ? Math.min(now, attempt.deadlineAt) : now;
  const update = (orm: Orm) =>
    orm
      .update(quizAttempt)
      .set({
        status: 'submitted',
        answers,
        submittedAt: new Date(submittedAt),
        score: grade.score,
        maxScore: grade.maxScore,
        percent: grade.percent,
        passed: grade.passed,
        results,
      })
      .where(
        and(
          eq(quizAttempt.id, attempt.id),
          eq(quizAttempt.status, 'in-progress'),
          sql`coalesce(${quizAttempt.savedAt}, 0) = ${attempt.savedAt ?? 0}`,
        ),
      );
  if (grade.passed && onPassed) {
    // A pass with work to follow is one transaction of its own.
    const closed = await db.write((orm) =>
      orm.transaction(async (tx) => {
        const { rowsAffected } = await update(tx).run();
        if (rowsAffected > 0) await onPassed(tx);
        return rowsAffected > 0;
      }),
    );
    return { closed, grade };
  }
  // Otherwise the single UPDATE is atomic alone, and is committed together with other
  // learners' (group commit): two closes of one attempt in one group still change it once.
  const { rowsAffected } = await db.writeGrouped(update(db.orm));
  return { closed: rowsAffected > 0, grade };
}

/**
 * Closes an in-progress attempt whose time (grace included) has run out, with the answers saved
 * so far. Returns the attempt number when this call or an earlier one closed it. With the
 * catalogue, a pass refreshes the learner's kept % complete (`enrolment.progress_percent`) in the
 * closing transaction, as a submitted pass does.
 */
export async function closeIfExpired(
  db: Database,
  content: QuizContent,
  attempt: AttemptRecord,
  now: number,
  keptPercents?: PercentCatalogue,
): Promise<boolean> {
  if (attempt.status !== 'in-progress' || !isPastGrace(attempt.deadlineAt, now)) return false;
  const userId = attempt.userId;
  const onPassed = keptPercents
    ? (orm: Orm) => refreshProgressPercentsOf(orm, keptPercents, userId)
    : undefined;
  for (let tries = 0; tries < 3; tries++) {
    const { closed } = await closeAttempt(db, content, attempt, attempt.answers, 'time', now, onPassed);
    if (closed) return true;
    const fresh = await readAttempt(db.orm, attempt.id, attempt.userId);
    if (!fresh || fresh.status === 'submitted') return true;
    attempt = fresh;
  }
  return true;
}
