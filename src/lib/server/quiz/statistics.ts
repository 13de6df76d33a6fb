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
  /** Mean mark as a percentage of full marks (2 decimals); null when never drawn. */
  facility: number | null;
  /**
   * Mean share of full marks in the top 27% of the attempts that drew the question (ranked by
   * attempt percent) minus the same in the bottom 27%: -1..1, 3 decimals. Null below 4 such attempts.
   */
  discrimination: number | null;
  /** How often each option was chosen (truefalse: keys "true" and "false"); single, multiple and truefalse only. */
  optionCounts?: Record<string, number>;
}

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
  // Shares of full marks (0..1) in attempt-rank order, lowest attempt percent first.
  shares: number[];
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
  const tally: Tally = { questionId: question.id, question, shares: [] };
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

function discrimination(shares: readonly number[]): number | null {
  if (shares.length < 4) return null;
  const groupSize = Math.max(1, Math.round(shares.length * 0.27));
  const mean = (group: readonly number[]): number =>
    group.reduce((sum, value) => sum + value, 0) / group.length;
  return roundTo(mean(shares.slice(-groupSize)) - mean(shares.slice(0, groupSize)), 3);
}

function summarise(tally: Tally): QuestionStatistics {
  const { shares } = tally;
  const facility =
    shares.length > 0
      ? roundTo((shares.reduce((sum, value) => sum + value, 0) / shares.length) * 100, 2)
      : null;
  const stats: QuestionStatistics = {
    questionId: tally.questionId,
    type: tally.question.type,
    timesDrawn: shares.length,
    facility,
    discrimination: discrimination(shares),
  };
  if (tally.parentId !== undefined) stats.parentId = tally.parentId;
  if (tally.optionCounts) stats.optionCounts = Object.fromEntries(tally.optionCounts);
  return stats;
}

/**
 * Item statistics for a question bank over submitted attempts: pass rate, score bands, and per
 * question (sub-questions included) times drawn, facility, discrimination and option choices.
 * Marks come from each attempt's `results` when given, otherwise from `gradeAttempt`. Pure;
 * linear in attempts × questions plus one sort.
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
  const ranked = attempts
    .map((attempt, index) => ({ attempt, index, percent: clampPercent(attempt.percent) }))
    .sort((left, right) => left.percent - right.percent || left.index - right.index);

  for (const { attempt, percent } of ranked) {
    if (attempt.passed === true) passedCount++;
    const band = distribution[Math.min(9, Math.floor(percent / 10))];
    if (band) band.count++;
    const resolved = resolveLayout(quiz, attempt.layout);
    const answers = sanitiseAnswers(attempt.answers, attempt.layout, quiz);
    const grades = new Map<string, { points: unknown; maxPoints: unknown }>();
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
        grades.set(questionId, { points, maxPoints });
    }
    const record = (question: Question | AnswerableQuestion): void => {
      const tally = tallies.get(question.id);
      if (!tally) return;
      const grade = grades.get(question.id);
      tally.shares.push(share(grade?.points, grade?.maxPoints));
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
