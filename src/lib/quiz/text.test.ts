import { describe, expect, it } from 'vitest';
import { parseQuizText, parseRuns } from './text.ts';

describe('parseQuizText', () => {
  it('joins wrapped lines into paragraphs and splits on blank lines', () => {
    expect(parseQuizText('A worker at a\nMelaka hotel.\n\nWhat next?\n')).toEqual([
      { kind: 'paragraph', runs: [{ text: 'A worker at a Melaka hotel.' }] },
      { kind: 'paragraph', runs: [{ text: 'What next?' }] },
    ]);
  });

  it('reads bullet and numbered lists, and keeps a year at the start of a line as text', () => {
    expect(parseQuizText('Steps:\n- Call\n- Plan\n1. First\n2) Second\n2017 (Act 789) applies.')).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Steps:' }] },
      { kind: 'bullets', items: [[{ text: 'Call' }], [{ text: 'Plan' }]] },
      { kind: 'numbers', items: [[{ text: 'First' }], [{ text: 'Second' }]] },
      { kind: 'paragraph', runs: [{ text: '2017 (Act 789) applies.' }] },
    ]);
  });

  it('marks bold and italic runs and leaves everything else literal, markup included', () => {
    expect(parseRuns('A **must** and *may*, not <b>html</b>')).toEqual([
      { text: 'A ' },
      { text: 'must', strong: true },
      { text: ' and ' },
      { text: 'may', em: true },
      { text: ', not <b>html</b>' },
    ]);
  });
});
