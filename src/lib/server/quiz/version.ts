import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Quiz } from './schema.ts';

/**
 * JSON with object keys sorted at every depth, so two objects with the same content always
 * give the same text. Array order is kept; keys whose value is `undefined` are left out,
 * as `JSON.stringify` does.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // A prototype-free object, so a key named "__proto__" stays an ordinary key.
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined) sorted[key] = sortKeys(child);
  }
  return sorted;
}

/**
 * A stable fingerprint of a parsed quiz: the lowercase hex SHA-256 of its canonical JSON.
 * It changes when any question, answer key or setting changes, and never because of key order,
 * so an attempt can record which version of the bank it was drawn from.
 */
export function quizContentVersion(quiz: Quiz): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(canonicalJson(quiz))));
}
