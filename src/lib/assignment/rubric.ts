/**
 * The marking rules of an assignment, pure: word counts, what a complete answer is, the points a
 * set of rubric levels gives, whether they meet the pass rule, and how many submissions a learner
 * has. The learner's page, the marking page, the server and the tests share them.
 */
import type { AssignmentData, AssignmentPart } from '#src/lib/content/assignment-schema.ts';

/** A level and a comment for one criterion. */
export interface CriterionMark {
  level: string;
  comment: string;
}

/** Marks by criterion id. */
export type Marks = Readonly<Record<string, CriterionMark>>;

/** Longest text answer stored, whatever the word range (a guard, not a rule). */
export const MAX_ANSWER_CHARS = 30_000;
/** Longest marker comment. */
export const MAX_COMMENT_CHARS = 4_000;

/** Words as a reader counts them: runs of non-space characters. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

export type AnswerProblem =
  | { kind: 'missing' }
  | { kind: 'too-short'; words: number; min: number }
  | { kind: 'too-long'; words: number; max: number };

/** What stops a text answer from being submitted, or null when it is ready. */
export function checkTextAnswer(
  part: Extract<AssignmentPart, { type: 'text' }>,
  text: string,
): AnswerProblem | null {
  const words = countWords(text);
  if (words === 0) return { kind: 'missing' };
  if (words < part.words.min) return { kind: 'too-short', words, min: part.words.min };
  if (words > part.words.max) return { kind: 'too-long', words, max: part.words.max };
  return null;
}

/** Submissions a learner may make: the first one and the resubmissions (plus any staff allowed). */
export function submissionsAllowed(maxResubmissions: number, extraAttempts: number): number {
  return 1 + maxResubmissions + Math.max(0, extraAttempts);
}

export interface RubricOutcome {
  /** Criteria without a valid level. */
  missing: string[];
  /** Criteria marked below the pass rule's level. */
  belowPass: string[];
  score: number;
  maxScore: number;
  /** Every criterion has a level, every level meets the rule, and the points reach any minimum. */
  passes: boolean;
}

type Rubric = Pick<AssignmentData, 'levels' | 'passRule' | 'rubric'>;

/** Position of a level in the scale, lowest first; -1 for an unknown level. */
export function levelRank(assignment: Pick<AssignmentData, 'levels'>, levelId: string): number {
  return assignment.levels.findIndex((level) => level.id === levelId);
}

/** Scores a set of marks against the rubric and its pass rule. */
export function evaluateMarks(assignment: Rubric, marks: Marks): RubricOutcome {
  const required = levelRank(assignment, assignment.passRule.everyCriterionAtLeast);
  const missing: string[] = [];
  const belowPass: string[] = [];
  let score = 0;
  let maxScore = 0;
  for (const criterion of assignment.rubric) {
    const points = Object.values(criterion.levels).map((level) => level.points);
    maxScore += Math.max(0, ...points);
    const mark = marks[criterion.id];
    const level = mark ? criterion.levels[mark.level] : undefined;
    if (!mark || !level) {
      missing.push(criterion.id);
      continue;
    }
    score += level.points;
    if (levelRank(assignment, mark.level) < required) belowPass.push(criterion.id);
  }
  const minimum = assignment.passRule.minimumPoints ?? 0;
  return {
    missing,
    belowPass,
    score,
    maxScore,
    passes: missing.length === 0 && belowPass.length === 0 && score >= minimum,
  };
}
