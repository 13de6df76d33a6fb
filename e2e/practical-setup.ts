/**
 * Set-up for the browser tests of the practical half (practical.spec.ts and the keyboard journeys
 * of practical-keyboard.spec.ts): a new
 * learner who has reached the capstone casework (registered through the form, the rest written as
 * done, as practical.spec.ts does), and casework, sessions, bookings and attendance written through
 * the app's own functions (as the demo seed does, scripts/seed/practical.ts), so that each test
 * starts from its own people and only its journey is in the browser.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import type { AssignmentData } from '#src/lib/content/assignment-schema.ts';
import type { Actor } from '#src/lib/roles.ts';
import type { AssignmentContent } from '#src/lib/server/assignment/content.ts';
import { attachFile, saveDraft, submitWork } from '#src/lib/server/assignment/work.ts';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';
import { createDb, type Database } from '#src/lib/server/db.ts';
import { newId } from '#src/lib/server/ids.ts';
import { markAttendance } from '#src/lib/server/workshop/attendance.ts';
import { bookSession } from '#src/lib/server/workshop/booking.ts';
import { createSession } from '#src/lib/server/workshop/sessions.ts';
import type { AttendanceMark } from '#src/lib/workshop/rules.ts';
import { validPdf } from '../tests/helpers/practical.ts';
import { demo, expect, register, uniqueEmail } from './fixtures.ts';

export const COURSE = 'rtw-coordinator';
const CAPSTONE = 'capstone-case';
export const assignmentUrl = `/courses/${COURSE}/${CAPSTONE}/assignment`;
/** The demo manager's employer (manager@demo.rtw-academy.my). */
export const employerA = 'Syarikat Elektronik Cahaya Sdn Bhd';

export const assignment = parse(
  readFileSync(`src/content/modules/${CAPSTONE}/assignment.yaml`, 'utf8'),
) as AssignmentData;
const course = parse(readFileSync(`src/content/courses/${COURSE}.yaml`, 'utf8')) as {
  modules: string[];
  completion: { finalAssessment: string };
};

/** `count` words, distinct enough that no part reads like another. */
export const words = (count: number, word = 'restriction') =>
  Array.from({ length: count }, (_, index) => `${word}${index % 7}`).join(' ');

export async function withDb<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await createDb(process.env.E2E_DATABASE_URL ?? 'file:test-results/e2e.db');
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

export async function one(
  db: Database,
  sql: string,
  args: (string | number)[],
): Promise<Record<string, unknown>> {
  const row = (await db.client.execute({ sql, args })).rows[0];
  if (!row) throw new Error(`No row for ${sql} ${JSON.stringify(args)}`);
  return row;
}

export const employerId = (name = employerA) =>
  withDb(async (db) => String((await one(db, 'SELECT id FROM organisation WHERE name = ?', [name])).id));

/**
 * A new learner of employer A who has done everything in the main course but the capstone
 * casework: registered through the form (the page is then signed in as them), then the lessons,
 * quizzes and final assessment written as done, the address confirmed.
 */
export async function capstoneLearner(
  page: Page,
  fullName: string,
  emailPrefix = 'practical',
): Promise<{ id: string; email: string }> {
  const email = uniqueEmail(emailPrefix);
  await register(page, { fullName, email });
  await expect(page.getByRole('link', { name: fullName })).toBeVisible();
  const now = Date.now();
  const id = await withDb(async (db) => {
    const userId = String((await one(db, 'SELECT id FROM user WHERE email = ?', [email])).id);
    const employer = String((await one(db, 'SELECT id FROM organisation WHERE name = ?', [employerA])).id);
    const run = (sql: string, args: (string | number | null)[]) => db.client.execute({ sql, args });
    await run('UPDATE user SET organisation_id = ?, email_verified_at = ? WHERE id = ?', [
      employer,
      now,
      userId,
    ]);
    await run(
      "INSERT INTO enrolment (id, user_id, course_id, status, enrolled_at) VALUES (?, ?, ?, 'active', ?)",
      [newId(), userId, COURSE, now - 30 * 86_400_000],
    );
    for (const moduleId of course.modules) {
      for (const file of readdirSync(`src/content/modules/${moduleId}`).filter((name) =>
        name.endsWith('.mdx'),
      )) {
        await run(
          'INSERT INTO lesson_progress (user_id, lesson_id, first_viewed_at, last_viewed_at, completed_at) VALUES (?, ?, ?, ?, ?)',
          [
            userId,
            `${moduleId}/${file.replace(/\.mdx$/u, '')}`,
            now - 86_400_000,
            now - 86_400_000,
            now - 86_400_000,
          ],
        );
      }
      if (moduleId !== CAPSTONE)
        await run('INSERT INTO module_completion (user_id, module_id, completed_at) VALUES (?, ?, ?)', [
          userId,
          moduleId,
          now - 86_400_000,
        ]);
    }
    for (const quizId of [...course.modules, course.completion.finalAssessment]) {
      await run(
        `INSERT INTO quiz_attempt (id, user_id, quiz_id, attempt_number, content_version, layout, answers, status,
           started_at, submitted_at, score, max_score, percent, passed, results)
         VALUES (?, ?, ?, 1, 'e2e-fixture', '[]', '{}', 'submitted', ?, ?, 10, 10, 100, 1, '{}')`,
        [newId(), userId, quizId, now - 86_400_000, now - 86_400_000],
      );
    }
    return userId;
  });
  return { id, email };
}

