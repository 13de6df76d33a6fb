import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvent, enrolment, lessonProgress, quizAttempt, user } from '#db/schema.ts';
import { courseSchema, lessonSchema, moduleSchema } from '#src/lib/content/schema.ts';
import { buildCatalogue, type Catalogue } from '#src/lib/learning/structure.ts';
import { SUBMIT_GRACE_MS } from '#src/lib/quiz/rules.ts';
import { setTimeMultiplier } from '#src/lib/server/quiz/accommodation.ts';
import { newId } from '#src/lib/server/ids.ts';
import { findOrCreateOrganisation } from '#src/lib/server/employer/directory.ts';
import { listPassedQuizIds } from '#src/lib/server/learning/progress.ts';
import { saveAnswers, startAttempt, submitAttempt, type StartResult } from '#src/lib/server/quiz/attempt.ts';
import {
  getActiveAttempt,
  getQuizOverview,
  getSubmittedAttempt,
} from '#src/lib/server/quiz/attempt-views.ts';
import { fixtureData } from '#src/lib/server/quiz/quiz-fixture.ts';
import { quizSchema, type QuizInput } from '#src/lib/server/quiz/schema.ts';
import { toPublicAnswers, type Answers } from '#src/lib/server/quiz/answers.ts';
import { layoutVersion, seededRandom, type AttemptLayout } from '#src/lib/server/quiz/draw.ts';
import { gradeAttempt } from '#src/lib/server/quiz/grading.ts';
import { decideReviewLevel, toPublicQuestions, toReview } from '#src/lib/server/quiz/public-view.ts';
import { toQuizContent, type QuizContent } from '#src/lib/server/quiz/source.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';

const minute = 60_000;
const t0 = Date.UTC(2026, 10, 2, 1, 0, 0);

let test: TestDatabase;
let catalogue: Catalogue;
const people = { learner: '', other: '', trainer: '' };

function quizWith(
  settings: Partial<QuizInput['settings']>,
  edit?: (data: Record<string, unknown>) => void,
): QuizContent {
  const data = fixtureData();
  data.settings = { ...(data.settings as object), ...settings };
  edit?.(data);
  return toQuizContent('m1', 'module', quizSchema.parse(data));
}

function finalQuiz(): QuizContent {
  const data = fixtureData();
  return toQuizContent('final', 'assessment', quizSchema.parse(data));
}

/** Every drawn answer right, from the key (only tests may look at it). */
function rightAnswers(content: QuizContent): Record<string, unknown> {
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
  return answers;
}

async function addUser(email: string, role: 'learner' | 'trainer' = 'learner'): Promise<string> {
  const id = newId();
  await test.db.write(async (orm) => {
    const org = await findOrCreateOrganisation(orm, 'Syarikat Ujian Sdn Bhd');
    await orm
      .insert(user)
      .values({ id, email, fullName: email, passwordHash: 'x', role, organisationId: org.id });
  });
  return id;
}

async function enrol(userId: string, courseId = 'c1'): Promise<void> {
  await test.db.write((orm) =>
    orm
      .insert(enrolment)
      .values({ id: newId(), userId, courseId, status: 'active', enrolledAt: new Date(t0 - 60 * minute) }),
  );
}

async function completeLessons(userId: string, lessonIds = ['m1/01-one', 'm1/02-two']): Promise<void> {
  await test.db.write(async (orm) => {
    for (const lessonId of lessonIds) {
      const at = new Date(t0 - 30 * minute);
      await orm
        .insert(lessonProgress)
        .values({ userId, lessonId, firstViewedAt: at, lastViewedAt: at, completedAt: at });
    }
  });
}

const target = { courseId: 'c1', moduleId: 'm1' };

