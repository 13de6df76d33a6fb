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
import { formatMessage } from './format.ts';

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
 * `{name}` placeholders are replaced by params; numbers are formatted for the locale; plurals use
 * the ICU form (`./format.ts`, shared with the quiz player).
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

function buildTranslator(locale: Locale): Translate {
  const catalogue: Record<string, string> = catalogues[locale];
  const tag = intlLocale(locale);
  return (key, params) => {
    const template = catalogue[key] ?? en[key];
    return params ? formatMessage(template, params, tag) : template;
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
