/** Pure rules for account fields, shared by forms and server checks. */

export const NAME_MAX = 120;
export const EMAIL_MAX = 254;
export const ORGANISATION_NAME_MIN = 2;
export const ORGANISATION_NAME_MAX = 150;

// Control characters and bidirectional overrides have no place in a name.
const forbidden = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/u;

/** Trims, collapses inner whitespace and applies Unicode NFC. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

export type NameProblem = 'required' | 'too-long' | 'invalid';

/** A full name as the person writes it (never split into first/last). */
export function checkFullName(value: string): NameProblem | null {
  const name = cleanText(value);
  if (name.length === 0) return 'required';
  if ([...name].length > NAME_MAX) return 'too-long';
  if (forbidden.test(name)) return 'invalid';
  return null;
}

export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

export type EmailProblem = 'required' | 'too-long' | 'invalid';

export function checkEmail(value: string): EmailProblem | null {
  const email = normaliseEmail(value);
  if (email.length === 0) return 'required';
  if (email.length > EMAIL_MAX) return 'too-long';
  if (!emailPattern.test(email)) return 'invalid';
  return null;
}

export type OrganisationNameProblem = 'required' | 'too-short' | 'too-long' | 'invalid';

export function checkOrganisationName(value: string): OrganisationNameProblem | null {
  const name = cleanText(value);
  if (name.length === 0) return 'required';
  if ([...name].length < ORGANISATION_NAME_MIN) return 'too-short';
  if ([...name].length > ORGANISATION_NAME_MAX) return 'too-long';
  if (forbidden.test(name)) return 'invalid';
  return null;
}

/** The key that makes "Acme  Sdn Bhd" and "acme sdn bhd" one employer. */
export function organisationNameKey(value: string): string {
  return cleanText(value).normalize('NFKC').toLocaleLowerCase('en');
}

/** A same-site path to return to after sign-in, or the fallback. */
export function safeReturnPath(value: string | null | undefined, fallback = '/dashboard'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f]/u.test(value)) return fallback;
  return value;
}
