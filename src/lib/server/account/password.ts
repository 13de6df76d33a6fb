import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

// OWASP's Argon2id recommendation: 19 MiB, 2 iterations, 1 lane.
const argonOptions = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    dictionary['passwords-common'].filter((p) => p.length >= PASSWORD_MIN).map((p) => p.toLowerCase()),
  );
  return common;
}

export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'contains-email' | 'weak';

/** zxcvbn's score (0..4) a new password must reach: 3 is "safely unguessable" offline. */
export const PASSWORD_MIN_SCORE = 3;

/** The app's own words: a password built on them is among the first an attacker tries. */
const appWords = [
  'rtw',
  'academy',
  'rtwacademy',
  'rtw-academy',
  'return',
  'work',
  'returntowork',
  'coordinator',
  'socso',
  'perkeso',
  'demo',
];

let estimator: ZxcvbnFactory | undefined;
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

/** The words zxcvbn treats as known for one person: app words, their email and name parts. */
function userInputs(context: PasswordContext): string[] {
  const words = [...appWords];
  const email = context.email?.toLowerCase() ?? '';
  if (email) words.push(email, ...email.split(/[@._+-]/u).filter((part) => part.length >= 3));
  const name = context.fullName?.toLowerCase() ?? '';
  if (name) words.push(...name.split(/[\s/'’.,-]+/u).filter((part) => part.length >= 3));
  return words;
}

/**
 * Whether a password is little more than known words joined up ("kavitha-ramasamy-1"): zxcvbn
 * counts the separators as unknown characters and can score such a password 3.
 */
function isBuiltOnKnownWords(lower: string, known: string[]): boolean {
  let rest = lower;
  for (const word of [...known].sort((a, b) => b.length - a.length)) {
    if (word.length >= 3) rest = rest.split(word).join(' ');
  }
  return rest !== lower && rest.replace(/[^\p{L}\p{N}]/gu, '').length < 4;
}

export interface PasswordContext {
  email?: string;
  fullName?: string;
}

/**
 * Checks a new password against the policy; null when acceptable. Besides the length and the
 * common-password list, a strength estimator (zxcvbn-ts) must score it at least 3 with the app's
 * words and the person's own email and name counted as known.
 */
export function checkPasswordPolicy(password: string, context: PasswordContext = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'too-short';
  if (length > PASSWORD_MAX) return 'too-long';
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'common';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'contains-email';
  const known = userInputs(context);
  if (isBuiltOnKnownWords(lower, known)) return 'weak';
  if (strengthEstimator().check(password, known).score < PASSWORD_MIN_SCORE) return 'weak';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
