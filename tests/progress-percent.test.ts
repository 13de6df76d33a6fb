import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  assignmentSubmission,
  enrolment,
  lessonProgress,
  quizAttempt,
  user,
  workshopBooking,
  workshopSession,
} from '#db/schema.ts';
import { fixtureCatalogue } from '#src/lib/learning/fixture.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import { findOrCreateOrganisation } from '#src/lib/server/employer/directory.ts';
import { newId } from '#src/lib/server/ids.ts';
import { enrolByEmails, enrolSelf } from '#src/lib/server/learning/enrolment.ts';
import {
  rebuildProgressPercents,
  refreshProgressPercentsOf,
} from '#src/lib/server/learning/progress-percent.ts';
import {
  completeLesson,
  courseProgressFor,
  loadLearnerState,
  recordDueCompletions,
} from '#src/lib/server/learning/progress.ts';
import type { Answers } from '#src/lib/server/quiz/answers.ts';
import { toPublicAnswers } from '#src/lib/server/quiz/answers.ts';
import { saveAnswers, startAttempt, submitAttempt } from '#src/lib/server/quiz/attempt.ts';
import { getQuizOverview } from '#src/lib/server/quiz/attempt-views.ts';
import { SUBMIT_GRACE_MS } from '#src/lib/quiz/rules.ts';
import { seededRandom, type AttemptLayout } from '#src/lib/server/quiz/draw.ts';
import { fixtureData } from '#src/lib/server/quiz/quiz-fixture.ts';
import { quizSchema } from '#src/lib/server/quiz/schema.ts';
import { toQuizContent, type QuizContent } from '#src/lib/server/quiz/source.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';

/**
 * The % complete kept on each enrolment (read by the progress report's chart) must equal the
 * learning path's rule recomputed from the learner's rows after every kind of write that changes
 * progress, and after `npm run progress:rebuild`'s rebuild when the content changed.
 */

const t0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const minute = 60_000;
let test: TestDatabase;

beforeEach(async () => {
  test = await createTestDb();
});
afterEach(() => test.cleanup());

async function learner(email: string): Promise<{ id: string; role: 'learner' }> {
  const id = newId();
  await test.db.write(async (orm) => {
    const org = await findOrCreateOrganisation(orm, 'Syarikat Ujian Sdn Bhd');
    await orm.insert(user).values({
      id,
      email,
      fullName: email,
      passwordHash: 'not-a-real-hash',
      role: 'learner',
      organisationId: org.id,
    });
  });
  return { id, role: 'learner' };
}

/** The stored % of each of the user's enrolments, and the rule's % recomputed from their rows. */
async function keptAndRecomputed(
  catalogue: Catalogue,
  userId: string,
): Promise<{ kept: Record<string, number>; recomputed: Record<string, number> }> {
  const rows = await test.db.orm
    .select({ courseId: enrolment.courseId, percent: enrolment.progressPercent })
    .from(enrolment)
    .where(eq(enrolment.userId, userId));
  const state = await loadLearnerState(test.db.orm, catalogue, userId);
  const kept: Record<string, number> = {};
  const recomputed: Record<string, number> = {};
  for (const row of rows) {
    const course = catalogue.published.course(row.courseId);
    if (!course) continue;
    kept[row.courseId] = row.percent;
    recomputed[row.courseId] = courseProgressFor(state, course).percent;
  }
  return { kept, recomputed };
}

/** Asserts that the kept % equals the recomputed one, and returns the main course's %. */
async function expectInStep(catalogue: Catalogue, userId: string): Promise<number | undefined> {
  const { kept, recomputed } = await keptAndRecomputed(catalogue, userId);
  expect(kept).toEqual(recomputed);
  return kept.main;
}

function planningQuiz(settings: Record<string, unknown> = {}): QuizContent {
  const data = fixtureData();
  data.settings = { ...(data.settings as object), ...settings };
  return toQuizContent('planning', 'module', quizSchema.parse(data));
}