async function started(
  content: QuizContent,
  userId = people.learner,
  now = t0,
): Promise<Extract<StartResult, { ok: true }>> {
  const result = await startAttempt(
    test.db,
    catalogue,
    { id: userId, role: 'learner' },
    target,
    content,
    now,
    seededRandom('test'),
  );
  if (!result.ok) throw new Error(`start refused: ${JSON.stringify(result)}`);
  return result;
}

async function row(attemptId: string) {
  const [found] = await test.db.orm.select().from(quizAttempt).where(eq(quizAttempt.id, attemptId));
  if (!found) throw new Error('attempt missing');
  return found;
}

/** Answers (authored ids) in the opaque ids this attempt shows the browser: what the island sends. */
async function asShown(
  content: QuizContent,
  attemptId: string,
  answers: Record<string, unknown>,
): Promise<Answers> {
  const stored = await row(attemptId);
  return toPublicAnswers(content.quiz, stored.layout as AttemptLayout, answers as Answers);
}

/** The opaque id this attempt shows for an authored option id of a question. */
async function token(attemptId: string, questionId: string, optionId: string): Promise<string> {
  const layout = (await row(attemptId)).layout as AttemptLayout;
  const entries = layout.flatMap((entry) => entry.subQuestions ?? [entry]);
  const found = entries.find((entry) => entry.questionId === questionId)?.tokens?.options?.[optionId];
  if (!found) throw new Error(`no token for ${questionId}/${optionId}`);
  return found;
}

beforeEach(async () => {
  test = await createTestDb();
  const lesson = (order: number) => lessonSchema.parse({ title: `Lesson ${order}`, order, minutes: 5 });
  catalogue = buildCatalogue({
    courses: [
      {
        id: 'c1',
        data: courseSchema.parse({
          title: 'Course',
          summary: 'A course.',
          modules: ['m1', 'm2'],
          sequential: true,
          estimatedHours: 1,
          cpdHours: 1,
          completion: { requiredLessons: true, moduleQuizzes: true, finalAssessment: 'final' },
        }),
      },
    ],
    modules: ['m1', 'm2'].map((id, index) => ({
      id,
      data: moduleSchema.parse({
        title: id,
        summary: 'A module.',
        order: index + 1,
        objectives: ['Explain things.'],
      }),
    })),
    lessons: [
      { id: 'm1/01-one', data: lesson(1) },
      { id: 'm1/02-two', data: lesson(2) },
      { id: 'm2/01-one', data: lesson(1) },
    ],
    quizIds: ['m1'],
    assessmentIds: ['final'],
  });
  people.learner = await addUser('aisyah@example.my');
  people.other = await addUser('tan@example.my');
  people.trainer = await addUser('rajesh@example.my', 'trainer');
  for (const id of Object.values(people)) await enrol(id);
  await completeLessons(people.learner);
  await completeLessons(people.other);
});
afterEach(() => test.cleanup());

