import { formText } from '#src/lib/server/http/form-text.ts';
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import {
  attendanceMarks,
  parseSessionForm,
  type AttendanceMark,
  type SessionForm,
} from '#src/lib/workshop/rules.ts';
import { requireActionUser } from '#src/lib/server/account/guard.ts';
import { getDb } from '#src/lib/server/app.ts';
import { recordCompletions } from '#src/lib/server/completion.ts';
import { getCatalogue } from '#src/lib/server/content/course.ts';
import { sendQueuedMailSoon } from '#src/lib/server/mail/app.ts';
import { markAttendance } from '#src/lib/server/workshop/attendance.ts';
import { bookSession, cancelBooking, checkIn } from '#src/lib/server/workshop/booking.ts';
import {
  cancelSession,
  createSession,
  renewCheckInCode,
  updateSession,
} from '#src/lib/server/workshop/sessions.ts';
import { field } from './form.ts';

const sessionFields = {
  courseId: field(),
  title: field(),
  date: field(),
  startTime: field(),
  endTime: field(),
  mode: field(),
  venue: field(),
  meetingUrl: field(),
  capacity: field(),
  notes: field(),
};

/** What the form showed, cut to sane lengths, for showing it again after a problem. */
function typed(input: SessionForm): SessionForm {
  const cut = (value: string, max: number) => value.slice(0, max);
  return {
    courseId: cut(input.courseId, 100),
    title: cut(input.title, 400),
    date: cut(input.date, 20),
    startTime: cut(input.startTime, 10),
    endTime: cut(input.endTime, 10),
    mode: cut(input.mode, 20),
    venue: cut(input.venue, 600),
    meetingUrl: cut(input.meetingUrl, 1000),
    capacity: cut(input.capacity, 10),
    notes: cut(input.notes, 4000),
  };
}

async function publishedCourseIds(): Promise<Set<string>> {
  return new Set((await getCatalogue()).published.courses.map((course) => course.id));
}

/**
 * Practical sessions. Scheduling, the class list and the check-in code need a trainer or admin;
 * booking, cancelling and checking in act for the signed-in learner only. Attendance that counts
 * (present or late) may complete a course, so the completions due are recorded at once.
 */
export const workshop = {
  schedule: defineAction({
    accept: 'form',
    input: z.object(sessionFields),
    handler: async (input, context) => {
      const user = requireActionUser(context, 'trainer');
      const values = typed(input);
      const parsed = parseSessionForm(values, await publishedCourseIds());
      if (!parsed.ok)
        return { ok: false as const, reason: 'invalid' as const, problems: parsed.problems, values };
      const id = await createSession(await getDb(), user, parsed.input, Date.now());
      return id ? { ok: true as const, id } : { ok: false as const, reason: 'not-found' as const, values };
    },
  }),

  update: defineAction({
    accept: 'form',
    input: z.object({ sessionId: field(), ...sessionFields }),
    handler: async (input, context) => {
      const user = requireActionUser(context, 'trainer');
      const values = typed(input);
      const parsed = parseSessionForm(values, new Set([values.courseId]));
      if (!parsed.ok)
        return { ok: false as const, reason: 'invalid' as const, problems: parsed.problems, values };
      const { courseId: _unchanged, ...details } = parsed.input;
      const result = await updateSession(
        await getDb(),
        user,
        input.sessionId.slice(0, 64),
        details,
        Date.now(),
      );
      if (result.ok) sendQueuedMailSoon();
      return result.ok ? result : { ...result, values };
    },
  }),

  cancelSession: defineAction({
    accept: 'form',
    input: z.object({ sessionId: field(), reason: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context, 'trainer');
      const result = await cancelSession(
        await getDb(),
        user,
        input.sessionId.slice(0, 64),
        input.reason,
        Date.now(),
      );
      if (result.ok) sendQueuedMailSoon();
      return { ...result, reasonText: input.reason.slice(0, 1000) };
    },
  }),

  renewCode: defineAction({
    accept: 'form',
    input: z.object({ sessionId: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context, 'trainer');
      return renewCheckInCode(await getDb(), user, input.sessionId.slice(0, 64), Date.now());
    },
  }),

  /** The class list: `mark:<booking id>` = present, late, excused, absent or '' (no mark). */
  attendance: defineAction({
    accept: 'form',
    handler: async (form: FormData, context) => {
      const user = requireActionUser(context, 'trainer');
      const sessionId = formText(form, 'sessionId').slice(0, 64);
      const marks = new Map<string, AttendanceMark | null>();
      for (const [name, value] of form.entries()) {
        if (!name.startsWith('mark:') || typeof value !== 'string') continue;
        const mark = (attendanceMarks as readonly string[]).includes(value)
          ? (value as AttendanceMark)
          : null;
        marks.set(name.slice('mark:'.length).slice(0, 64), mark);
        if (marks.size > 1000) break;
      }
      const db = await getDb();
      const now = Date.now();
      const result = await markAttendance(db, user, sessionId, marks, now);
      if (!result.ok) return result;
      const catalogue = await getCatalogue();
      for (const learnerId of new Set(result.learnerIds))
        await recordCompletions(db, catalogue, learnerId, now);
      return { ok: true as const, changed: result.changed };
    },
  }),

  book: defineAction({
    accept: 'form',
    input: z.object({ sessionId: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context);
      const sessionId = input.sessionId.slice(0, 64);
      const result = await bookSession(await getDb(), user, sessionId, Date.now());
      if (result.ok) sendQueuedMailSoon();
      // The session, so that the page returns the learner (and the keyboard focus) to its card.
      return result.ok ? { ...result, sessionId } : result;
    },
  }),

  cancelBooking: defineAction({
    accept: 'form',
    input: z.object({ sessionId: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context);
      const sessionId = input.sessionId.slice(0, 64);
      const result = await cancelBooking(await getDb(), user, sessionId, Date.now());
      if (result.ok && result.promoted.length > 0) sendQueuedMailSoon();
      // Who moved up from the waitlist is not this learner's business.
      return result.ok ? { ok: true as const, sessionId } : result;
    },
  }),

  checkIn: defineAction({
    accept: 'form',
    input: z.object({ sessionId: field(), code: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context);
      const db = await getDb();
      const now = Date.now();
      const result = await checkIn(db, user, input.sessionId.slice(0, 64), input.code, now);
      if (result.ok && !result.already) await recordCompletions(db, await getCatalogue(), user.id, now);
      return { ...result, sessionId: input.sessionId.slice(0, 64) };
    },
  }),
};
