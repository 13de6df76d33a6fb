/**
 * The shape of an assignment: `src/content/modules/<module-id>/assignment.yaml` (and its Bahasa
 * Malaysia copy `ms/assignment.yaml`). An assignment is assessed casework: a brief, parts the
 * learner answers (text with a word range, or a PDF file), a rubric of criteria × levels with a
 * descriptor and points for each, a pass rule and a maximum number of resubmissions. Pure and
 * isomorphic: the Astro collection and `npm run content:check` use the same schema, and every
 * message names the field and says what to write instead (docs/assignments.md).
 */
import { z } from 'astro/zod';
import { CONTENT_ID_PATTERN } from './schema.ts';
import { expecting, strictObject } from './schema-messages.ts';

/** A title or label: one line, inner whitespace collapsed. */
function line(what: string, max: number) {
  return z
    .string(expecting('text', what))
    .transform((value) => value.replace(/\s+/g, ' ').trim())
    .refine((value) => value.length > 0, { error: `is empty: write ${what}` })
    .refine((value) => value.length <= max, { error: `is longer than ${max} characters: shorten it` });
}

/** Text with paragraphs and lists (the small Markdown of quiz prompts): line breaks are kept. */
function prose(what: string, max: number) {
  return z
    .string(expecting('text', what))
    .transform((value) => value.replace(/\r\n?/g, '\n').trim())
    .refine((value) => value.length > 0, { error: `is empty: write ${what}` })
    .refine((value) => value.length <= max, { error: `is longer than ${max} characters: shorten it` });
}

const id = (example: string) =>
  z.string(expecting('an id', `an id such as "${example}"`)).regex(CONTENT_ID_PATTERN, {
    error: `must use only lowercase letters, digits and single hyphens (for example "${example}")`,
  });

