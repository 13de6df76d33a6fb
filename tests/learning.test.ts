import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvent, enrolment, lessonProgress, moduleCompletion, quizAttempt, user } from '#db/schema.ts';
import type { Role } from '#src/lib/roles.ts';
import { fixtureCatalogue } from '#src/lib/learning/fixture.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import {
  enrolByEmails,
  enrolSelf,
  getEnrolment,
  parseEmailList,
  withdrawSelf,
} from '#src/lib/server/learning/enrolment.ts';
import { newId } from '#src/lib/server/ids.ts';
import { findOrCreateOrganisation } from '#src/lib/server/employer/directory.ts';
import {
  completeLesson,
  courseProgressFor,
  listPassedQuizIds,
  loadLearnerState,
  recordDueCompletions,
  recordLessonView,
  undoLessonCompletion,
  UNDO_COMPLETION_MS,
  VIEW_REFRESH_MS,
} from '#src/lib/server/learning/progress.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';

let test: TestDatabase;
let catalogue: Catalogue;
beforeEach(async () => {
  test = await createTestDb();
  catalogue = fixtureCatalogue();
});
afterEach(() => test.cleanup());

const t0 = Date.UTC(2026, 10, 2, 9, 0, 0);

async function person(
  email: string,
  role: Role = 'learner',
  fullName = email.split('@')[0] ?? email,
): Promise<{ id: string; role: Role }> {
  const id = newId();
  await test.db.write(async (orm) => {
    const org = await findOrCreateOrganisation(orm, 'Syarikat Ujian Sdn Bhd');
    await orm
      .insert(user)
      .values({ id, email, fullName, passwordHash: 'not-a-real-hash', role, organisationId: org.id });
  });
  return { id, role };
}

const lesson = (moduleId: string, slug: string) => ({ courseId: 'main', moduleId, slug });

async function progressRows(userId: string) {
  return test.db.orm.select().from(lessonProgress).where(eq(lessonProgress.userId, userId));
}

async function passQuiz(
  userId: string,
  quizId: string,
  passed = true,
  status: 'submitted' | 'in-progress' = 'submitted',
) {
  await test.db.write((orm) =>
    orm.insert(quizAttempt).values({
      id: newId(),
      userId,
      quizId,
      attemptNumber: Math.floor(Math.random() * 1_000_000),
      contentVersion: 'v1',
      layout: [],
      status,
      startedAt: new Date(t0),
      submittedAt: status === 'submitted' ? new Date(t0) : null,
      passed: status === 'submitted' ? passed : null,
    }),
  );
}

describe('self-enrolment', () => {
  it('enrols, withdraws keeping progress, and re-enrols restoring it', async () => {
    const siti = await person('siti@example.my');
    expect(await enrolSelf(test.db, catalogue, siti, 'main', t0)).toEqual({ ok: true, outcome: 'enrolled' });
    expect(await enrolSelf(test.db, catalogue, siti, 'main', t0 + 1)).toEqual({
      ok: true,
      outcome: 'already-enrolled',
    });
    await completeLesson(test.db, catalogue, siti, lesson('first-steps', '01-why'), t0 + 10);

    expect(await withdrawSelf(test.db, siti.id, 'main', t0 + 20)).toEqual({ ok: true });
    expect(await withdrawSelf(test.db, siti.id, 'main', t0 + 21)).toEqual({
      ok: false,
      reason: 'not-enrolled',
    });
    const withdrawn = await getEnrolment(test.db.orm, siti.id, 'main');
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawnAt: t0 + 20 });
    expect(await progressRows(siti.id)).toHaveLength(1);

    expect(await enrolSelf(test.db, catalogue, siti, 'main', t0 + 30)).toEqual({
      ok: true,
      outcome: 'restored',
    });
    const state = await loadLearnerState(test.db.orm, catalogue, siti.id);
    expect(state.enrolments.get('main')).toMatchObject({
      id: withdrawn?.id,
      status: 'active',
      withdrawnAt: null,
      enrolledAt: t0,
    });
    const course = catalogue.published.course('main');
    if (!course) throw new Error('fixture');
    expect(courseProgressFor(state, course)).toMatchObject({ itemsDone: 1, percent: 16 });
  });

  it('hides draft and unknown courses from learners but not from trainers', async () => {
    const learner = await person('learner@example.my');
    const trainer = await person('trainer@example.my', 'trainer');
    expect(await enrolSelf(test.db, catalogue, learner, 'hidden', t0)).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(await enrolSelf(test.db, catalogue, learner, 'no-such-course', t0)).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(await enrolSelf(test.db, catalogue, trainer, 'hidden', t0)).toEqual({
      ok: true,
      outcome: 'enrolled',
    });
    expect(await test.db.orm.select().from(enrolment)).toHaveLength(1);
  });
});

