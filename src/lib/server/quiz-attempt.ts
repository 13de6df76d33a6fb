/**
 * Quiz attempts: start (draw and freeze), save, submit (grade on the server, exactly once),
 * time limits with a grace period, and the learner's view of their attempts. Every function
 * takes the database and the clock (`now`, ms) as parameters. Quiz content comes in as a
 * `QuizContent`; the answer key never leaves this module except inside a review that the
 * settings allow after submission.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { quizAttempt } from '../../../db/schema.ts';
import type { Catalogue } from '../course-structure.ts';
import { decideQuizEligibility, type QuizRefusal, type QuizTarget } from '../quiz-access.ts';
import {
  SUBMIT_GRACE_MS,
  effectiveTimeLimitMs,
  paginateQuestions,
  quizStanding,
  type AttemptSummary,
  type QuizStanding,
} from '../quiz-rules.ts';
import type { Database, Orm } from './db.ts';
import { newId } from './ids.ts';
import { courseProgressFor, loadLearnerState } from './progress.ts';
import { answersFromForm, sanitiseAnswers, type Answers } from './quiz/answers.ts';
import { answerableQuestions, drawAttempt, resolveLayout, type AttemptLayout, type RandomSource } from './quiz/draw.ts';
import { gradeAttempt, type GradeResult, type QuestionGrade } from './quiz/grading.ts';
import type { QuizContent } from './quiz-source.ts';
import { getTimeMultiplier } from './accommodation.ts';

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

const recordColumns = {
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

function toRecord(row: RecordRow): AttemptRecord {
  const results = isRecord(row.results) && Array.isArray(row.results.questions) ? (row.results as unknown as StoredResults) : null;
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

/** Drizzle wraps the driver's error; the SQLite constraint code is somewhere in the cause chain. */
function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const { message, code, cause } = current as { message?: unknown; code?: unknown; cause?: unknown };
    if (typeof code === 'string' && code.includes('CONSTRAINT')) return true;
    if (typeof message === 'string' && message.includes('UNIQUE constraint failed')) return true;
    current = cause;
  }
  return false;
}

function cryptoRandom(): number {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return (buffer[0] ?? 0) / 4294967296;
}

async function readAttempt(orm: Orm, attemptId: string, userId: string): Promise<AttemptRecord | null> {
  const [row] = await orm
    .select(recordColumns)
    .from(quizAttempt)
    .where(and(eq(quizAttempt.id, attemptId), eq(quizAttempt.userId, userId)));
  return row ? toRecord(row) : null;
}

/** The attempt and whether the user had passed this quiz before (so completions need recording). */
async function readForSubmit(orm: Orm, attemptId: string, userId: string): Promise<{ attempt: AttemptRecord; passedBefore: boolean } | null> {
  const [row] = await orm
    .select({
      ...recordColumns,
      passedBefore: sql<number>`exists (select 1 from quiz_attempt as earlier where earlier.user_id = ${quizAttempt.userId} and earlier.quiz_id = ${quizAttempt.quizId} and earlier.passed = 1)`,
    })
    .from(quizAttempt)
    .where(and(eq(quizAttempt.id, attemptId), eq(quizAttempt.userId, userId)));
  return row ? { attempt: toRecord(row), passedBefore: Number(row.passedBefore) === 1 } : null;
}

