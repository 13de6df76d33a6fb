/**
 * Every interface string exists in Bahasa Malaysia and is actually translated (issue 16): a BM
 * message identical to the English one must be made only of words both languages write the same
 * way (the brand, acronyms, language names, "Status", numbers and placeholders).
 */
import { describe, expect, it } from 'vitest';
import { en, ms } from './index.ts';

/** Words that are the same in English and Malay, or names that are not translated. */
const SAME_IN_BOTH = new Set([
  'RTW',
  'Academy',
  'English',
  'Bahasa',
  'Malaysia',
  'Status',
  'Item',
  'Data',
  'JSON',
  'CSV',
  'PDF',
  'ZIP',
  'CPD',
  'PERKESO',
  'SOCSO',
  'min',
  'Menu',
]);

/** The words of a message once placeholders, numbers and punctuation are removed. */
const wordsOf = (text: string): string[] => text.replace(/\{\w+\}/g, ' ').match(/\p{L}[\p{L}'’-]*/gu) ?? [];

describe('the Bahasa Malaysia catalogue', () => {
  it('translates every message that has words to translate', () => {
    const untranslated = (Object.keys(en) as (keyof typeof en)[]).filter(
      (key) => ms[key] === en[key] && wordsOf(en[key]).some((word) => !SAME_IN_BOTH.has(word)),
    );
    expect(untranslated, 'messages whose BM text is still the English text').toEqual([]);
  });
});
