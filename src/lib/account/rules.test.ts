import { describe, expect, it } from 'vitest';
import {
  checkReturnPath,
  checkEmail,
  checkFullName,
  checkOrganisationName,
  cleanText,
  organisationNameKey,
  safeReturnPath,
} from './rules.ts';

describe('account rules', () => {
  it('accept names in any script and never split them', () => {
    for (const name of [
      'Siti Nur Aisyah binti Abdullah',
      'Kavitha a/p Ramasamy',
      '陈美玲',
      'கவிதா ராமசாமி',
      "Zoë O'Brien-Łukasz",
      'Jugah anak Nyandang 🙂',
    ]) {
      expect(checkFullName(name)).toBeNull();
    }
  });

  it('refuse empty, over-long and control-character names', () => {
    expect(checkFullName('   ')).toBe('required');
    expect(checkFullName('a'.repeat(121))).toBe('too-long');
    expect(checkFullName('Ali\u0000bin Abu')).toBe('hidden-characters');
    expect(checkFullName('Ali \u202ebin Abu')).toBe('hidden-characters');
  });

  it('refuse names that could pass for another: hidden characters and stacked marks', () => {
    for (const hidden of [
      '\u200b',
      '\u200c',
      '\u200d',
      '\u2060',
      '\u00ad',
      '\u200e',
      '\u200f',
      '\u2066',
      '\u061c',
      '\u3164',
      '\u2800',
      '\ue000',
    ])
      expect(checkFullName(`Siti${hidden} Aisyah`), JSON.stringify(hidden)).toBe('hidden-characters');
    expect(checkFullName('Zoe\u0308\u0301 Tan')).toBeNull();
    expect(checkFullName('Zoe\u0308\u0301\u0300 Tan')).toBe('stacked-marks');
    expect(checkFullName('Z̴̡̛a̸l̷g̶o̵')).toBe('stacked-marks');
    // Ordinary whitespace is not hidden: it becomes one plain space.
    expect(checkFullName('Siti\u00a0Aisyah\tAbdullah')).toBeNull();
    // Decomposed letters are stored composed (NFC).
    expect(cleanText('Zoe\u0308')).toBe('Zoë');
    // Vowel signs in Tamil and Thai tone marks are at most two per letter.
    expect(checkFullName('கவிதா ராமசாமி')).toBeNull();
    expect(checkFullName('สมศักดิ์')).toBeNull();
  });

  it('check emails', () => {
    expect(checkEmail('aisyah@example.my')).toBeNull();
    expect(checkEmail(' Aisyah@Example.MY ')).toBeNull();
    expect(checkEmail('')).toBe('required');
    expect(checkEmail('aisyah')).toBe('invalid');
    expect(checkEmail('<script>@x.y')).toBe('invalid');
    expect(checkEmail(`${'a'.repeat(250)}@x.my`)).toBe('too-long');
  });

  it('give one key to spellings of the same employer', () => {
    expect(organisationNameKey('  Acme   Sdn  Bhd ')).toBe(organisationNameKey('ACME Sdn Bhd'));
    expect(cleanText('  a \n b ')).toBe('a b');
    expect(checkOrganisationName('A')).toBe('too-short');
  });

  it('only return to same-site paths', () => {
    expect(safeReturnPath('/courses/x')).toBe('/courses/x');
    expect(safeReturnPath('//evil.example')).toBe('/dashboard');
    expect(safeReturnPath('https://evil.example')).toBe('/dashboard');
    expect(safeReturnPath('/\\evil.example')).toBe('/dashboard');
    expect(safeReturnPath(null, '/')).toBe('/');
  });

  it('refuse return addresses a Location header cannot carry, so the caller answers 400', () => {
    expect(checkReturnPath('/courses/x?tab=1%20a')).toEqual({ ok: true, path: '/courses/x?tab=1%20a' });
    expect(checkReturnPath('')).toEqual({ ok: true, path: '/dashboard' });
    expect(checkReturnPath(null, '/')).toEqual({ ok: true, path: '/' });
    for (const bad of [
      '/\u3000',
      '/é',
      '/\u0100',
      '/a b',
      '/a\nb',
      '//x',
      '/\\x',
      'x',
      `/${'a'.repeat(2000)}`,
    ])
      expect(checkReturnPath(bad), JSON.stringify(bad)).toEqual({ ok: false });
  });
});