describe('starting an attempt', () => {
  it('needs an active enrolment and the module lessons done', async () => {
    const content = quizWith({});
    const stranger = await addUser('stranger@example.my');
    const start = (userId: string) =>
      startAttempt(test.db, catalogue, { id: userId, role: 'learner' }, target, content, t0);
    expect(await start(stranger)).toEqual({ ok: false, reason: 'not-enrolled' });
    await enrol(stranger);
    expect(await start(stranger)).toEqual({ ok: false, reason: 'lessons-incomplete' });
    await completeLessons(stranger, ['m1/01-one']);
    expect(await start(stranger)).toEqual({ ok: false, reason: 'lessons-incomplete' });
    await completeLessons(stranger, ['m1/02-two']);
    expect(await start(stranger)).toMatchObject({ ok: true, attemptNumber: 1, resumed: false });
  });

  it('refuses a quiz that is not this module’s, and the final assessment before every module is complete', async () => {
    const wrong = toQuizContent('m2', 'module', quizWith({}).quiz);
    expect(
      await startAttempt(test.db, catalogue, { id: people.learner, role: 'learner' }, target, wrong, t0),
    ).toEqual({
      ok: false,
      reason: 'not-found',
    });
    const final = await startAttempt(
      test.db,
      catalogue,
      { id: people.learner, role: 'learner' },
      { courseId: 'c1', moduleId: null },
      finalQuiz(),
      t0,
    );
    expect(final).toEqual({ ok: false, reason: 'modules-incomplete' });
  });

  it('freezes the draw and the content version, and resumes instead of starting again', async () => {
    const content = quizWith({});
    const first = await started(content);
    const stored = await row(first.attemptId);
    expect(stored.contentVersion).toBe(content.version);
    expect(stored.status).toBe('in-progress');
    expect(Array.isArray(stored.layout) && stored.layout.length).toBe(content.quiz.questions.length);

    const again = await started(content, people.learner, t0 + minute);
    expect(again).toEqual({ ok: true, attemptId: first.attemptId, attemptNumber: 1, resumed: true });
    expect((await row(first.attemptId)).layout).toEqual(stored.layout);

    const active = await getActiveAttempt(test.db, people.learner, content, t0 + 2 * minute);
    expect(active.kind === 'active' && active.attempt.id).toBe(first.attemptId);
  });

  it('starts once when two starts race', async () => {
    const content = quizWith({});
    const results = await Promise.all(Array.from({ length: 5 }, () => started(content)));
    expect(new Set(results.map((result) => result.attemptId)).size).toBe(1);
    const rows = await test.db.orm.select().from(quizAttempt).where(eq(quizAttempt.userId, people.learner));
    expect(rows).toHaveLength(1);
  });
});

describe('attempt limits and cool-downs', () => {
  it('stops after the attempts allowed and says so', async () => {
    const content = quizWith({ attemptsAllowed: 2 });
    for (let n = 1; n <= 2; n++) {
      const attempt = await started(content, people.learner, t0 + n * minute);
      await submitAttempt(
        test.db,
        content,
        { userId: people.learner, attemptId: attempt.attemptId },
        t0 + n * minute + 1000,
      );
    }
    const third = await startAttempt(
      test.db,
      catalogue,
      { id: people.learner, role: 'learner' },
      target,
      content,
      t0 + 10 * minute,
    );
    expect(third).toEqual({ ok: false, reason: 'attempts-exhausted' });
    const overview = await getQuizOverview(test.db, people.learner, content, t0 + 10 * minute);
    expect(overview.standing).toMatchObject({ used: 2, left: 0, blocked: 'attempts-exhausted' });
  });

  it('makes the learner wait for the cool-down, then lets them start', async () => {
    const content = quizWith({ cooldownMinutes: 60 });
    const attempt = await started(content);
    const submittedAt = t0 + 5 * minute;
    await submitAttempt(
      test.db,
      content,
      { userId: people.learner, attemptId: attempt.attemptId },
      submittedAt,
    );
    const early = await startAttempt(
      test.db,
      catalogue,
      { id: people.learner, role: 'learner' },
      target,
      content,
      submittedAt + 59 * minute,
    );
    expect(early).toEqual({ ok: false, reason: 'cooling-down', nextAllowedAt: submittedAt + 60 * minute });
    const later = await startAttempt(
      test.db,
      catalogue,
      { id: people.learner, role: 'learner' },
      target,
      content,
      submittedAt + 60 * minute,
    );
    expect(later).toMatchObject({ ok: true, attemptNumber: 2 });
  });

  it('counts the highest attempt', async () => {
    const content = quizWith({});
    const right = rightAnswers(content);
    const first = await started(content);
    const pass = await submitAttempt(
      test.db,
      content,
      {
        userId: people.learner,
        attemptId: first.attemptId,
        posted: { from: 'json', answers: await asShown(content, first.attemptId, right) },
      },
      t0 + minute,
    );
    expect(pass).toMatchObject({ ok: true, percent: 100, passed: true, firstPass: true });
    const second = await started(content, people.learner, t0 + 2 * minute);
    const poorer = await submitAttempt(
      test.db,
      content,
      { userId: people.learner, attemptId: second.attemptId },
      t0 + 3 * minute,
    );
    expect(poorer).toMatchObject({ ok: true, percent: 0, passed: false, firstPass: false });
    const third = await started(content, people.learner, t0 + 4 * minute);
    const again = await submitAttempt(
      test.db,
      content,
      {
        userId: people.learner,
        attemptId: third.attemptId,
        posted: { from: 'json', answers: await asShown(content, third.attemptId, right) },
      },
      t0 + 5 * minute,
    );
    // Passing again completes nothing new.
    expect(again).toMatchObject({ ok: true, passed: true, firstPass: false });
    const overview = await getQuizOverview(test.db, people.learner, content, t0 + 6 * minute);
    expect(overview.standing).toMatchObject({ used: 3, best: 100, passed: true });
    expect(await listPassedQuizIds(test.db.orm, people.learner)).toEqual(['m1']);
    const result = await getSubmittedAttempt(test.db, people.learner, content, 2);
    expect(result).toMatchObject({ best: 100, passedAny: true });
  });
});

