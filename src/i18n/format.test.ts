import { describe, expect, it } from 'vitest';
import { formatMessage } from './format.ts';
import { catalogues, intlLocale } from './index.ts';

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

  it('leaves a value that looks like a placeholder as given', () => {
    expect(formatMessage('Hello {name}, {count} new', { name: '{count}', count: 2 }, 'en-MY')).toBe(
      'Hello {count}, 2 new',
    );
  });

  /** The earlier implementation (two regular-expression passes on every call), for comparison. */
  function reference(template: string, params: Record<string, string | number>, tag: string): string {
    const number = new Intl.NumberFormat(tag);
    const plural = new Intl.PluralRules(tag);
    const chosen = template.replace(
      /\{(\w+), plural,((?:\s*=?\w+\s*\{[^{}]*\})+)\s*\}/gu,
      (match, name: string, branches: string) => {
        const value = params[name];
        if (typeof value !== 'number') return match;
        const forms = new Map<string, string>();
        for (const [, selector = '', text = ''] of branches.matchAll(/\s*(=?\w+)\s*\{([^{}]*)\}/gu))
          forms.set(selector, text);
        const text = forms.get(`=${value}`) ?? forms.get(plural.select(value)) ?? forms.get('other') ?? '';
        return text.replace(/#/gu, number.format(value));
      },
    );
    return chosen.replace(/\{(\w+)\}/gu, (match, name: string) => {
      const value = params[name];
      if (value === undefined) return match;
      return typeof value === 'number' ? number.format(value) : value;
    });
  }

  it('fills every catalogue template as the earlier implementation did', () => {
    for (const locale of ['en', 'ms'] as const) {
      const tag = intlLocale(locale);
      for (const template of Object.values(catalogues[locale])) {
        const names = [...template.matchAll(/\{(\w+)/gu)].map((match) => match[1] ?? '');
        for (const count of [0, 1, 2, 1500]) {
          const params = Object.fromEntries(
            names.map((name, index) => [name, index % 2 ? `v${index}` : count]),
          );
          expect(formatMessage(template, params, tag), template).toBe(reference(template, params, tag));
        }
        expect(formatMessage(template, {}, tag)).toBe(reference(template, {}, tag));
      }
    }
  });
});
