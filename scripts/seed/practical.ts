/**
 * Demo data for the practical half (issue 13), written through the app's own functions: the
 * capstone casework in every marking state (a draft, waiting, claimed by the demo trainer,
 * returned with the rubric marked, passed) and practical sessions (a past one with attendance,
 * upcoming in person and online, one full with a waitlist). Learners who had not reached the
 * capstone are first taken through the modules before it; each person's actions stay in order
 * and before `now`. Booking and decision emails are not kept (as in seed/mail.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, inArray, max, sql } from 'drizzle-orm';
import {
  enrolment,
  lessonProgress,
  mailOutbox,
  moduleCompletion,
  user,
  workshopBooking,
} from '#db/schema.ts';
import type { Marks } from '#src/lib/assignment/rubric.ts';
import type { AssignmentData } from '#src/lib/content/assignment-schema.ts';
import type { Catalogue, CourseView } from '#src/lib/learning/structure.ts';
import type { Actor } from '#src/lib/roles.ts';
import type { AssignmentContent } from '#src/lib/server/assignment/content.ts';
import { claimSubmission, decideSubmission, saveMarkDraft } from '#src/lib/server/assignment/marking.ts';
import { loadSubmission } from '#src/lib/server/assignment/submission.ts';
import { attachFile, saveDraft, submitWork, type WorkTarget } from '#src/lib/server/assignment/work.ts';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import { markAttendance } from '#src/lib/server/workshop/attendance.ts';
import { bookSession } from '#src/lib/server/workshop/booking.ts';
import { createSession } from '#src/lib/server/workshop/sessions.ts';
import type { AttendanceMark, SessionInput } from '#src/lib/workshop/rules.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '#src/lib/time.ts';
import type { SeedStep } from './demo.ts';

const COURSE = 'rtw-coordinator';
const CAPSTONE = 'capstone-case';
const TRAINER = 'trainer@demo.rtw-academy.my';
const demo = (name: string) => `${name}@demo.rtw-academy.my`;

/** Sentences a coordinator might write about the capstone case, cycled to fill a part's word range. */
const caseSentences = [
  'Stage 1 keeps Hafiz on the low and middle racks for four hours a day, with cartons of 2 to 5 kg only.',
  'Every duty was checked against Dr Harjit’s restrictions: no lifting above shoulder height and no forklift driving yet.',
  'The plan follows the hierarchy: the same job with changes first, then a different job with the same employer.',
  'Zulkifli supervises the cycle counts and Ganesan checks each new task before Hafiz starts it.',
  'Review dates are set at the end of each two-week stage, and Shahrul receives an update after each review.',
  'The night-shift allowance was discussed openly, and the plan says when it returns.',
  'Only the restrictions go to the supervisor; the diagnosis stays in the confidential file, as the consent form allows.',
  'Hafiz agreed to each stage, and he knows whom to call if a task hurts or worries him.',
];

function answerOfLength(words: { min: number; max: number }, offset: number): string {
  const target = Math.min(words.max, words.min + 15);
  const out: string[] = [];
  let count = 0;
  for (let index = offset; count < target; index += 1) {
    const sentence = caseSentences[index % caseSentences.length] ?? '';
    out.push(sentence);
    count += sentence.split(/\s+/u).length;
  }
  // Trim back under the maximum when the last sentence went over it.
  const text = out.join(' ').split(/\s+/u);
  return text.slice(0, Math.min(text.length, words.max)).join(' ');
}

/** Every text part answered within its word range (or only the first `limit` parts). */
function answers(data: AssignmentData, limit = Infinity): Record<string, string> {
  const out: Record<string, string> = {};
  let index = 0;
  for (const part of data.parts) {
    if (part.type !== 'text' || index >= limit) continue;
    out[part.id] = answerOfLength(part.words, index);
    index += 1;
  }
  return out;
}

/** The blank job aids stand in for the filled ones: real, fillable PDFs. */
function jobAidPdf(jobAid: string): { name: string; bytes: Uint8Array } {
  const bytes = readFileSync(join(process.cwd(), 'public', 'downloads', `${jobAid}.pdf`));
  return { name: `${jobAid}-filled.pdf`, bytes: new Uint8Array(bytes) };
}

/** The domain functions take the database; the seed runs inside one write, so their writes run in it. */
function inSeed(orm: Orm): Database {
  return { write: (work) => work(orm) } as Pick<Database, 'write'> as Database;
}

/** Malaysia time (UTC+8) `hour`:00, `days` days from the day of `now`. */
function malaysiaAt(now: number, days: number, hour: number): number {
  const offset = 8 * HOUR_MS;
  return Math.floor((now + offset) / DAY_MS) * DAY_MS - offset + days * DAY_MS + hour * HOUR_MS;
}

