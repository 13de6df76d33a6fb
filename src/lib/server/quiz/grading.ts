import { normaliseAnswer, sanitiseAnswers, type AnswerValue, type Answers } from './answers.ts';
import { resolveLayout, type AttemptLayout } from './draw.ts';
import type { AnswerableQuestion, Quiz } from './schema.ts';

/** The mark for one question. A sub-question carries its scenario's id in `parentId`. */
export interface QuestionGrade {
  questionId: string;
  parentId?: string;
  points: number;
  maxPoints: number;
  /** Full marks. */
  correct: boolean;
}

export interface GradeResult {
  score: number;
  maxScore: number;
  /** score / maxScore × 100, rounded to 2 decimals; 0 when nothing was drawn. */
  percent: number;
  /** percent >= settings.passMark */
  passed: boolean;
  /** Drawn questions in display order; each scenario is followed by its sub-questions. */
  questions: QuestionGrade[];
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * The share of full marks, 0..1, that `raw` earns on `question` under the rules in
 * docs/content-format.md. Malformed answers, unknown ids and repeats never earn anything.
 */
export function answerFraction(question: AnswerableQuestion, raw: unknown): number {
  const answer: AnswerValue | undefined = normaliseAnswer(question, raw);
  if (answer === undefined) return 0;
  switch (question.type) {
    case 'single':
      return question.options.some((option) => option.correct && option.id === answer) ? 1 : 0;
    case 'truefalse':
      return answer === String(question.answer) ? 1 : 0;
    case 'multiple': {
      const chosen = new Set(answer as string[]);
      const correctIds = question.options.filter((option) => option.correct).map((option) => option.id);
      if (correctIds.length === 0) return 0;
      const right = correctIds.filter((id) => chosen.has(id)).length;
      const wrong = chosen.size - right;
      return Math.max(0, (right - wrong) / correctIds.length);
    }
    case 'ordering': {
      const order = answer as string[];
      const inPlace = question.items.filter((item, index) => order[index] === item.id).length;
      return inPlace / question.items.length;
    }
    case 'matching': {
      const matches = answer as Record<string, string>;
      const right = question.premises.filter(
        (premise) => Object.hasOwn(matches, premise.id) && matches[premise.id] === premise.match,
      ).length;
      return right / question.premises.length;
    }
  }
}

function gradeAnswerable(question: AnswerableQuestion, answers: Answers, parentId?: string): QuestionGrade {
  const answer = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
  const fraction = answerFraction(question, answer);
  // Partial credit is rounded for display, never above the maximum; full marks stay exact.
  const points =
    fraction >= 1 ? question.points : Math.min(roundTo(question.points * fraction, 4), question.points);
  const grade: QuestionGrade = {
    questionId: question.id,
    points,
    maxPoints: question.points,
    correct: fraction >= 1,
  };
  if (parentId !== undefined) grade.parentId = parentId;
  return grade;
}

/**
 * Marks an attempt: every question drawn in `layout`, against the answer keys in `quiz`.
 * `answers` is sanitised first, so hostile or malformed input only ever scores less.
 * A scenario's points and maximum are the sums of its sub-questions. Deterministic.
 */
export function gradeAttempt(quiz: Quiz, layout: AttemptLayout, answers: Answers): GradeResult {
  const clean = sanitiseAnswers(answers, layout, quiz);
  const questions: QuestionGrade[] = [];
  let score = 0;
  let maxScore = 0;
  for (const { question, subQuestions } of resolveLayout(quiz, layout)) {
    if (question.type !== 'scenario') {
      const grade = gradeAnswerable(question, clean);
      questions.push(grade);
      score += grade.points;
      maxScore += grade.maxPoints;
      continue;
    }
    const subGrades = subQuestions.map((sub) => gradeAnswerable(sub.question, clean, question.id));
    const points = roundTo(
      subGrades.reduce((sum, grade) => sum + grade.points, 0),
      4,
    );
    const maxPoints = subGrades.reduce((sum, grade) => sum + grade.maxPoints, 0);
    questions.push({
      questionId: question.id,
      points: Math.min(points, maxPoints),
      maxPoints,
      correct: subGrades.every((grade) => grade.correct),
    });
    questions.push(...subGrades);
    score += Math.min(points, maxPoints);
    maxScore += maxPoints;
  }
  maxScore = roundTo(maxScore, 4);
  score = Math.min(roundTo(score, 4), maxScore);
  const percent = maxScore > 0 ? roundTo((score / maxScore) * 100, 2) : 0;
  return { score, maxScore, percent, passed: percent >= quiz.settings.passMark, questions };
}
