/**
 * Employers' data kept apart, proven against a real database: a manager of employer A reaches
 * nothing of employer B through any server function the workspace, the staff pages and the
 * reports use, and sees nothing of B in A's lists and exports. The browser half (every URL,
 * action and CSV with B's ids answers 404) is e2e/employer.spec.ts.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrolment, invitation, user } from '#db/schema.ts';
import { STAFF_STATES } from '#src/lib/employer/staff-state.ts';
import { fixtureCatalogue } from '#src/lib/learning/fixture.ts';
import {
  canSeeLearner,
  findWorkspaceEmployer,
  learnerScope,
  listScopedEmployers,
} from '#src/lib/server/employer/access.ts';
import { inviteStaff } from '#src/lib/server/employer/invitations.ts';
import { changeJoinCode } from '#src/lib/server/employer/join-code.ts';
import {
  countStaffStates,
  listStaff,
  listStaffAfter,
  type StaffCursor,
} from '#src/lib/server/employer/staff.ts';
import { loadStaffRecord } from '#src/lib/server/employer/staff-record.ts';
import {
  assignCourse,
  changeDueDate,
  remindLearner,
  withdrawAssignment,
} from '#src/lib/server/employer/training.ts';
import { enrolByEmails, countEnrolmentsByCourse } from '#src/lib/server/learning/enrolment.ts';
import { inviteByEmail, withdrawInvitation } from '#src/lib/server/mail/invitation.ts';
import { loadAdminOverview } from '#src/lib/server/report/overview.ts';
import { listInProgress } from '#src/lib/server/report/progress.ts';
import { DAY_MS } from '#src/lib/time.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';
import { FIXTURE_COURSE, seedEmployerFixture, type Fixture } from './helpers/employer-fixture.ts';

const now = Date.UTC(2026, 10, 20, 2, 0, 0);
const catalogue = fixtureCatalogue();
const query = {
  search: '',
  courseId: null,
  state: null,
  sort: 'name' as const,
  direction: 'asc' as const,
  page: 1,
};

let test: TestDatabase;
let f: Fixture;
beforeEach(async () => {
  test = await createTestDb();
  f = await seedEmployerFixture(test.db, now);
});
afterEach(() => test.cleanup());

const bIds = () => new Set(Object.values(f.b.staff));
const managedA = () => ({ now, managedEmployerIds: [f.a.id] });

describe('a manager of employer A', () => {
  it('opens A’s workspace and not B’s', async () => {
    expect(await findWorkspaceEmployer(test.db, f.manager, f.a.id)).toMatchObject({ id: f.a.id });
    expect(await findWorkspaceEmployer(test.db, f.manager, f.b.id)).toBeNull();
    expect(await findWorkspaceEmployer(test.db, f.manager, 'no-such-employer')).toBeNull();
    // Trainers and learners have no workspace; admins open any.
    expect(await findWorkspaceEmployer(test.db, f.trainer, f.a.id)).toBeNull();
    expect(
      await findWorkspaceEmployer(test.db, { id: f.a.staff.certified, role: 'learner' }, f.a.id),
    ).toBeNull();
    expect(await findWorkspaceEmployer(test.db, f.admin, f.b.id)).toMatchObject({ id: f.b.id });
  });

  it('sees every state of A’s staff in the list, chart and export, and nothing of B', async () => {
    const page = await listStaff(test.db, catalogue, f.a.id, query, 100, now);
    expect(page.total).toBe(STAFF_STATES.length);
    const byUser = new Map(page.rows.map((row) => [row.userId, row.state]));
    for (const state of STAFF_STATES) expect(byUser.get(f.a.staff[state]), state).toBe(state);
    expect(page.rows.some((row) => bIds().has(row.userId))).toBe(false);

    const counts = await countStaffStates(test.db, catalogue, f.a.id, null, now);
    for (const state of STAFF_STATES) expect(counts[state], state).toBe(1);

    const exported: string[] = [];
    let cursor: StaffCursor | null = null;
    do {
      const chunk: Awaited<ReturnType<typeof listStaffAfter>> = await listStaffAfter(
        test.db,
        catalogue,
        f.a.id,
        query,
        cursor,
        5,
        now,
      );
      exported.push(...chunk.rows.map((row) => row.userId));
      cursor = chunk.next ?? null;
    } while (cursor);
    expect(new Set(exported)).toEqual(new Set(Object.values(f.a.staff)));
  });

  it('filters, searches and sorts without leaving A', async () => {
    const overdue = await listStaff(test.db, catalogue, f.a.id, { ...query, state: 'overdue' }, 25, now);
    expect(overdue.rows.map((row) => row.userId)).toEqual([f.a.staff.overdue]);
    const search = await listStaff(test.db, catalogue, f.a.id, { ...query, search: 'beta' }, 25, now);
    expect(search.total).toBe(0);
    const byState = await listStaff(test.db, catalogue, f.a.id, { ...query, sort: 'state' }, 25, now);
    expect(byState.rows[0]?.state).toBe('overdue');
    const inProgress = (
      await listStaff(test.db, catalogue, f.a.id, { ...query, state: 'in-progress' }, 25, now)
    ).rows[0];
    expect(inProgress?.percent).toBeGreaterThan(0);
  });

  it('opens the records of A’s staff and of nobody in B', async () => {
    const own = await loadStaffRecord(test.db, catalogue, f.a.id, f.a.staff['in-progress'], now);
    expect(own?.attempts).toHaveLength(1);
    for (const id of Object.values(f.b.staff)) {
      expect(await loadStaffRecord(test.db, catalogue, f.a.id, id, now)).toBeNull();
      expect(await loadStaffRecord(test.db, catalogue, f.b.id, id, now)).not.toBeNull();
    }
    expect(await loadStaffRecord(test.db, catalogue, f.a.id, f.independentId, now)).toBeNull();
    expect(await loadStaffRecord(test.db, catalogue, f.a.id, f.manager.id, now)).toBeNull();
  });

  it('changes nothing of B’s enrolments, by A’s id or by B’s', async () => {
    const before = await test.db.orm.select().from(enrolment);
    for (const enrolmentId of f.b.enrolmentIds) {
      for (const employerId of [f.a.id, f.b.id]) {
        const input = { employerId, enrolmentId };
        const due = await changeDueDate(test.db, f.manager, { ...input, dueDate: '2027-01-31' }, managedA());
        const withdrawn = await withdrawAssignment(test.db, f.manager, input, managedA());
        const reminded = await remindLearner(test.db, catalogue, f.manager, input, managedA());
        for (const result of [due, withdrawn, reminded]) {
          expect(result.ok).toBe(false);
          expect(['not-found', 'forbidden']).toContain('reason' in result ? result.reason : '');
        }
      }
    }
    expect(await test.db.orm.select().from(enrolment)).toEqual(before);
  });

  it('assigns courses only to A’s staff: B’s addresses are "not on your staff"', async () => {
    const result = await assignCourse(
      test.db,
      catalogue,
      f.manager,
      {
        employerId: f.a.id,
        courseId: 'open',
        dueDate: '2026-12-31',
        emails: `${f.b.emails['not-assigned']}\n${f.a.emails['not-assigned']}`,
        everyone: false,
      },
      { ...managedA(), notify: true },
    );
    expect(result).toMatchObject({
      ok: true,
      report: { assigned: [{ email: f.a.emails['not-assigned'] }], notStaff: [f.b.emails['not-assigned']] },
    });
    const bEnrolments = await test.db.orm
      .select()
      .from(enrolment)
      .where(eq(enrolment.userId, f.b.staff['not-assigned']));
    expect(bEnrolments).toEqual([]);
    const refused = await assignCourse(
      test.db,
      catalogue,
      f.manager,
      { employerId: f.b.id, courseId: 'open', dueDate: '', emails: '', everyone: true },
      managedA(),
    );
    expect(refused).toEqual({ ok: false, reason: 'forbidden' });
  });

  it('invites and changes the join code for A only, and cannot withdraw B’s invitations', async () => {
    expect(
      await inviteStaff(
        test.db,
        catalogue,
        f.manager,
        { employerId: f.b.id, text: 'x@example.my', locale: 'en', courseId: '', dueDate: '' },
        managedA(),
      ),
    ).toEqual({ ok: false, reason: 'forbidden' });
    expect(await changeJoinCode(test.db, f.manager, { employerId: f.b.id }, managedA())).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    const sent = await inviteByEmail(
      test.db,
      f.admin,
      { email: 'new.beta@example.my', organisationId: f.b.id, locale: 'en' },
      { now },
    );
    if (!sent.ok) throw new Error('fixture invitation failed');
    expect(await withdrawInvitation(test.db, f.manager, sent.invitationId, managedA())).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    const [row] = await test.db.orm.select().from(invitation).where(eq(invitation.id, sent.invitationId));
    expect(row?.withdrawnAt).toBeNull();
  });

  it('is held to A’s learners wherever learnerScope applies', async () => {
    const scope = learnerScope(f.manager);
    const seen = await test.db.orm
      .select({ id: user.id })
      .from(user)
      .where(and(eq(user.role, 'learner'), scope));
    expect(new Set(seen.map((row) => row.id))).toEqual(new Set(Object.values(f.a.staff)));
    for (const id of Object.values(f.b.staff))
      expect(await canSeeLearner(test.db, f.manager, id)).toBe(false);
    expect((await listScopedEmployers(test.db, f.manager)).map((row) => row.id)).toEqual([f.a.id]);
  });
});

describe('trainer scope', () => {
  it('limits a trainer to their employers and leaves the others seeing everyone', async () => {
    const progress = (scope = learnerScope(f.limitedTrainer)) =>
      listInProgress(
        test.db,
        { courseIds: [FIXTURE_COURSE], employerId: null, inactiveOnly: false, now, scope },
        1,
        100,
      );
    const limited = await progress();
    expect(limited.rows.every((row) => row.employerId === f.a.id)).toBe(true);
    expect(limited.total).toBeGreaterThan(0);
    const everyone = await progress(learnerScope(f.trainer));
    expect(everyone.rows.some((row) => row.employerId === f.b.id)).toBe(true);
    expect(await canSeeLearner(test.db, f.limitedTrainer, f.b.staff.overdue)).toBe(false);
    expect(await canSeeLearner(test.db, f.limitedTrainer, f.independentId)).toBe(false);
    expect(await canSeeLearner(test.db, f.trainer, f.independentId)).toBe(true);
    expect(await canSeeLearner(test.db, f.trainer, f.manager.id)).toBe(false);

    const overview = (actor: typeof f.trainer) =>
      loadAdminOverview(test.db, now, [FIXTURE_COURSE], 90, actor);
    expect((await overview(f.limitedTrainer)).inProgress * 2).toBe((await overview(f.trainer)).inProgress);

    const counts = await countEnrolmentsByCourse(test.db, learnerScope(f.limitedTrainer));
    const all = await countEnrolmentsByCourse(test.db);
    expect((counts.get(FIXTURE_COURSE)?.active ?? 0) * 2).toBe(all.get(FIXTURE_COURSE)?.active);

    const enrolled = await enrolByEmails(
      test.db,
      catalogue,
      f.limitedTrainer,
      'open',
      `${f.b.emails['not-assigned']} ${f.a.emails['not-assigned']}`,
      now + DAY_MS,
      learnerScope(f.limitedTrainer),
    );
    expect(enrolled).toMatchObject({
      ok: true,
      report: {
        enrolled: [{ email: f.a.emails['not-assigned'] }],
        matchedNobody: [f.b.emails['not-assigned']],
      },
    });
  });
});
