/**
 * Question statistics for trainers: per quiz, the attempts, pass rate, score distribution and,
 * per question, difficulty (p), discrimination (point-biserial against the rest of the attempt)
 * and option choices, with the likely-bad questions flagged. Reads submitted attempts only;
 * in-progress attempts say nothing about a question yet.
 */
import { and, eq, sql } from 'drizzle-orm';
import { quizAttempt } from '#db/schema.ts';
import type { Database } from '#src/lib/server/db.ts';
import type { Answers } from './answers.ts';
import type { AttemptLayout } from './draw.ts';
import type { Question, QuestionType } from './schema.ts';
import { quizStatistics, type AttemptRecord, type QuizStatistics, type ScoreBand } from './statistics.ts';
import type { QuizContent } from './source.ts';

/** Below this many draws a question's figures are too noisy to flag. */
export const MIN_DRAWS_TO_FLAG = 10;
/** Difficulty (p) above this: nearly everyone gets it, so it tells nobody apart. */
export const EASY_P = 0.95;
/** Difficulty (p) below this: nearly nobody gets it: too hard, unclear, or a wrong key. */
export const HARD_P = 0.2;

/** `negative-discrimination`: weaker learners do better on it than stronger ones (often a wrong key). */
export type QuestionFlag = 'too-hard' | 'too-easy' | 'negative-discrimination';

export interface QuizActivity {
  attempts: number;
  passed: number;
  learners: number;
  inProgress: number;
}

/** Submitted and running attempts per quiz id, for the staff list of quizzes. */
export async function countAttemptsByQuiz(db: Database): Promise<Map<string, QuizActivity>> {
  const rows = await db.orm
    .select({
      quizId: quizAttempt.quizId,
      attempts: sql<number>`sum(case when ${quizAttempt.status} = 'submitted' then 1 else 0 end)`,
      passed: sql<number>`sum(case when ${quizAttempt.status} = 'submitted' and ${quizAttempt.passed} = 1 then 1 else 0 end)`,
      learners: sql<number>`count(distinct ${quizAttempt.userId})`,
      inProgress: sql<number>`sum(case when ${quizAttempt.status} = 'in-progress' then 1 else 0 end)`,
    })
    .from(quizAttempt)
    .groupBy(quizAttempt.quizId);
  return new Map(
    rows.map((row) => [
      row.quizId,
      {
        attempts: Number(row.attempts),
        passed: Number(row.passed),
        learners: Number(row.learners),
        inProgress: Number(row.inProgress),
      },
    ]),
  );
}

export interface OptionReport {
  id: string;
  text: string;
  correct: boolean;
  count: number;
}

export interface QuestionReport {
  questionId: string;
  parentId: string | null;
  type: QuestionType;
  competency: string | null;
  /** The prompt (or scenario text) on one line. */
  prompt: string;
  /** The same, shortened for a table cell. */
  excerpt: string;
  /** The module a final-assessment item assesses. */
  module: string | null;
  timesDrawn: number;
  /** Difficulty (p-value), 0..1. */
  difficulty: number | null;
  /** Point-biserial against the rest of the attempt, -1..1. */
  discrimination: number | null;
  /** Single, multiple and true/false questions: choices counted by authored option. */
  options: OptionReport[] | null;
  flags: QuestionFlag[];
}

export interface QuizReport {
  statistics: QuizStatistics;
  learners: number;
  /** Mean attempt percent, 1 decimal; null without attempts. */
  meanPercent: number | null;
  distribution: ScoreBand[];
  questions: QuestionReport[];
}

/** Which warnings a question's figures deserve (none before `MIN_DRAWS_TO_FLAG` draws). */
export function flagQuestion(stats: {
  timesDrawn: number;
  difficulty: number | null;
  discrimination: number | null;
}): QuestionFlag[] {
  if (stats.timesDrawn < MIN_DRAWS_TO_FLAG) return [];
  const flags: QuestionFlag[] = [];
  if (stats.difficulty !== null && stats.difficulty < HARD_P) flags.push('too-hard');
  if (stats.difficulty !== null && stats.difficulty > EASY_P) flags.push('too-easy');
  if (stats.discrimination !== null && stats.discrimination < 0) flags.push('negative-discrimination');
  return flags;
}

