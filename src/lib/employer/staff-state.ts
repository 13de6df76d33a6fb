/**
 * Where a member of an employer's staff is with a course, as the employer workspace shows it, and
 * the due dates managers set. Pure: the states are decided in SQL (src/lib/server/employer/
 * staff.ts, the one implementation); this module names them and reads due dates from forms.
 */
import { dayKey, dayStartMs } from '#src/lib/report/dates.ts';
import { DAY_MS } from '#src/lib/time.ts';

/**
 * In the order a list sorted by state shows them: what needs a manager's attention first.
 * `not-assigned`: staff without any course; `awaiting-marking`: casework sent, a trainer has not
 * marked it yet; `expiring-N`: the certificate ends within N days.
 */
export const STAFF_STATES = [
  'overdue',
  'not-started',
  'in-progress',
  'awaiting-marking',
  'completed',
  'expired',
  'expiring-30',
  'expiring-60',
  'expiring-90',
  'certified',
  'withdrawn',
  'not-assigned',
] as const;
export type StaffState = (typeof STAFF_STATES)[number];

/** How far ahead a due date may be set. */
export const MAX_DUE_DAYS = 5 * 366;

export type DueDateProblem = 'invalid' | 'past' | 'too-far';

/**
 * A due date as typed in a date field (`YYYY-MM-DD`, Malaysia days): the last moment of that day,
 * or null when the field is empty (no due date). Today is allowed; earlier days are not.
 */
export function parseDueDate(
  typed: string,
  now: number,
): { ok: true; dueAt: number | null } | { ok: false; problem: DueDateProblem } {
  const text = typed.trim();
  if (text === '') return { ok: true, dueAt: null };
  const start = dayStartMs(text);
  if (start === null) return { ok: false, problem: 'invalid' };
  const today = dayStartMs(dayKey(now)) ?? now;
  if (start < today) return { ok: false, problem: 'past' };
  if (start > today + MAX_DUE_DAYS * DAY_MS) return { ok: false, problem: 'too-far' };
  return { ok: true, dueAt: start + DAY_MS - 1 };
}

/** The `YYYY-MM-DD` value a date field shows for a stored due date. */
export function dueDateValue(dueAt: number | null): string {
  return dueAt === null ? '' : dayKey(dueAt);
}
