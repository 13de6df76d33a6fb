import { describe, expect, it } from 'vitest';
import { countWords, courseTime, lessonTime, quizMinutes, withinTolerance } from './hours.ts';

describe('lessonTime', () => {
  it('reads the prose and the words in component props, not ids, paths or tag names', () => {
    const body = [
      '## A heading',
      '',
      'Talk to the <Term id="rtw-plan">plan owner</Term> today.',
      '<Figure src="/images/lessons/a-long-file-name.svg" alt="Three words here" caption="Two words" />',
      '<KnowledgeCheck question="Who is it?" options={[{ text: "The worker", correct: true, feedback: "Yes." }]} />',
      '<Checklist title="Before the call">',
      '- Ask first',
      '</Checklist>',
    ].join('\n');
    const time = lessonTime(body);
    // A heading (2) + Talk to the plan owner today (6) + alt (3) + caption (2)
    // + question (3) + option (2) + feedback (1) + checklist title (3) + Ask first (2)
    expect(time.words).toBe(24);
    expect(time.activityMinutes).toBe(2 + 4);
    expect(time.readingMinutes).toBeCloseTo(24 / 180);
  });

  it('counts words with apostrophes and hyphens once, and Malay reduplication once', () => {
    expect(countWords("the worker's return-to-work plan, kanak-kanak")).toBe(5);
  });
});

describe('quizMinutes', () => {
  it('gives each drawn question 1.5 minutes, a scenario by its average sub-questions', () => {
    expect(quizMinutes({ settings: { drawCount: 10 }, questions: Array(20).fill({ type: 'single' }) })).toBe(
      15,
    );
    const mixed = {
      settings: { drawCount: 2 },
      questions: [{ type: 'single' }, { type: 'scenario', questions: [1, 2, 3] }],
    };
    // 4 answerable questions in 2 items: 2 per draw.
    expect(quizMinutes(mixed)).toBe(2 * 2 * 1.5);
  });
});

describe('courseTime and withinTolerance', () => {
  it('adds the parts and converts practical hours', () => {
    const lesson = lessonTime('word '.repeat(180));
    const time = courseTime({ lessons: [lesson], quizzes: [], finalAssessment: null, practicalHours: 1 });
    expect(time.hours).toBeCloseTo(61 / 60);
  });

  it('allows a share of difference either way', () => {
    expect(withinTolerance(12.5, 10, 0.25)).toBe(true);
    expect(withinTolerance(12.6, 10, 0.25)).toBe(false);
    expect(withinTolerance(7.5, 10, 0.25)).toBe(true);
    expect(withinTolerance(7.4, 10, 0.25)).toBe(false);
  });
});
