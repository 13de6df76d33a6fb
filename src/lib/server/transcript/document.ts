/**
 * The words of a transcript in one language: title, facts and sections with their tables. The
 * page and the PDF both render this one model, so they never say different things.
 */
import { createTranslator, intlLocale, type Locale } from '#src/i18n/index.ts';
import { numberFormatter } from '#src/lib/number.ts';
import { dateFormatter } from '#src/lib/time.ts';
import type { TranscriptPdfInput, TranscriptPdfSection } from '#src/lib/server/pdf/transcript.ts';
import type { Transcript } from './build.ts';

/** The transcript's words in `locale` (the catalogue it was built from should be in it too). */
export function transcriptDocument(transcript: Transcript, locale: Locale): TranscriptPdfInput {
  const t = createTranslator(locale);
  const day = dateFormatter(locale, 'longDate');
  const date = (at: number | null): string => (at === null ? t('transcript.notCompleted') : day.format(at));
  const number = numberFormatter(intlLocale(locale), { maximumFractionDigits: 1 });
  const percent = (value: number): string => `${number.format(value)}%`;
  const hours = (value: number): string => t('transcript.hours', { hours: Math.round(value * 10) / 10 });

  const courseSections = transcript.courses.map((course): TranscriptPdfSection => ({
    heading: course.title,
    level: 3,
    facts: [
      { label: t('transcript.enrolled'), value: day.format(course.enrolledAt) },
      {
        label: t('transcript.completed'),
        value:
          course.completedAt === null
            ? t('transcript.inProgress', { percent: course.percent })
            : day.format(course.completedAt),
      },
      ...(course.hasFinal
        ? [
            {
              label: t('transcript.finalScore'),
              value: course.finalScore === null ? t('transcript.notPassedYet') : percent(course.finalScore),
            },
          ]
        : []),
      {
        label: t('transcript.cpdCredited'),
        value: t('transcript.cpdOf', {
          earned: hours(course.creditedHours),
          total: hours(course.cpdHours),
        }),
      },
    ],
    table: {
      columns: [
        { label: t('transcript.colModule'), width: 5 },
        { label: t('transcript.colCompleted'), width: 3 },
        { label: t('transcript.colScore'), width: 2.2 },
        { label: t('transcript.colCpd'), width: 1.8 },
      ],
      rows: course.modules.map((module) => [
        module.title,
        date(module.completedAt),
        module.hasQuiz
          ? module.bestScore === null
            ? t('transcript.notPassedYet')
            : percent(module.bestScore)
          : t('transcript.noQuiz'),
        module.completedAt === null ? '–' : number.format(module.cpdHours),
      ]),
    },
  }));

  return {
    language: locale,
    title: t('transcript.titleFor', { name: transcript.holder.fullName }),
    lead: t('transcript.lead'),
    facts: [
      { label: t('transcript.holder'), value: transcript.holder.fullName },
      {
        label: t('transcript.employer'),
        value: transcript.holder.employerName ?? t('transcript.independent'),
      },
      { label: t('transcript.totalCpd'), value: hours(transcript.totalCpdHours) },
      { label: t('transcript.generated'), value: day.format(transcript.generatedAt) },
    ],
    sections: [
      {
        heading: t('transcript.coursesTitle'),
        level: 2,
        note: transcript.courses.length === 0 ? t('transcript.noCourses') : t('transcript.cpdNote'),
      },
      ...courseSections,
      {
        heading: t('transcript.workshopsTitle'),
        level: 2,
        note: t('transcript.noWorkshops'),
        table: {
          columns: [
            { label: t('transcript.colSession'), width: 4 },
            { label: t('transcript.colCourse'), width: 3.5 },
            { label: t('transcript.colDate'), width: 2.5 },
            { label: t('transcript.colAttendance'), width: 2 },
          ],
          rows: transcript.workshops.map((workshop) => [
            workshop.title,
            workshop.courseTitle,
            day.format(workshop.startsAt),
            workshop.attendance === 'late' ? t('transcript.late') : t('transcript.present'),
          ]),
        },
      },
      {
        heading: t('transcript.certificatesTitle'),
        level: 2,
        ...(transcript.certificates.length === 0 ? { note: t('transcript.noCertificates') } : {}),
      },
      ...transcript.certificates.map((certificate): TranscriptPdfSection => ({
        heading: `${certificate.courseTitle} · ${certificate.serial}`,
        level: 3,
        facts: [
          { label: t('transcript.colSerial'), value: certificate.serial },
          { label: t('transcript.colIssued'), value: day.format(certificate.issuedAt) },
          {
            label: t('transcript.colStatus'),
            value:
              certificate.status === 'valid' && certificate.expiresAt !== null
                ? t('transcript.validUntil', { date: day.format(certificate.expiresAt) })
                : t(`certificates.status.${certificate.status}`),
          },
          { label: t('transcript.colVerify'), value: certificate.verifyUrl },
        ],
      })),
    ],
    pageLabel: (page, pages) => t('transcript.page', { page, pages }),
    footer: t('transcript.footer'),
  };
}
