import { describe, expect, it } from 'vitest';
import { findAvoidedTerms, termbaseSchema } from './termbase.ts';

const entries = termbaseSchema.parse({
  terms: [
    { en: 'supervisor', ms: 'penyelia', avoid: ['atasan'] },
    { en: 'worker / employee', ms: 'pekerja', avoid: ['karyawan'] },
    { en: 'Employment Act 1955', ms: 'Akta Kerja 1955', official: true, avoid: ['Akta Pekerjaan 1955'] },
    { en: 'consent', ms: 'persetujuan' },
  ],
}).terms;

describe('findAvoidedTerms', () => {
  it('finds an avoided form as a whole word, in any case, with its line', () => {
    const found = findAvoidedTerms('Baris satu.\nBincang dengan Atasan anda.\n', entries);
    expect(found.map(({ line, found: words, entry }) => [line, words, entry.ms])).toEqual([
      [2, 'Atasan', 'penyelia'],
    ]);
  });

  it('does not match inside another word ("atasan" in "batasan", "karyawan" in "karyawannya")', () => {
    expect(findAvoidedTerms('Had dan batasan tugas. Keatasan. karyawannya', entries)).toEqual([]);
  });

  it('matches a form of several words across a line break', () => {
    const found = findAvoidedTerms('Di bawah Akta\nPekerjaan 1955, majikan ...', entries);
    expect(found).toHaveLength(1);
    expect(found[0]?.found).toBe('Akta Pekerjaan 1955');
    expect(found[0]?.line).toBe(1);
  });

  it('accepts the preferred terms and punctuation next to a form', () => {
    expect(findAvoidedTerms('Penyelia dan pekerja bersetuju.', entries)).toEqual([]);
    expect(findAvoidedTerms('(karyawan)', entries).map((hit) => hit.found)).toEqual(['karyawan']);
  });

  it('rejects a termbase entry with an unknown field', () => {
    const result = termbaseSchema.safeParse({ terms: [{ en: 'a', ms: 'b', avoids: ['c'] }] });
    expect(result.success).toBe(false);
  });
});
