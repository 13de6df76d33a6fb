/**
 * The rules of practical sessions (workshops), pure: what a valid session is, who may book and
 * whether they get a place or the waitlist, when a booking may be cancelled, when the check-in
 * code works and when a check-in counts as late. Pages, actions, the server and tests share them.
 */
import { MINUTE_MS, malaysiaInstant } from '#src/lib/time.ts';

export const sessionModes = ['in-person', 'online'] as const;
export type SessionMode = (typeof sessionModes)[number];

export const attendanceMarks = ['present', 'late', 'excused', 'absent'] as const;
export type AttendanceMark = (typeof attendanceMarks)[number];

export const MAX_CAPACITY = 500;
/** The check-in code works from this long before the start until the end. */
export const CHECK_IN_OPENS_BEFORE_MS = 15 * MINUTE_MS;
/** A check-in this long after the start is marked late. */
export const LATE_AFTER_MS = 15 * MINUTE_MS;
/** Wrong codes a learner may enter for one session before check-in stops for them. */
export const MAX_CHECK_IN_FAILURES = 5;
/** No look-alike characters (0/O, 1/I/L), so a code read off a projector is typed right. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CHECK_IN_CODE_LENGTH = 6;

/** A fresh check-in code: 6 characters, about 30 bits. */
export function generateCheckInCode(): string {
  const bytes = new Uint8Array(CHECK_IN_CODE_LENGTH);
  crypto.getRandomValues(bytes);
  let code = '';
  for (const byte of bytes) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
  return code;
}

/** A code as typed: spaces and dashes dropped, upper case. */
export function normaliseCheckInCode(typed: string): string {
  return typed
    .replace(/[\s-]+/gu, '')
    .toUpperCase()
    .slice(0, 32);
}

export interface SessionTimes {
  startsAt: number;
  endsAt: number;
}

export function hasStarted(session: Pick<SessionTimes, 'startsAt'>, now: number): boolean {
  return now >= session.startsAt;
}

/** Whether learners can check themselves in with the code now. */
export function isCheckInOpen(session: SessionTimes, now: number): boolean {
  return now >= session.startsAt - CHECK_IN_OPENS_BEFORE_MS && now <= session.endsAt;
}

/** The mark a check-in at `now` earns. */
export function checkInMark(session: Pick<SessionTimes, 'startsAt'>, now: number): AttendanceMark {
  return now > session.startsAt + LATE_AFTER_MS ? 'late' : 'present';
}

export interface SessionForm {
  courseId: string;
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  mode: string;
  venue: string;
  meetingUrl: string;
  capacity: string;
  notes: string;
}

export type SessionProblem =
  | { field: 'courseId'; code: 'missing' }
  | { field: 'title'; code: 'missing' | 'too-long' }
  | { field: 'date'; code: 'invalid' }
  | { field: 'startTime'; code: 'invalid' }
  | { field: 'endTime'; code: 'invalid' | 'before-start' }
  | { field: 'mode'; code: 'missing' }
  | { field: 'venue'; code: 'missing' | 'too-long' }
  | { field: 'meetingUrl'; code: 'missing' | 'invalid' }
  | { field: 'capacity'; code: 'invalid' | 'below-booked' }
  | { field: 'notes'; code: 'too-long' };

export interface SessionInput {
  courseId: string;
  title: string;
  startsAt: number;
  endsAt: number;
  mode: SessionMode;
  venue: string | null;
  meetingUrl: string | null;
  capacity: number;
  notes: string | null;
}

/** An https (or http) address a browser opens, or null. */
function meetingLink(value: string): string | null {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== ''
      ? url.toString()
      : null;
  } catch {
    return null;
  }
}

/**
 * Checks a schedule form. `courseIds` are the courses a session may belong to; times are
 * Malaysia time. A session may be recorded in the past (a workshop held before it was entered).
 */
