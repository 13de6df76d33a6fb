import { describe, expect, it } from 'vitest';
import { createTranslator, en, ms } from './index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

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
    expect(createTranslator('en')('profile.sessionsLead', { count: 1200 })).toContain('1,200 device(s)');
    expect(createTranslator('ms')('nav.signedInAs', { name: 'Tan Wei Ming' })).toBe(
      'Log masuk sebagai Tan Wei Ming',
    );
  });
});
