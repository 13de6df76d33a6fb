import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  bucketsOf,
  chooseGranularity,
  csvDateTime,
  dayKey,
  dayStartMs,
  resolveDateRange,
} from './dates.ts';

// 26 November 2026, 01:30 in Kuala Lumpur (still the 25th in UTC).
const now = Date.UTC(2026, 10, 25, 17, 30);

describe('Malaysia days', () => {
  it('starts a day at midnight UTC+8', () => {
    expect(dayStartMs('2026-11-26')).toBe(Date.UTC(2026, 10, 25, 16, 0));
    expect(dayKey(now)).toBe('2026-11-26');
    expect(csvDateTime(now)).toBe('2026-11-26 01:30');
  });

  it('refuses dates that do not exist', () => {
    expect(dayStartMs('2026-02-30')).toBeNull();
    expect(dayStartMs('26/11/2026')).toBeNull();
    expect(dayStartMs('')).toBeNull();
  });
});

describe('resolveDateRange', () => {
  it('defaults to the last year up to today, last day included', () => {
    const { range, problems } = resolveDateRange({}, now);
    expect(problems).toEqual([]);
    expect(range.to).toBe('2026-11-26');
    expect(range.from).toBe('2025-11-27');
    expect(range.endMs).toBe(dayStartMs('2026-11-27'));
  });

  it('reports bad input and falls back', () => {
    expect(resolveDateRange({ from: 'yesterday' }, now).problems).toEqual(['invalid-from']);
    const reversed = resolveDateRange({ from: '2026-06-01', to: '2026-05-01' }, now);
    expect(reversed.problems).toEqual(['order']);
    expect(reversed.range.to).toBe('2026-05-01');
    expect(resolveDateRange({ from: '2001-01-01', to: '2026-01-01' }, now).problems).toEqual(['too-long']);
  });
});

describe('buckets', () => {
  it('chooses days, weeks or months by the length of the range', () => {
    expect(chooseGranularity(resolveDateRange({ from: '2026-11-01', to: '2026-11-26' }, now).range)).toBe(
      'day',
    );
    expect(chooseGranularity(resolveDateRange({ from: '2026-08-01', to: '2026-11-26' }, now).range)).toBe(
      'week',
    );
    expect(chooseGranularity(resolveDateRange({}, now).range)).toBe('month');
  });

  it('puts a day in the week that starts on its Monday', () => {
    expect(bucketOf('2026-11-26', 'week')).toBe('2026-11-23');
    expect(bucketOf('2026-11-23', 'week')).toBe('2026-11-23');
    expect(bucketOf('2026-11-22', 'week')).toBe('2026-11-16');
    expect(bucketOf('2026-11-22', 'month')).toBe('2026-11');
  });

  it('lists every bucket of the range once, in order', () => {
    const { range } = resolveDateRange({ from: '2026-01-15', to: '2026-04-02' }, now);
    expect(bucketsOf(range, 'month')).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(bucketsOf(range, 'day')).toHaveLength(78);
  });
});
