import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignmentFile, auditEvent } from '#db/schema.ts';
import { fixtureCatalogue } from '#src/lib/learning/fixture.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import { readAttachedFile } from '#src/lib/server/assignment/file-access.ts';
import {
  CLAIM_MS,
  allowResubmission,
  claimSubmission,
  countWaitingForMarking,
  decideSubmission,
  listMarkingQueue,
  loadForMarking,
  releaseClaim,
  saveMarkDraft,
} from '#src/lib/server/assignment/marking.ts';
import { loadSubmission } from '#src/lib/server/assignment/submission.ts';
import { attachFile, removeFile, saveDraft, submitWork } from '#src/lib/server/assignment/work.ts';
import { enrolSelf } from '#src/lib/server/learning/enrolment.ts';
import { completeLesson, courseProgressFor, loadLearnerState } from '#src/lib/server/learning/progress.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';
import { createPeople, testAssignment, validPdf, type People } from './helpers/practical.ts';

let test: TestDatabase;
let catalogue: Catalogue;
let people: People;
const t0 = Date.UTC(2026, 4, 25, 1, 0);
const target = { courseId: 'main', moduleId: 'planning' };
const content = testAssignment;

beforeEach(async () => {
  test = await createTestDb();
  catalogue = fixtureCatalogue({ assignments: ['planning'], sequential: false });
  people = await createPeople(test.db);
  for (const learner of [people.learner, people.other])
    await enrolSelf(test.db, catalogue, learner, 'main', t0);
});
afterEach(() => test.cleanup());

async function readyToSubmit(actor = people.learner): Promise<void> {
  expect(
    await saveDraft(
      test.db,
      catalogue,
      actor,
      target,
      content,
      { why: 'Because it fits the restrictions.' },
      t0,
    ),
  ).toEqual({
    ok: true,
    savedAt: t0,
  });
  const attached = await attachFile(
    test.db,
    catalogue,
    actor,
    target,
    content,
    'plan',
    { name: 'plan.pdf', bytes: await validPdf() },
    t0,
  );
  expect(attached.ok).toBe(true);
}

const meets = { accuracy: { level: 'meets', comment: '' }, reasons: { level: 'meets', comment: 'Clear.' } };
const short = {
  accuracy: { level: 'not-yet', comment: 'Forklift hours exceed the limit.' },
  reasons: { level: 'meets', comment: '' },
};

describe('a learner working on an assignment', () => {
  it('saves drafts, keeps only the assignment text parts, and refuses people who may not work on it', async () => {
    await saveDraft(
      test.db,
      catalogue,
      people.learner,
      target,
      content,
      { why: 'First words', stray: 'x' },
      t0,
    );
    const submission = await loadSubmission(test.db.orm, {
      userId: people.learner.id,
      assignmentId: 'planning',
    });
    expect(submission).toMatchObject({ status: 'draft', answers: { why: 'First words' }, attempts: 0 });
    expect(await saveDraft(test.db, catalogue, people.trainer, target, content, {}, t0)).toEqual({
      ok: false,
      reason: 'staff',
    });
    expect(
      await saveDraft(
        test.db,
        catalogue,
        people.learner,
        { courseId: 'open', moduleId: 'planning' },
        content,
        {},
        t0,
      ),
    ).toEqual({
      ok: false,
      reason: 'not-found',
    });
    const sequential = fixtureCatalogue({ assignments: ['planning'] });
    expect(await saveDraft(test.db, sequential, people.learner, target, content, {}, t0)).toEqual({
      ok: false,
      reason: 'locked',
    });
  });

  it('checks files by content, replaces a part file and removes it without touching submitted work', async () => {
    const exe = new Uint8Array(2048);
    exe.set([0x4d, 0x5a]);
    expect(
      await attachFile(
        test.db,
        catalogue,
        people.learner,
        target,
        content,
        'plan',
        { name: 'plan.pdf', bytes: exe },
        t0,
      ),
    ).toMatchObject({ ok: false, reason: 'file', refusal: 'executable' });
    expect(
      await attachFile(
        test.db,
        catalogue,
        people.learner,
        target,
        content,
        'why',
        { name: 'x.pdf', bytes: await validPdf() },
        t0,
      ),
    ).toEqual({ ok: false, reason: 'not-a-file-part' });
    expect(await test.db.orm.select().from(assignmentFile)).toHaveLength(0);

    await readyToSubmit();
    await attachFile(
      test.db,
      catalogue,
      people.learner,
      target,
      content,
      'plan',
      { name: 'v2.pdf', bytes: await validPdf('v2') },
      t0,
    );
    const files = await test.db.orm.select({ name: assignmentFile.fileName }).from(assignmentFile);
    expect(files.map((file) => file.name)).toEqual(['v2.pdf']);
    await removeFile(test.db, catalogue, people.learner, target, content, 'plan', t0);
    expect(await test.db.orm.select().from(assignmentFile)).toHaveLength(0);
  });

  it('submits only complete work, freezes it and then refuses changes', async () => {
    const incomplete = await submitWork(test.db, catalogue, people.learner, target, content, t0);
    expect(incomplete).toEqual({
      ok: false,
      reason: 'incomplete',
      problems: [
        { partId: 'plan', kind: 'no-file' },
        { partId: 'why', kind: 'missing' },
      ],
    });
    await readyToSubmit();
    expect(await submitWork(test.db, catalogue, people.learner, target, content, t0 + 1)).toEqual({
      ok: true,
      attempt: 1,
    });
    expect(
      await saveDraft(test.db, catalogue, people.learner, target, content, { why: 'changed now' }, t0 + 2),
    ).toEqual({
      ok: false,
      reason: 'not-editable',
    });
    const state = await loadLearnerState(test.db.orm, catalogue, people.learner.id);
    expect(state.record.assignments.get('planning')).toBe('submitted');
    const audit = await test.db.orm
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, 'assignment-submitted'));
    expect(audit).toHaveLength(1);
  });
});

