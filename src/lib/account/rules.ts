/** Pure rules for account fields, shared by forms and server checks. */

export const NAME_MAX = 120;
export const EMAIL_MAX = 254;
export const ORGANISATION_NAME_MIN = 2;
export const ORGANISATION_NAME_MAX = 150;

// Characters that show nothing, or change how the text around them is shown: controls, format
// characters (zero-width spaces and joiners, bidirectional marks, overrides and isolates, soft
// hyphen, word joiner, BOM), line and paragraph separators, private-use and unassigned code points,
// lone surrogates, and letters drawn as blanks (Hangul fillers, the Braille blank).
const hidden = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0\u2800]/u;
/** More combining marks than this on one letter draw over the lines around it ("Zalgo" text). */
export const MAX_MARKS_PER_LETTER = 2;
const markRun = new RegExp(`\\p{M}{${MAX_MARKS_PER_LETTER + 1},}`, 'u');
const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/u;

/** Trims, collapses inner whitespace and applies Unicode NFC. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

export type NameProblem = 'required' | 'too-long' | 'hidden-characters' | 'stacked-marks';

/**
 * Why a name (or other printed text) could pass for another: hidden characters or stacked marks.
 * Ordinary whitespace (tabs, no-break spaces) is not hidden: cleanText makes it a plain space.
 */
export function findLookAlikeProblem(value: string): 'hidden-characters' | 'stacked-marks' | null {
  const text = value.normalize('NFC');
  if (hidden.test(text)) return 'hidden-characters';
  // Counted decomposed, so that "ë" plus two more marks counts as three.
  if (markRun.test(text.normalize('NFD'))) return 'stacked-marks';
  return null;
}

/**
 * A full name as the person writes it (never split into first/last), in Unicode NFC. Names are
 * printed on certificates and the public verify page, so nothing may hide in them: no control,
 * zero-width or bidirectional characters, and at most two combining marks on one letter.
 */
export function checkFullName(value: string): NameProblem | null {
  const name = cleanText(value);
  if (name.length === 0) return 'required';
  if ([...name].length > NAME_MAX) return 'too-long';
  return findLookAlikeProblem(name);
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
  if (findLookAlikeProblem(name)) return 'invalid';
  return null;
}

/**
 * The key that makes spellings of one employer's name one employer: case and spacing ignored, and
 * "Sdn. Bhd.", "Sdn.Bhd", "Sendirian Berhad" and "Sdn Bhd" read alike, as do "Berhad", "Bhd." and
 * "Bhd". db/migrations/0006_employers.sql re-keyed the employers made before with the same rule.
 */
export function organisationNameKey(value: string): string {
  return cleanText(value)
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/\bsendirian berhad\b/gu, 'sdn bhd')
    .replace(/\bsdn\.? ?bhd\b\.?/gu, 'sdn bhd')
    .replace(/\bberhad\b/gu, 'bhd')
    .replace(/\bbhd\./gu, 'bhd')
    .trim();
}

// A path of this app as a browser sends it: printable ASCII only (anything else arrives
// percent-encoded), no backslash, at most 2,000 characters.
const returnPathPattern = /^\/(?![/\\])[\x21-\x7e]{0,1999}$/u;

/** Whether a return address is a same-site path that can travel in a Location header. */
export function isSafeReturnPath(value: string): boolean {
  return returnPathPattern.test(value) && !value.includes('\\');
}

export type ReturnPathCheck = { ok: true; path: string } | { ok: false };

/**
 * A return address given with a request (`next`, `returnTo`): absent means the fallback;
 * anything but a same-site path of printable ASCII is refused, so the caller can answer 400 with
 * a message rather than redirect somewhere unexpected.
 */
export function checkReturnPath(value: string | null | undefined, fallback = '/dashboard'): ReturnPathCheck {
  if (value === null || value === undefined || value === '') return { ok: true, path: fallback };
  return isSafeReturnPath(value) ? { ok: true, path: value } : { ok: false };
}

/** A same-site path to return to after sign-in, or the fallback for anything else. */
export function safeReturnPath(value: string | null | undefined, fallback = '/dashboard'): string {
  const checked = checkReturnPath(value, fallback);
  return checked.ok ? checked.path : fallback;
}