describe('time limits', () => {
  it('accepts a save within the grace period and closes the attempt with the saved answers after it', async () => {
    const content = quizWith({ timeLimitMinutes: 10 });
    const attempt = await started(content);
    const stored = await row(attempt.attemptId);
    expect(stored.deadlineAt?.getTime()).toBe(t0 + 10 * minute);
    const deadline = t0 + 10 * minute;
    const right = rightAnswers(content);

    const inGrace = await saveAnswers(
      test.db,
      content,
      {
        userId: people.learner,
        attemptId: attempt.attemptId,
        posted: {
          from: 'json',
          answers: await asShown(content, attempt.attemptId, { 'q-single': right['q-single'] }),
        },
      },
      deadline + SUBMIT_GRACE_MS,
    );
    expect(inGrace.ok).toBe(true);

    const late = await saveAnswers(
      test.db,
      content,
      {
        userId: people.learner,
        attemptId: attempt.attemptId,
        posted: { from: 'json', answers: await asShown(content, attempt.attemptId, right) },
      },
      deadline + SUBMIT_GRACE_MS + 1,
    );
    expect(late).toEqual({ ok: false, reason: 'time-up', attemptNumber: 1 });
    const closed = await row(attempt.attemptId);
    expect(closed.status).toBe('submitted');
    expect(closed.submittedAt?.getTime()).toBe(deadline);
    expect(closed.answers).toEqual({ 'q-single': 'a' });
    expect(closed.score).toBe(2);
    expect(closed.results).toMatchObject({ endedBy: 'time' });
  });

  it('ignores answers posted with a submit after the grace period', async () => {
    const content = quizWith({ timeLimitMinutes: 10 });
    const attempt = await started(content);
    const result = await submitAttempt(
      test.db,
      content,
      {
        userId: people.learner,
        attemptId: attempt.attemptId,
        posted: { from: 'json', answers: await asShown(content, attempt.attemptId, rightAnswers(content)) },
      },
      t0 + 10 * minute + SUBMIT_GRACE_MS + 1,
    );
    expect(result).toMatchObject({ ok: true, percent: 0, endedBy: 'time', alreadySubmitted: false });
  });

  it('closes a timed-out attempt when the learner next opens the quiz', async () => {
    const content = quizWith({ timeLimitMinutes: 10 });
    const attempt = await started(content);
    await saveAnswers(
      test.db,
      content,
      {
        userId: people.learner,
        attemptId: attempt.attemptId,
        posted: { from: 'json', answers: await asShown(content, attempt.attemptId, rightAnswers(content)) },
      },
      t0 + 5 * minute,
    );
    const later = t0 + 60 * minute;
    expect(await getActiveAttempt(test.db, people.learner, content, later)).toEqual({
      kind: 'ended',
      attemptNumber: 1,
    });
    const overview = await getQuizOverview(test.db, people.learner, content, later);
    expect(overview.standing).toMatchObject({ used: 1, best: 100, inProgress: null });
  });

  it('applies the learner’s time accommodation: a multiplier or no limit', async () => {
    const content = quizWith({ timeLimitMinutes: 20 });
    const trainer = { id: people.trainer, role: 'trainer' as const };
    expect(await setTimeMultiplier(test.db, trainer, people.learner, 1.5, t0)).toMatchObject({
      ok: true,
      changed: true,
    });
    const stretched = await started(content);
    expect((await row(stretched.attemptId)).deadlineAt?.getTime()).toBe(t0 + 30 * minute);
    const overview = await getQuizOverview(test.db, people.learner, content, t0);
    expect(overview.timeMultiplier).toBe(1.5);

    expect(await setTimeMultiplier(test.db, trainer, people.other, 0, t0)).toMatchObject({ ok: true });
    const unlimited = await started(content, people.other);
    expect((await row(unlimited.attemptId)).deadlineAt).toBeNull();

    const audit = await test.db.orm
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, 'time-accommodation-changed'));
    expect(audit.map((event) => [event.actorId, event.subjectId, event.data])).toEqual([
      [people.trainer, people.learner, { before: null, after: 1.5, email: 'aisyah@example.my' }],
      [people.trainer, people.other, { before: null, after: 0, email: 'tan@example.my' }],
    ]);
    expect(
      await setTimeMultiplier(test.db, { id: people.other, role: 'learner' }, people.other, 2, t0),
    ).toEqual({
      ok: false,
      reason: 'forbidden',
    });
  });
});