describe('staff enrolment from pasted emails', () => {
  it('reports who was enrolled, who already was and which emails matched nobody, and audits each enrolment', async () => {
    const trainer = await person('trainer@example.my', 'trainer');
    const aisyah = await person('aisyah@example.my', 'learner', 'Siti Nur Aisyah binti Abdullah');
    const tan = await person('tan.weiming@example.my', 'learner', 'Tan Wei Ming');
    const kavitha = await person('kavitha@example.my', 'learner', 'Kavitha a/p Ramasamy');
    await enrolSelf(test.db, catalogue, tan, 'main', t0);
    await enrolSelf(test.db, catalogue, kavitha, 'main', t0);
    await withdrawSelf(test.db, kavitha.id, 'main', t0 + 1);

    const pasted = [
      'Siti Nur Aisyah <AISYAH@example.my>',
      'tan.weiming@example.my, kavitha@example.my; nobody@example.my',
      'aisyah@example.my',
      'not-an-email@',
      'Jugah anak Nyandang\tjugah@example.my',
    ].join('\n');
    const result = await enrolByEmails(test.db, catalogue, trainer, 'main', pasted, t0 + 5);
    expect(result).toEqual({
      ok: true,
      report: {
        enrolled: [
          { email: 'aisyah@example.my', fullName: 'Siti Nur Aisyah binti Abdullah', restored: false },
          { email: 'kavitha@example.my', fullName: 'Kavitha a/p Ramasamy', restored: true },
        ],
        alreadyEnrolled: [{ email: 'tan.weiming@example.my', fullName: 'Tan Wei Ming' }],
        matchedNobody: ['nobody@example.my', 'jugah@example.my', 'not-an-email@'],
      },
    });
    const newEnrolment = await getEnrolment(test.db.orm, aisyah.id, 'main');
    expect(newEnrolment).toMatchObject({ status: 'active', enrolledBy: trainer.id, enrolledAt: t0 + 5 });

    const audit = await test.db.orm.select().from(auditEvent).orderBy(auditEvent.id);
    expect(audit.map((event) => [event.action, event.actorId, event.subjectType, event.subjectId])).toEqual([
      ['enrolment-created', trainer.id, 'enrolment', newEnrolment?.id],
      [
        'enrolment-restored',
        trainer.id,
        'enrolment',
        (await getEnrolment(test.db.orm, kavitha.id, 'main'))?.id,
      ],
    ]);
    expect(audit[0]?.data).toMatchObject({ userId: aisyah.id, email: 'aisyah@example.my', courseId: 'main' });
  });

  it('refuses learners, unknown courses, empty and oversized lists', async () => {
    const learner = await person('learner@example.my');
    const admin = await person('admin@example.my', 'admin');
    expect(await enrolByEmails(test.db, catalogue, learner, 'main', 'learner@example.my', t0)).toEqual({
      ok: false,
      reason: 'course-not-found',
    });
    expect(await enrolByEmails(test.db, catalogue, admin, 'nope', 'learner@example.my', t0)).toEqual({
      ok: false,
      reason: 'course-not-found',
    });
    expect(await enrolByEmails(test.db, catalogue, admin, 'main', '  just some words  ', t0)).toEqual({
      ok: false,
      reason: 'no-emails',
    });
    const many = Array.from({ length: 2001 }, (_, index) => `person${index}@example.my`).join('\n');
    expect(await enrolByEmails(test.db, catalogue, admin, 'main', many, t0)).toEqual({
      ok: false,
      reason: 'too-many',
    });
    expect(await test.db.orm.select().from(enrolment)).toHaveLength(0);
  });

  it('parses pasted lists', () => {
    expect(parseEmailList('a@x.my\nB@X.MY, a@x.my; "c@x.my" (d@x.my).')).toEqual({
      emails: ['a@x.my', 'b@x.my', 'c@x.my', 'd@x.my'],
      invalid: [],
    });
    expect(parseEmailList('@x.my name@ ok@x.my')).toEqual({
      emails: ['ok@x.my'],
      invalid: ['@x.my', 'name@'],
    });
  });
});