const must = <T extends { ok: boolean }>(what: string, result: T): T => {
  if (!result.ok) throw new Error(`Set-up: ${what} was refused: ${JSON.stringify(result)}`);
  return result;
};

async function trainer(db: Database): Promise<Actor> {
  return {
    id: String((await one(db, 'SELECT id FROM user WHERE email = ?', [demo.trainer.email])).id),
    role: 'trainer',
  };
}

/** The learner's capstone, every part answered within its range and each PDF attached, submitted. */
export async function submitCapstone(learnerId: string): Promise<void> {
  const tree = readContentTree();
  const catalogue = catalogueFromTree(tree);
  const entry = (tree.assignments ?? []).find((candidate) => candidate.id === CAPSTONE);
  if (!entry) throw new Error('No capstone assignment in the content tree');
  const content: AssignmentContent = {
    id: CAPSTONE,
    data: entry.data,
    textLocale: 'en',
    // As assignment/content.ts versions it, so the marking page sees no change.
    version: createHash('sha256').update(JSON.stringify(entry.data)).digest('hex').slice(0, 16),
  };
  const learner: Actor = { id: learnerId, role: 'learner' };
  const target = { courseId: COURSE, moduleId: CAPSTONE };
  const answers: Record<string, string> = {};
  for (const part of entry.data.parts) if (part.type === 'text') answers[part.id] = words(part.words.min + 5);
  const now = Date.now();
  await withDb(async (db) => {
    must('saving the draft', await saveDraft(db, catalogue, learner, target, content, answers, now - 60_000));
    const bytes = await validPdf('Filled in for Hafiz');
    for (const part of entry.data.parts.filter((candidate) => candidate.type === 'file'))
      must(
        `attaching ${part.id}`,
        await attachFile(
          db,
          catalogue,
          learner,
          target,
          content,
          part.id,
          { name: `${part.id}.pdf`, bytes },
          now - 30_000,
        ),
      );
    must('submitting', await submitWork(db, catalogue, learner, target, content, now));
  });
}

/** A session of the main course scheduled by the demo trainer, starting `startsInMinutes` from now. */
export async function scheduleSession(title: string, startsInMinutes: number): Promise<string> {
  const startsAt = Date.now() + startsInMinutes * 60_000;
  return withDb(async (db) => {
    const id = await createSession(
      db,
      await trainer(db),
      {
        courseId: COURSE,
        title,
        startsAt,
        endsAt: startsAt + 3 * 3_600_000,
        mode: 'in-person',
        venue: 'Bilik Latihan 2, Menara PERKESO, Jalan Ampang',
        meetingUrl: null,
        capacity: 10,
        notes: null,
      },
      Date.now(),
    );
    if (!id) throw new Error('Set-up: the session was not scheduled');
    return id;
  });
}

/** The learner books a place on the session (before it starts). */
export async function bookPlace(learnerId: string, sessionId: string): Promise<void> {
  await withDb(async (db) => {
    must('booking', await bookSession(db, { id: learnerId, role: 'learner' }, sessionId, Date.now()));
  });
}

/** The demo trainer marks the learner's attendance (the session must be open for marks). */
export async function recordAttendance(
  learnerId: string,
  sessionId: string,
  mark: AttendanceMark,
): Promise<void> {
  await withDb(async (db) => {
    const booking = String(
      (
        await one(db, 'SELECT id FROM workshop_booking WHERE session_id = ? AND user_id = ?', [
          sessionId,
          learnerId,
        ])
      ).id,
    );
    must(
      'marking attendance',
      await markAttendance(db, await trainer(db), sessionId, new Map([[booking, mark]]), Date.now()),
    );
  });
}
