/**
 * Attempt rules that pages, the player island and the server share. Pure and isomorphic: no
 * answer keys here, only time, limits and the shape of the player's pages and form fields.
 */
import type { PlayerAnswer, PlayerAnswers, PublicAnswerable, PublicQuestion } from './types.ts';

/**
 * A save or submit that arrives up to this long after the deadline still counts: it covers the
 * time a request takes on a slow phone connection, not extra working time.
 */
export const SUBMIT_GRACE_MS = 30_000;

/** Top-level questions per page in the form that works without JavaScript. */
export const QUESTIONS_PER_PAGE = 5;

/** Time multipliers a trainer can choose; `0` means no time limit, `null` standard time. */
export const ACCOMMODATION_CHOICES = [null, 1.25, 1.5, 2, 0] as const;
export type TimeMultiplier = (typeof ACCOMMODATION_CHOICES)[number];

/** Whether `value` is one of the accommodation choices (for form input). */
export function parseTimeMultiplier(value: string): { ok: true; value: TimeMultiplier } | { ok: false } {
  if (value === 'standard' || value === '') return { ok: true, value: null };
  const number = Number(value);
  const match = ACCOMMODATION_CHOICES.find((choice) => choice !== null && choice === number);
  return match === undefined ? { ok: false } : { ok: true, value: match };
}

/**
 * The time a learner gets, in ms, or null for no limit: the quiz's `timeLimitMinutes` (0 = no
 * limit) times their accommodation (null = standard, 0 = no limit, otherwise a multiplier).
 */
export function effectiveTimeLimitMs(timeLimitMinutes: number, multiplier: number | null): number | null {
  if (!(timeLimitMinutes > 0)) return null;
  if (multiplier === 0) return null;
  const factor = multiplier !== null && multiplier > 0 ? multiplier : 1;
  return Math.round(timeLimitMinutes * factor * 60_000);
}

/** A submitted or running attempt, as the landing page and the start rules need it. */
export interface AttemptSummary {
  id: string;
  attemptNumber: number;
  status: 'in-progress' | 'submitted';
  startedAt: number;
  deadlineAt: number | null;
  submittedAt: number | null;
  percent: number | null;
  passed: boolean | null;
}

export interface QuizStanding {
  /** Submitted attempts. */
  used: number;
  /** Attempts left, or null when unlimited. */
  left: number | null;
  /** The highest percent of any submitted attempt: the one that counts. */
  best: number | null;
  passed: boolean;
  inProgress: AttemptSummary | null;
  /** When a new attempt may start, if a cool-down is running. */
  nextAllowedAt: number | null;
  /** Why a new attempt cannot start now (a running attempt can always be resumed). */
  blocked: 'attempts-exhausted' | 'cooling-down' | null;
}

/**
 * Where a learner stands on one quiz: attempts used and left, the best score (the highest
 * attempt counts), a running attempt, and whether the limit or the cool-down stops a new start.
 */
export function quizStanding(
  settings: { attemptsAllowed: number; cooldownMinutes: number },
  attempts: readonly AttemptSummary[],
  now: number,
): QuizStanding {
  const submitted = attempts.filter((attempt) => attempt.status === 'submitted');
  const inProgress = attempts.find((attempt) => attempt.status === 'in-progress') ?? null;
  const used = submitted.length;
  const left = settings.attemptsAllowed > 0 ? Math.max(0, settings.attemptsAllowed - used) : null;
  let best: number | null = null;
  let lastEnded = 0;
  for (const attempt of submitted) {
    if (attempt.percent !== null && (best === null || attempt.percent > best)) best = attempt.percent;
    lastEnded = Math.max(lastEnded, attempt.submittedAt ?? attempt.startedAt);
  }
  const cooldownMs = Math.max(0, settings.cooldownMinutes) * 60_000;
  const coolUntil = used > 0 && cooldownMs > 0 ? lastEnded + cooldownMs : null;
  const cooling = coolUntil !== null && now < coolUntil;
  const blocked = left === 0 ? 'attempts-exhausted' : cooling ? 'cooling-down' : null;
  return {
    used,
    left,
    best,
    passed: submitted.some((attempt) => attempt.passed === true),
    inProgress,
    nextAllowedAt: blocked === 'cooling-down' ? coolUntil : null,
    blocked,
  };
}