describe('saving and submitting', () => {
  it('refuses to save into someone else’s attempt, and leaves it untouched', async () => {
    const content = quizWith({});
    const attempt = await started(content);
    const theft = await saveAnswers(
      test.db,
      content,
      {
        userId: people.other,
        attemptId: attempt.attemptId,
        posted: { from: 'json', answers: { 'q-tf': 'false' } },
      },
      t0 + minute,
    );
    expect(theft).toEqual({ ok: false, reason: 'not-found' });
    expect(
      await submitAttempt(
        test.db,
        content,
        { userId: people.other, attemptId: attempt.attemptId },
        t0 + minute,
      ),
    ).toEqual({
      ok: false,
      reason: 'not-found',
    });
    const stored = await row(attempt.attemptId);
    expect(stored.answers).toEqual({});
    expect(stored.status).toBe('in-progress');
    expect(await getSubmittedAttempt(test.db, people.other, content, 1)).toBeNull();
  });

  it('saves form pages without undoing each other, and clears an answer taken back', async () => {
    const content = quizWith({ shuffleQuestions: false });
    const attempt = await started(content);
    const save = (fields: [string, string][], page: number, now: number) =>
      saveAnswers(
        test.db,
        content,
        { userId: people.learner, attemptId: attempt.attemptId, posted: { from: 'form', fields, page } },
        now,
      );
    const [singleA, singleB, multiA, multiB, caseA] = await Promise.all([
      token(attempt.attemptId, 'q-single', 'a'),
      token(attempt.attemptId, 'q-single', 'b'),
      token(attempt.attemptId, 'q-multi', 'a'),
      token(attempt.attemptId, 'q-multi', 'b'),
      token(attempt.attemptId, 'q-case-a', 'a'),
    ]);
    // Page 1 holds the first five questions, page 2 the scenario.
    await Promise.all([
      save(
        [
          ['q:q-single', singleA],
          ['q:q-multi', multiA],
          ['q:q-multi', multiB],
          ['q:q-tf', 'false'],
        ],
        0,
        t0 + minute,
      ),
      save(
        [
          ['q:q-case-a', caseA],
          ['q:q-case-b', 'true'],
        ],
        1,
        t0 + minute,
      ),
    ]);
    expect((await row(attempt.attemptId)).answers).toEqual({
      'q-single': 'a',
      'q-multi': ['a', 'b'],
      'q-tf': 'false',
      'q-case-a': 'a',
      'q-case-b': 'true',
    });
    await save([['q:q-single', singleB]], 0, t0 + 2 * minute);
    expect((await row(attempt.attemptId)).answers).toEqual({
      'q-single': 'b',
      'q-case-a': 'a',
      'q-case-b': 'true',
    });
  });

  it('grades exactly once when ten submits race', async () => {
    const content = quizWith({});
    const attempt = await started(content);
    const right = await asShown(content, attempt.attemptId, rightAnswers(content));
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        submitAttempt(
          test.db,
          content,
          {
            userId: people.learner,
            attemptId: attempt.attemptId,
            // Each request carries different answers: only one of them may be graded.
            posted: { from: 'json', answers: index === 0 ? right : {} },
          },
          t0 + minute + index,
        ),
      ),
    );
    const fresh = results.filter((result) => result.ok && !result.alreadySubmitted);
    expect(fresh).toHaveLength(1);
    const graded = fresh[0];
    for (const result of results) {
      expect(result).toMatchObject({ ok: true, percent: graded?.ok ? graded.percent : -1 });
    }
    const rows = await test.db.orm
      .select()
      .from(quizAttempt)
      .where(and(eq(quizAttempt.userId, people.learner), eq(quizAttempt.quizId, 'm1')));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe('submitted');
    expect(rows[0]?.percent).toBe(graded?.ok ? graded.percent : -1);

    const replay = await submitAttempt(
      test.db,
      content,
      { userId: people.learner, attemptId: attempt.attemptId, posted: { from: 'json', answers: right } },
      t0 + 5 * minute,
    );
    expect(replay).toMatchObject({ ok: true, alreadySubmitted: true, percent: rows[0]?.percent });
  });

  it('refuses saves after submission', async () => {
    const content = quizWith({});
    const attempt = await started(content);
    await submitAttempt(
      test.db,
      content,
      { userId: people.learner, attemptId: attempt.attemptId },
      t0 + minute,
    );
    const save = await saveAnswers(
      test.db,
      content,
      {
        userId: people.learner,
        attemptId: attempt.attemptId,
        posted: { from: 'json', answers: { 'q-tf': 'false' } },
      },
      t0 + 2 * minute,
    );
    expect(save).toEqual({ ok: false, reason: 'submitted' });
  });
});