/**
 * Takes a learner through the course's modules before the capstone (lessons completed, modules
 * recorded), after what they had already done, finishing at `until`.
 */
async function finishModulesBeforeCapstone(
  orm: Orm,
  course: CourseView,
  userId: string,
  until: number,
): Promise<void> {
  const [last] = await orm
    .select({ at: max(lessonProgress.completedAt) })
    .from(lessonProgress)
    .where(eq(lessonProgress.userId, userId));
  const done = new Set(
    (
      await orm
        .select({ moduleId: moduleCompletion.moduleId })
        .from(moduleCompletion)
        .where(eq(moduleCompletion.userId, userId))
    ).map((row) => row.moduleId),
  );
  const from = last?.at?.getTime() ?? until - DAY_MS;
  const modules = course.modules.filter((module) => module.id !== CAPSTONE && !done.has(module.id));
  const lessons = modules.flatMap((module) => module.lessons);
  const at = (index: number) => Math.round(from + ((index + 1) / lessons.length) * (until - from));
  const lessonRows = lessons.map((lesson, index) => {
    const time = new Date(at(index));
    return { userId, lessonId: lesson.id, firstViewedAt: time, lastViewedAt: time, completedAt: time };
  });
  if (lessonRows.length > 0)
    await orm
      .insert(lessonProgress)
      .values(lessonRows)
      .onConflictDoUpdate({
        target: [lessonProgress.userId, lessonProgress.lessonId],
        set: { lastViewedAt: sql`excluded.last_viewed_at`, completedAt: sql`excluded.completed_at` },
      });
  let seen = 0;
  const moduleRows = modules.map((module) => {
    seen += module.lessons.length;
    return { userId, moduleId: module.id, completedAt: new Date(at(seen - 1)) };
  });
  if (moduleRows.length > 0) await orm.insert(moduleCompletion).values(moduleRows);
}

function marksFor(data: AssignmentData, level: string, comments: Record<string, string> = {}): Marks {
  const out: Record<string, { level: string; comment: string }> = {};
  for (const criterion of data.rubric) out[criterion.id] = { level, comment: comments[criterion.id] ?? '' };
  return out;
}

