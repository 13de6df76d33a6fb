/**
 * Employer join codes as people read and type them: eight letters and digits without the ones
 * that look alike (0/O, 1/I/L), shown as `ABCD-EFGH`. Typed codes are forgiving about case,
 * spaces and hyphens. Pure; the server draws new codes (src/lib/server/employer/join-code.ts).
 */

/** 31 characters: about 40 bits for eight of them. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 8;

const valid = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`, 'u');

/** The stored form of a typed code (`abcd efgh` → `ABCDEFGH`), or null when it cannot be one. */
export function normaliseJoinCode(typed: string): string | null {
  const code = typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]+/gu, '');
  return valid.test(code) ? code : null;
}

/** A stored code as shown: `ABCD-EFGH`. */
export function formatJoinCode(code: string): string {
  const half = JOIN_CODE_LENGTH / 2;
  return `${code.slice(0, half)}-${code.slice(half)}`;
}

/** A code from random bytes (one byte per character; the tiny bias of `% 31` does not matter here). */
export function joinCodeFromBytes(bytes: Uint8Array): string {
  let code = '';
  for (let index = 0; index < JOIN_CODE_LENGTH; index++) {
    code += JOIN_CODE_ALPHABET[(bytes[index] ?? 0) % JOIN_CODE_ALPHABET.length];
  }
  return code;
}
