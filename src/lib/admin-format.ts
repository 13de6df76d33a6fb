import { intlLocale, type Locale } from '../i18n/index.ts';
import { REPORT_TIME_ZONE } from './report-dates.ts';

export interface AdminFormatters {
  /** Date and time in Malaysia time, e.g. "26 Nov 2026, 9:05 am". */
  dateTime(ms: number): string;
  date(ms: number): string;
  /** Day and month only, for chart labels. */
  shortDate(ms: number): string;
  month(ms: number): string;
  number(value: number): string;
  /** A 0..1 share as a whole percentage. */
  percent(share: number): string;
}

/** Locale-aware formatting for the admin pages; times are always shown in Malaysia time. */
export function adminFormatters(locale: Locale): AdminFormatters {
  const tag = intlLocale(locale);
  const dateTime = new Intl.DateTimeFormat(tag, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: REPORT_TIME_ZONE,
  });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: REPORT_TIME_ZONE });
  const shortDate = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'short',
    timeZone: REPORT_TIME_ZONE,
  });
  const month = new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: REPORT_TIME_ZONE });
  const number = new Intl.NumberFormat(tag);
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  return {
    dateTime: (ms) => dateTime.format(ms),
    date: (ms) => date.format(ms),
    shortDate: (ms) => shortDate.format(ms),
    month: (ms) => month.format(ms),
    number: (value) => number.format(value),
    percent: (share) => percent.format(share),
  };
}
