/**
 * Quiz attempts: start (draw and freeze), save, submit (grade on the server, exactly once),
 * with time limits and a grace period. Every function takes the database and the clock (`now`,
 * ms) as parameters. Quiz content comes in as a `QuizContent`; nothing here returns any part of
 * the answer key.
 */
import { and, eq, sql } from 'drizzle-orm';
import { quizAttempt } from '#db/schema.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import { isStaff, type Role } from '#src/lib/roles.ts';
import { decideQuizEligibility, type QuizRefusal, type QuizTarget } from '#src/lib/quiz/access.ts';
import {
  SUBMIT_GRACE_MS,
  effectiveTimeLimitMs,
  paginateQuestions,
  quizStanding,
} from '#src/lib/quiz/rules.ts';
import { getTimeMultiplier } from './accommodation.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import type { PercentCatalogue } from '#src/lib/server/learning/progress-percent.ts';
import { newId } from '#src/lib/server/ids.ts';
import { courseProgressFor, loadLearnerState } from '#src/lib/server/learning/progress.ts';
import { answersFromForm, answersFromPublic, type Answers } from './answers.ts';
import { answerableQuestions, drawAttempt, resolveLayout, type AttemptLayout } from './draw.ts';
import { cryptoRandom, type RandomSource } from './random.ts';
import {
  closeAttempt,
  closeIfExpired,
  isPastGrace,
  listAttempts,
  readAttempt,
  readDrawnQuestionIds,
  readForSubmit,
  readInProgress,
  type AttemptRecord,
  type EndedBy,
} from './attempt-store.ts';
import type { QuizContent } from './source.ts';

export type { EndedBy, StoredResults } from './attempt-store.ts';

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

export type StartRefusal =
  | { ok: false; reason: QuizRefusal }
  | { ok: false; reason: 'attempts-exhausted' }
  | { ok: false; reason: 'cooling-down'; nextAllowedAt: number };

export type StartResult =
  { ok: true; attemptId: string; attemptNumber: number; resumed: boolean } | StartRefusal;

/**
 * Starts an attempt for the signed-in user, or resumes the one in progress. A new attempt needs
 * the learning-path prerequisites (`decideQuizEligibility`), an attempt left and no cool-down
 * running; it draws the questions (preferring ones the previous attempt did not show), freezes
 * their order, option order, opaque option tokens and the content version, and sets the deadline
 * from the time limit and the user's time accommodation. An attempt whose time ran out is closed
 * first, with the answers it had saved.
 */
export async function startAttempt(
  db: Database,
  catalogue: Catalogue,
  actor: { id: string; role: Role },
  target: QuizTarget,
  content: QuizContent,
  now: number,
  random: RandomSource = cryptoRandom,
): Promise<StartResult> {
  for (let tries = 0; tries < 3; tries++) {
    const running = await readInProgress(db.orm, actor.id, content.id);
    if (running && !(await closeIfExpired(db, content, running, now, catalogue))) {
      return { ok: true, attemptId: running.id, attemptNumber: running.attemptNumber, resumed: true };
    }
    const state = await loadLearnerState(db.orm, catalogue, actor.id);
    // Drafts are for staff: a learner or an employer manager takes the published quiz.
    const view = isStaff(actor.role) ? catalogue.preview : catalogue.published;
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
    const previous = attempts.findLast((attempt) => attempt.status === 'submitted');
    const avoid = previous ? await readDrawnQuestionIds(db.orm, previous.id) : new Set<string>();
    const layout = drawAttempt(content.quiz, random, { avoid });
    const inserted = await db.write(async (orm) => {
      // Inside the write queue nothing else of this process writes; another process may still
      // have started an attempt, which the unique (user, quiz, number) index catches.
      const [other] = await orm
        .select({ id: quizAttempt.id })
        .from(quizAttempt)
        .where(
          and(
            eq(quizAttempt.userId, actor.id),
            eq(quizAttempt.quizId, content.id),
            eq(quizAttempt.status, 'in-progress'),
          ),
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
function answerableIdsOnPage(content: QuizContent, layout: AttemptLayout, page: number | 'all'): string[] {
  const resolved = resolveLayout(content.quiz, layout);
  const onPage =
    page === 'all' ? null : new Set(paginateQuestions(resolved.map(({ question }) => question))[page] ?? []);
  return answerableQuestions(
    onPage ? resolved.filter(({ question }) => onPage.has(question.id)) : resolved,
  ).map(({ question }) => question.id);
}

/** The posted answers and the question ids they speak for (an id in scope without an answer clears it). */
function readPosted(
  content: QuizContent,
  layout: AttemptLayout,
  posted: PostedAnswers,
): { answers: Answers; scope: string[] } {
  const page = posted.from === 'json' ? 'all' : posted.page;
  const answers =
    posted.from === 'json'
      ? answersFromPublic(posted.answers, layout, content.quiz)
      : answersFromForm(posted.fields, layout, content.quiz);
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
  /** Refresh the kept % complete when closing a timed-out attempt that passed. */
  keptPercents?: PercentCatalogue,
): Promise<SaveResult> {
  const attempt = await readAttempt(db.orm, input.attemptId, input.userId);
  if (!attempt || attempt.quizId !== content.id) return { ok: false, reason: 'not-found' };
  if (attempt.status === 'submitted') return { ok: false, reason: 'submitted' };
  if (isPastGrace(attempt.deadlineAt, now)) {
    await closeIfExpired(db, content, attempt, now, keptPercents);
    return { ok: false, reason: 'time-up', attemptNumber: attempt.attemptNumber };
  }
  const { answers, scope } = readPosted(content, attempt.layout, input.posted);
  const removals = scope.filter((id) => !Object.hasOwn(answers, id)).map(jsonPath);
  let value = sql`${quizAttempt.answers}`;
  if (removals.length > 0)
    value = sql`json_remove(${value}, ${sql.join(
      removals.map((path) => sql`${path}`),
      sql`, `,
    )})`;
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
  /** Runs in the closing transaction when this submission is the user's first pass of the quiz. */
  onFirstPass?: (orm: Orm) => Promise<void>,
): Promise<SubmitResult> {
  const found = await readForSubmit(db.orm, input.attemptId, input.userId);
  let attempt = found?.attempt ?? null;
  for (let tries = 0; attempt && tries < 3; tries++) {
    if (attempt.quizId !== content.id) return { ok: false, reason: 'not-found' };
    if (attempt.status === 'submitted') return submittedResult(attempt);
    const late = isPastGrace(attempt.deadlineAt, now);
    const answers =
      input.posted && !late
        ? mergeAnswers(attempt.answers, readPosted(content, attempt.layout, input.posted))
        : attempt.answers;
    const endedBy: EndedBy = late ? 'time' : 'learner';
    const { closed, grade } = await closeAttempt(
      db,
      content,
      attempt,
      answers,
      endedBy,
      now,
      found?.passedBefore === false ? onFirstPass : undefined,
    );
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