describe('content changes during an attempt', () => {
  it('grades against the stored layout where the question ids still exist, and says so', async () => {
    const before = quizWith({ shuffleQuestions: false });
    const attempt = await started(before);
    await saveAnswers(
      test.db,
      before,
      {
        userId: people.learner,
        attemptId: attempt.attemptId,
        posted: { from: 'json', answers: await asShown(before, attempt.attemptId, rightAnswers(before)) },
      },
      t0 + minute,
    );
    // The author removes the matching question and adds a new one; the rest is unchanged.
    const after = quizWith({ shuffleQuestions: false }, (data) => {
      const questions = (data.questions as { id: string }[]).filter((question) => question.id !== 'q-match');
      questions.push({ id: 'q-new', type: 'truefalse', prompt: 'A new question.', answer: true } as never);
      data.questions = questions;
    });
    expect(after.version).not.toBe(before.version);

    const active = await getActiveAttempt(test.db, people.learner, after, t0 + 2 * minute);
    expect(
      active.kind === 'active' && [active.attempt.contentChanged, active.attempt.missingQuestions],
    ).toEqual([true, 1]);

    const result = await submitAttempt(
      test.db,
      after,
      { userId: people.learner, attemptId: attempt.attemptId },
      t0 + 3 * minute,
    );
    expect(result).toMatchObject({ ok: true, percent: 100, passed: true });
    const stored = await row(attempt.attemptId);
    expect(stored.results).toMatchObject({ contentChanged: true, missingQuestionIds: ['q-match'] });
    // 9 points were drawn; the matching question (1 point) is no longer marked and q-new was never drawn.
    expect(stored.maxScore).toBe(8);
    const view = await getSubmittedAttempt(test.db, people.learner, after, 1);
    expect(view).toMatchObject({ contentChanged: true, missingQuestions: 1 });
  });
});

