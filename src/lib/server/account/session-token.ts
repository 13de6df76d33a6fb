import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { generateSecureRandomString } from '#src/lib/server/ids.ts';

/** Length of the id and of the secret part of a session token (5 bits each: 120 bits). */
export const TOKEN_PART_LENGTH = 24;
const partPattern = /^[a-km-z2-9]{24}$/;

export interface SessionTokenParts {
  id: string;
  secret: string;
}

/** Makes a new `<id>.<secret>` token. */
export function generateSessionToken(): SessionTokenParts & { token: string } {
  const id = generateSecureRandomString(TOKEN_PART_LENGTH);
  const secret = generateSecureRandomString(TOKEN_PART_LENGTH);
  return { id, secret, token: `${id}.${secret}` };
}

/** Splits a cookie value into id and secret, or null when it is not a well-formed token. */
export function parseSessionToken(token: string | undefined | null): SessionTokenParts | null {
  if (!token || token.length !== TOKEN_PART_LENGTH * 2 + 1) return null;
  const [id, secret, ...rest] = token.split('.');
  if (rest.length > 0 || !id || !secret) return null;
  if (!partPattern.test(id) || !partPattern.test(secret)) return null;
  return { id, secret };
}

/** SHA-256 of a secret: the only form in which a secret is stored. */
export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

/** Compares a presented secret with a stored hash in constant time (unequal lengths are unequal). */
export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  const presented = hashSecret(secret);
  if (presented.byteLength !== storedHash.byteLength) return false;
  return constantTimeEqual(presented, storedHash);
}
