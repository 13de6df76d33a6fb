/**
 * The process the crash checks kill. It walks learners through the supervisors' course with the
 * app's own server functions, as the pages and endpoints call them: enrol, view and complete
 * lessons, start, save and submit quizzes, record completions (which issues the certificate).
 * After each call returns it prints `ok <what> <user> <key>`, so the parent knows which writes
 * were acknowledged before it sent SIGKILL, and can check that they survived.
 *
 *   node tests/reliability/crash-worker.ts <database url> <content snapshot json> <seed>
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { organisation, quizAttempt, user } from '#db/schema.ts';
import {
  contentFromSnapshot,
  rightAnswerFields,
  rightPublicAnswers,
  type ContentSnapshot,
} from '../../bench/content.ts';
import { createDb } from '#src/lib/server/db.ts';
import { enrolSelf } from '#src/lib/server/learning/enrolment.ts';
import { refreshProgressPercentsOf } from '#src/lib/server/learning/progress-percent.ts';
import { newId } from '#src/lib/server/ids.ts';
import {
  completeLesson,
  courseProgressFor,
  loadLearnerState,
  recordDueCompletions,
  recordLessonView,
} from '#src/lib/server/learning/progress.ts';
import { saveAnswers, startAttempt, submitAttempt } from '#src/lib/server/quiz/attempt.ts';
import { seededRandom, type AttemptLayout } from '#src/lib/server/quiz/draw.ts';
import { lessonSlug } from '#src/lib/learning/structure.ts';

const CRASH_COURSE_ID = 'supervisors-early-intervention';

const [url, snapshotFile, seed = '0'] = process.argv.slice(2);
if (!url || !snapshotFile) throw new Error('usage: crash-worker.ts <database url> <snapshot json> <seed>');
const content = contentFromSnapshot(JSON.parse(readFileSync(snapshotFile, 'utf8')) as ContentSnapshot);
const course = content.catalogue.published.course(CRASH_COURSE_ID);
if (!course) throw new Error(`The crash worker needs the course "${CRASH_COURSE_ID}".`);
const db = await createDb(url);
const random = seededRandom(`crash:${seed}`);
const say = (line: string) => process.stdout.write(`${line}\n`);

async function newLearner(): Promise<string> {
  const id = newId();
  await db.write(async (orm) => {
    const [employer] = await orm
      .select({ id: organisation.id })
      .from(organisation)
      .where(eq(organisation.nameKey, 'crash test sdn bhd'));
    const organisationId = employer?.id ?? newId();
    if (!employer)
      await orm
        .insert(organisation)
        .values({ id: organisationId, name: 'Crash Test Sdn Bhd', nameKey: 'crash test sdn bhd' });
    await orm.insert(user).values({
      id,
      email: `crash.${id}@example.my`,
      fullName: random() < 0.2 ? 'Tan Wei Ming 陈伟明' : 'Siti Aisyah binti Rosli',
      passwordHash: 'not-a-password-hash',
      organisationId,
      // Confirmed, so a completion issues the certificate (certificates need a confirmed address).
      emailVerifiedAt: new Date(),
    });
  });
  say(`ok user ${id} -`);
  return id;
}

/** Takes the learner one step along the course; false when they have finished it. */
async function step(userId: string): Promise<boolean> {
  if (!course) return false;
  const actor = { id: userId, role: 'learner' as const };
  const now = Date.now();
  const state = await loadLearnerState(db.orm, content.catalogue, userId);
  if (state.enrolments.get(course.id)?.status !== 'active') {
    await enrolSelf(db, content.catalogue, actor, course.id, now);
    say(`ok enrol ${userId} ${course.id}`);
    return true;
  }
  const progress = courseProgressFor(state, course);
  const next = progress.next;
  switch (next.kind) {
    case 'assignment':
    case 'waiting':
    case 'practical':
      // Written work and workshops wait on a person (the learner's own writing, a trainer's
      // marking): this worker only drives the parts a crash can interrupt mid-write.
      return false;
    case 'done':
      // As a dashboard view does: settle a completion an earlier kill left unrecorded.
      if (progress.due.course || progress.due.modules.length > 0) {
        await recordDueCompletions(db, content.catalogue, userId, now);
        say(`ok due ${userId} -`);
      }
      return false;
    case 'lesson': {
      await recordLessonView(db, state, next.lessonId, now);
      say(`ok view ${userId} ${next.lessonId}`);
      const result = await completeLesson(
        db,
        content.catalogue,
        actor,
        { courseId: course.id, moduleId: next.moduleId, slug: lessonSlug(next.lessonId) },
        Date.now(),
      );
      if (!result.ok) throw new Error(`completeLesson refused: ${result.reason}`);
      say(`ok complete ${userId} ${next.lessonId}`);
      return true;
    }
    case 'module-quiz':
    case 'final-assessment': {
      const quizId = next.kind === 'module-quiz' ? next.moduleId : next.assessmentId;
      const quiz = content.quizzes.get(quizId);
      if (!quiz) throw new Error(`No quiz "${quizId}"`);
      const target = { courseId: course.id, moduleId: next.kind === 'module-quiz' ? next.moduleId : null };
      const started = await startAttempt(db, content.catalogue, actor, target, quiz, now);
      if (!started.ok) throw new Error(`startAttempt refused: ${started.reason}`);
      say(`ok start ${userId} ${started.attemptId}`);
      const [attempt] = await db.orm
        .select({ layout: quizAttempt.layout })
        .from(quizAttempt)
        .where(eq(quizAttempt.id, started.attemptId));
      const layout = (attempt?.layout ?? []) as AttemptLayout;
      if (random() < 0.5) {
        // An autosave of some of the answers first, as the island sends it.
        const answers = rightPublicAnswers(quiz.quiz, layout);
        const some = Object.fromEntries(Object.entries(answers).filter(() => random() < 0.5));
        const saved = await saveAnswers(
          db,
          quiz,
          { userId, attemptId: started.attemptId, posted: { from: 'json', answers: some } },
          Date.now(),
        );
        if (saved.ok) say(`ok save ${userId} ${started.attemptId}`);
      }
      const fields = rightAnswerFields(quiz.quiz, layout);
      const submitted = await submitAttempt(
        db,
        quiz,
        { userId, attemptId: started.attemptId, posted: { from: 'form', fields, page: 'all' } },
        Date.now(),
        // As the submit endpoint does: a first pass updates the kept % in the closing transaction.
        (orm) => refreshProgressPercentsOf(orm, content.catalogue, userId),
      );
      if (!submitted.ok) throw new Error(`submitAttempt refused: ${submitted.reason}`);
      say(`ok submit ${userId} ${started.attemptId}`);
      // As the submit endpoint does: a first pass may complete a module or the course.
      if (submitted.firstPass) {
        await recordDueCompletions(db, content.catalogue, userId, Date.now());
        say(`ok due ${userId} -`);
      }
      return true;
    }
  }
}

const learners = (await db.orm.select({ id: user.id }).from(user).where(eq(user.role, 'learner'))).map(
  (row) => row.id,
);
say('ready');
for (;;) {
  if (learners.length < 4 || random() < 0.05) learners.push(await newLearner());
  const index = Math.floor(random() * learners.length);
  const userId = learners[index];
  if (userId && !(await step(userId))) learners.splice(index, 1);
}
