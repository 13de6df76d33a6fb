/**
 * Dates in reports. The programme runs in Malaysia, so report days start at midnight Malaysia
 * time (UTC+8 all year: no daylight saving since 1982), whatever the server's own time zone.
 * Pure.
 */

import { DAY_MS, MALAYSIA_OFFSET_MS as OFFSET_MS } from '#src/lib/time.ts';

/** The longest range a report accepts: five years of monthly buckets. */
export const MAX_RANGE_DAYS = 5 * 366;

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** Midnight Malaysia time of a `YYYY-MM-DD` date, or null when the text is not a real date. */
export function dayStartMs(value: string): number | null {
  const match = datePattern.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return null;
  if (year < 2000 || year > 2999) return null;
  return utc - OFFSET_MS;
}

/** The Malaysia date (`YYYY-MM-DD`) of an instant. */
export function dayKey(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:mm` in Malaysia time: what spreadsheets read as a date and time. */
export function csvDateTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '';
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export interface DateRange {
  /** `YYYY-MM-DD`, first day included. */
  from: string;
  /** `YYYY-MM-DD`, last day included. */
  to: string;
  startMs: number;
  /** Exclusive: midnight after the last day. */
  endMs: number;
}

export type DateRangeProblem = 'invalid-from' | 'invalid-to' | 'order' | 'too-long';

/**
 * The range a report covers. Empty inputs mean the default (the last `defaultDays` days up to
 * today); a problem is reported and the default used instead, so the page still shows something.
 */
export function resolveDateRange(
  input: { from?: string | null; to?: string | null },
  now: number,
  defaultDays = 365,
): { range: DateRange; problems: DateRangeProblem[] } {
  const today = dayKey(now);
  const todayStart = dayStartMs(today) ?? now;
  const problems: DateRangeProblem[] = [];
  const fromText = input.from?.trim() ?? '';
  const toText = input.to?.trim() ?? '';
  let start = fromText ? dayStartMs(fromText) : null;
  let end = toText ? dayStartMs(toText) : null;
  if (fromText && start === null) problems.push('invalid-from');
  if (toText && end === null) problems.push('invalid-to');
  end ??= todayStart;
  start ??= end - (defaultDays - 1) * DAY_MS;
  if (start > end) {
    problems.push('order');
    start = end - (defaultDays - 1) * DAY_MS;
  }
  if ((end - start) / DAY_MS + 1 > MAX_RANGE_DAYS) {
    problems.push('too-long');
    start = end - (MAX_RANGE_DAYS - 1) * DAY_MS;
  }
  return { range: { from: dayKey(start), to: dayKey(end), startMs: start, endMs: end + DAY_MS }, problems };
}

export type Granularity = 'day' | 'week' | 'month';

/** Days for up to a month, weeks for up to half a year, months beyond. */
export function chooseGranularity(range: DateRange): Granularity {
  const days = Math.round((range.endMs - range.startMs) / DAY_MS);
  if (days <= 31) return 'day';
  if (days <= 183) return 'week';
  return 'month';
}

/** The bucket a Malaysia date falls in: the day itself, the Monday of its week, or `YYYY-MM`. */
export function bucketOf(day: string, granularity: Granularity): string {
  if (granularity === 'day') return day;
  if (granularity === 'month') return day.slice(0, 7);
  const start = dayStartMs(day);
  if (start === null) return day;
  const weekday = (new Date(start + OFFSET_MS).getUTCDay() + 6) % 7;
  return dayKey(start - weekday * DAY_MS);
}

/** Every bucket of a range in order, so that empty periods show as zero. */
export function bucketsOf(range: DateRange, granularity: Granularity): string[] {
  const keys: string[] = [];
  for (let ms = range.startMs; ms < range.endMs; ms += DAY_MS) {
    const key = bucketOf(dayKey(ms), granularity);
    if (keys[keys.length - 1] !== key) keys.push(key);
  }
  return keys;
}

/** The instant a bucket starts, for formatting its label. */
export function bucketStartMs(bucket: string): number {
  return dayStartMs(bucket.length === 7 ? `${bucket}-01` : bucket) ?? 0;
}