function wholeNumber(what: string, min: number, max: number) {
  return z
    .number(expecting('a whole number', what))
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be ${min} or more` })
    .max(max, { error: `must be ${max} or less` });
}

const flag = z.boolean(expecting('true or false'));

export const assignmentLevelSchema = strictObject({
  id: id('meets'),
  label: line('the level as markers and learners see it, such as "Meets the standard"', 80),
});

const textPart = strictObject({
  id: id('plan-rationale'),
  type: z.literal('text', { error: 'must be text or file' }),
  title: line('the part title', 200),
  guidance: prose('what the learner should write, in a few sentences or a list', 4000),
  words: strictObject({
    min: wholeNumber('the fewest words accepted', 1, 5000),
    max: wholeNumber('the most words accepted', 1, 5000),
  }),
  /** A reflection prompt: the trainer reads it; the rubric may or may not mark it. */
  reflection: flag.default(false),
});

const filePart = strictObject({
  id: id('consent-form'),
  type: z.literal('file', { error: 'must be text or file' }),
  title: line('the part title', 200),
  guidance: prose('what the learner should attach and how to fill it in', 4000),
  /** The job aid (src/content/job-aids/<id>.yaml) whose blank PDF the learner fills in. */
  jobAid: id('rtw-plan').optional(),
});

export const assignmentPartSchema = z.discriminatedUnion('type', [textPart, filePart], {
  error: 'type must be text (a written answer) or file (a PDF the learner attaches)',
});

const criterionLevel = strictObject({
  descriptor: prose('what work at this level looks like', 1500),
  points: z.number(expecting('a number', 'the points for this level')).min(0, { error: 'must be 0 or more' }),
});

export const assignmentCriterionSchema = strictObject({
  id: id('consent-confidentiality'),
  title: line('the criterion title', 200),
  /** The parts whose answers show this criterion (shown beside the rubric). */
  parts: z.array(id('rtw-plan'), expecting('a list of part ids')).default([]),
  levels: z.record(z.string(), criterionLevel, expecting('a mapping of level id to descriptor and points')),
});

export const assignmentSchema = strictObject({
  title: line('the assignment title', 200),
  summary: line('one or two sentences for the course page', 600),
  /** Honest time to complete, in minutes. */
  minutes: wholeNumber('the honest time to complete in minutes', 1, 6000),
  brief: prose('the task: the situation, what to produce and how it is marked', 12000),
  maxResubmissions: wholeNumber('how many times a learner may resubmit after a return (0 or more)', 0, 10),
  levels: z
    .array(assignmentLevelSchema, expecting('a list of levels, lowest first'))
    .min(2, { error: 'needs at least two levels, lowest first (for example not-yet, meets, exceeds)' }),
  passRule: strictObject({
    /** Every criterion must be marked at this level or a higher one. */
    everyCriterionAtLeast: id('meets'),
    /** And the total points must reach this, when set. */
    minimumPoints: z.number(expecting('a number')).min(0, { error: 'must be 0 or more' }).optional(),
  }),
  parts: z.array(assignmentPartSchema, expecting('a list of parts')).min(1, {
    error: 'is empty: add at least one part (a text answer or a file)',
  }),
  rubric: z.array(assignmentCriterionSchema, expecting('a list of criteria')).min(1, {
    error: 'is empty: add at least one criterion with a descriptor and points for every level',
  }),
  draft: flag.default(false),
}).superRefine((data, context) => {
  const issue = (path: PropertyKey[], message: string) => context.addIssue({ code: 'custom', path, message });
  const levelIds = data.levels.map((level) => level.id);
  duplicates(levelIds).forEach((index) =>
    issue(['levels', index, 'id'], `"${levelIds[index]}" is listed twice: give each level its own id`),
  );
  const partIds = data.parts.map((part) => part.id);
  duplicates(partIds).forEach((index) =>
    issue(['parts', index, 'id'], `"${partIds[index]}" is used by two parts: give each part its own id`),
  );
  data.parts.forEach((part, index) => {
    if (part.type === 'text' && part.words.min > part.words.max)
      issue(
        ['parts', index, 'words'],
        `min (${part.words.min}) is more than max (${part.words.max}): swap them`,
      );
  });
  const criterionIds = data.rubric.map((criterion) => criterion.id);
  duplicates(criterionIds).forEach((index) =>
    issue(['rubric', index, 'id'], `"${criterionIds[index]}" is used by two criteria: give each its own id`),
  );
  if (!levelIds.includes(data.passRule.everyCriterionAtLeast)) {
    issue(
      ['passRule', 'everyCriterionAtLeast'],
      `"${data.passRule.everyCriterionAtLeast}" is not a level: use one of ${levelIds.join(', ')}`,
    );
  }
  let maxPoints = 0;
  data.rubric.forEach((criterion, index) => {
    const given = Object.keys(criterion.levels);
    for (const level of levelIds) {
      if (!given.includes(level))
        issue(
          ['rubric', index, 'levels'],
          `has no "${level}" level: describe every level (${levelIds.join(', ')})`,
        );
    }
    for (const level of given) {
      if (!levelIds.includes(level))
        issue(
          ['rubric', index, 'levels', level],
          `"${level}" is not a level: use one of ${levelIds.join(', ')}`,
        );
    }
    let previous = -Infinity;
    for (const level of levelIds) {
      const points = criterion.levels[level]?.points;
      if (points === undefined) continue;
      if (points < previous)
        issue(
          ['rubric', index, 'levels', level, 'points'],
          'must not be fewer than the points of the level below',
        );
      previous = points;
    }
    maxPoints += Math.max(0, ...Object.values(criterion.levels).map((level) => level.points));
    criterion.parts.forEach((partId, partIndex) => {
      if (!partIds.includes(partId))
        issue(
          ['rubric', index, 'parts', partIndex],
          `there is no part "${partId}": use one of ${partIds.join(', ')}`,
        );
    });
  });
  const minimum = data.passRule.minimumPoints;
  if (minimum !== undefined && minimum > maxPoints) {
    issue(
      ['passRule', 'minimumPoints'],
      `is more than the ${maxPoints} points the rubric can give: lower it`,
    );
  }
});

/** Indexes of values that appeared earlier in the list. */
function duplicates(values: readonly string[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  values.forEach((value, index) => {
    if (seen.has(value)) repeated.push(index);
    seen.add(value);
  });
  return repeated;
}

export type AssignmentData = z.output<typeof assignmentSchema>;
export type AssignmentPart = z.output<typeof assignmentPartSchema>;
export type AssignmentCriterion = z.output<typeof assignmentCriterionSchema>;

/**
 * Differences in structure between an assignment and its translation: the translation may change
 * only text (titles, guidance, descriptors, labels), never ids, order, word ranges, points or
 * rules, because submissions and marks are stored under the English ids. Returns
 * `field: what differs` lines.
 */
export function compareAssignmentStructure(english: AssignmentData, translated: AssignmentData): string[] {
  const problems: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (english.maxResubmissions !== translated.maxResubmissions)
    problems.push(
      `maxResubmissions: is ${translated.maxResubmissions}, the English file says ${english.maxResubmissions}`,
    );
  if (english.minutes !== translated.minutes)
    problems.push(`minutes: is ${translated.minutes}, the English file says ${english.minutes}`);
  if (english.draft !== translated.draft)
    problems.push(`draft: is ${String(translated.draft)}, the English file says ${String(english.draft)}`);
  if (!same(english.passRule, translated.passRule))
    problems.push('passRule: must be the same as in the English file');
  if (
    !same(
      english.levels.map((level) => level.id),
      translated.levels.map((level) => level.id),
    )
  )
    problems.push('levels: must list the same level ids in the same order as the English file');
  const partShape = (part: AssignmentPart) =>
    part.type === 'text'
      ? { id: part.id, type: part.type, words: part.words, reflection: part.reflection }
      : { id: part.id, type: part.type, jobAid: part.jobAid ?? null };
  if (!same(english.parts.map(partShape), translated.parts.map(partShape)))
    problems.push(
      'parts: must have the same ids, types, word ranges and job aids, in the same order, as the English file',
    );
  const criterionShape = (criterion: AssignmentCriterion) => ({
    id: criterion.id,
    parts: criterion.parts,
    points: Object.fromEntries(
      Object.entries(criterion.levels).map(([level, value]) => [level, value.points]),
    ),
  });
  if (!same(english.rubric.map(criterionShape), translated.rubric.map(criterionShape)))
    problems.push(
      'rubric: must have the same criteria, parts and points, in the same order, as the English file',
    );
  return problems;
}
