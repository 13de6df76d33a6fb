/**
 * What the measured requests need on top of the dataset: sessions (cookies) for an admin and for
 * learners part-way through the RTW Coordinator course, the lessons those learners may read, and
 * a supply of open quiz attempts, each with the form body that submits it with every answer
 * right, so every submission request is a real, graded one.
 */
import { createClient } from '@libsql/client';
import { enrolment, user } from '#db/schema.ts';
import { lessonHref } from '#src/lib/learning/paths.ts';
import type { CourseView } from '#src/lib/learning/structure.ts';
import { createDb } from '#src/lib/server/db.ts';
import { newId } from '#src/lib/server/ids.ts';
import { courseProgressFor, loadLearnerState } from '#src/lib/server/learning/progress.ts';
import { drawAttempt, seededRandom } from '#src/lib/server/quiz/draw.ts';
import { createSession } from '#src/lib/server/account/session.ts';
import { sessionCookieName } from '#src/lib/server/account/session-cookie.ts';
import { requireCourse, requireQuiz, rightAnswerFields, type BenchContent } from './content.ts';
import type { SeededDataset } from './dataset.ts';
import { TableWriter } from './sql-writer.ts';

export const READ_COURSE_ID = 'rtw-coordinator';
export const SUBMIT_COURSE_ID = 'supervisors-early-intervention';
export const SUBMIT_QUIZ_ID = 'sup-first-days';

export interface Reader {
  userId: string;
  cookie: string;
  /** A lesson the learner completed and may read again. */
  lessonPath: string;
  /** Every lesson the learner may open, in reading order. */
  openLessons: string[];
}

export interface Submission {
  cookie: string;
  body: string;
}

export interface BenchFixture {
  adminCookie: string;
  readers: Reader[];
  submissions: Submission[];
  /** How many of `submissions` have been sent. */
  submissionsUsed: number;
  submitPath: string;
  certificateIds: string[];
  verificationCodes: string[];
}

const cookieName = sessionCookieName(false);

/**
 * Creates sessions and open attempts in the database at `url` (before the server starts) and
 * checks that the readers have no completion left to record, so that their pages write nothing
 * but the resume point.
 */
export async function prepareFixture(
  url: string,
  content: BenchContent,
  seeded: SeededDataset,
  options: { readers: number; submitters: number; submissions: number },
  now: number,
): Promise<BenchFixture> {
  const course = requireCourse(content, READ_COURSE_ID);
  const db = await createDb(url);
  try {
    const candidates = seeded.learners.filter((learner) =>
      learner.courses.some(
        (plan) => plan.courseId === course.id && plan.completedAt === null && plan.lessonsDone >= 3,
      ),
    );
    if (candidates.length < options.readers)
      throw new Error(
        `The dataset has ${candidates.length} learners part-way through the course; the bench needs ${options.readers}.`,
      );
    const readers: Reader[] = [];
    for (const learner of candidates.slice(0, options.readers)) {
      const plan = learner.courses.find((entry) => entry.courseId === course.id);
      if (!plan) continue;
      const state = await loadLearnerState(db.orm, content.catalogue, learner.id);
      for (const enrolled of state.enrolments.values()) {
        const view = content.catalogue.published.course(enrolled.courseId);
        if (!view) continue;
        const { due } = courseProgressFor(state, view);
        if (due.course || due.modules.length > 0)
          throw new Error(
            `Learner ${learner.id} has completions to record in ${view.id}: the dataset breaks the rules.`,
          );
      }
      const open = course.lessons
        .slice(0, plan.lessonsDone)
        .map((lesson) => lessonHref(course.id, lesson.id));
      const { token } = await createSession(db, learner.id, now);
      readers.push({
        userId: learner.id,
        cookie: `${cookieName}=${token}`,
        lessonPath: open[open.length - 1] ?? '',
        openLessons: open,
      });
    }
    const { token: adminToken } = await createSession(db, seeded.adminId, now);

    // Submitters of their own, so their many open attempts stay out of the dataset's learners.
    const submitCourse = requireCourse(content, SUBMIT_COURSE_ID);
    const submitters: string[] = [];
    const cookies: string[] = [];
    const organisationId = seeded.learners[0]?.organisationId ?? '';
    for (let index = 0; index < options.submitters; index++) {
      const id = newId();
      await db.write(async (orm) => {
        await orm.insert(user).values({
          id,
          email: `submitter${index}@bench.rtw-academy.my`,
          fullName: `Peserta Kuiz ${index + 1}`,
          passwordHash: 'not-used',
          organisationId,
        });
        await orm.insert(enrolment).values({
          id: newId(),
          userId: id,
          courseId: submitCourse.id,
          status: 'active',
          enrolledAt: new Date(now),
        });
      });
      submitters.push(id);
      cookies.push(`${cookieName}=${(await createSession(db, id, now)).token}`);
    }
    const submissions = await createOpenAttempts(
      url,
      content,
      submitCourse,
      submitters,
      cookies,
      options.submissions,
      now,
    );

    return {
      adminCookie: `${cookieName}=${adminToken}`,
      readers,
      submissions,
      submissionsUsed: 0,
      submitPath: `/courses/${submitCourse.id}/${SUBMIT_QUIZ_ID}/quiz/submit`,
      certificateIds: seeded.certificates.map((entry) => entry.id),
      verificationCodes: seeded.certificates.map((entry) => entry.code),
    };
  } finally {
    db.close();
  }
}

