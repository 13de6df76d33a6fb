import { sanitiseAnswers, type Answers } from './answers.ts';
import { answerableQuestions, resolveLayout, type AttemptLayout } from './draw.ts';
import { gradeAttempt, type QuestionGrade } from './grading.ts';
import type { AnswerableQuestion, Question, QuestionType, Quiz } from './schema.ts';

/** One submitted attempt. `results` (from `gradeAttempt`) saves re-marking when it was stored. */
export interface AttemptRecord {
  layout: AttemptLayout;
  answers: Answers;
  percent: number;
  passed: boolean;
  results?: ReadonlyArray<Pick<QuestionGrade, 'questionId' | 'points' | 'maxPoints'>>;
}

export interface QuestionStatistics {
  questionId: string;
  /** The scenario a sub-question belongs to. */
  parentId?: string;
  type: QuestionType;
  timesDrawn: number;
  /**
   * Difficulty (p-value): the mean mark as a share of full marks, 0..1 (3 decimals). High p is an
   * easy question. Null when never drawn.
   */
  difficulty: number | null;
  /**
   * Discrimination: the point-biserial (Pearson) correlation, -1..1 (3 decimals), between the
   * share of marks on the question and the percent scored on the rest of the same attempt.
   * Null below `MIN_DRAWS_FOR_DISCRIMINATION` draws or when either side never varies.
   */
  discrimination: number | null;
  /** How often each option was chosen, by authored id (truefalse: "true" and "false"); single, multiple and truefalse only. */
  optionCounts?: Record<string, number>;
}

/** Below this many draws a correlation means nothing. */
export const MIN_DRAWS_FOR_DISCRIMINATION = 5;

export interface ScoreBand {
  /** Inclusive lower bound, in percent. */
  from: number;
  /** Exclusive upper bound, except the last band, which includes 100. */
  to: number;
  count: number;
}

export interface QuizStatistics {
  attempts: number;
  /** Percent of attempts passed, 2 decimals; null when there are no attempts. */
  passRate: number | null;
  /** Ten bands of attempt percent: 0–10, 10–20, … 90–100. */
  distribution: ScoreBand[];
  /** Every question of the bank in bank order, each scenario followed by its sub-questions. */
  questions: QuestionStatistics[];
}

interface Tally {
  questionId: string;
  parentId?: string;
  question: Question;
  /** Share of full marks (0..1) and percent on the rest of the attempt, per draw. */
  draws: { share: number; rest: number | null }[];
  optionCounts?: Map<string, number>;
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function share(points: unknown, maxPoints: unknown): number {
  if (typeof points !== 'number' || typeof maxPoints !== 'number' || !(maxPoints > 0)) return 0;
  const value = points / maxPoints;
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0;
}

function clampPercent(percent: unknown): number {
  return typeof percent === 'number' && Number.isFinite(percent) ? Math.min(Math.max(percent, 0), 100) : 0;
}

function newTally(question: Question, parentId?: string): Tally {
  const tally: Tally = { questionId: question.id, question, draws: [] };
  if (parentId !== undefined) tally.parentId = parentId;
  if (question.type === 'single' || question.type === 'multiple') {
    tally.optionCounts = new Map(question.options.map((option) => [option.id, 0]));
  } else if (question.type === 'truefalse') {
    tally.optionCounts = new Map([
      ['true', 0],
      ['false', 0],
    ]);
  }
  return tally;
}

function countChoices(tally: Tally, answer: unknown): void {
  const counts = tally.optionCounts;
  if (!counts) return;
  const chosen: unknown[] = typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer : [];
  for (const id of chosen) {
    if (typeof id !== 'string') continue;
    const count = counts.get(id);
    if (count !== undefined) counts.set(id, count + 1);
  }
}

/** Pearson's r of the pairs, or null when too few or when either side is constant. */
function pointBiserial(pairs: ReadonlyArray<{ share: number; rest: number | null }>): number | null {
  const usable = pairs.filter((pair): pair is { share: number; rest: number } => pair.rest !== null);
  const n = usable.length;
  if (n < MIN_DRAWS_FOR_DISCRIMINATION) return null;
  let sx = 0;
  let sy = 0;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const { share: x, rest: y } of usable) {
    sx += x;
    sy += y;
    sxy += x * y;
    sxx += x * x;
    syy += y * y;
  }
  const varianceX = n * sxx - sx * sx;
  const varianceY = n * syy - sy * sy;
  // Rounding can leave a tiny positive variance on constant data: treat it as none.
  if (varianceX <= 1e-9 * n * n || varianceY <= 1e-9 * n * n) return null;
  const r = (n * sxy - sx * sy) / Math.sqrt(varianceX * varianceY);
  return roundTo(Math.min(Math.max(r, -1), 1), 3);
}

