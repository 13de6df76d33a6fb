import { describe, expect, it } from 'vitest';
import { createTranslator, en, ms } from './index.ts';

/** Parameter names, in plain `{name}` and plural `{name, plural, …}` form alike. */
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();

describe('message catalogues', () => {
  it('have the same keys in English and Bahasa Malaysia', () => {
    const english = Object.keys(en).sort();
    const malay = Object.keys(ms).sort();
    expect(
      english.filter((key) => !malay.includes(key)),
      'missing in ms',
    ).toEqual([]);
    expect(
      malay.filter((key) => !english.includes(key)),
      'missing in en',
    ).toEqual([]);
  });

  it('translate every message: a Malay text the same as the English is made only of names and shared words', () => {
    // Words Malay shares with English (DBP spelling) and proper names; placeholders do not count.
    const sameInBoth = new Set([
      'rtw',
      'academy',
      'menu',
      'english',
      'bahasa',
      'malaysia',
      'status',
      'item',
      'data',
      'json',
      'min',
      'pdf',
    ]);
    const untranslated = (Object.keys(en) as (keyof typeof en)[]).filter((key) => {
      if (ms[key] !== en[key]) return false;
      const words =
        en[key]
          .replace(/\{[^{}]*\}/gu, ' ')
          .toLowerCase()
          .match(/\p{L}+/gu) ?? [];
      return words.some((word) => !sameInBoth.has(word));
    });
    expect(untranslated, 'Malay messages still in English').toEqual([]);
  });

  it('have no empty messages', () => {
    for (const [key, value] of [...Object.entries(en), ...Object.entries(ms)]) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ms[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fill placeholders and format numbers for the locale', () => {
    expect(createTranslator('en')('profile.sessionsLead', { count: 1200 })).toContain('1,200 devices');
    expect(createTranslator('en')('profile.sessionsLead', { count: 1 })).toContain('on 1 device.');
    expect(createTranslator('ms')('nav.signedInAs', { name: 'Tan Wei Ming' })).toBe(
      'Log masuk sebagai Tan Wei Ming',
    );
  });
});

describe('plurals', () => {
  it('chooses the form by the language rules and formats the number', () => {
    const en = createTranslator('en');
    expect(en('certificates.desk.issuedNotice', { count: 1 })).toBe('1 certificate issued.');
    expect(en('certificates.desk.issuedNotice', { count: 2 })).toBe('2 certificates issued.');
    expect(en('certificates.desk.issuedNotice', { count: 1500 })).toBe('1,500 certificates issued.');
    expect(createTranslator('ms')('certificates.desk.issuedNotice', { count: 2 })).toBe(
      '2 sijil telah dikeluarkan.',
    );
  });

  it('leaves no lazy "(s)" plural in any catalogue', () => {
    for (const catalogue of [en, ms]) {
      for (const [key, text] of Object.entries(catalogue)) expect(text, key).not.toMatch(/\w\(s\)/u);
    }
  });
});
