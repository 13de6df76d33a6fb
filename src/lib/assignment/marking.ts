/**
 * What a marker's decision must satisfy, pure: a level for every criterion, a decision that
 * agrees with the rubric's pass rule, comments where the learner needs to know what to change,
 * and a return only while the learner has a resubmission left. The marking page shows the same
 * problems beside the fields they concern.
 */
import type { AssignmentData } from '#src/lib/content/assignment-schema.ts';
import { MAX_COMMENT_CHARS, evaluateMarks, type Marks, type RubricOutcome } from './rubric.ts';

export const decisions = ['pass', 'return', 'not-passed'] as const;
export type MarkingDecision = (typeof decisions)[number];

export type MarkingProblem =
  | { field: 'decision'; code: 'missing' }
  /** "Pass" while the rubric's rule is not met. */
  | { field: 'decision'; code: 'rule-not-met' }
  /** "Return" or "not passed" while every criterion meets the rule: the work passes. */
  | { field: 'decision'; code: 'rule-met' }
  /** "Return" after the learner's last allowed submission. */
  | { field: 'decision'; code: 'no-resubmissions-left' }
  /** "Not passed" while the learner may still resubmit: return it instead. */
  | { field: 'decision'; code: 'resubmissions-left' }
  | { field: 'level'; criterionId: string; code: 'missing' }
  /** A criterion below the pass level needs a comment that says what to change. */
  | { field: 'comment'; criterionId: string; code: 'needed' | 'too-long' }
  | { field: 'overall'; code: 'needed' | 'too-long' };

export interface MarkingInput {
  decision: MarkingDecision | null;
  marks: Marks;
  overallComment: string;
}

/** Checks a decision against the rubric; `resubmissionsLeft` counts after the attempt being marked. */
export function checkDecision(
  assignment: Pick<AssignmentData, 'levels' | 'passRule' | 'rubric'>,
  input: MarkingInput,
  resubmissionsLeft: number,
): { problems: MarkingProblem[]; outcome: RubricOutcome } {
  const outcome = evaluateMarks(assignment, input.marks);
  const problems: MarkingProblem[] = [];
  for (const criterionId of outcome.missing) problems.push({ field: 'level', criterionId, code: 'missing' });
  for (const criterion of assignment.rubric) {
    const comment = input.marks[criterion.id]?.comment ?? '';
    if (comment.length > MAX_COMMENT_CHARS)
      problems.push({ field: 'comment', criterionId: criterion.id, code: 'too-long' });
  }
  if (input.overallComment.length > MAX_COMMENT_CHARS) problems.push({ field: 'overall', code: 'too-long' });
  const { decision } = input;
  if (decision === null) {
    problems.push({ field: 'decision', code: 'missing' });
    return { problems, outcome };
  }
  if (outcome.missing.length > 0) return { problems, outcome };
  if (decision === 'pass') {
    if (!outcome.passes) problems.push({ field: 'decision', code: 'rule-not-met' });
    return { problems, outcome };
  }
  if (outcome.passes) problems.push({ field: 'decision', code: 'rule-met' });
  if (decision === 'return' && resubmissionsLeft <= 0)
    problems.push({ field: 'decision', code: 'no-resubmissions-left' });
  if (decision === 'not-passed' && resubmissionsLeft > 0)
    problems.push({ field: 'decision', code: 'resubmissions-left' });
  if (input.overallComment.trim() === '') problems.push({ field: 'overall', code: 'needed' });
  for (const criterionId of outcome.belowPass) {
    if ((input.marks[criterionId]?.comment ?? '').trim() === '')
      problems.push({ field: 'comment', criterionId, code: 'needed' });
  }
  return { problems, outcome };
}