/**
 * `count` open attempts at the submit quiz, spread over the learners, numbered after their
 * existing attempts. Many open attempts per learner is a bench shortcut (the player allows one
 * at a time); each is otherwise exactly what starting an attempt writes.
 */
async function createOpenAttempts(
  url: string,
  content: BenchContent,
  course: CourseView,
  userIds: string[],
  cookies: string[],
  count: number,
  now: number,
): Promise<Submission[]> {
  if (!course.modules.some((module) => module.quizId === SUBMIT_QUIZ_ID))
    throw new Error(`The course "${course.id}" no longer has the quiz "${SUBMIT_QUIZ_ID}".`);
  const quiz = requireQuiz(content, SUBMIT_QUIZ_ID);
  const layouts = Array.from({ length: 50 }, (_, index) => {
    const layout = drawAttempt(quiz.quiz, seededRandom(`bench-submit:${index}`));
    return { json: JSON.stringify(layout), fields: rightAnswerFields(quiz.quiz, layout) };
  });
  const client = createClient({ url, concurrency: 1 });
  try {
    const next = new Map<string, number>();
    const highest = await client.execute({
      sql: `SELECT user_id, max(attempt_number) AS n FROM quiz_attempt WHERE quiz_id = ? GROUP BY user_id`,
      args: [SUBMIT_QUIZ_ID],
    });
    for (const row of highest.rows) next.set(row.user_id as string, Number(row.n));
    const submissions: Submission[] = [];
    const tx = await client.transaction('write');
    try {
      const writer = new TableWriter(
        tx,
        'quiz_attempt',
        [
          'id',
          'user_id',
          'quiz_id',
          'attempt_number',
          'content_version',
          'layout',
          'answers',
          'status',
          'started_at',
        ],
        300,
      );
      for (let index = 0; index < count; index++) {
        const slot = index % userIds.length;
        const userId = userIds[slot] ?? '';
        const number = (next.get(userId) ?? 0) + 1;
        next.set(userId, number);
        const layout = layouts[index % layouts.length];
        if (!layout) continue;
        const id = newId();
        await writer.add([id, userId, quiz.id, number, quiz.version, layout.json, '{}', 'in-progress', now]);
        const form = new URLSearchParams([
          ['attemptId', id],
          ['quiz', `module:${quiz.id}`],
          ['scope', 'all'],
          ...layout.fields,
        ]);
        submissions.push({ cookie: cookies[slot] ?? '', body: form.toString() });
      }
      await writer.flush();
      await tx.commit();
    } catch (error) {
      await tx.rollback().catch(() => undefined);
      throw error;
    }
    return submissions;
  } finally {
    client.close();
  }
}
