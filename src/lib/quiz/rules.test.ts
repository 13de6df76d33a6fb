import { describe, expect, it } from 'vitest';
import { answerFields, countAnswered, isQuestionAnswered, orderingShown } from './rules.ts';
import type { PublicAnswerable, PublicQuestion } from './types.ts';

const ordering: Extract<PublicAnswerable, { type: 'ordering' }> = {
  id: 'q-order',
  type: 'ordering',
  prompt: 'Put these in order.',
  items: [
    { id: 'tk1', text: 'Plan' },
    { id: 'tk2', text: 'Contact' },
    { id: 'tk3', text: 'Monitor' },
  ],
};
const single: PublicQuestion = {
  id: 'q-single',
  type: 'single',
  prompt: 'Pick one.',
  options: [{ id: 'ox', text: 'Yes' }],
};

describe('counting answered questions', () => {
  const scenario: PublicQuestion = {
    id: 'q-case',
    type: 'scenario',
    scenario: 'A worker returns after surgery.',
    questions: [
      { id: 'q-case-a', type: 'single', prompt: 'First step?', options: [{ id: 'oa', text: 'Call' }] },
      { id: 'q-case-b', type: 'single', prompt: 'Second step?', options: [{ id: 'ob', text: 'Plan' }] },
    ],
  };

  it('counts a scenario as one question, as the player numbers them, answered once every part is', () => {
    expect(countAnswered([single, scenario], {})).toEqual({ answered: 0, total: 2 });
    expect(countAnswered([single, scenario], { 'q-case-a': 'oa' })).toEqual({ answered: 0, total: 2 });
    expect(isQuestionAnswered(scenario, { 'q-case-a': 'oa' })).toBe(false);
    const all = { 'q-single': 'ox', 'q-case-a': 'oa', 'q-case-b': 'ob' };
    expect(countAnswered([single, scenario], all)).toEqual({ answered: 2, total: 2 });
    expect(isQuestionAnswered(scenario, all)).toBe(true);
  });
});

describe('an ordering question the learner has not touched', () => {
  it('counts as unanswered, although its items are shown in an order', () => {
    expect(countAnswered([ordering, single], {})).toEqual({ answered: 0, total: 2 });
    expect(orderingShown(ordering, undefined)).toEqual(['tk1', 'tk2', 'tk3']);
    expect(answerFields(ordering, undefined)).toEqual([]);
  });

  it('counts as answered once the learner gave an order, confirmed or moved', () => {
    expect(countAnswered([ordering, single], { 'q-order': ['tk1', 'tk2', 'tk3'] })).toEqual({
      answered: 1,
      total: 2,
    });
  });

  it('submits a given order with its positions and the confirmation the form reads', () => {
    expect(answerFields(ordering, ['tk2', 'tk1', 'tk3'])).toEqual([
      ['q:q-order:pos:tk2', '1'],
      ['q:q-order:pos:tk1', '2'],
      ['q:q-order:pos:tk3', '3'],
      ['q:q-order:ordered', '1'],
    ]);
    expect(answerFields(ordering, [])).toEqual([]);
  });
});