export function parseSessionForm(
  form: SessionForm,
  courseIds: ReadonlySet<string>,
): { ok: true; input: SessionInput } | { ok: false; problems: SessionProblem[] } {
  const problems: SessionProblem[] = [];
  const title = form.title.replace(/\s+/gu, ' ').trim();
  if (!courseIds.has(form.courseId)) problems.push({ field: 'courseId', code: 'missing' });
  if (title === '') problems.push({ field: 'title', code: 'missing' });
  else if (title.length > 200) problems.push({ field: 'title', code: 'too-long' });
  const dayValid = malaysiaInstant(form.date, '00:00') !== null;
  if (!dayValid) problems.push({ field: 'date', code: 'invalid' });
  const startsAt = dayValid ? malaysiaInstant(form.date, form.startTime) : null;
  const endsAt = dayValid ? malaysiaInstant(form.date, form.endTime) : null;
  if (dayValid && startsAt === null) problems.push({ field: 'startTime', code: 'invalid' });
  if (dayValid && endsAt === null) problems.push({ field: 'endTime', code: 'invalid' });
  else if (startsAt !== null && endsAt !== null && endsAt <= startsAt)
    problems.push({ field: 'endTime', code: 'before-start' });
  const mode = (sessionModes as readonly string[]).includes(form.mode) ? (form.mode as SessionMode) : null;
  if (!mode) problems.push({ field: 'mode', code: 'missing' });
  const venue = form.venue.trim();
  const url = form.meetingUrl.trim();
  if (mode === 'in-person') {
    if (venue === '') problems.push({ field: 'venue', code: 'missing' });
    else if (venue.length > 300) problems.push({ field: 'venue', code: 'too-long' });
  }
  const link = mode === 'online' && url !== '' ? meetingLink(url) : null;
  if (mode === 'online') {
    if (url === '') problems.push({ field: 'meetingUrl', code: 'missing' });
    else if (!link || url.length > 500) problems.push({ field: 'meetingUrl', code: 'invalid' });
  }
  const capacity = /^\d{1,4}$/u.test(form.capacity.trim()) ? Number(form.capacity.trim()) : NaN;
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY)
    problems.push({ field: 'capacity', code: 'invalid' });
  const notes = form.notes.trim();
  if (notes.length > 2000) problems.push({ field: 'notes', code: 'too-long' });
  if (problems.length > 0 || !mode || startsAt === null || endsAt === null) return { ok: false, problems };
  return {
    ok: true,
    input: {
      courseId: form.courseId,
      title,
      startsAt,
      endsAt,
      mode,
      venue: mode === 'in-person' ? venue : null,
      meetingUrl: mode === 'online' ? link : null,
      capacity,
      notes: notes === '' ? null : notes,
    },
  };
}

export type BookingRefusal =
  | 'not-found'
  /** Not enrolled (actively) in the session's course. */
  | 'not-enrolled'
  | 'cancelled'
  | 'started'
  | 'already-booked'
  | 'already-waitlisted';

/** Whether a learner may ask for a place, and whether they get one or join the waitlist. */
export function decideBooking(input: {
  session: { startsAt: number; cancelledAt: number | null; capacity: number };
  enrolled: boolean;
  current: 'booked' | 'waitlisted' | 'cancelled' | null;
  bookedCount: number;
  now: number;
}): { ok: true; status: 'booked' | 'waitlisted' } | { ok: false; reason: BookingRefusal } {
  if (input.session.cancelledAt !== null) return { ok: false, reason: 'cancelled' };
  if (hasStarted(input.session, input.now)) return { ok: false, reason: 'started' };
  if (!input.enrolled) return { ok: false, reason: 'not-enrolled' };
  if (input.current === 'booked') return { ok: false, reason: 'already-booked' };
  if (input.current === 'waitlisted') return { ok: false, reason: 'already-waitlisted' };
  return { ok: true, status: input.bookedCount < input.session.capacity ? 'booked' : 'waitlisted' };
}