describe('marking', () => {
  async function submitted(): Promise<string> {
    await readyToSubmit();
    await submitWork(test.db, catalogue, people.learner, target, content, t0);
    const submission = await loadSubmission(test.db.orm, {
      userId: people.learner.id,
      assignmentId: 'planning',
    });
    if (!submission) throw new Error('no submission');
    return submission.id;
  }

  it('lists waiting work oldest first, within the trainer scope, and counts it', async () => {
    const id = await submitted();
    const queue = await listMarkingQueue(
      test.db,
      people.trainer,
      { status: 'waiting', courseId: null, employerId: null },
      1,
      t0,
    );
    expect(queue.rows.map((row) => row.id)).toEqual([id]);
    expect(queue.rows[0]).toMatchObject({
      learnerName: 'Siti Nur Aisyah binti Abdullah',
      employer: 'Syarikat Satu Sdn Bhd',
    });
    expect(await countWaitingForMarking(test.db, people.trainer)).toBe(1);
    expect(await countWaitingForMarking(test.db, people.scopedTrainer)).toBe(0);
    expect(await countWaitingForMarking(test.db, people.learner)).toBe(0);
    expect(
      (
        await listMarkingQueue(
          test.db,
          people.scopedTrainer,
          { status: 'all', courseId: null, employerId: null },
          1,
          t0,
        )
      ).rows,
    ).toEqual([]);
    expect(await loadForMarking(test.db, people.scopedTrainer, id)).toBeNull();
    expect(await loadForMarking(test.db, people.learner, id)).toBeNull();
  });

  it('lets one trainer at a time mark, until the claim expires or is released', async () => {
    const id = await submitted();
    expect(await claimSubmission(test.db, people.trainer, id, t0)).toEqual({
      ok: true,
      claimedUntil: t0 + CLAIM_MS,
    });
    expect(await claimSubmission(test.db, people.secondTrainer, id, t0 + 1000)).toMatchObject({
      ok: false,
      reason: 'claimed',
      claimedByName: 'Rajesh a/l Subramaniam',
    });
    expect(
      await decideSubmission(
        test.db,
        people.secondTrainer,
        id,
        content,
        { decision: 'pass', marks: meets, overallComment: '' },
        t0 + 1000,
      ),
    ).toMatchObject({
      ok: false,
      reason: 'claimed',
    });
    expect(await claimSubmission(test.db, people.secondTrainer, id, t0 + CLAIM_MS + 1)).toMatchObject({
      ok: true,
    });
    expect(await releaseClaim(test.db, people.secondTrainer, id)).toEqual({ ok: true });
    expect(await claimSubmission(test.db, people.trainer, id, t0 + CLAIM_MS + 2)).toMatchObject({ ok: true });
  });

  it('returns work with comments, takes the resubmission, passes it and completes the module', async () => {
    const id = await submitted();
    await claimSubmission(test.db, people.trainer, id, t0);
    await saveMarkDraft(
      test.db,
      people.trainer,
      id,
      content,
      { marks: { accuracy: { level: 'not-yet', comment: 'draft' } }, overallComment: 'so far' },
      t0,
    );
    expect((await loadSubmission(test.db.orm, { id }))?.markDraft).toEqual({
      marks: { accuracy: { level: 'not-yet', comment: 'draft' } },
      overallComment: 'so far',
    });
    const pass = await decideSubmission(
      test.db,
      people.trainer,
      id,
      content,
      { decision: 'pass', marks: short, overallComment: '' },
      t0,
    );
    expect(pass).toEqual({
      ok: false,
      reason: 'invalid',
      problems: [{ field: 'decision', code: 'rule-not-met' }],
    });
    const returned = await decideSubmission(
      test.db,
      people.trainer,
      id,
      content,
      { decision: 'return', marks: short, overallComment: 'Check the restrictions.' },
      t0 + 10,
    );
    expect(returned).toEqual({ ok: true, decision: 'return', learnerId: people.learner.id, attempt: 1 });
    let view = await loadSubmission(test.db.orm, { id });
    expect(view).toMatchObject({ status: 'returned', claimedBy: null, markDraft: null });
    expect(view?.history[0]).toMatchObject({
      number: 1,
      decision: 'return',
      score: 2,
      maxScore: 4,
      overallComment: 'Check the restrictions.',
      markerName: 'Rajesh a/l Subramaniam',
    });

    await attachFile(
      test.db,
      catalogue,
      people.learner,
      target,
      content,
      'plan',
      { name: 'fixed.pdf', bytes: await validPdf('fixed') },
      t0 + 20,
    );
    expect(await submitWork(test.db, catalogue, people.learner, target, content, t0 + 30)).toEqual({
      ok: true,
      attempt: 2,
    });
    view = await loadSubmission(test.db.orm, { id });
    // The first attempt keeps the file it was marked on; the second has the new one.
    expect(view?.history.map((attempt) => attempt.files['plan']?.fileName)).toEqual([
      'fixed.pdf',
      'plan.pdf',
    ]);

    expect(
      await decideSubmission(
        test.db,
        people.trainer,
        id,
        content,
        { decision: 'pass', marks: meets, overallComment: 'Well done.' },
        t0 + 40,
      ),
    ).toMatchObject({
      ok: true,
      decision: 'pass',
    });
    for (const slug of ['01-plan', '02-review'])
      await completeLesson(
        test.db,
        catalogue,
        people.learner,
        { courseId: 'main', moduleId: 'planning', slug },
        t0 + 50,
      );
    const state = await loadLearnerState(test.db.orm, catalogue, people.learner.id);
    const progress = courseProgressFor(state, catalogue.published.course('main')!);
    // Lessons and assignment done; the module quiz (the fixture asks for it) is all that is left.
    expect(progress.modules.find((module) => module.moduleId === 'planning')).toMatchObject({
      complete: false,
      requiredDone: 2,
      itemsDone: 3,
      itemsTotal: 4,
      assignment: { status: 'passed', passed: true },
      quiz: { passed: false },
    });
    const actions = (await test.db.orm.select({ action: auditEvent.action }).from(auditEvent)).map(
      (row) => row.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['assignment-submitted', 'assignment-returned', 'assignment-passed']),
    );
  });

  it('closes work after the last resubmission, and staff may allow one more', async () => {
    const id = await submitted();
    const fail = { decision: 'return' as const, marks: short, overallComment: 'Not yet.' };
    await decideSubmission(test.db, people.trainer, id, content, fail, t0);
    await submitWork(test.db, catalogue, people.learner, target, content, t0 + 1);
    expect(await decideSubmission(test.db, people.trainer, id, content, fail, t0 + 2)).toEqual({
      ok: false,
      reason: 'invalid',
      problems: [{ field: 'decision', code: 'no-resubmissions-left' }],
    });
    expect(
      await decideSubmission(
        test.db,
        people.trainer,
        id,
        content,
        { ...fail, decision: 'not-passed' },
        t0 + 3,
      ),
    ).toMatchObject({ ok: true });
    expect(await submitWork(test.db, catalogue, people.learner, target, content, t0 + 4)).toEqual({
      ok: false,
      reason: 'not-editable',
    });
    expect(await allowResubmission(test.db, people.trainer, id, '', t0 + 5)).toEqual({
      ok: false,
      reason: 'reason-needed',
    });
    expect(
      await allowResubmission(test.db, people.trainer, id, 'Talked it through on the phone.', t0 + 5),
    ).toEqual({ ok: true });
    expect(await submitWork(test.db, catalogue, people.learner, target, content, t0 + 6)).toEqual({
      ok: true,
      attempt: 3,
    });
  });
});

describe('attached files', () => {
  it('reach only their owner and trainers in scope (no IDOR)', async () => {
    await readyToSubmit();
    const view = await loadSubmission(test.db.orm, { userId: people.learner.id, assignmentId: 'planning' });
    const fileId = view?.files['plan']?.id ?? '';
    expect((await readAttachedFile(test.db, people.learner, fileId))?.fileName).toBe('plan.pdf');
    expect(await readAttachedFile(test.db, people.trainer, fileId)).not.toBeNull();
    expect(await readAttachedFile(test.db, people.admin, fileId)).not.toBeNull();
    expect(await readAttachedFile(test.db, people.other, fileId)).toBeNull();
    expect(await readAttachedFile(test.db, people.scopedTrainer, fileId)).toBeNull();
    expect(await readAttachedFile(test.db, people.other, 'no-such-file')).toBeNull();
    // Another learner cannot reach the first learner's work through their own submission either.
    await readyToSubmit(people.other);
    const theirs = await loadSubmission(test.db.orm, { userId: people.other.id, assignmentId: 'planning' });
    expect(theirs?.id).not.toBe(view?.id);
    expect(theirs?.answers).toEqual({ why: 'Because it fits the restrictions.' });
  });
});