describe('recording progress', () => {
  it('is idempotent: completing twice keeps the first completion time', async () => {
    const siti = await person('siti@example.my');
    await enrolSelf(test.db, catalogue, siti, 'main', t0);
    const first = await completeLesson(test.db, catalogue, siti, lesson('first-steps', '01-why'), t0 + 100);
    const second = await completeLesson(test.db, catalogue, siti, lesson('first-steps', '01-why'), t0 + 200);
    expect(first).toMatchObject({ ok: true, alreadyComplete: false });
    expect(second).toMatchObject({ ok: true, alreadyComplete: true });
    const rows = await progressRows(siti.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.completedAt?.getTime()).toBe(t0 + 100);
  });

  it('completes a viewed lesson without losing when it was first viewed', async () => {
    const siti = await person('siti@example.my');
    await enrolSelf(test.db, catalogue, siti, 'main', t0);
    await recordLessonView(
      test.db,
      await loadLearnerState(test.db.orm, catalogue, siti.id),
      'first-steps/01-why',
      t0 + 10,
    );
    await completeLesson(test.db, catalogue, siti, lesson('first-steps', '01-why'), t0 + 50);
    const [row] = await progressRows(siti.id);
    expect(row).toMatchObject({
      firstViewedAt: new Date(t0 + 10),
      lastViewedAt: new Date(t0 + 50),
      completedAt: new Date(t0 + 50),
    });
  });

  it('moves the resume point at most every few minutes while a learner stays on one lesson', async () => {
    const siti = await person('siti@example.my');
    await enrolSelf(test.db, catalogue, siti, 'main', t0);
    const view = async (lessonId: string, at: number) =>
      recordLessonView(test.db, await loadLearnerState(test.db.orm, catalogue, siti.id), lessonId, at);
    expect(await view('first-steps/01-why', t0)).toBe(true);
    expect(await view('first-steps/01-why', t0 + 1000)).toBe(false);
    expect(await view('first-steps/02-how', t0 + 2000)).toBe(true);
    // Back to the first lesson: it must become the resume point again at once.
    expect(await view('first-steps/01-why', t0 + 3000)).toBe(true);
    expect(await view('first-steps/01-why', t0 + 3000 + VIEW_REFRESH_MS)).toBe(true);
  });

  it('records module completion and, once quizzes are passed, course completion that survives new content', async () => {
    const siti = await person('siti@example.my');
    await enrolSelf(test.db, catalogue, siti, 'main', t0);
    await completeLesson(test.db, catalogue, siti, lesson('first-steps', '01-why'), t0 + 1);
    const moduleDone = await completeLesson(
      test.db,
      catalogue,
      siti,
      lesson('first-steps', '02-how'),
      t0 + 2,
    );
    expect(moduleDone).toMatchObject({ ok: true, moduleCompleted: true, courseCompleted: false });
    await completeLesson(test.db, catalogue, siti, lesson('planning', '01-plan'), t0 + 3);
    const lessonsDone = await completeLesson(
      test.db,
      catalogue,
      siti,
      lesson('planning', '02-review'),
      t0 + 4,
    );
    expect(lessonsDone).toMatchObject({ ok: true, moduleCompleted: false, courseCompleted: false });
    expect(lessonsDone.ok && lessonsDone.progress.next).toEqual({
      kind: 'module-quiz',
      moduleId: 'planning',
    });

    // The quiz engine writes attempts; only submitted, passed ones count.
    await passQuiz(siti.id, 'planning', false);
    await passQuiz(siti.id, 'main-final', true, 'in-progress');
    expect(await listPassedQuizIds(test.db.orm, siti.id)).toEqual([]);
    await passQuiz(siti.id, 'planning');
    await passQuiz(siti.id, 'main-final');
    expect((await listPassedQuizIds(test.db.orm, siti.id)).sort()).toEqual(['main-final', 'planning']);

    expect(await recordDueCompletions(test.db, catalogue, siti.id, t0 + 10)).toEqual({
      modules: ['planning'],
      courses: ['main'],
    });
    expect(await recordDueCompletions(test.db, catalogue, siti.id, t0 + 11)).toEqual({
      modules: [],
      courses: [],
    });
    expect((await getEnrolment(test.db.orm, siti.id, 'main'))?.completedAt).toBe(t0 + 10);
    const modules = await test.db.orm
      .select()
      .from(moduleCompletion)
      .where(eq(moduleCompletion.userId, siti.id));
    expect(modules.map((row) => [row.moduleId, row.completedAt.getTime()]).sort()).toEqual([
      ['first-steps', t0 + 2],
      ['planning', t0 + 10],
    ]);

    // A lesson added later does not un-complete anyone.
    const changed = fixtureCatalogue({ extraLessons: [{ id: 'planning/03-new-rules', order: 3 }] });
    const course = changed.published.course('main');
    if (!course) throw new Error('fixture');
    const after = courseProgressFor(await loadLearnerState(test.db.orm, changed, siti.id), course);
    expect(after).toMatchObject({ complete: true, percent: 100, recorded: true });
  });
});

