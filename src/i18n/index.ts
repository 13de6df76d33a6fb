import enAdmin from './en/admin.ts';
import enAuth from './en/auth.ts';
import enCertificates from './en/certificates.ts';
import enCommon from './en/common.ts';
import enLearning from './en/learning.ts';
import enQuiz from './en/quiz.ts';
import enResources from './en/resources.ts';
import msAdmin from './ms/admin.ts';
import msAuth from './ms/auth.ts';
import msCertificates from './ms/certificates.ts';
import msCommon from './ms/common.ts';
import msLearning from './ms/learning.ts';
import msQuiz from './ms/quiz.ts';
import msResources from './ms/resources.ts';

/** The English catalogue defines the keys; every other language must have each of them. */
export const en = {
  ...enCommon,
  ...enAuth,
  ...enLearning,
  ...enAdmin,
  ...enQuiz,
  ...enCertificates,
  ...enResources,
};
export type MessageKey = keyof typeof en;
export const ms: Record<MessageKey, string> = {
  ...msCommon,
  ...msAuth,
  ...msLearning,
  ...msAdmin,
  ...msQuiz,
  ...msCertificates,
  ...msResources,
};

export const catalogues = { en, ms } as const;
export type Locale = keyof typeof catalogues;
export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'ms';
}

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** `{name}` placeholders are replaced by params; numbers are formatted for the locale. */
const translators = new Map<Locale, Translate>();

/** Returns `t(key, params)` for a locale, made once per locale and reused by every request. */
export function createTranslator(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) {
    translate = buildTranslator(locale);
    translators.set(locale, translate);
  }
  return translate;
}

function buildTranslator(locale: Locale): Translate {
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
