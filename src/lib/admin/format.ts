import { intlLocale, type Locale } from '#src/i18n/index.ts';
import { numberFormatter } from '#src/lib/number.ts';
import { dateFormatter } from '#src/lib/time.ts';

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
  const [dateTime, date, shortDate, month] = (['dateTime', 'date', 'dayMonth', 'month'] as const).map(
    (style) => dateFormatter(locale, style),
  ) as [Intl.DateTimeFormat, Intl.DateTimeFormat, Intl.DateTimeFormat, Intl.DateTimeFormat];
  const number = numberFormatter(tag);
  const percent = numberFormatter(tag, { style: 'percent', maximumFractionDigits: 0 });
  return {
    dateTime: (ms) => dateTime.format(ms),
    date: (ms) => date.format(ms),
    shortDate: (ms) => shortDate.format(ms),
    month: (ms) => month.format(ms),
    number: (value) => number.format(value),
    percent: (share) => percent.format(share),
  };
}
