/**
 * Time as people here read it. The programme runs in Malaysia, so every date a person sees and
 * every report day is in Malaysia time (UTC+8 all year: no daylight saving since 1982), whatever
 * the server's own zone. Formatters are built once per language and style, then reused.
 * Isomorphic and pure.
 */
import { intlLocale, type Locale } from '#src/i18n/index.ts';

export const TIME_ZONE = 'Asia/Kuala_Lumpur';
export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** Malaysia time minus UTC, for arithmetic on days (SQL included). */
export const MALAYSIA_OFFSET_MS = 8 * HOUR_MS;

const styles = {
  /** "26 Nov 2026, 2:53 pm" */
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  /** "26 Nov 2026" */
  date: { dateStyle: 'medium' },
  /** "26 November 2026" */
  longDate: { dateStyle: 'long' },
  /** "26 Nov", for chart labels */
  dayMonth: { day: 'numeric', month: 'short' },
  /** "Nov 2026" */
  month: { month: 'short', year: 'numeric' },
  /** "2:53 pm" */
  time: { timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof styles;

const cache = new Map<string, Intl.DateTimeFormat>();

/** The shared formatter of a style in a language, in Malaysia time. */
export function dateFormatter(locale: Locale, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale} ${style}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { ...styles[style], timeZone: TIME_ZONE });
    cache.set(key, format);
  }
  return format;
}

/** An instant (ms or Date) as a person in Malaysia reads it. */
export function formatDate(locale: Locale, at: number | Date, style: DateStyle = 'date'): string {
  return dateFormatter(locale, style).format(at);
}

/** Whole days from `from` to `to` (ms), rounded down; negative when `to` is earlier. */
export function daysBetween(from: number, to: number): number {
  return Math.floor((to - from) / DAY_MS);
}

/**
 * The instant of a wall-clock date and time in Malaysia, from form fields (`2026-05-25`, `09:30`),
 * or null when either is not a real date or time.
 */
export function malaysiaInstant(date: string, time: string): number | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date.trim());
  const clock = /^(\d{1,2}):(\d{2})$/u.exec(time.trim());
  if (!day || !clock) return null;
  const [year, month, dayOfMonth, hour, minute] = [day[1], day[2], day[3], clock[1], clock[2]].map(
    Number,
  ) as [number, number, number, number, number];
  if (hour > 23 || minute > 59) return null;
  const utc = Date.UTC(year, month - 1, dayOfMonth, hour, minute);
  const check = new Date(utc);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== dayOfMonth
  )
    return null;
  return utc - MALAYSIA_OFFSET_MS;
}

/** The Malaysia wall-clock date (`2026-05-25`) and time (`09:30`) of an instant, for form fields. */
export function malaysiaDateTimeParts(at: number): { date: string; time: string } {
  const iso = new Date(at + MALAYSIA_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}
