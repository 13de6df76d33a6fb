import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { assignmentSchema, compareAssignmentStructure } from '#src/lib/content/assignment-schema.ts';
import { checkContent } from '#src/lib/content/schema.ts';
import { checkDecision } from './marking.ts';
import { checkTextAnswer, countWords, evaluateMarks, submissionsAllowed, type Marks } from './rubric.ts';

const capstone = assignmentSchema.parse(
  parse(readFileSync('src/content/modules/capstone-case/assignment.yaml', 'utf8')),
);
const all = (level: string, comment = ''): Marks =>
  Object.fromEntries(capstone.rubric.map((criterion) => [criterion.id, { level, comment }]));

describe('the capstone assignment file', () => {
  it('is valid, and its Bahasa Malaysia copy has the same structure', () => {
    const malay = checkContent(
      assignmentSchema,
      'ms',
      parse(readFileSync('src/content/modules/capstone-case/ms/assignment.yaml', 'utf8')),
    );
    expect(malay.ok).toBe(true);
    if (malay.ok) expect(compareAssignmentStructure(capstone, malay.data)).toEqual([]);
    expect(capstone.parts.filter((part) => part.type === 'file').map((part) => part.id)).toEqual([
      'consent-form',
      'job-demands',
      'rtw-plan',
    ]);
    expect(capstone.parts.filter((part) => part.type === 'text' && part.reflection)).toHaveLength(10);
  });
});

describe('assignment schema messages', () => {
  it('name the field and say what to fix', () => {
    // A loose shape: the test breaks the file on purpose, so it is not an AssignmentFile any more.
    type Loose = {
      passRule: Record<string, unknown>;
      parts: Record<string, unknown>[];
      rubric: { levels: Record<string, { points?: number }>; parts?: string[] }[];
    };
    const broken = structuredClone(
      parse(readFileSync('src/content/modules/capstone-case/assignment.yaml', 'utf8')) as Loose,
    );
    broken.passRule.everyCriterionAtLeast = 'good';
    broken.parts[3]!.words = { min: 700, max: 600 };
    delete broken.rubric[0]!.levels.meets;
    broken.rubric[1]!.levels.exceeds!.points = 1;
    broken.rubric[2]!.parts = ['nowhere'];
    broken.parts[1]!.id = 'consent-form';
    const result = checkContent(assignmentSchema, 'x.yaml', broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        'x.yaml: passRule.everyCriterionAtLeast: "good" is not a level: use one of not-yet, meets, exceeds',
        'x.yaml: parts[3].words: min (700) is more than max (600): swap them',
        'x.yaml: rubric[0].levels: has no "meets" level: describe every level (not-yet, meets, exceeds)',
        'x.yaml: rubric[1].levels.exceeds.points: must not be fewer than the points of the level below',
        expect.stringContaining('x.yaml: rubric[2].parts[0]: there is no part "nowhere"'),
        'x.yaml: parts[1].id: "consent-form" is used by two parts: give each part its own id',
      ]),
    );
  });

  it('finds a translation that changed points or parts', () => {
    const changed = structuredClone(capstone);
    changed.rubric[0]!.levels['meets']!.points = 5;
    changed.parts.pop();
    expect(compareAssignmentStructure(capstone, changed)).toEqual([
      'parts: must have the same ids, types, word ranges and job aids, in the same order, as the English file',
      'rubric: must have the same criteria, parts and points, in the same order, as the English file',
    ]);
  });
});

describe('rubric maths', () => {
  it('counts words and checks the range', () => {
    expect(countWords('  Satu dua\n tiga ')).toBe(3);
    expect(countWords('')).toBe(0);
    const part = {
      id: 'x',
      type: 'text' as const,
      title: 'X',
      guidance: 'G',
      words: { min: 2, max: 3 },
      reflection: false,
    };
    expect(checkTextAnswer(part, ' ')).toEqual({ kind: 'missing' });
    expect(checkTextAnswer(part, 'one')).toEqual({ kind: 'too-short', words: 1, min: 2 });
    expect(checkTextAnswer(part, 'a b c d')).toEqual({ kind: 'too-long', words: 4, max: 3 });
    expect(checkTextAnswer(part, 'a b')).toBeNull();
    expect(submissionsAllowed(2, 0)).toBe(3);
    expect(submissionsAllowed(2, 1)).toBe(4);
  });

  it('scores levels and applies the pass rule to every criterion', () => {
    expect(evaluateMarks(capstone, all('meets'))).toMatchObject({ passes: true, score: 16, maxScore: 24 });
    expect(evaluateMarks(capstone, all('exceeds'))).toMatchObject({ passes: true, score: 24 });
    const oneShort = { ...all('exceeds'), hierarchy: { level: 'not-yet', comment: '' } };
    expect(evaluateMarks(capstone, oneShort)).toMatchObject({
      passes: false,
      belowPass: ['hierarchy'],
      score: 21,
    });
    const missing = { ...all('meets'), communication: { level: 'brilliant', comment: '' } };
    expect(evaluateMarks(capstone, missing)).toMatchObject({ passes: false, missing: ['communication'] });
    expect(
      evaluateMarks({ ...capstone, passRule: { ...capstone.passRule, minimumPoints: 20 } }, all('meets'))
        .passes,
    ).toBe(false);
  });
});

describe('checking a marking decision', () => {
  const codes = (result: ReturnType<typeof checkDecision>) => result.problems.map((problem) => problem.code);

  it('accepts a pass only when the rule is met', () => {
    expect(
      codes(checkDecision(capstone, { decision: 'pass', marks: all('meets'), overallComment: '' }, 2)),
    ).toEqual([]);
    const below = { ...all('meets'), hierarchy: { level: 'not-yet', comment: 'Say why.' } };
    expect(codes(checkDecision(capstone, { decision: 'pass', marks: below, overallComment: '' }, 2))).toEqual(
      ['rule-not-met'],
    );
  });

  it('asks for a level on every criterion and a decision', () => {
    const result = checkDecision(capstone, { decision: null, marks: {}, overallComment: '' }, 2);
    expect(result.problems.filter((problem) => problem.field === 'level')).toHaveLength(8);
    expect(codes(result)).toContain('missing');
  });

  it('returns work only with comments, only when it does not pass, and only while resubmissions are left', () => {
    const below = { ...all('meets'), hierarchy: { level: 'not-yet', comment: '' } };
    expect(
      checkDecision(capstone, { decision: 'return', marks: below, overallComment: '' }, 1).problems,
    ).toEqual([
      { field: 'overall', code: 'needed' },
      { field: 'comment', criterionId: 'hierarchy', code: 'needed' },
    ]);
    const explained = { ...below, hierarchy: { level: 'not-yet', comment: 'State the goal.' } };
    expect(
      codes(checkDecision(capstone, { decision: 'return', marks: explained, overallComment: 'Nearly.' }, 1)),
    ).toEqual([]);
    expect(
      codes(checkDecision(capstone, { decision: 'return', marks: explained, overallComment: 'Nearly.' }, 0)),
    ).toEqual(['no-resubmissions-left']);
    expect(
      codes(checkDecision(capstone, { decision: 'not-passed', marks: explained, overallComment: 'No.' }, 1)),
    ).toEqual(['resubmissions-left']);
    expect(
      codes(checkDecision(capstone, { decision: 'not-passed', marks: explained, overallComment: 'No.' }, 0)),
    ).toEqual([]);
    expect(
      codes(checkDecision(capstone, { decision: 'return', marks: all('meets'), overallComment: 'x' }, 1)),
    ).toEqual(['rule-met']);
  });
});