async function readInProgress(orm: Orm, userId: string, quizId: string): Promise<AttemptRecord | null> {
  const [row] = await orm
    .select(recordColumns)
    .from(quizAttempt)
    .where(
      and(eq(quizAttempt.userId, userId), eq(quizAttempt.quizId, quizId), eq(quizAttempt.status, 'in-progress')),
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

/** Grades `answers` on the attempt's frozen layout against the current bank. */
function gradeRecord(content: QuizContent, attempt: AttemptRecord, answers: Answers, endedBy: EndedBy): { grade: GradeResult; results: StoredResults } {
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
async function closeAttempt(
  db: Database,
  content: QuizContent,
  attempt: AttemptRecord,
  answers: Answers,
  endedBy: EndedBy,
  now: number,
): Promise<{ closed: boolean; grade: GradeResult }> {
  const { grade, results } = gradeRecord(content, attempt, answers, endedBy);
  // A timed-out attempt ends at its deadline, whenever it is noticed.
  const submittedAt = endedBy === 'time' && attempt.deadlineAt !== null ? Math.min(now, attempt.deadlineAt) : now;
  const updated = await db.write((orm) =>
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
      )
      .returning({ id: quizAttempt.id }),
  );
  return { closed: updated.length > 0, grade };
}

/**
 * Closes an in-progress attempt whose time (grace included) has run out, with the answers saved
 * so far. Returns the attempt number when this call or an earlier one closed it.
 */
async function closeIfExpired(db: Database, content: QuizContent, attempt: AttemptRecord, now: number): Promise<boolean> {
  if (attempt.status !== 'in-progress' || !isPastGrace(attempt.deadlineAt, now)) return false;
  for (let tries = 0; tries < 3; tries++) {
    const { closed } = await closeAttempt(db, content, attempt, attempt.answers, 'time', now);
    if (closed) return true;
    const fresh = await readAttempt(db.orm, attempt.id, attempt.userId);
    if (!fresh || fresh.status === 'submitted') return true;
    attempt = fresh;
  }
  return true;
}

export type StartRefusal =
  | { ok: false; reason: QuizRefusal }
  | { ok: false; reason: 'attempts-exhausted' }
  | { ok: false; reason: 'cooling-down'; nextAllowedAt: number };

export type StartResult = { ok: true; attemptId: string; attemptNumber: number; resumed: boolean } | StartRefusal;

/**
 * Starts an attempt for the signed-in user, or resumes the one in progress. A new attempt needs
 * the learning-path prerequisites (`decideQuizEligibility`), an attempt left and no cool-down
 * running; it draws the questions, freezes their order, option order and the content version,
 * and sets the deadline from the time limit and the user's time accommodation. An attempt whose
 * time ran out is closed first, with the answers it had saved.
 */
export async function startAttempt(
  db: Database,
  catalogue: Catalogue,
  actor: { id: string; role: 'learner' | 'trainer' | 'admin' },
  target: QuizTarget,
  content: QuizContent,
  now: number,
  random: RandomSource = cryptoRandom,
): Promise<StartResult> {
  for (let tries = 0; tries < 3; tries++) {
    const running = await readInProgress(db.orm, actor.id, content.id);
    if (running && !(await closeIfExpired(db, content, running, now))) {
      return { ok: true, attemptId: running.id, attemptNumber: running.attemptNumber, resumed: true };
    }
    const state = await loadLearnerState(db.orm, catalogue, actor.id);
    const view = actor.role === 'learner' ? catalogue.published : catalogue.preview;
    const published = catalogue.published.course(target.courseId);
    const eligibility = decideQuizEligibility({
      user: actor,
      course: view.course(target.courseId),
      enrolment: state.enrolments.get(target.courseId) ?? null,
      progress: published ? courseProgressFor(state, published) : null,
      target,
    });
    if (!eligibility.ok) return eligibility;
    if (eligibility.quizId !== content.id) return { ok: false, reason: 'not-found' };

    const attempts = await listAttempts(db.orm, actor.id, content.id);
    const standing = quizStanding(content.quiz.settings, attempts, now);
    if (standing.blocked === 'attempts-exhausted') return { ok: false, reason: 'attempts-exhausted' };
    if (standing.blocked === 'cooling-down' && standing.nextAllowedAt !== null) {
      return { ok: false, reason: 'cooling-down', nextAllowedAt: standing.nextAllowedAt };
    }
    const multiplier = await getTimeMultiplier(db.orm, actor.id);
    const limitMs = effectiveTimeLimitMs(content.quiz.settings.timeLimitMinutes, multiplier);
    const attemptNumber = attempts.reduce((max, attempt) => Math.max(max, attempt.attemptNumber), 0) + 1;
    const id = newId();
    const layout = drawAttempt(content.quiz, random);
    const inserted = await db.write(async (orm) => {
      // Inside the write queue nothing else of this process writes; another process may still
      // have started an attempt, which the unique (user, quiz, number) index catches.
      const [other] = await orm
        .select({ id: quizAttempt.id })
        .from(quizAttempt)
        .where(
          and(eq(quizAttempt.userId, actor.id), eq(quizAttempt.quizId, content.id), eq(quizAttempt.status, 'in-progress')),
        )
        .limit(1);
      if (other) return false;
      try {
        await orm.insert(quizAttempt).values({
          id,
          userId: actor.id,
          quizId: content.id,
          attemptNumber,
          contentVersion: content.version,
          layout,
          answers: {},
          status: 'in-progress',
          startedAt: new Date(now),
          deadlineAt: limitMs === null ? null : new Date(now + limitMs),
        });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    });
    if (inserted) return { ok: true, attemptId: id, attemptNumber, resumed: false };
  }
  throw new Error(`Could not start an attempt at quiz "${content.id}": other starts kept winning the race.`);
}

/** Answers posted by the player: a form page (or every page), or the island's JSON autosave. */
export type PostedAnswers =
  | { from: 'form'; fields: Iterable<[string, string]>; page: number | 'all' }
  | { from: 'json'; answers: unknown };

/** Ids of the answerable questions drawn on a page of the player form (`'all'`: every page). */
export function answerableIdsOnPage(content: QuizContent, layout: AttemptLayout, page: number | 'all'): string[] {
  const resolved = resolveLayout(content.quiz, layout);
  const onPage = page === 'all' ? null : new Set(paginateQuestions(resolved.map(({ question }) => question))[page] ?? []);
  return answerableQuestions(onPage ? resolved.filter(({ question }) => onPage.has(question.id)) : resolved).map(
    ({ question }) => question.id,
  );
}

/** The posted answers and the question ids they speak for (an id in scope without an answer clears it). */
function readPosted(content: QuizContent, layout: AttemptLayout, posted: PostedAnswers): { answers: Answers; scope: string[] } {
  const page = posted.from === 'json' ? 'all' : posted.page;
  const answers =
    posted.from === 'json' ? sanitiseAnswers(posted.answers, layout, content.quiz) : answersFromForm(posted.fields, layout, content.quiz);
  return { answers, scope: answerableIdsOnPage(content, layout, page) };
}

function mergeAnswers(saved: Answers, posted: { answers: Answers; scope: readonly string[] }): Answers {
  const merged: Answers = { ...saved };
  for (const id of posted.scope) {
    if (Object.hasOwn(posted.answers, id)) merged[id] = posted.answers[id] as Answers[string];
    else delete merged[id];
  }
  return merged;
}

function jsonPath(questionId: string): string {
  // Question ids are [a-z0-9-] (schema), so quoting them is enough; they are bound, never inlined.
  return `$."${questionId}"`;
}

export type SaveResult =
  | { ok: true; savedAt: number }
  | { ok: false; reason: 'not-found' | 'submitted' }
  | { ok: false; reason: 'time-up'; attemptNumber: number };

/**
 * Saves answers into the user's in-progress attempt: only the owner's, only while in progress,
 * only before the deadline plus grace. Questions in the posted scope are set or cleared with
 * json_set / json_remove on the stored value, so two tabs saving different pages never undo each
 * other. One read and one conditional write. Past the grace period the attempt is closed with
 * the answers saved before, and `time-up` is returned.
 */
export async function saveAnswers(
  db: Database,
  content: QuizContent,
  input: { userId: string; attemptId: string; posted: PostedAnswers },
  now: number,
): Promise<SaveResult> {
  const attempt = await readAttempt(db.orm, input.attemptId, input.userId);
  if (!attempt || attempt.quizId !== content.id) return { ok: false, reason: 'not-found' };
  if (attempt.status === 'submitted') return { ok: false, reason: 'submitted' };
  if (isPastGrace(attempt.deadlineAt, now)) {
    await closeIfExpired(db, content, attempt, now);
    return { ok: false, reason: 'time-up', attemptNumber: attempt.attemptNumber };
  }
  const { answers, scope } = readPosted(content, attempt.layout, input.posted);
  const removals = scope.filter((id) => !Object.hasOwn(answers, id)).map(jsonPath);
  let value = sql`${quizAttempt.answers}`;
  if (removals.length > 0) value = sql`json_remove(${value}, ${sql.join(removals.map((path) => sql`${path}`), sql`, `)})`;
  const sets = scope.filter((id) => Object.hasOwn(answers, id));
  if (sets.length > 0) {
    const pairs = sets.map((id) => sql`${jsonPath(id)}, json(${JSON.stringify(answers[id])})`);
    value = sql`json_set(${value}, ${sql.join(pairs, sql`, `)})`;
  }
  const updated = await db.write((orm) =>
    orm
      .update(quizAttempt)
      .set({ answers: value, savedAt: new Date(now) })
      .where(
        and(
          eq(quizAttempt.id, attempt.id),
          eq(quizAttempt.userId, input.userId),
          eq(quizAttempt.status, 'in-progress'),
          sql`(${quizAttempt.deadlineAt} IS NULL OR ${quizAttempt.deadlineAt} >= ${now - SUBMIT_GRACE_MS})`,
        ),
      )
      .returning({ id: quizAttempt.id }),
  );
  if (updated.length > 0) return { ok: true, savedAt: now };
  return { ok: false, reason: 'submitted' };
}

export type SubmitResult =
  | {
      ok: true;
      attemptNumber: number;
      percent: number;
      passed: boolean;
      endedBy: EndedBy;
      /** True when an earlier request (a double click, another tab) had already submitted it. */
      alreadySubmitted: boolean;
      /** This submission is the user's first pass of the quiz: module or course completion may be due. */
      firstPass: boolean;
    }
  | { ok: false; reason: 'not-found' };

function submittedResult(attempt: AttemptRecord): SubmitResult {
  return {
    ok: true,
    attemptNumber: attempt.attemptNumber,
    percent: attempt.percent ?? 0,
    passed: attempt.passed === true,
    endedBy: attempt.results?.endedBy ?? 'learner',
    alreadySubmitted: true,
    firstPass: false,
  };
}

/**
 * Submits the user's attempt: merges the posted answers (if any) into the saved ones, grades on
 * the server and closes the attempt with a conditional UPDATE … WHERE status = 'in-progress', so
 * a double submit, a replayed request, two tabs or many concurrent submits give exactly one
 * grade; the others get that grade back. After the deadline plus grace, posted answers are
 * ignored and the saved ones are graded. One read and one write in the common case.
 */
export async function submitAttempt(
  db: Database,
  content: QuizContent,
  input: { userId: string; attemptId: string; posted?: PostedAnswers },
  now: number,
): Promise<SubmitResult> {
  const found = await readForSubmit(db.orm, input.attemptId, input.userId);
  let attempt = found?.attempt ?? null;
  for (let tries = 0; attempt && tries < 3; tries++) {
    if (attempt.quizId !== content.id) return { ok: false, reason: 'not-found' };
    if (attempt.status === 'submitted') return submittedResult(attempt);
    const late = isPastGrace(attempt.deadlineAt, now);
    const answers =
      input.posted && !late ? mergeAnswers(attempt.answers, readPosted(content, attempt.layout, input.posted)) : attempt.answers;
    const endedBy: EndedBy = late ? 'time' : 'learner';
    const { closed, grade } = await closeAttempt(db, content, attempt, answers, endedBy, now);
    if (closed) {
      return {
        ok: true,
        attemptNumber: attempt.attemptNumber,
        percent: grade.percent,
        passed: grade.passed,
        endedBy,
        alreadySubmitted: false,
        firstPass: grade.passed && found?.passedBefore === false,
      };
    }
    attempt = await readAttempt(db.orm, input.attemptId, input.userId);
  }
  if (!attempt) return { ok: false, reason: 'not-found' };
  return submittedResult(attempt);
}

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
  | { kind: 'active'; attempt: ActiveAttempt }
  | { kind: 'ended'; attemptNumber: number }
  | { kind: 'none' };

/**
 * The user's in-progress attempt at a quiz, for the player. An attempt whose time (grace
 * included) ran out is closed now with its saved answers and reported as `ended`.
 */
export async function getActiveAttempt(db: Database, userId: string, content: QuizContent, now: number): Promise<ActiveAttemptLookup> {
  const attempt = await readInProgress(db.orm, userId, content.id);
  if (!attempt) return { kind: 'none' };
  if (await closeIfExpired(db, content, attempt, now)) return { kind: 'ended', attemptNumber: attempt.attemptNumber };
  const present = new Set(content.quiz.questions.map((question) => question.id));
  return {
    kind: 'active',
    attempt: {
      id: attempt.id,
      attemptNumber: attempt.attemptNumber,
      startedAt: attempt.startedAt,
      deadlineAt: attempt.deadlineAt,
      layout: attempt.layout,
      answers: sanitiseAnswers(attempt.answers, attempt.layout, content.quiz),
      savedAt: attempt.savedAt,
      contentChanged: attempt.contentVersion !== content.version,
      missingQuestions: attempt.layout.filter((entry) => !present.has(entry.questionId)).length,
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
export async function getQuizOverview(db: Database, userId: string, content: QuizContent, now: number): Promise<QuizOverview> {
  let attempts = await listAttempts(db.orm, userId, content.id);
  const running = attempts.find((attempt) => attempt.status === 'in-progress');
  if (running && isPastGrace(running.deadlineAt, now)) {
    const record = await readAttempt(db.orm, running.id, userId);
    if (record) await closeIfExpired(db, content, record, now);
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
      and(eq(quizAttempt.userId, userId), eq(quizAttempt.quizId, content.id), eq(quizAttempt.attemptNumber, attemptNumber)),
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
    missingQuestions: stored?.missingQuestionIds.length ?? record.layout.filter((entry) => !present.has(entry.questionId)).length,
    best: submitted.reduce((best, attempt) => Math.max(best, attempt.percent ?? 0), 0),
    passedAny: submitted.some((attempt) => attempt.passed === true),
  };
}

/** Every answerable question id drawn in a layout, for counting. */
export function drawnAnswerableCount(content: QuizContent, layout: AttemptLayout): number {
  return answerableQuestions(resolveLayout(content.quiz, layout)).length;
}
