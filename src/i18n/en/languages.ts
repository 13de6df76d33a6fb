/** Content in two languages: fallback notes, lesson sources, the handbook editions, certificate language. */
export default {
  'content.untranslated': 'This part has not been translated yet, so it is shown in its original language.',
  'content.untranslatedItems': 'Items marked “{marker}” have not been translated yet.',
  'content.untranslatedMarker': 'original language',
  'lesson.sourcesTitle': 'Sources',
  'handbook.otherEdition': 'Download the Bahasa Malaysia edition (PDF, {size})',
  'certificates.language.label': 'Certificate language',
  'certificates.language.hint':
    'The certificate prints the course title and wording in this language, and its verification page shows them.',
  'certificates.language.holder': 'Each holder’s preferred language',
  'certificates.language.holderOne': 'The holder’s preferred language ({language})',
  'certificates.language.en': 'English',
  'certificates.language.ms': 'Bahasa Malaysia',
  'certificates.language.reissueHint':
    'Choose the other language to give the holder this certificate in that language: the new certificate takes the course title and wording from the course in that language.',
  'certificates.language.unavailable':
    'This course has no wording in that language any more: re-issue the certificate in its own language.',
  'certificates.language.field': 'Language',
} as const;
