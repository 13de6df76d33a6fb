import { describe, expect, it } from 'vitest';
import { buildIcs, escapeIcsText, foldIcsLine } from './ics.ts';
import {
  checkInMark,
  decideBooking,
  generateCheckInCode,
  isCheckInOpen,
  normaliseCheckInCode,
  parseSessionForm,
  type SessionForm,
} from './rules.ts';

const form: SessionForm = {
  courseId: 'rtw-coordinator',
  title: '  Workshop:   building an RTW plan ',
  date: '2026-05-25',
  startTime: '09:00',
  endTime: '12:30',
  mode: 'in-person',
  venue: 'PERKESO training room, Jalan Ampang',
  meetingUrl: '',
  capacity: '20',
  notes: '',
};
const courses = new Set(['rtw-coordinator']);

describe('the schedule form', () => {
  it('reads Malaysia time and cleans the text', () => {
    const result = parseSessionForm(form, courses);
    expect(result).toEqual({
      ok: true,
      input: {
        courseId: 'rtw-coordinator',
        title: 'Workshop: building an RTW plan',
        startsAt: Date.UTC(2026, 4, 25, 1, 0),
        endsAt: Date.UTC(2026, 4, 25, 4, 30),
        mode: 'in-person',
        venue: 'PERKESO training room, Jalan Ampang',
        meetingUrl: null,
        capacity: 20,
        notes: null,
      },
    });
  });

  it('says what is wrong with each field', () => {
    const result = parseSessionForm(
      {
        ...form,
        courseId: 'nope',
        title: ' ',
        date: '2026-02-30',
        mode: 'online',
        meetingUrl: 'javascript:alert(1)',
        capacity: '0',
      },
      courses,
    );
    expect(result.ok ? [] : result.problems).toEqual([
      { field: 'courseId', code: 'missing' },
      { field: 'title', code: 'missing' },
      { field: 'date', code: 'invalid' },
      { field: 'meetingUrl', code: 'invalid' },
      { field: 'capacity', code: 'invalid' },
    ]);
    const backwards = parseSessionForm({ ...form, endTime: '08:00' }, courses);
    expect(backwards.ok ? [] : backwards.problems).toEqual([{ field: 'endTime', code: 'before-start' }]);
    const noVenue = parseSessionForm({ ...form, venue: ' ' }, courses);
    expect(noVenue.ok ? [] : noVenue.problems).toEqual([{ field: 'venue', code: 'missing' }]);
    const online = parseSessionForm(
      { ...form, mode: 'online', meetingUrl: 'https://meet.example.my/rtw' },
      courses,
    );
    expect(online.ok && online.input).toMatchObject({
      venue: null,
      meetingUrl: 'https://meet.example.my/rtw',
    });
  });
});

describe('booking', () => {
  const session = { startsAt: 10_000, cancelledAt: null, capacity: 2 };
  it('gives a place while there is room, then the waitlist', () => {
    expect(decideBooking({ session, enrolled: true, current: null, bookedCount: 1, now: 0 })).toEqual({
      ok: true,
      status: 'booked',
    });
    expect(decideBooking({ session, enrolled: true, current: 'cancelled', bookedCount: 2, now: 0 })).toEqual({
      ok: true,
      status: 'waitlisted',
    });
  });
  it('refuses after the start, when cancelled, when not enrolled or already booked', () => {
    expect(decideBooking({ session, enrolled: true, current: null, bookedCount: 0, now: 10_000 })).toEqual({
      ok: false,
      reason: 'started',
    });
    expect(
      decideBooking({
        session: { ...session, cancelledAt: 1 },
        enrolled: true,
        current: null,
        bookedCount: 0,
        now: 0,
      }),
    ).toEqual({
      ok: false,
      reason: 'cancelled',
    });
    expect(decideBooking({ session, enrolled: false, current: null, bookedCount: 0, now: 0 })).toEqual({
      ok: false,
      reason: 'not-enrolled',
    });
    expect(decideBooking({ session, enrolled: true, current: 'booked', bookedCount: 1, now: 0 })).toEqual({
      ok: false,
      reason: 'already-booked',
    });
  });
});

describe('check-in', () => {
  const times = { startsAt: 60 * 60_000, endsAt: 3 * 60 * 60_000 };
  it('is open from 15 minutes before the start to the end, and late after 15 minutes', () => {
    expect(isCheckInOpen(times, times.startsAt - 16 * 60_000)).toBe(false);
    expect(isCheckInOpen(times, times.startsAt - 15 * 60_000)).toBe(true);
    expect(isCheckInOpen(times, times.endsAt)).toBe(true);
    expect(isCheckInOpen(times, times.endsAt + 1)).toBe(false);
    expect(checkInMark(times, times.startsAt + 15 * 60_000)).toBe('present');
    expect(checkInMark(times, times.startsAt + 15 * 60_000 + 1)).toBe('late');
  });
  it('codes have no look-alike characters and forgive spaces and case', () => {
    for (let i = 0; i < 50; i++) expect(generateCheckInCode()).toMatch(/^[A-HJKMNP-Z2-9]{6}$/u);
    expect(normaliseCheckInCode(' ab3-d e7 ')).toBe('AB3DE7');
  });
});

describe('calendar files', () => {
  it('escape text, fold long lines and write UTC times', () => {
    expect(escapeIcsText('Bilik 2, Aras 3; Jalan\\Ampang\nMasuk')).toBe(
      'Bilik 2\\, Aras 3\\; Jalan\\\\Ampang\\nMasuk',
    );
    const folded = foldIcsLine(`DESCRIPTION:${'é'.repeat(80)}`);
    for (const line of folded.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const ics = buildIcs({
      uid: 'abc@rtw-academy',
      startsAt: Date.UTC(2026, 4, 25, 1, 0),
      endsAt: Date.UTC(2026, 4, 25, 4, 30),
      stampedAt: Date.UTC(2026, 4, 1),
      title: 'Workshop',
      location: 'Online',
      description: 'Bring the RTW plan',
      url: 'https://meet.example.my/rtw',
      cancelled: false,
    });
    expect(ics).toContain('DTSTART:20260525T010000Z\r\n');
    expect(ics).toContain('DTEND:20260525T043000Z\r\n');
    expect(ics).toContain('URL:https://meet.example.my/rtw\r\n');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
