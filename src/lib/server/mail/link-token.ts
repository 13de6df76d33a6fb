/**
 * One-time links carried by email (verification, invitation): `<id>.<secret>`, made and checked
 * exactly as session tokens are (120 bits, only SHA-256 of the secret stored, compared in
 * constant time), so a copy of the database opens no link.
 */
import {
  generateSessionToken,
  hashSecret,
  parseSessionToken,
  secretMatches,
} from '#src/lib/server/account/session-token.ts';

export interface LinkToken {
  id: string;
  /** What goes in the link: `<id>.<secret>`. */
  token: string;
  /** What is stored: SHA-256 of the secret. */
  hash: Buffer;
}

/** A fresh link token. */
export function createLinkToken(): LinkToken {
  const { id, secret, token } = generateSessionToken();
  return { id, token, hash: Buffer.from(hashSecret(secret)) };
}

/** The row id and secret of a presented token, or null when it cannot be one. */
export function parseLinkToken(token: string): { id: string; secret: string } | null {
  return parseSessionToken(token);
}

/** Whether `secret` is the one whose hash was stored. */
export function linkSecretMatches(secret: string, storedHash: Uint8Array): boolean {
  return secretMatches(secret, storedHash);
}
