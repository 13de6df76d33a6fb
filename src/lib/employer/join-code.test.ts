import { describe, expect, it } from 'vitest';
import { formatJoinCode, JOIN_CODE_ALPHABET, joinCodeFromBytes, normaliseJoinCode } from './join-code.ts';

describe('join codes', () => {
  it('forgive case, spaces and hyphens when typed', () => {
    expect(normaliseJoinCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(normaliseJoinCode('ab cd ef gh')).toBe('ABCDEFGH');
    expect(normaliseJoinCode('ＡＢＣＤ２３４５')).toBe('ABCD2345');
  });

  it('refuse anything that cannot be a code', () => {
    for (const typed of [
      '',
      'ABCDEFG',
      'ABCDEFGHJ',
      'ABCD-EFG0',
      'ABCD-EFGI',
      'ABCD EFGO',
      "ABCD'--",
      'ABCD EFGL',
    ])
      expect(normaliseJoinCode(typed), typed).toBeNull();
  });

  it('are drawn from the alphabet without look-alikes and shown in two halves', () => {
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01ILO]/u);
    const code = joinCodeFromBytes(new Uint8Array([0, 1, 2, 3, 30, 31, 255, 62]));
    expect(code).toHaveLength(8);
    expect(normaliseJoinCode(code)).toBe(code);
    expect(formatJoinCode('ABCDEFGH')).toBe('ABCD-EFGH');
  });
});