describe('opaque option ids', () => {
  it('draws fresh tokens per attempt and keeps authored ids out of everything the browser gets', async () => {
    const content = quizWith({});
    const first = await started(content);
    const active = await getActiveAttempt(test.db, people.learner, content, t0 + minute);
    if (active.kind !== 'active') throw new Error('no active attempt');
    const shown = JSON.stringify(toPublicQuestions(content.quiz, active.attempt.layout));
    expect(shown).not.toMatch(/"id":"(a|b|c|d|contact|assess|plan|monitor|yellow|blue|fear|policy)"/);
    const firstToken = await token(first.attemptId, 'q-single', 'a');
    await submitAttempt(
      test.db,
      content,
      { userId: people.learner, attemptId: first.attemptId },
      t0 + minute,
    );
    const second = await startAttempt(
      test.db,
      catalogue,
      { id: people.learner, role: 'learner' },
      target,
      content,
      t0 + 2 * minute,
    );
    if (!second.ok) throw new Error('start refused');
    expect(await token(second.attemptId, 'q-single', 'a')).not.toBe(firstToken);
  });

  it('draws a retake from the questions the previous attempt did not show, where the bank allows', async () => {
    const content = quizWith({ drawCount: 3 });
    const first = await started(content);
    const firstIds = ((await row(first.attemptId)).layout as AttemptLayout).map((entry) => entry.questionId);
    await submitAttempt(
      test.db,
      content,
      { userId: people.learner, attemptId: first.attemptId },
      t0 + minute,
    );
    const second = await started(content, people.learner, t0 + 2 * minute);
    const secondIds = ((await row(second.attemptId)).layout as AttemptLayout).map(
      (entry) => entry.questionId,
    );
    expect(secondIds).toHaveLength(3);
    expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);
  });
});

