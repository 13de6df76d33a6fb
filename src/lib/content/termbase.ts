/**
 * The EN ↔ BM termbase (src/content/termbase.yaml) and the check `content:check` makes with it: a
 * Bahasa Malaysia file must not use a form the termbase lists under `avoid` (Indonesian words,
 * unofficial names of PERKESO schemes and Acts). Pure: the caller reads the files.
 */
import { z } from 'astro/zod';
import { expecting, strictObject } from './schema-messages.ts';

const text = (what: string) =>
  z
    .string(expecting('text', what))
    .refine((value) => value.trim() !== '', { error: `is empty: write ${what}` });

export const termbaseEntrySchema = strictObject({
  en: text('the English term'),
  ms: text('the Bahasa Malaysia term'),
  /** The official PERKESO / Act 4 form: keep it exactly. */
  official: z.boolean(expecting('true or false')).default(false),
  /** Variants a Bahasa Malaysia file must not use. */
  avoid: z.array(text('a form to avoid'), expecting('a list of forms to avoid')).default([]),
  note: z.string(expecting('text')).optional(),
});

export const termbaseSchema = strictObject({
  terms: z.array(termbaseEntrySchema, expecting('a list of terms')),
});

export type TermbaseEntry = z.output<typeof termbaseEntrySchema>;

export interface AvoidedTerm {
  /** 1-based line in the text. */
  line: number;
  /** The words as the file has them. */
  found: string;
  entry: TermbaseEntry;
}

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A whole-word, case-insensitive pattern for a form: it must not touch a letter or digit on either
 * side, so "atasan" is found in "pihak atasan" but not in "batasan", and spaces in a form match
 * any run of whitespace (a line break included).
 */
function formPattern(form: string): RegExp {
  const words = form.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'giu');
}

/** Every use of an `avoid` form in `text`, in the order they occur. */
export function findAvoidedTerms(text: string, entries: ReadonlyArray<TermbaseEntry>): AvoidedTerm[] {
  const found: AvoidedTerm[] = [];
  for (const entry of entries) {
    for (const form of entry.avoid) {
      for (const match of text.matchAll(formPattern(form))) {
        const index = match.index;
        found.push({
          line: (text.slice(0, index).match(/\n/g)?.length ?? 0) + 1,
          found: match[0].replace(/\s+/g, ' '),
          entry,
        });
      }
    }
  }
  return found.sort((a, b) => a.line - b.line);
}
