import { describe, expect, it } from 'vitest';
import {
  formatSerial,
  formatVerificationCode,
  generateVerificationCode,
  normaliseSerial,
  normaliseVerificationCode,
  VERIFICATION_CODE_ALPHABET,
  VERIFICATION_CODE_LENGTH,
} from './code.ts';

describe('generateVerificationCode', () => {
  it('shows 20 symbols as five groups of four', () => {
    expect(generateVerificationCode()).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){4}$/u);
  });

  it('never uses a look-alike character', () => {
    for (let i = 0; i < 500; i++) {
      expect(generateVerificationCode()).not.toMatch(/[01OILU]/u);
    }
  });

  it('carries at least 80 bits of randomness', () => {
    const bits = VERIFICATION_CODE_LENGTH * Math.log2(VERIFICATION_CODE_ALPHABET.length);
    expect(bits).toBeGreaterThanOrEqual(80);
    expect(new Set(VERIFICATION_CODE_ALPHABET).size).toBe(VERIFICATION_CODE_ALPHABET.length);
  });

  it('does not repeat itself and uses the whole alphabet evenly', () => {
    const codes = new Set<string>();
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const code = generateVerificationCode();
      codes.add(code);
      for (const symbol of code.replaceAll('-', '')) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    }
    expect(codes.size).toBe(2000);
    expect(counts.size).toBe(VERIFICATION_CODE_ALPHABET.length);
    // 40,000 symbols over 30: about 1,333 each; a biased generator would stray far more.
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(1100);
      expect(count).toBeLessThan(1600);
    }
  });

  it('round-trips through normalise and format', () => {
    const code = generateVerificationCode();
    const compact = normaliseVerificationCode(code);
    expect(compact).toHaveLength(20);
    expect(formatVerificationCode(compact ?? '')).toBe(code);
  });
});

describe('normaliseVerificationCode', () => {
  const code = '7KQ9-M2XH-4TPA-ZB8N-C3WD';

  it('ignores case, spaces and hyphens', () => {
    expect(normaliseVerificationCode(code)).toBe('7KQ9M2XH4TPAZB8NC3WD');
    expect(normaliseVerificationCode(' 7kq9 m2xh 4tpa zb8n c3wd ')).toBe('7KQ9M2XH4TPAZB8NC3WD');
    expect(normaliseVerificationCode('7kq9m2xh4tpazb8nc3wd')).toBe('7KQ9M2XH4TPAZB8NC3WD');
    expect(normaliseVerificationCode('7KQ9\u2013M2XH\u2013 4TPA-ZB8N-C3WD')).toBe('7KQ9M2XH4TPAZB8NC3WD');
  });

  it('rejects look-alikes instead of guessing what was meant', () => {
    expect(normaliseVerificationCode('7KQ9-M2XH-4TPA-ZB8N-C3W0')).toBeNull();
    expect(normaliseVerificationCode('7KQ9-M2XH-4TPA-ZB8N-C3WO')).toBeNull();
    expect(normaliseVerificationCode('7KQ9-M2XH-4TPA-ZB8N-C3W1')).toBeNull();
    expect(normaliseVerificationCode('7KQ9-M2XH-4TPA-ZB8N-C3Wi')).toBeNull();
    expect(normaliseVerificationCode('7KQ9-M2XH-4TPA-ZB8N-C3Wl')).toBeNull();
    expect(normaliseVerificationCode('7KQ9-M2XH-4TPA-ZB8N-C3WU')).toBeNull();
  });

  it('rejects the wrong length and stray characters', () => {
    expect(normaliseVerificationCode('')).toBeNull();
    expect(normaliseVerificationCode('7KQ9-M2XH-4TPA-ZB8N-C3W')).toBeNull();
    expect(normaliseVerificationCode('7KQ9-M2XH-4TPA-ZB8N-C3WDD')).toBeNull();
    expect(normaliseVerificationCode('7KQ9_M2XH_4TPA_ZB8N_C3WD')).toBeNull();
    expect(normaliseVerificationCode('7KQ9-M2XH-4TPA-ZB8N-C3WÉ')).toBeNull();
  });
});

describe('formatVerificationCode', () => {
  it('groups a compact code', () => {
    expect(formatVerificationCode('7kq9m2xh4tpazb8nc3wd')).toBe('7KQ9-M2XH-4TPA-ZB8N-C3WD');
  });

  it('refuses a malformed code', () => {
    expect(() => formatVerificationCode('not a code')).toThrow(RangeError);
  });
});

describe('formatSerial', () => {
  it('pads the number to six digits', () => {
    expect(formatSerial(2026, 123)).toBe('RTW-2026-000123');
    expect(formatSerial(2026, 1)).toBe('RTW-2026-000001');
  });

  it('keeps numbers wider than six digits whole', () => {
    expect(formatSerial(2027, 1_234_567)).toBe('RTW-2027-1234567');
  });

  it('refuses a year or number that cannot be a serial', () => {
    expect(() => formatSerial(26, 1)).toThrow(RangeError);
    expect(() => formatSerial(2026, 0)).toThrow(RangeError);
    expect(() => formatSerial(2026, 1.5)).toThrow(RangeError);
  });
});

describe('normaliseSerial', () => {
  it('reads a serial typed with any case, spacing or hyphens', () => {
    expect(normaliseSerial('RTW-2024-000002')).toBe('RTW-2024-000002');
    expect(normaliseSerial(' rtw 2024 2 ')).toBe('RTW-2024-000002');
    expect(normaliseSerial('rtw2024000002')).toBe('RTW-2024-000002');
    expect(normaliseSerial('RTW–2026–1234567')).toBe('RTW-2026-1234567');
  });

  it('refuses what is not a serial', () => {
    for (const input of [
      '',
      'RTW-24-000002',
      'ABC-2024-000002',
      'RTW-2024-000000',
      'RTW-2024-',
      '2024-000002',
    ]) {
      expect(normaliseSerial(input)).toBeNull();
    }
  });
});
