/**
 * The languages content is written in (docs/content-format.md, "Languages"): English is the
 * source; a translation sits in an `ms/` folder beside each English file with the same name.
 */
import { htmlLang, type Locale } from '#src/i18n/index.ts';

/**
 * The `lang` attribute for text in `textLocale` on a page in `pageLocale`: set only where they
 * differ (an untranslated piece shown in English on a Malay page), so screen readers switch voice.
 */
export function langAttribute(textLocale: Locale, pageLocale: Locale): string | undefined {
  return textLocale === pageLocale ? undefined : htmlLang(textLocale);
}
