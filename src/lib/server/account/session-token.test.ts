import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { describe, expect, it } from 'vitest';
import {
  generateSessionToken,
  hashSecret,
  parseSessionToken,
  secretMatches,
  TOKEN_PART_LENGTH,
} from './session-token.ts';

describe('session tokens', () => {
  it('are <id>.<secret> with two 24-character parts from the unambiguous alphabet', () => {
    const { id, secret, token } = generateSessionToken();
    expect(token).toBe(`${id}.${secret}`);
    expect(id).toMatch(/^[a-km-z2-9]{24}$/);
    expect(secret).toMatch(/^[a-km-z2-9]{24}$/);
    expect(parseSessionToken(token)).toEqual({ id, secret });
  });

  it('are different every time', () => {
    const tokens = new Set(Array.from({ length: 500 }, () => generateSessionToken().token));
    expect(tokens.size).toBe(500);
  });

  it('refuse truncated, extended, tampered and malformed values', () => {
    const { token, id, secret } = generateSessionToken();
    expect(parseSessionToken(token.slice(0, -1))).toBeNull();
    expect(parseSessionToken(`${token}a`)).toBeNull();
    expect(parseSessionToken(`${id}${secret}a`)).toBeNull();
    expect(parseSessionToken(`${id}.${secret.slice(0, -1)}.`)).toBeNull();
    expect(parseSessionToken(`${id}.${secret.toUpperCase()}`)).toBeNull();
    expect(parseSessionToken(`${id}.${secret.slice(0, -1)}0`)).toBeNull(); // 0 is not in the alphabet
    expect(parseSessionToken('')).toBeNull();
    expect(parseSessionToken(undefined)).toBeNull();
    expect(parseSessionToken('.'.repeat(TOKEN_PART_LENGTH * 2 + 1))).toBeNull();
    expect(parseSessionToken(`${id}.${secret}`.replace('.', '%'))).toBeNull();
  });

  it('accept the right secret and reject a wrong one against the stored hash', () => {
    const { secret } = generateSessionToken();
    const stored = hashSecret(secret);
    expect(stored.byteLength).toBe(32);
    expect(secretMatches(secret, stored)).toBe(true);
    expect(secretMatches(generateSessionToken().secret, stored)).toBe(false);
    const flipped = stored.slice();
    flipped[31] = (flipped[31] ?? 0) ^ 1;
    expect(secretMatches(secret, flipped)).toBe(false);
  });

  it('treat a stored hash of another length as no match', () => {
    const { secret } = generateSessionToken();
    expect(secretMatches(secret, hashSecret(secret).slice(0, 31))).toBe(false);
    expect(secretMatches(secret, new Uint8Array(0))).toBe(false);
  });
});

describe('constant-time comparison', () => {
  it('compares bytes, not identity', () => {
    const a = new Uint8Array([1, 2, 3, 4]);
    expect(constantTimeEqual(a, new Uint8Array([1, 2, 3, 4]))).toBe(true);
    expect(constantTimeEqual(a, new Uint8Array([1, 2, 3, 5]))).toBe(false);
    expect(constantTimeEqual(a, new Uint8Array([0, 2, 3, 4]))).toBe(false);
  });

  it('returns false for unequal lengths instead of comparing a prefix', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3, 4]))).toBe(false);
  });
});
