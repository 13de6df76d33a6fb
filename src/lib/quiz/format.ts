/** Dates, durations and scores on the quiz pages, formatted for the reader's language. */
import { intlLocale, type Locale, type Translate } from '#src/i18n/index.ts';
import { numberFormatter } from '#src/lib/number.ts';
import { formatDate } from '#src/lib/time.ts';

/** "26 Nov 2026, 2:53 pm" in Malaysian time. */
export function formatDateTime(locale: Locale, ms: number): string {
  return formatDate(locale, ms, 'dateTime');
}

function unit(
  t: Translate,
  count: number,
  one: 'quiz.duration.minute' | 'quiz.duration.hour' | 'quiz.duration.day',
): string {
  const many = `${one}s` as const;
  return count === 1 ? t(one) : t(many, { count });
}

/** A number of minutes as words: "90 minutes", "1 hour 30 minutes", "1 day". */
export function formatMinutes(t: Translate, minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  if (whole >= 1440 && whole % 1440 === 0) return unit(t, whole / 1440, 'quiz.duration.day');
  if (whole >= 120 && whole % 60 === 0) return unit(t, whole / 60, 'quiz.duration.hour');
  if (whole > 120)
    return t('quiz.duration.hoursMinutes', {
      hours: unit(t, Math.floor(whole / 60), 'quiz.duration.hour'),
      minutes: unit(t, whole % 60, 'quiz.duration.minute'),
    });
  return unit(t, whole, 'quiz.duration.minute');
}

/** A percent with at most one decimal: 83.33 → "83.3%". */
export function formatPercent(locale: Locale, percent: number): string {
  return numberFormatter(intlLocale(locale), { maximumFractionDigits: 1 }).format(percent) + '%';
}

/** Points with at most two decimals. */
export function formatPoints(locale: Locale, points: number): string {
  return numberFormatter(intlLocale(locale), { maximumFractionDigits: 2 }).format(points);
}

/** "×1.5" for a time multiplier. */
export function formatMultiplier(locale: Locale, multiplier: number): string {
  return `×${numberFormatter(intlLocale(locale), { maximumFractionDigits: 2 }).format(multiplier)}`;
}
