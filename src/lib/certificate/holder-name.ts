/**
 * Matching a name an auditor types against the holder name printed on a certificate. Pure.
 *
 * Malaysian names have no fixed surname position ("Siti Nur Aisyah binti Abdullah", "Tan Wei
 * Ming", "Kavitha a/p Ramasamy"), so the typed words must appear, whole and in order, somewhere
 * in the printed name. Case, accents and punctuation do not matter. Connecting words alone
 * ("binti", "a/p") match nobody: they say nothing about the holder.
 */

const connectingWords = new Set([
  'bin',
  'binti',
  'bte',
  'bt',
  'b',
  'a',
  'p',
  's',
  'o',
  'd',
  'anak',
  'ak',
  'al',
  'el',
]);

/** The words of a name without case, accents or punctuation (`"Zoë O'Neil"` → `["zoe", "o", "neil"]`). */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** True when `typed` is one or more whole words of `holderName`, in order, and not only connecting words. */
export function matchesHolderName(holderName: string, typed: string): boolean {
  const wanted = nameWords(typed);
  if (wanted.length === 0 || wanted.every((word) => connectingWords.has(word))) return false;
  const words = nameWords(holderName);
  for (let start = 0; start + wanted.length <= words.length; start++) {
    if (wanted.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
}