describe('attempts stored before opaque ids (layout version 1)', () => {
  /** A row as the app wrote it before tokens: authored ids in the layout and in the answers. */
  async function insertOldAttempt(
    content: QuizContent,
    status: 'submitted' | 'in-progress',
    answers: Record<string, unknown>,
  ): Promise<string> {
    const layout: AttemptLayout = [
      { questionId: 'q-single', optionOrder: ['a', 'b', 'c'] },
      { questionId: 'q-multi', optionOrder: ['a', 'b', 'c', 'd'] },
      { questionId: 'q-tf' },
      { questionId: 'q-order', itemOrder: ['plan', 'contact', 'assess', 'monitor'] },
      {
        questionId: 'q-match',
        premiseOrder: ['yellow', 'blue'],
        responseOrder: ['fear', 'supervisor', 'policy'],
      },
      {
        questionId: 'q-case',
        subQuestions: [{ questionId: 'q-case-a', optionOrder: ['a', 'b'] }, { questionId: 'q-case-b' }],
      },
    ];
    expect(layoutVersion(layout)).toBe(1);
    const id = newId();
    const grade = gradeAttempt(content.quiz, layout, answers as Answers);
    await test.db.write((orm) =>
      orm.insert(quizAttempt).values({
        id,
        userId: people.learner,
        quizId: content.id,
        attemptNumber: 1,
        contentVersion: content.version,
        layout,
        answers,
        status,
        startedAt: new Date(t0),
        ...(status === 'submitted'
          ? {
              submittedAt: new Date(t0 + minute),
              score: grade.score,
              maxScore: grade.maxScore,
              percent: grade.percent,
              passed: grade.passed,
              results: {
                questions: grade.questions,
                endedBy: 'learner',
                contentChanged: false,
                missingQuestionIds: [],
              },
            }
          : {}),
      }),
    );
    return id;
  }

  it('still shows its result and its review, in both review levels', async () => {
    const content = quizWith({ revealAnswersAfterAttempts: 3 });
    await insertOldAttempt(content, 'submitted', {
      'q-single': 'b',
      'q-multi': ['a', 'b'],
      'q-tf': 'false',
      'q-order': ['contact', 'assess', 'plan', 'monitor'],
    });
    const result = await getSubmittedAttempt(test.db, people.learner, content, 1);
    if (!result) throw new Error('old attempt not found');
    expect(result.grade).toMatchObject({ score: 3, maxScore: 9, passed: false });
    const overview = await getQuizOverview(test.db, people.learner, content, t0 + 2 * minute);
    const standing = {
      attemptPassed: false,
      passedAny: overview.standing.passed,
      used: overview.standing.used,
      left: overview.standing.left,
    };
    expect(decideReviewLevel(content.quiz.settings, standing)).toBe('teach');
    const teach = toReview(content.quiz, result.record.layout, result.record.answers, result.grade, {
      level: 'teach',
    });
    const single = teach.find((question) => question.questionId === 'q-single');
    expect(single?.type === 'single' && single.options.map((option) => [option.text, option.chosen])).toEqual(
      [
        ['Call the worker early', false],
        ['Wait for the certificate to end', true],
        ['Send a policy letter', false],
      ],
    );
    expect(JSON.stringify(teach)).not.toContain('"correct":true,"feedback"');
    const full = toReview(content.quiz, result.record.layout, result.record.answers, result.grade, {
      level: 'full',
    });
    expect(full.find((question) => question.questionId === 'q-order')).toMatchObject({
      correct: true,
      points: 1,
    });
    expect(full.find((question) => question.questionId === 'q-tf')).toMatchObject({
      answer: 'false',
      correctAnswer: 'false',
    });
  });

  it('an attempt left in progress keeps its answers, gets tokens when next opened, then grades', async () => {
    const content = quizWith({});
    const id = await insertOldAttempt(content, 'in-progress', { 'q-single': 'a' });
    // Before the upgrade it still reads the authored ids its old page shows.
    const save = await saveAnswers(
      test.db,
      content,
      {
        userId: people.learner,
        attemptId: id,
        posted: {
          from: 'form',
          fields: [
            ['q:q-single', 'a'],
            ['q:q-tf', 'false'],
          ],
          page: 0,
        },
      },
      t0 + minute,
    );
    expect(save.ok).toBe(true);
    const active = await getActiveAttempt(
      test.db,
      people.learner,
      content,
      t0 + 2 * minute,
      seededRandom('upgrade'),
    );
    if (active.kind !== 'active') throw new Error('no active attempt');
    expect(layoutVersion(active.attempt.layout)).toBe(2);
    expect(layoutVersion((await row(id)).layout as AttemptLayout)).toBe(2);
    expect(active.attempt.answers).toEqual({ 'q-single': 'a', 'q-tf': 'false' });
    // Now an authored id names nothing; the token does.
    const guessed = await submitAttempt(
      test.db,
      content,
      {
        userId: people.learner,
        attemptId: id,
        // Page 2 holds the scenario.
        posted: { from: 'form', fields: [['q:q-case-a', 'a']], page: 1 },
      },
      t0 + 3 * minute,
    );
    expect(guessed).toMatchObject({ ok: true });
    const stored = await row(id);
    expect(stored.answers).toEqual({ 'q-single': 'a', 'q-tf': 'false' });
    expect(stored.score).toBe(3);
  });
});