/** The answerable questions inside a drawn question: itself, or a scenario's sub-questions. */
export function answerablesOf(question: PublicQuestion): PublicAnswerable[] {
  return question.type === 'scenario' ? question.questions : [question];
}

/** Top-level question ids split into pages of `perPage`; a scenario always stays on one page. */
export function paginateQuestions(
  questions: ReadonlyArray<{ id: string }>,
  perPage: number = QUESTIONS_PER_PAGE,
): string[][] {
  const size = Math.max(1, Math.trunc(perPage));
  const pages: string[][] = [];
  for (let start = 0; start < questions.length; start += size) {
    pages.push(questions.slice(start, start + size).map((question) => question.id));
  }
  return pages.length > 0 ? pages : [[]];
}

/** Whether a saved value is an answer (an empty list or mapping is not). */
export function isAnswered(answer: PlayerAnswer | undefined): boolean {
  if (answer === undefined) return false;
  if (typeof answer === 'string') return answer !== '';
  if (Array.isArray(answer)) return answer.length > 0;
  return Object.keys(answer).length > 0;
}

/** Whether every part of a question has an answer (a scenario is answered once all its parts are). */
export function isQuestionAnswered(question: PublicQuestion, answers: PlayerAnswers): boolean {
  return answerablesOf(question).every((answerable) =>
    isAnswered(Object.hasOwn(answers, answerable.id) ? answers[answerable.id] : undefined),
  );
}

/**
 * Answered and total questions of a drawn set, counted as the learner sees them numbered
 * ("Question 3 of 10"): a scenario is one question, answered once every part is.
 */
export function countAnswered(
  questions: readonly PublicQuestion[],
  answers: PlayerAnswers,
): { answered: number; total: number } {
  const answered = questions.filter((question) => isQuestionAnswered(question, answers)).length;
  return { answered, total: questions.length };
}

/**
 * Form fields for one answer, named as the server reads them (`answersFromForm`):
 * `q:<id>` for a choice, `q:<id>:pos:<item>` for an ordering position (with `q:<id>:ordered`, the
 * learner's word that the order is theirs), `q:<id>:match:<premise>`.
 */
export function answerFields(
  question: PublicAnswerable,
  answer: PlayerAnswer | undefined,
): [string, string][] {
  if (answer === undefined) return [];
  const name = `q:${question.id}`;
  switch (question.type) {
    case 'single':
    case 'truefalse':
      return typeof answer === 'string' ? [[name, answer]] : [];
    case 'multiple':
      return Array.isArray(answer) ? answer.map((id): [string, string] => [name, id]) : [];
    case 'ordering':
      // An ordering answer exists only once the learner gave it: say so, as the form's box does.
      return Array.isArray(answer) && answer.length > 0
        ? [
            ...answer.map((id, index): [string, string] => [`${name}:pos:${id}`, String(index + 1)]),
            [`${name}:ordered`, '1'],
          ]
        : [];
    case 'matching':
      return typeof answer === 'object' && !Array.isArray(answer)
        ? Object.entries(answer).map(([premise, response]): [string, string] => [
            `${name}:match:${premise}`,
            response,
          ])
        : [];
  }
}

/** The item order an ordering question shows: the saved answer, else the frozen shuffled order. */
export function orderingShown(
  question: Extract<PublicAnswerable, { type: 'ordering' }>,
  answer: PlayerAnswer | undefined,
): string[] {
  const ids = question.items.map((item) => item.id);
  if (!Array.isArray(answer)) return ids;
  const known = answer.filter((id, index) => ids.includes(id) && answer.indexOf(id) === index);
  return [...known, ...ids.filter((id) => !known.includes(id))];
}
