import enAuth from './en/auth.ts';
import enCommon from './en/common.ts';
import msAuth from './ms/auth.ts';
import msCommon from './ms/common.ts';

/** The English catalogue defines the keys; every other language must have each of them. */
export const en = { ...enCommon, ...enAuth };
export type MessageKey = keyof typeof en;
export const ms: Record<MessageKey, string> = { ...msCommon, ...msAuth };

export const catalogues = { en, ms } as const;
export type Locale = keyof typeof catalogues;
export const supportedLocales = Object.keys(catalogues) as Locale[];

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'ms';
}

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** Returns `t(key, params)` for a locale; `{name}` placeholders are replaced by params. */
export function createTranslator(locale: Locale): Translate {
  const catalogue: Record<string, string> = catalogues[locale];
  const numberFormat = new Intl.NumberFormat(intlLocale(locale));
  return (key, params) => {
    const template = catalogue[key] ?? en[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = params[name];
      if (value === undefined) return match;
      return typeof value === 'number' ? numberFormat.format(value) : value;
    });
  };
}

/** The BCP 47 tag for Intl formatting of dates and numbers. */
export function intlLocale(locale: Locale): string {
  return locale === 'ms' ? 'ms-MY' : 'en-MY';
}

/** The `lang` attribute value. */
export function htmlLang(locale: Locale): string {
  return locale === 'ms' ? 'ms' : 'en';
}
