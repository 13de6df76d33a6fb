/**
 * What the quiz pages show about a learner's attempts: the running attempt for the player, the
 * landing page overview, and one submitted attempt for the result page. Reading an attempt whose
 * time (grace included) ran out closes it first, with the answers it had saved.
 */
import { and, eq } from 'drizzle-orm';
import { quizAttempt } from '#db/schema.ts';
import { quizStanding, type AttemptSummary, type QuizStanding } from '#src/lib/quiz/rules.ts';
import { getTimeMultiplier } from './accommodation.ts';
import type { Database } from '#src/lib/server/db.ts';
import type { PercentCatalogue } from '#src/lib/server/learning/progress-percent.ts';
import { sanitiseAnswers, type Answers } from './answers.ts';
import type { AttemptLayout } from './draw.ts';
import { gradeAttempt, type GradeResult } from './grading.ts';
import { cryptoRandom, type RandomSource } from './random.ts';
import {
  closeIfExpired,
  ensureTokens,
  isPastGrace,
  listAttempts,
  readAttempt,
  readInProgress,
  recordColumns,
  toRecord,
  type AttemptRecord,
  type EndedBy,
} from './attempt-store.ts';
import type { QuizContent } from './source.ts';

/** An in-progress attempt as the player needs it. */
export interface ActiveAttempt {
  id: string;
  attemptNumber: number;
  startedAt: number;
  deadlineAt: number | null;
  layout: AttemptLayout;
  answers: Answers;
  savedAt: number | null;
  /** The bank changed since the attempt started. */
  contentChanged: boolean;
  /** Drawn questions that no longer exist and will not be marked. */
  missingQuestions: number;
}

export type ActiveAttemptLookup =
  { kind: 'active'; attempt: ActiveAttempt } | { kind: 'ended'; attemptNumber: number } | { kind: 'none' };

/**
 * The user's in-progress attempt at a quiz, for the player. An attempt whose time (grace
 * included) ran out is closed now with its saved answers and reported as `ended`. An attempt
 * started before option tokens existed gets them now (`ensureTokens`).
 */
export async function getActiveAttempt(
  db: Database,
  userId: string,
  content: QuizContent,
  now: number,
  random: RandomSource = cryptoRandom,
  /** Refresh the kept % complete when closing a timed-out attempt that passed. */
  keptPercents?: PercentCatalogue,
): Promise<ActiveAttemptLookup> {
  const attempt = await readInProgress(db.orm, userId, content.id);
  if (!attempt) return { kind: 'none' };
  if (await closeIfExpired(db, content, attempt, now, keptPercents))
    return { kind: 'ended', attemptNumber: attempt.attemptNumber };
  const layout = await ensureTokens(db, content, attempt, random);
  const present = new Set(content.quiz.questions.map((question) => question.id));
  return {
    kind: 'active',
    attempt: {
      id: attempt.id,
      attemptNumber: attempt.attemptNumber,
      startedAt: attempt.startedAt,
      deadlineAt: attempt.deadlineAt,
      layout,
      answers: sanitiseAnswers(attempt.answers, layout, content.quiz),
      savedAt: attempt.savedAt,
      contentChanged: attempt.contentVersion !== content.version,
      missingQuestions: layout.filter((entry) => !present.has(entry.questionId)).length,
    },
  };
}

export interface QuizOverview {
  attempts: AttemptSummary[];
  standing: QuizStanding;
  /** The user's time accommodation: null standard, 0 no limit, otherwise a multiplier. */
  timeMultiplier: number | null;
}

/**
 * What the quiz landing page shows: the user's attempts, where they stand (attempts left,
 * cool-down, best score) and their time accommodation. Closes a timed-out attempt first.
 */
export async function getQuizOverview(
  db: Database,
  userId: string,
  content: QuizContent,
  now: number,
  /** Refresh the kept % complete when closing a timed-out attempt that passed. */
  keptPercents?: PercentCatalogue,
): Promise<QuizOverview> {
  let attempts = await listAttempts(db.orm, userId, content.id);
  const running = attempts.find((attempt) => attempt.status === 'in-progress');
  if (running && isPastGrace(running.deadlineAt, now)) {
    const record = await readAttempt(db.orm, running.id, userId);
    if (record) await closeIfExpired(db, content, record, now, keptPercents);
    attempts = await listAttempts(db.orm, userId, content.id);
  }
  return {
    attempts,
    standing: quizStanding(content.quiz.settings, attempts, now),
    timeMultiplier: await getTimeMultiplier(db.orm, userId),
  };
}

/** A submitted attempt with what the result page needs; the review is built by the caller. */
export interface SubmittedAttempt {
  record: AttemptRecord;
  grade: GradeResult;
  endedBy: EndedBy;
  contentChanged: boolean;
  missingQuestions: number;
  /** The best percent over all the user's submitted attempts: the one that counts. */
  best: number;
  passedAny: boolean;
}

/**
 * One of the user's own submitted attempts, by number (never anyone else's), with its grade as
 * stored. Null when there is no such submitted attempt.
 */
export async function getSubmittedAttempt(
  db: Database,
  userId: string,
  content: QuizContent,
  attemptNumber: number,
): Promise<SubmittedAttempt | null> {
  const [row] = await db.orm
    .select(recordColumns)
    .from(quizAttempt)
    .where(
      and(
        eq(quizAttempt.userId, userId),
        eq(quizAttempt.quizId, content.id),
        eq(quizAttempt.attemptNumber, attemptNumber),
      ),
    );
  if (!row || row.status !== 'submitted') return null;
  const record = toRecord(row);
  const stored = record.results;
  const grade: GradeResult = stored
    ? {
        score: record.score ?? 0,
        maxScore: record.maxScore ?? 0,
        percent: record.percent ?? 0,
        passed: record.passed === true,
        questions: stored.questions,
      }
    : gradeAttempt(content.quiz, record.layout, record.answers);
  const others = await listAttempts(db.orm, userId, content.id);
  const submitted = others.filter((attempt) => attempt.status === 'submitted');
  const present = new Set(content.quiz.questions.map((question) => question.id));
  return {
    record,
    grade,
    endedBy: stored?.endedBy ?? 'learner',
    contentChanged: stored?.contentChanged ?? record.contentVersion !== content.version,
    missingQuestions:
      stored?.missingQuestionIds.length ??
      record.layout.filter((entry) => !present.has(entry.questionId)).length,
    best: submitted.reduce((best, attempt) => Math.max(best, attempt.percent ?? 0), 0),
    passedAny: submitted.some((attempt) => attempt.passed === true),
  };
}
