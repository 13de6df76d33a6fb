import { describe, expect, it } from 'vitest';
import { formatMessage } from './format.ts';

describe('formatMessage', () => {
  const warning = '{count, plural, one {# question is} other {# questions are}} not answered yet.';

  it('chooses the plural branch by the language and formats the number', () => {
    expect(formatMessage(warning, { count: 1 }, 'en-MY')).toBe('1 question is not answered yet.');
    expect(formatMessage(warning, { count: 1200 }, 'en-MY')).toBe('1,200 questions are not answered yet.');
    expect(formatMessage('{n, plural, =0 {none} other {# soalan}}', { n: 0 }, 'ms-MY')).toBe('none');
    expect(formatMessage('{n, plural, one {# x} other {# soalan}}', { n: 1 }, 'ms-MY')).toBe('1 soalan');
  });

  it('fills placeholders and leaves unknown ones as written', () => {
    expect(formatMessage('Question {number} of {total} {missing}', { number: 3, total: 10 }, 'en-MY')).toBe(
      'Question 3 of 10 {missing}',
    );
  });
});