function excerpt(text: string, length = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1).trimEnd()}…` : flat;
}

function questionsById(
  content: QuizContent,
): Map<string, Question | Exclude<Question, { type: 'scenario' }>> {
  const map = new Map<string, Question | Exclude<Question, { type: 'scenario' }>>();
  for (const question of content.quiz.questions) {
    map.set(question.id, question);
    if (question.type === 'scenario') for (const sub of question.questions) map.set(sub.id, sub);
  }
  return map;
}

function optionsOf(
  question: Question | undefined,
  counts: Record<string, number> | undefined,
): OptionReport[] | null {
  if (!question || !counts) return null;
  if (question.type === 'single' || question.type === 'multiple') {
    return question.options.map((option) => ({
      id: option.id,
      text: option.text,
      correct: option.correct,
      count: counts[option.id] ?? 0,
    }));
  }
  if (question.type === 'truefalse') {
    return (['true', 'false'] as const).map((id) => ({
      id,
      text: id,
      correct: String(question.answer) === id,
      count: counts[id] ?? 0,
    }));
  }
  return null;
}

/** The full report for one quiz, over every submitted attempt at it. */
export async function getQuizReport(db: Database, content: QuizContent): Promise<QuizReport> {
  const rows = await db.orm
    .select({
      userId: quizAttempt.userId,
      layout: quizAttempt.layout,
      answers: quizAttempt.answers,
      percent: quizAttempt.percent,
      passed: quizAttempt.passed,
      results: quizAttempt.results,
    })
    .from(quizAttempt)
    .where(and(eq(quizAttempt.quizId, content.id), eq(quizAttempt.status, 'submitted')));
  const records: AttemptRecord[] = rows.map((row) => {
    const stored = row.results as { questions?: unknown } | null;
    const record: AttemptRecord = {
      layout: (Array.isArray(row.layout) ? row.layout : []) as AttemptLayout,
      answers: (row.answers ?? {}) as Answers,
      percent: row.percent ?? 0,
      passed: row.passed === true,
    };
    if (stored && Array.isArray(stored.questions))
      record.results = stored.questions as AttemptRecord['results'] & object;
    return record;
  });
  const statistics = quizStatistics(content.quiz, records);
  const byId = questionsById(content);
  const questions = statistics.questions.map((stats): QuestionReport => {
    const question = byId.get(stats.questionId);
    const text = question
      ? question.type === 'scenario'
        ? (question.prompt ?? question.scenario)
        : question.prompt
      : '';
    return {
      questionId: stats.questionId,
      parentId: stats.parentId ?? null,
      type: stats.type,
      competency: question?.competency ?? null,
      module: (question && 'module' in question ? question.module : undefined) ?? null,
      prompt: text.replace(/\s+/g, ' ').trim(),
      excerpt: excerpt(text),
      timesDrawn: stats.timesDrawn,
      difficulty: stats.difficulty,
      discrimination: stats.discrimination,
      options: optionsOf(question, stats.optionCounts),
      flags: flagQuestion(stats),
    };
  });
  const total = records.reduce((sum, record) => sum + record.percent, 0);
  return {
    statistics,
    learners: new Set(rows.map((row) => row.userId)).size,
    meanPercent: records.length > 0 ? Math.round((total / records.length) * 10) / 10 : null,
    distribution: statistics.distribution,
    questions,
  };
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  // A number (a negative discrimination too) is data, not a formula: keep it a number.
  if (typeof value === 'number') return String(value);
  const text = value;
  // A leading = + - @ would run as a formula in a spreadsheet: prefix it with a quote.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV columns: the page's columns plus ids and the full prompt. */
export const CSV_HEADER = [
  'question_id',
  'scenario_id',
  'type',
  'competency',
  'module',
  'times_drawn',
  'difficulty_p',
  'discrimination',
  'option_choices',
  'flags',
  'prompt',
];

/**
 * The report as CSV lines (header first), one question per line, for streaming. Option choices
 * read `id=count` per authored option, the right ones starred: `a*=12 b=3 c=0`.
 */
export function* quizReportCsvLines(report: QuizReport): Generator<string> {
  yield CSV_HEADER.join(',') + '\r\n';
  for (const question of report.questions) {
    const choices =
      question.options
        ?.map((option) => `${option.id}${option.correct ? '*' : ''}=${option.count}`)
        .join(' ') ?? '';
    yield (
      [
        question.questionId,
        question.parentId,
        question.type,
        question.competency,
        question.module,
        question.timesDrawn,
        question.difficulty,
        question.discrimination,
        choices,
        question.flags.join(' '),
        question.prompt,
      ]
        .map(csvCell)
        .join(',') + '\r\n'
    );
  }
}
