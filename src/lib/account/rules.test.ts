import { describe, expect, it } from 'vitest';
import {
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
    expect(checkFullName('Ali\u0000bin Abu')).toBe('invalid');
    expect(checkFullName('Ali \u202ebin Abu')).toBe('invalid');
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
});