export const seedPractical: SeedStep = async (orm, { now, users }) => {
  const tree = readContentTree();
  const catalogue: Catalogue = catalogueFromTree(tree);
  const course = catalogue.published.course(COURSE);
  const entry = (tree.assignments ?? []).find((candidate) => candidate.id === CAPSTONE);
  const trainerId = users.get(TRAINER);
  if (!course || !entry || !trainerId) return 'Skipped the practical demo data: no capstone assignment.';
  const content: AssignmentContent = {
    id: CAPSTONE,
    data: entry.data,
    textLocale: 'en',
    // As assignment/content.ts versions it.
    version: createHash('sha256').update(JSON.stringify(entry.data)).digest('hex').slice(0, 16),
  };
  const db = inSeed(orm);
  const trainer: Actor = { id: trainerId, role: 'trainer' };
  const target: WorkTarget = { courseId: COURSE, moduleId: CAPSTONE };
  const data = content.data;

  const people = await orm
    .select({ id: user.id, email: user.email, lastActiveAt: user.lastActiveAt })
    .from(user)
    .where(
      inArray(
        user.email,
        [
          'learner',
          'kavitha',
          'devi.raman',
          'lihua.wong',
          'huimin.ooi',
          'hafizah.rosli',
          'zulkifli.hassan',
          'sitihajar.rahim',
          'lidia.majinbon',
          'bryan.ting',
        ].map(demo),
      ),
    );
  const person = (name: string) => {
    const found = people.find((row) => row.email === demo(name));
    if (!found) throw new Error(`The practical demo needs ${demo(name)} from the earlier steps.`);
    return {
      actor: { id: found.id, role: 'learner' } as Actor,
      lastActiveAt: found.lastActiveAt?.getTime() ?? now,
    };
  };
  const touch = async (actor: Actor, at: number) =>
    orm
      .update(user)
      .set({ lastActiveAt: new Date(at) })
      .where(eq(user.id, actor.id));
  const must = <T extends { ok: boolean }>(what: string, result: T): T => {
    if (!result.ok) throw new Error(`Practical demo: ${what} was refused: ${JSON.stringify(result)}`);
    return result;
  };

  const fileParts = data.parts.filter((part) => part.type === 'file');
  const attachAll = async (actor: Actor, at: number, parts = fileParts) => {
    for (const part of parts)
      must(
        `attaching ${part.id}`,
        await attachFile(
          db,
          catalogue,
          actor,
          target,
          content,
          part.id,
          jobAidPdf(part.jobAid ?? part.id),
          at,
        ),
      );
  };
  const submitted = async (actor: Actor, at: number) => {
    must(
      'saving the draft',
      await saveDraft(db, catalogue, actor, target, content, answers(data), at - HOUR_MS),
    );
    await attachAll(actor, at - 30 * MINUTE_MS);
    must('submitting', await submitWork(db, catalogue, actor, target, content, at));
    const submission = await loadSubmission(orm, { userId: actor.id, assignmentId: CAPSTONE });
    if (!submission) throw new Error('Practical demo: the submission was not stored.');
    return submission.id;
  };
  const [firstCriterion, secondCriterion] = data.rubric;

  // Devi a/p Raman is reading the capstone module: a draft, partly written, one job aid attached.
  const devi = person('devi.raman');
  const deviDraftAt = devi.lastActiveAt - HOUR_MS;
  must(
    'saving a draft',
    await saveDraft(db, catalogue, devi.actor, target, content, answers(data, 3), deviDraftAt),
  );
  await attachAll(devi.actor, deviDraftAt + 10 * MINUTE_MS, fileParts.slice(0, 1));

  // 黄丽华 finished the last module and submitted three days ago: waiting for marking.
  const lihua = person('lihua.wong');
  await finishModulesBeforeCapstone(orm, course, lihua.actor.id, now - 4 * DAY_MS);
  await submitted(lihua.actor, now - 3 * DAY_MS);
  await touch(lihua.actor, now - 3 * DAY_MS);

  // Ooi Hui Min submitted two days ago; the demo trainer is marking it now (claimed, levels saved so far).
  const ooi = person('huimin.ooi');
  await finishModulesBeforeCapstone(orm, course, ooi.actor.id, now - 3 * DAY_MS);
  const ooiSubmission = await submitted(ooi.actor, now - 2 * DAY_MS);
  await touch(ooi.actor, now - 2 * DAY_MS);
  must('claiming', await claimSubmission(db, trainer, ooiSubmission, now - 20 * MINUTE_MS));
  must(
    'saving marks',
    await saveMarkDraft(
      db,
      trainer,
      ooiSubmission,
      content,
      {
        marks: firstCriterion
          ? { [firstCriterion.id]: { level: 'meets', comment: 'Consent covers who may see what.' } }
          : {},
        overallComment: '',
      },
      now - 10 * MINUTE_MS,
    ),
  );

  // Hafizah binti Rosli's work was returned with the rubric marked; she is revising it.
  const hafizah = person('hafizah.rosli');
  await finishModulesBeforeCapstone(orm, course, hafizah.actor.id, now - 5 * DAY_MS);
  const hafizahSubmission = await submitted(hafizah.actor, now - 4 * DAY_MS);
  const weak = secondCriterion ?? firstCriterion;
  must(
    'returning',
    await decideSubmission(
      db,
      trainer,
      hafizahSubmission,
      content,
      {
        decision: 'return',
        marks: {
          ...marksFor(data, 'meets'),
          ...(weak
            ? {
                [weak.id]: {
                  level: 'not-yet',
                  comment:
                    'Stage 2 still has Hafiz on the forklift for two hours: the week-12 restrictions allow none yet.',
                },
              }
            : {}),
        },
        overallComment:
          'A careful plan with clear review dates. Fit stage 2 to the new restrictions and resubmit.',
      },
      now - 2 * DAY_MS,
    ),
  );
  must(
    'revising',
    await saveDraft(
      db,
      catalogue,
      hafizah.actor,
      target,
      content,
      { 'plan-rationale': answerOfLength({ min: 260, max: 600 }, 4) },
      now - 5 * HOUR_MS,
    ),
  );
  await touch(hafizah.actor, now - 5 * HOUR_MS);

  // Ahmad Zulkifli bin Hassan passed before his course completed (12 days ago, seed/admin.ts).
  const zulkifli = person('zulkifli.hassan');
  const [zulkifliEnrolment] = await orm
    .select({ completedAt: enrolment.completedAt })
    .from(enrolment)
    .where(and(eq(enrolment.userId, zulkifli.actor.id), eq(enrolment.courseId, COURSE)));
  const completedAt = zulkifliEnrolment?.completedAt?.getTime() ?? now - 12 * DAY_MS;
  const zulkifliSubmission = await submitted(zulkifli.actor, completedAt - 3 * DAY_MS);
  must(
    'passing',
    await decideSubmission(
      db,
      trainer,
      zulkifliSubmission,
      content,
      {
        decision: 'pass',
        marks: marksFor(
          data,
          'meets',
          firstCriterion
            ? { [firstCriterion.id]: 'Consent and confidentiality handled exactly as the Act expects.' }
            : {},
        ),
        overallComment: 'Well done: a plan the whole team can follow.',
      },
      completedAt - HOUR_MS,
    ),
  );

  // Sessions: past with attendance, upcoming in person and online, one full with a waitlist.
  const session = (input: Omit<SessionInput, 'courseId' | 'endsAt'> & { hours: number }): SessionInput => ({
    courseId: COURSE,
    title: input.title,
    startsAt: input.startsAt,
    endsAt: input.startsAt + input.hours * HOUR_MS,
    mode: input.mode,
    venue: input.venue,
    meetingUrl: input.meetingUrl,
    capacity: input.capacity,
    notes: input.notes,
  });
  const schedule = async (input: SessionInput, at: number) => {
    const id = await createSession(db, trainer, input, at);
    if (!id) throw new Error('Practical demo: the session was not scheduled.');
    return id;
  };
  const book = async (sessionId: string, name: string, at: number, expected: 'booked' | 'waitlisted') => {
    const result = must(`booking ${name}`, await bookSession(db, person(name).actor, sessionId, at));
    if (result.ok && result.status !== expected)
      throw new Error(`Practical demo: ${name} was ${result.status}.`);
  };
  const siti = 'learner';
  const venue = 'Bilik Latihan 2, Menara PERKESO, Jalan Ampang, Kuala Lumpur';

  const pastStart = malaysiaAt(now, -5, 9);
  const past = await schedule(
    session({
      title: 'Workshop: writing a graded RTW plan',
      startsAt: pastStart,
      hours: 3,
      mode: 'in-person',
      venue,
      meetingUrl: null,
      capacity: 12,
      notes: 'Bring the capstone case brief and a filled job-demands checklist.',
    }),
    now - 20 * DAY_MS,
  );
  await book(past, siti, now - 9 * DAY_MS, 'booked');
  await book(past, 'kavitha', now - 9 * DAY_MS + HOUR_MS, 'booked');
  await book(past, 'devi.raman', devi.lastActiveAt - 2 * HOUR_MS, 'booked');
  const marks: Record<string, AttendanceMark> = {
    [siti]: 'present',
    kavitha: 'late',
    'devi.raman': 'absent',
  };
  const bookings = await orm
    .select({ id: workshopBooking.id, userId: workshopBooking.userId })
    .from(workshopBooking)
    .where(eq(workshopBooking.sessionId, past));
  const byUser = new Map(Object.entries(marks).map(([name, mark]) => [person(name).actor.id, mark]));
  must(
    'recording attendance',
    await markAttendance(
      db,
      trainer,
      past,
      new Map(bookings.map((booking) => [booking.id, byUser.get(booking.userId) ?? null])),
      pastStart + 3 * HOUR_MS,
    ),
  );

  const inPerson = await schedule(
    session({
      title: 'Workshop: job-demands analysis on the shop floor',
      startsAt: malaysiaAt(now, 7, 9),
      hours: 3,
      mode: 'in-person',
      venue,
      meetingUrl: null,
      capacity: 16,
      notes: null,
    }),
    now - 10 * DAY_MS,
  );
  await book(inPerson, siti, now - 2 * DAY_MS, 'booked');
  await book(inPerson, 'kavitha', now - 26 * HOUR_MS, 'booked');

  const online = await schedule(
    session({
      title: 'Online clinic: questions on your capstone casework',
      startsAt: malaysiaAt(now, 14, 14),
      hours: 1.5,
      mode: 'online',
      venue: null,
      meetingUrl: 'https://meet.example.com/rtw-capstone-clinic',
      capacity: 30,
      notes: null,
    }),
    now - 10 * DAY_MS,
  );
  await book(online, 'huimin.ooi', now - 2 * DAY_MS + HOUR_MS, 'booked');

  const full = await schedule(
    session({
      title: 'Workshop: difficult return-to-work conversations',
      startsAt: malaysiaAt(now, 10, 9),
      hours: 3,
      mode: 'in-person',
      venue,
      meetingUrl: null,
      capacity: 3,
      notes: 'Small group: role plays with a trained actor.',
    }),
    now - 10 * DAY_MS,
  );
  await book(full, 'hafizah.rosli', now - 6 * DAY_MS - 3 * HOUR_MS, 'booked');
  await book(full, 'sitihajar.rahim', now - 4 * DAY_MS - 3 * HOUR_MS, 'booked');
  await book(full, 'lidia.majinbon', now - 3 * DAY_MS - 3 * HOUR_MS, 'booked');
  await book(full, 'bryan.ting', now - 3 * DAY_MS - 2 * HOUR_MS, 'waitlisted');
  await book(full, 'kavitha', now - 25 * HOUR_MS, 'waitlisted');

  // The demo does not mail its learners about bookings and decisions made while seeding.
  await orm.delete(mailOutbox).where(eq(mailOutbox.status, 'queued'));
  return 'Seeded the capstone casework (a draft, waiting, claimed, returned, passed) and 4 practical sessions (past with attendance, upcoming in person and online, full with a waitlist).';
};