/** Every answer right, in the opaque ids this attempt shows the browser. */
async function rightAnswersFor(content: QuizContent, attemptId: string): Promise<Answers> {
  const answers: Record<string, unknown> = {};
  for (const question of content.quiz.questions) {
    const all = question.type === 'scenario' ? question.questions : [question];
    for (const q of all) {
      if (q.type === 'single') answers[q.id] = q.options.find((option) => option.correct)?.id;
      if (q.type === 'multiple')
        answers[q.id] = q.options.filter((option) => option.correct).map((option) => option.id);
      if (q.type === 'truefalse') answers[q.id] = String(q.answer);
      if (q.type === 'ordering') answers[q.id] = q.items.map((item) => item.id);
      if (q.type === 'matching')
        answers[q.id] = Object.fromEntries(q.premises.map((premise) => [premise.id, premise.match]));
    }
  }
  const [stored] = await test.db.orm
    .select({ layout: quizAttempt.layout })
    .from(quizAttempt)
    .where(eq(quizAttempt.id, attemptId));
  return toPublicAnswers(content.quiz, stored?.layout as AttemptLayout, answers as Answers);
}

describe('the % kept on each enrolment', () => {
  it('follows lesson completions, module completions, a quiz pass and the course completion', async () => {
    const catalogue = fixtureCatalogue();
    const person = await learner('siti@example.my');
    const lesson = (moduleId: string, slug: string) => ({ courseId: 'main', moduleId, slug });

    expect(await enrolSelf(test.db, catalogue, person, 'main', t0)).toEqual({
      ok: true,
      outcome: 'enrolled',
    });
    expect(await expectInStep(catalogue, person.id)).toBe(0);

    // main: 2 + 2 required lessons, the planning quiz and the final assessment = 6 items.
    await completeLesson(test.db, catalogue, person, lesson('first-steps', '01-why'), t0 + minute);
    expect(await expectInStep(catalogue, person.id)).toBe(16);
    const moduleDone = await completeLesson(
      test.db,
      catalogue,
      person,
      lesson('first-steps', '02-how'),
      t0 + 2 * minute,
    );
    expect(moduleDone).toMatchObject({ ok: true, moduleCompleted: true });
    expect(await expectInStep(catalogue, person.id)).toBe(33);
    await completeLesson(test.db, catalogue, person, lesson('planning', '01-plan'), t0 + 3 * minute);
    await completeLesson(test.db, catalogue, person, lesson('planning', '02-review'), t0 + 4 * minute);
    expect(await expectInStep(catalogue, person.id)).toBe(66);

    // Someone else's pass of the same quiz must not make this learner's pass look like a second one.
    const other = await learner('other@example.my');
    await test.db.write((orm) =>
      orm.insert(quizAttempt).values({
        id: newId(),
        userId: other.id,
        quizId: 'planning',
        attemptNumber: 1,
        contentVersion: 'v1',
        layout: [],
        status: 'submitted',
        startedAt: new Date(t0),
        submittedAt: new Date(t0),
        passed: true,
      }),
    );

    // A quiz pass, submitted the way the submit endpoint does it (the hook runs in its transaction).
    const content = planningQuiz();
    const started = await startAttempt(
      test.db,
      catalogue,
      person,
      { courseId: 'main', moduleId: 'planning' },
      content,
      t0 + 5 * minute,
      seededRandom('percent'),
    );
    if (!started.ok) throw new Error(`start refused: ${JSON.stringify(started)}`);
    const submitted = await submitAttempt(
      test.db,
      content,
      {
        userId: person.id,
        attemptId: started.attemptId,
        posted: { from: 'json', answers: await rightAnswersFor(content, started.attemptId) },
      },
      t0 + 6 * minute,
      (orm) => refreshProgressPercentsOf(orm, catalogue, person.id),
    );
    expect(submitted).toMatchObject({ ok: true, passed: true, firstPass: true });
    // Read before the module completion is recorded: the pass alone moved the kept %.
    expect(await expectInStep(catalogue, person.id)).toBe(83);
    expect((await recordDueCompletions(test.db, catalogue, person.id, t0 + 6 * minute)).modules).toEqual([
      'planning',
    ]);
    expect(await expectInStep(catalogue, person.id)).toBe(83);

    // The final assessment passed (recorded as the attempt store would), then the completion.
    await test.db.write((orm) =>
      orm.insert(quizAttempt).values({
        id: newId(),
        userId: person.id,
        quizId: 'main-final',
        attemptNumber: 1,
        contentVersion: 'v1',
        layout: [],
        status: 'submitted',
        startedAt: new Date(t0 + 7 * minute),
        submittedAt: new Date(t0 + 8 * minute),
        passed: true,
      }),
    );
    expect((await recordDueCompletions(test.db, catalogue, person.id, t0 + 8 * minute)).courses).toEqual([
      'main',
    ]);
    expect(await expectInStep(catalogue, person.id)).toBe(100);
  });

  it('follows a pass that ends when the time runs out, closed by the quiz pages or a late save', async () => {
    const catalogue = fixtureCatalogue();
    const content = planningQuiz({ timeLimitMinutes: 10 });
    const lesson = (moduleId: string, slug: string) => ({ courseId: 'main', moduleId, slug });
    for (const [email, closeBy] of [
      ['overview@example.my', 'overview'],
      ['late-save@example.my', 'save'],
    ] as const) {
      const person = await learner(email);
      await enrolSelf(test.db, catalogue, person, 'main', t0);
      for (const [moduleId, slug] of [
        ['first-steps', '01-why'],
        ['first-steps', '02-how'],
        ['planning', '01-plan'],
      ] as const)
        await completeLesson(test.db, catalogue, person, lesson(moduleId, slug), t0 + minute);
      await completeLesson(test.db, catalogue, person, lesson('planning', '02-review'), t0 + minute);
      const started = await startAttempt(
        test.db,
        catalogue,
        person,
        { courseId: 'main', moduleId: 'planning' },
        content,
        t0 + 2 * minute,
        seededRandom(email),
      );
      if (!started.ok) throw new Error(`start refused: ${JSON.stringify(started)}`);
      // Every answer saved in time; the learner never presses Submit.
      const saved = await saveAnswers(
        test.db,
        content,
        {
          userId: person.id,
          attemptId: started.attemptId,
          posted: { from: 'json', answers: await rightAnswersFor(content, started.attemptId) },
        },
        t0 + 3 * minute,
        catalogue,
      );
      expect(saved.ok).toBe(true);
      const before = await expectInStep(catalogue, person.id);

      const late = t0 + 12 * minute + SUBMIT_GRACE_MS + 1;
      if (closeBy === 'overview') {
        const overview = await getQuizOverview(test.db, person.id, content, late, catalogue);
        expect(overview.attempts[0]).toMatchObject({ status: 'submitted', passed: true });
      } else {
        const again = await saveAnswers(
          test.db,
          content,
          { userId: person.id, attemptId: started.attemptId, posted: { from: 'json', answers: {} } },
          late,
          catalogue,
        );
        expect(again).toEqual({ ok: false, reason: 'time-up', attemptNumber: 1 });
      }
      // The pass counts at once (the quiz is one of main's six items), with no completion recorded yet.
      const after = await expectInStep(catalogue, person.id);
      expect(after).toBeGreaterThan(before ?? 0);
    }
  });

  it('follows a marked assignment and attended practical sessions (the completions their actions record)', async () => {
    const catalogue = fixtureCatalogue({ assignments: ['first-steps'], practicalSessions: 1 });
    const person = await learner('kavitha@example.my');
    await enrolSelf(test.db, catalogue, person, 'main', t0);
    for (const slug of ['01-why', '02-how'])
      await completeLesson(
        test.db,
        catalogue,
        person,
        { courseId: 'main', moduleId: 'first-steps', slug },
        t0,
      );
    // 2 lessons + assignment, 2 lessons + quiz, final, practical = 8 items; 2 done.
    expect(await expectInStep(catalogue, person.id)).toBe(25);

    await test.db.write((orm) =>
      orm.insert(assignmentSubmission).values({
        id: newId(),
        userId: person.id,
        assignmentId: 'first-steps',
        courseId: 'main',
        status: 'passed',
        attempts: 1,
        createdAt: new Date(t0),
        savedAt: new Date(t0),
        submittedAt: new Date(t0),
        decidedAt: new Date(t0 + minute),
      }),
    );
    // The marking action records the completions due after a decision (src/actions/assignment.ts).
    await recordDueCompletions(test.db, catalogue, person.id, t0 + minute);
    expect(await expectInStep(catalogue, person.id)).toBe(37);

    const sessionId = newId();
    await test.db.write(async (orm) => {
      await orm.insert(workshopSession).values({
        id: sessionId,
        courseId: 'main',
        title: 'Practical',
        startsAt: new Date(t0),
        endsAt: new Date(t0 + 60 * minute),
        mode: 'in-person',
        capacity: 10,
        createdAt: new Date(t0),
      });
      await orm.insert(workshopBooking).values({
        id: newId(),
        sessionId,
        userId: person.id,
        status: 'booked',
        queuedAt: new Date(t0),
        attendance: 'present',
        attendanceAt: new Date(t0 + 60 * minute),
      });
    });
    // The attendance action records the completions due for every learner it marked.
    await recordDueCompletions(test.db, catalogue, person.id, t0 + 60 * minute);
    expect(await expectInStep(catalogue, person.id)).toBe(50);
  });

  it("starts from the learner's existing progress when staff enrol them (not only on self-enrolment)", async () => {
    const catalogue = fixtureCatalogue();
    const person = await learner('aminah@example.my');
    const trainer = { id: newId(), role: 'trainer' as const };
    await test.db.write(async (orm) => {
      await orm.insert(user).values({
        id: trainer.id,
        email: 'trainer@example.my',
        fullName: 'Trainer',
        passwordHash: 'not-a-real-hash',
        role: 'trainer',
      });
      // Progress recorded before this enrolment existed (an earlier enrolment's rows, kept).
      await orm.insert(lessonProgress).values([
        {
          userId: person.id,
          lessonId: 'first-steps/01-why',
          completedAt: new Date(t0),
          firstViewedAt: new Date(t0),
          lastViewedAt: new Date(t0),
        },
        {
          userId: person.id,
          lessonId: 'first-steps/02-how',
          completedAt: new Date(t0),
          firstViewedAt: new Date(t0),
          lastViewedAt: new Date(t0),
        },
      ]);
    });
    const result = await enrolByEmails(test.db, catalogue, trainer, 'main', 'aminah@example.my', t0 + minute);
    expect(result).toMatchObject({ ok: true, report: { enrolled: [{ email: 'aminah@example.my' }] } });
    // 2 of main's 6 items are done: the kept % says so at once, before the learner writes anything.
    expect(await expectInStep(catalogue, person.id)).toBe(33);
  });

  it('is rebuilt for everyone when the content changes, and left alone when it is right', async () => {
    const before = fixtureCatalogue();
    const people = [
      await learner('a@example.my'),
      await learner('b@example.my'),
      await learner('c@example.my'),
    ];
    for (const [index, person] of people.entries()) {
      await enrolSelf(test.db, before, person, 'main', t0);
      await enrolSelf(test.db, before, person, 'open', t0);
      for (const slug of ['01-why', '02-how'].slice(0, index + 1))
        await completeLesson(
          test.db,
          before,
          person,
          { courseId: 'main', moduleId: 'first-steps', slug },
          t0,
        );
    }
    expect(await rebuildProgressPercents(test.db, before)).toEqual({ enrolments: 6, changed: 0 });

    // Rows written behind the app's back (an import, a restored table) are caught up by the rebuild.
    const [first, second] = people;
    if (!first || !second) throw new Error('people missing');
    await test.db.write((orm) =>
      orm.insert(lessonProgress).values({
        userId: first.id,
        lessonId: 'open-module/01-only',
        firstViewedAt: new Date(t0),
        lastViewedAt: new Date(t0),
        completedAt: new Date(t0),
      }),
    );
    expect((await keptAndRecomputed(before, first.id)).kept.open).toBe(0);
    expect(await rebuildProgressPercents(test.db, before)).toEqual({ enrolments: 6, changed: 1 });
    expect((await keptAndRecomputed(before, first.id)).kept.open).toBe(100);

    // A new required lesson in planning: 7 items in main, so everyone's % moves.
    const after = fixtureCatalogue({ extraLessons: [{ id: 'planning/03-extra', order: 3 }] });
    const result = await rebuildProgressPercents(test.db, after);
    expect(result.enrolments).toBe(6);
    expect(result.changed).toBe(3);
    for (const person of people) await expectInStep(after, person.id);
    expect((await keptAndRecomputed(after, second.id)).kept.main).toBe(28);
  });
});