function summarise(tally: Tally): QuestionStatistics {
  const { draws } = tally;
  const difficulty =
    draws.length > 0 ? roundTo(draws.reduce((sum, draw) => sum + draw.share, 0) / draws.length, 3) : null;
  const stats: QuestionStatistics = {
    questionId: tally.questionId,
    type: tally.question.type,
    timesDrawn: draws.length,
    difficulty,
    discrimination: pointBiserial(draws),
  };
  if (tally.parentId !== undefined) stats.parentId = tally.parentId;
  if (tally.optionCounts) stats.optionCounts = Object.fromEntries(tally.optionCounts);
  return stats;
}

/**
 * Item statistics for a question bank over submitted attempts: pass rate, score bands, and per
 * question (sub-questions included) times drawn, difficulty (p), discrimination (point-biserial
 * against the rest of the attempt) and option choices by authored id. Marks come from each
 * attempt's `results` when given, otherwise from `gradeAttempt`. Pure; linear in attempts ×
 * questions.
 */
export function quizStatistics(quiz: Quiz, attempts: readonly AttemptRecord[]): QuizStatistics {
  const tallies = new Map<string, Tally>();
  for (const question of quiz.questions) {
    tallies.set(question.id, newTally(question));
    if (question.type === 'scenario') {
      for (const sub of question.questions) tallies.set(sub.id, newTally(sub, question.id));
    }
  }
  const distribution: ScoreBand[] = Array.from({ length: 10 }, (_, band) => ({
    from: band * 10,
    to: band * 10 + 10,
    count: 0,
  }));
  let passedCount = 0;

  for (const attempt of attempts) {
    const percent = clampPercent(attempt.percent);
    if (attempt.passed === true) passedCount++;
    const band = distribution[Math.min(9, Math.floor(percent / 10))];
    if (band) band.count++;
    const resolved = resolveLayout(quiz, attempt.layout);
    const answers = sanitiseAnswers(attempt.answers, attempt.layout, quiz);
    const grades = new Map<string, { points: number; maxPoints: number }>();
    const results: unknown[] = Array.isArray(attempt.results)
      ? attempt.results
      : gradeAttempt(quiz, attempt.layout, answers).questions;
    for (const result of results) {
      if (!result || typeof result !== 'object') continue;
      const { questionId, points, maxPoints } = result as {
        questionId?: unknown;
        points?: unknown;
        maxPoints?: unknown;
      };
      if (typeof questionId === 'string' && !grades.has(questionId))
        grades.set(questionId, {
          points: typeof points === 'number' && Number.isFinite(points) ? points : 0,
          maxPoints: typeof maxPoints === 'number' && Number.isFinite(maxPoints) ? maxPoints : 0,
        });
    }
    // The attempt's total over the questions still in the bank, so "the rest" is comparable.
    let total = 0;
    let totalMax = 0;
    for (const { question } of resolved) {
      total += grades.get(question.id)?.points ?? 0;
      totalMax += grades.get(question.id)?.maxPoints ?? 0;
    }
    const record = (question: Question | AnswerableQuestion): void => {
      const tally = tallies.get(question.id);
      if (!tally) return;
      const grade = grades.get(question.id);
      const restMax = totalMax - (grade?.maxPoints ?? 0);
      const rest = restMax > 0 ? ((total - (grade?.points ?? 0)) / restMax) * 100 : null;
      tally.draws.push({ share: share(grade?.points, grade?.maxPoints), rest });
      countChoices(tally, Object.hasOwn(answers, question.id) ? answers[question.id] : undefined);
    };
    for (const { question } of resolved) if (question.type === 'scenario') record(question);
    for (const { question } of answerableQuestions(resolved)) record(question);
  }

  return {
    attempts: attempts.length,
    passRate: attempts.length > 0 ? roundTo((passedCount / attempts.length) * 100, 2) : null,
    distribution,
    questions: [...tallies.values()].map(summarise),
  };
}
