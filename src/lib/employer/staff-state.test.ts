import { describe, expect, it } from 'vitest';
import { DAY_MS } from '#src/lib/time.ts';
import { dueDateValue, parseDueDate } from './staff-state.ts';

// 1 Dec 2026, 10:00 in Malaysia (02:00 UTC).
const now = Date.UTC(2026, 11, 1, 2, 0, 0);

describe('due dates', () => {
  it('are the last moment of the chosen Malaysia day', () => {
    const parsed = parseDueDate('2026-12-31', now);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.dueAt === null) throw new Error('expected a date');
    // 31 Dec 23:59:59.999 in Malaysia is 31 Dec 15:59:59.999 UTC.
    expect(parsed.dueAt).toBe(Date.UTC(2026, 11, 31, 16, 0, 0) - 1);
    expect(dueDateValue(parsed.dueAt)).toBe('2026-12-31');
  });

  it('may be today or empty, never in the past or years ahead', () => {
    expect(parseDueDate('', now)).toEqual({ ok: true, dueAt: null });
    expect(parseDueDate('2026-12-01', now).ok).toBe(true);
    expect(parseDueDate('2026-11-30', now)).toEqual({ ok: false, problem: 'past' });
    expect(parseDueDate('2026-02-30', now)).toEqual({ ok: false, problem: 'invalid' });
    expect(parseDueDate('31/12/2026', now)).toEqual({ ok: false, problem: 'invalid' });
    expect(parseDueDate('2033-01-01', now)).toEqual({ ok: false, problem: 'too-far' });
    expect(parseDueDate('2027-12-01', now + 0 * DAY_MS).ok).toBe(true);
  });

  it('show as the date field value', () => {
    expect(dueDateValue(null)).toBe('');
  });
});
