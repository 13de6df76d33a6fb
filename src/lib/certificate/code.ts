/**
 * Certificate verification codes and serial numbers. Pure and isomorphic.
 *
 * A code is 20 symbols from a 30-symbol alphabet (about 98 bits of randomness), shown as
 * `XXXX-XXXX-XXXX-XXXX-XXXX`. The alphabet leaves out 0, O, 1, I and L so nobody has to guess
 * which one they are reading, and U (as Crockford's base 32 does) so that no accidental words
 * appear. A full 32-symbol alphabet is not possible without one of the look-alikes.
 */

export const VERIFICATION_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_CODE_LENGTH = 20;
const GROUP_SIZE = 4;

const alphabetSize = VERIFICATION_CODE_ALPHABET.length;
// The largest multiple of the alphabet size that fits in a byte: bytes at or above it are
// rejected so that every symbol is equally likely.
const rejectionLimit = 256 - (256 % alphabetSize);
const wellFormed = new RegExp(`^[${VERIFICATION_CODE_ALPHABET}]{${VERIFICATION_CODE_LENGTH}}$`, 'u');

/** A new random code, formatted for display (`7KQ9-M2XH-...`). Uses `crypto.getRandomValues`. */
export function generateVerificationCode(): string {
  let raw = '';
  const bytes = new Uint8Array(32);
  while (raw.length < VERIFICATION_CODE_LENGTH) {
    crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      if (byte >= rejectionLimit) continue;
      raw += VERIFICATION_CODE_ALPHABET[byte % alphabetSize];
      if (raw.length === VERIFICATION_CODE_LENGTH) break;
    }
  }
  return formatVerificationCode(raw);
}

/**
 * The compact stored form of a code typed by a person (20 upper-case symbols, no separators),
 * ignoring case, spaces and hyphens; `null` when the input is not a well-formed code.
 * Look-alikes are not guessed: an input containing 0, O, 1, I, L or U is rejected.
 */
export function normaliseVerificationCode(input: string): string | null {
  const compact = input.replace(/[\s\-\u2010-\u2015\u2212]/gu, '').toUpperCase();
  return wellFormed.test(compact) ? compact : null;
}

/**
 * The display form (`XXXX-XXXX-XXXX-XXXX-XXXX`) of a code in any accepted spelling.
 * Throws a `RangeError` when the input is not a well-formed code.
 */
export function formatVerificationCode(raw: string): string {
  const compact = normaliseVerificationCode(raw);
  if (compact === null) {
    throw new RangeError(`Not a well-formed verification code: ${JSON.stringify(raw)}`);
  }
  const groups: string[] = [];
  for (let start = 0; start < compact.length; start += GROUP_SIZE) {
    groups.push(compact.slice(start, start + GROUP_SIZE));
  }
  return groups.join('-');
}

/**
 * A certificate serial, `RTW-<year>-<n>` with `n` zero-padded to six digits
 * (`formatSerial(2026, 123)` is `RTW-2026-000123`); wider numbers are kept whole.
 * Throws a `RangeError` for a year outside 1000..9999 or a number below 1.
 */
export function formatSerial(year: number, n: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`A serial needs a four-digit year, got ${year}`);
  }
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`A serial number must be a whole number from 1, got ${n}`);
  }
  return `RTW-${year}-${String(n).padStart(6, '0')}`;
}

const serialPattern = /^RTW[\s\-\u2010-\u2015\u2212]*(\d{4})[\s\-\u2010-\u2015\u2212]*(\d{1,12})$/iu;

/**
 * The stored form of a serial typed by a person (`rtw 2024 2` → `RTW-2024-000002`), ignoring
 * case, spaces and hyphens; `null` when the input is not shaped like a serial.
 */
export function normaliseSerial(input: string): string | null {
  const match = serialPattern.exec(input.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const n = Number(match[2]);
  if (year < 1000 || !Number.isSafeInteger(n) || n < 1) return null;
  return formatSerial(year, n);
}
