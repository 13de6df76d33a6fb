/**
 * The language a certificate is issued in (issue 16): English or Bahasa Malaysia, chosen by the
 * admin at issue; by default the holder's preferred language. Pure, shared by the desk forms and
 * the issue functions.
 */
import { isLocale, type Locale } from '#src/i18n/index.ts';

/** What the admin picked: a language, or each holder's own preferred language. */
export type LanguageChoice = Locale | 'holder';

/** Reads the desk's `language` field: `en` or `ms`; anything else (blank) means the holder's language. */
export function parseLanguageChoice(value: string | null | undefined): LanguageChoice {
  const trimmed = value?.trim();
  return isLocale(trimmed) ? trimmed : 'holder';
}

/** The language to issue in: the admin's choice, or the holder's preferred language. */
export function resolveLanguage(choice: LanguageChoice, holderLocale: Locale): Locale {
  return choice === 'holder' ? holderLocale : choice;
}
