import { describe, expect, it } from 'vitest';
import { parseLanguageChoice, resolveLanguage } from './language.ts';

describe('certificate language', () => {
  it('reads en and ms, and takes anything else as the holder’s language', () => {
    expect(parseLanguageChoice('ms')).toBe('ms');
    expect(parseLanguageChoice(' en ')).toBe('en');
    expect(parseLanguageChoice('')).toBe('holder');
    expect(parseLanguageChoice('fr')).toBe('holder');
    expect(parseLanguageChoice(undefined)).toBe('holder');
  });

  it('issues in the holder’s preferred language unless the admin chose one', () => {
    expect(resolveLanguage('holder', 'ms')).toBe('ms');
    expect(resolveLanguage('en', 'ms')).toBe('en');
    expect(resolveLanguage('ms', 'en')).toBe('ms');
  });
});