describe('the learner state of one course', () => {
  it("reads that course's lessons under current and old ids, and gives the same progress", async () => {
    const siti = await person('siti@example.my');
    await enrolSelf(test.db, catalogue, siti, 'main', t0);
    await enrolSelf(test.db, catalogue, siti, 'open', t0);
    await completeLesson(test.db, catalogue, siti, lesson('first-steps', '01-why'), t0 + 1);
    await completeLesson(
      test.db,
      catalogue,
      siti,
      { courseId: 'open', moduleId: 'open-module', slug: '01-only' },
      t0 + 2,
    );
    // A row stored under an id the lesson had before (an earlier edition).
    await test.db.write((orm) =>
      orm.insert(lessonProgress).values({
        userId: siti.id,
        lessonId: 'first-steps/02-how-old',
        firstViewedAt: new Date(t0),
        lastViewedAt: new Date(t0 + 3),
        completedAt: new Date(t0 + 3),
      }),
    );
    const withAlias = fixtureCatalogue({
      extraLessons: [{ id: 'first-steps/05-renamed', order: 5, aliases: ['first-steps/02-how-old'] }],
    });
    const whole = await loadLearnerState(test.db.orm, withAlias, siti.id);
    const scoped = await loadLearnerState(test.db.orm, withAlias, siti.id, { courseId: 'main' });
    expect(scoped.scope).toBe('main');
    expect([...scoped.record.lessons.keys()].sort()).toEqual([
      'first-steps/01-why',
      'first-steps/05-renamed',
    ]);
    expect(scoped.record.lessons.get('first-steps/05-renamed')?.completedAt).toBe(t0 + 3);
    expect(whole.record.lessons.has('open-module/01-only')).toBe(true);
    const course = withAlias.published.course('main');
    if (!course) throw new Error('fixture');
    expect(courseProgressFor(scoped, course)).toEqual(courseProgressFor(whole, course));
    // The latest view counts every course, so the resume point moves as it did.
    expect(scoped.latestViewAt).toBe(whole.latestViewAt);
    expect(scoped.enrolments.size).toBe(2);
  });
});

