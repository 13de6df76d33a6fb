import enAdmin from './en/admin.ts';
import enAuth from './en/auth.ts';
import enCertificates from './en/certificates.ts';
import enCommon from './en/common.ts';
import enEmployers from './en/employers.ts';
import enLearning from './en/learning.ts';
import enQuiz from './en/quiz.ts';
import enQuizIntegrity from './en/quiz-integrity.ts';
import enResources from './en/resources.ts';
import enSecurity from './en/security.ts';
import enLanguages from './en/languages.ts';
import enJobAidFiles from './en/job-aid-files.ts';
import enMail from './en/mail.ts';
import enAssignment from './en/assignment.ts';
import enWorkshop from './en/workshop.ts';
import enTranscript from './en/transcript.ts';
import msAdmin from './ms/admin.ts';
import msAuth from './ms/auth.ts';
import msCertificates from './ms/certificates.ts';
import msCommon from './ms/common.ts';
import msEmployers from './ms/employers.ts';
import msLearning from './ms/learning.ts';
import msQuiz from './ms/quiz.ts';
import msQuizIntegrity from './ms/quiz-integrity.ts';
import msResources from './ms/resources.ts';
import msSecurity from './ms/security.ts';
import msLanguages from './ms/languages.ts';
import msJobAidFiles from './ms/job-aid-files.ts';
import msMail from './ms/mail.ts';
import msAssignment from './ms/assignment.ts';
import msWorkshop from './ms/workshop.ts';
import msTranscript from './ms/transcript.ts';

/** The English catalogue defines the keys; every other language must have each of them. */
export const en = {
  ...enCommon,
  ...enAuth,
  ...enLearning,
  ...enAdmin,
  ...enQuiz,
  ...enQuizIntegrity,
  ...enCertificates,
  ...enEmployers,
  ...enResources,
  ...enSecurity,
  ...enLanguages,
  ...enJobAidFiles,
  ...enMail,
  ...enAssignment,
  ...enWorkshop,
  ...enTranscript,
};
export type MessageKey = keyof typeof en;
export const ms: Record<MessageKey, string> = {
  ...msCommon,
  ...msAuth,
  ...msLearning,
  ...msAdmin,
  ...msQuiz,
  ...msQuizIntegrity,
  ...msCertificates,
  ...msEmployers,
  ...msResources,
  ...msSecurity,
  ...msLanguages,
  ...msJobAidFiles,
  ...msMail,
  ...msAssignment,
  ...msWorkshop,
  ...msTranscript,
};

export const catalogues = { en, ms } as const;
export type Locale = keyof typeof catalogues;
export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'ms';
}

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/**
 * `{name}` placeholders are replaced by params; numbers are formatted for the locale. Plurals use
 * the ICU form `{count, plural, one {# item} other {# items}}`: the branch is chosen by the
 * language's `Intl.PluralRules` (`=0`, `=1` … match exact values first) and `#` is the number.
 */
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

const pluralPattern = /\{(\w+), plural,((?:\s*=?\w+\s*\{[^{}]*\})+)\s*\}/gu;
const branchPattern = /\s*(=?\w+)\s*\{([^{}]*)\}/gu;

function buildTranslator(locale: Locale): Translate {
  const catalogue: Record<string, string> = catalogues[locale];
  const numberFormat = new Intl.NumberFormat(intlLocale(locale));
  const pluralRules = new Intl.PluralRules(intlLocale(locale));
  const choosePlural = (value: number, branches: string): string => {
    const forms = new Map<string, string>();
    for (const [, selector = '', text = ''] of branches.matchAll(branchPattern)) forms.set(selector, text);
    const text = forms.get(`=${value}`) ?? forms.get(pluralRules.select(value)) ?? forms.get('other') ?? '';
    return text.replace(/#/gu, numberFormat.format(value));
  };
  return (key, params) => {
    const template = catalogue[key] ?? en[key];
    if (!params) return template;
    const chosen = template.replace(pluralPattern, (match, name: string, branches: string) => {
      const value = params[name];
      return typeof value === 'number' ? choosePlural(value, branches) : match;
    });
    return chosen.replace(/\{(\w+)\}/g, (match, name: string) => {
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
