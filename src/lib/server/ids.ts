import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * A random string of `length` characters from an alphabet without look-alikes
 * (each character carries 5 bits), as Lucia's guide generates session ids and secrets.
 */
export function generateSecureRandomString(length = 24): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += alphabet[byte >> 3];
  return out;
}

/** An opaque, unguessable record id (80 bits). */
export function newId(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}