describe('undoing a completion', () => {
  it('takes a lesson completion back within the window, and the kept % with it', async () => {
    const siti = await person('siti@example.my');
    await enrolSelf(test.db, catalogue, siti, 'main', t0);
    await completeLesson(test.db, catalogue, siti, lesson('first-steps', '01-why'), t0 + 1);
    const percent = async () =>
      (
        await test.db.orm
          .select({ percent: enrolment.progressPercent })
          .from(enrolment)
          .where(and(eq(enrolment.userId, siti.id), eq(enrolment.courseId, 'main')))
      )[0]?.percent;
    const before = await percent();
    expect(before).toBeGreaterThan(0);
    expect(
      await undoLessonCompletion(test.db, catalogue, siti, lesson('first-steps', '01-why'), t0 + 2),
    ).toEqual({
      ok: true,
      undone: true,
    });
    const [row] = await progressRows(siti.id);
    expect(row?.completedAt).toBeNull();
    expect(await percent()).toBe(0);
    // Again: nothing left to undo.
    expect(
      await undoLessonCompletion(test.db, catalogue, siti, lesson('first-steps', '01-why'), t0 + 3),
    ).toEqual({
      ok: true,
      undone: false,
    });
  });

  it('refuses after the window, once the module is recorded, and for someone not enrolled', async () => {
    const siti = await person('siti@example.my');
    await enrolSelf(test.db, catalogue, siti, 'main', t0);
    await completeLesson(test.db, catalogue, siti, lesson('first-steps', '01-why'), t0 + 1);
    expect(
      await undoLessonCompletion(
        test.db,
        catalogue,
        siti,
        lesson('first-steps', '01-why'),
        t0 + 2 + UNDO_COMPLETION_MS,
      ),
    ).toEqual({ ok: false, reason: 'too-late' });
    const done = await completeLesson(test.db, catalogue, siti, lesson('first-steps', '02-how'), t0 + 5);
    expect(done).toMatchObject({ ok: true, moduleCompleted: true });
    expect(
      await undoLessonCompletion(test.db, catalogue, siti, lesson('first-steps', '02-how'), t0 + 6),
    ).toEqual({
      ok: false,
      reason: 'kept',
    });
    const other = await person('other@example.my');
    expect(
      await undoLessonCompletion(test.db, catalogue, other, lesson('first-steps', '01-why'), t0 + 6),
    ).toEqual({
      ok: false,
      reason: 'not-enrolled',
    });
    expect((await progressRows(siti.id)).every((row) => row.completedAt !== null)).toBe(true);
  });
});

describe('access rules', () => {
  it('records nothing for a learner who is not enrolled', async () => {
    const siti = await person('siti@example.my');
    expect(await completeLesson(test.db, catalogue, siti, lesson('first-steps', '01-why'), t0)).toEqual({
      ok: false,
      reason: 'not-enrolled',
    });
    await enrolSelf(test.db, catalogue, siti, 'main', t0);
    await withdrawSelf(test.db, siti.id, 'main', t0 + 1);
    expect(await completeLesson(test.db, catalogue, siti, lesson('first-steps', '01-why'), t0 + 2)).toEqual({
      ok: false,
      reason: 'not-enrolled',
    });
    expect(await progressRows(siti.id)).toEqual([]);
  });

  it('records nothing in a locked module', async () => {
    const siti = await person('siti@example.my');
    await enrolSelf(test.db, catalogue, siti, 'main', t0);
    expect(await completeLesson(test.db, catalogue, siti, lesson('planning', '01-plan'), t0)).toEqual({
      ok: false,
      reason: 'locked',
    });
    expect(await progressRows(siti.id)).toEqual([]);
  });

  it('hides drafts from learners even by direct id, and records no progress on them for staff', async () => {
    const siti = await person('siti@example.my');
    const trainer = await person('trainer@example.my', 'trainer');
    await enrolSelf(test.db, catalogue, siti, 'main', t0);
    await enrolSelf(test.db, catalogue, trainer, 'main', t0);
    expect(
      await completeLesson(test.db, catalogue, siti, lesson('first-steps', '04-unfinished'), t0),
    ).toEqual({ ok: false, reason: 'not-found' });
    expect(catalogue.published.lesson('main', 'first-steps', '04-unfinished')).toBeUndefined();
    expect(catalogue.published.module('main', 'secret-module')).toBeUndefined();
    expect(
      await completeLesson(test.db, catalogue, trainer, lesson('first-steps', '04-unfinished'), t0),
    ).toEqual({ ok: false, reason: 'draft' });
    // Trainers record progress on published lessons of courses they enrolled in, past the gating.
    expect(
      await completeLesson(test.db, catalogue, trainer, lesson('planning', '01-plan'), t0),
    ).toMatchObject({ ok: true });
  });

  it("changes only the signed-in user's own progress", async () => {
    const siti = await person('siti@example.my');
    const tan = await person('tan@example.my');
    await enrolSelf(test.db, catalogue, siti, 'main', t0);
    await enrolSelf(test.db, catalogue, tan, 'main', t0);
    await completeLesson(test.db, catalogue, siti, lesson('first-steps', '01-why'), t0 + 1);
    expect(await progressRows(tan.id)).toEqual([]);
    const tanState = await loadLearnerState(test.db.orm, catalogue, tan.id);
    expect(tanState.record.lessons.size).toBe(0);
    const sitiRows = await test.db.orm
      .select()
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, siti.id), eq(lessonProgress.lessonId, 'first-steps/01-why')));
    expect(sitiRows).toHaveLength(1);
  });
});
