import { eq, sql } from 'drizzle-orm';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  auditEvent,
  certificate,
  enrolment,
  lessonProgress,
  organisation,
  passwordReset,
  session,
  user,
} from '#db/schema.ts';
import type { Role } from '#src/lib/roles.ts';
import { parseUserListQuery } from '#src/lib/admin/list-query.ts';
import { fixtureCatalogue } from '#src/lib/learning/fixture.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import type { Actor } from '#src/lib/roles.ts';
import { loadAdminOverview } from '#src/lib/server/report/overview.ts';
import { changeUserRole, listUsers, listUsersAfter, setUserStatus } from '#src/lib/server/admin/users.ts';
import { SYSTEM_ACTOR } from '#src/lib/report/query.ts';
import { listAuditEvents } from '#src/lib/server/audit/read.ts';
import { streamCsv } from '#src/lib/server/report/csv-stream.ts';
import { createDb } from '#src/lib/server/db.ts';
import { listEmployerStats } from '#src/lib/server/employer/statistics.ts';
import { mergeEmployers, renameEmployer, setEmployerSocsoCode } from '#src/lib/server/employer/edit.ts';
import { newId } from '#src/lib/server/ids.ts';
import {
  createEmployer,
  findOrCreateOrganisation,
  listOrganisations,
} from '#src/lib/server/employer/directory.ts';
import {
  checkPasswordResetToken,
  completePasswordReset,
  createPasswordResetLink,
  RESET_LINK_LIFETIME_MS,
} from '#src/lib/server/account/password-reset.ts';
import { hashPassword } from '#src/lib/server/account/password.ts';
import { countExpiringByWindow, listExpiringAfter } from '#src/lib/server/report/certificates.ts';
import { listCompletionsAfter, summariseCompletions } from '#src/lib/server/report/completions.ts';
import { rebuildProgressPercents } from '#src/lib/server/learning/progress-percent.ts';
import {
  attachProgress,
  listInProgress,
  summariseProgressBands,
  type ProgressFilters,
} from '#src/lib/server/report/progress.ts';
import { createSession, validateSessionToken } from '#src/lib/server/account/session.ts';
import { hashSecret } from '#src/lib/server/account/session-token.ts';
import { authenticate } from '#src/lib/server/account/user.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';

const DAY = 24 * 60 * 60 * 1000;
const t0 = Date.UTC(2026, 10, 2, 1, 0, 0);
const PASSWORD = 'teh-tarik-kurang-manis';

let test: TestDatabase;
let catalogue: Catalogue;
let passwordHash: string;

beforeEach(async () => {
  test = await createTestDb();
  catalogue = fixtureCatalogue();
  passwordHash ??= await hashPassword(PASSWORD);
});
afterEach(() => test.cleanup());

async function addUser(
  email: string,
  role: Role = 'learner',
  options: { employer?: string; lastActiveAt?: number | null; status?: 'active' | 'deactivated' } = {},
): Promise<Actor & { email: string }> {
  const id = newId();
  await test.db.write(async (orm) => {
    const org = await findOrCreateOrganisation(orm, options.employer ?? 'Syarikat Ujian Sdn Bhd');
    await orm.insert(user).values({
      id,
      email,
      fullName: `Person ${email.split('@')[0] ?? ''}`,
      passwordHash,
      role,
      organisationId: org.id,
      status: options.status ?? 'active',
      createdAt: new Date(t0 - 60 * DAY),
      lastActiveAt:
        options.lastActiveAt === undefined
          ? new Date(t0 - DAY)
          : options.lastActiveAt === null
            ? null
            : new Date(options.lastActiveAt),
    });
  });
  return { id, role, email };
}

async function auditCount(): Promise<number> {
  const [row] = await test.db.orm.select({ n: sql<number>`count(*)` }).from(auditEvent);
  return Number(row?.n ?? 0);
}

async function roleOf(userId: string): Promise<{ role: Role; status: string } | undefined> {
  const [row] = await test.db.orm
    .select({ role: user.role, status: user.status })
    .from(user)
    .where(eq(user.id, userId));
  return row;
}

describe('role changes', () => {
  it('changes a role, records before and after, and applies at the next request of every app process', async () => {
    const admin = await addUser('admin@example.my', 'admin');
    const learner = await addUser('aisyah@example.my');
    const { token } = await createSession(test.db, learner.id, t0);

    const result = await changeUserRole(
      test.db,
      admin,
      { userId: learner.id, role: 'trainer', confirmSelf: false },
      t0,
    );
    expect(result).toEqual({ ok: true, before: 'learner', after: 'trainer' });

    const second = await createDb(test.url);
    try {
      const validated = await validateSessionToken(second, token, t0 + 1000);
      expect(validated?.user.role).toBe('trainer');
    } finally {
      second.close();
    }
    const [entry] = await test.db.orm.select().from(auditEvent).where(eq(auditEvent.action, 'role-changed'));
    expect(entry).toMatchObject({ actorId: admin.id, subjectType: 'user', subjectId: learner.id });
    expect(entry?.data).toMatchObject({ before: 'learner', after: 'trainer', email: 'aisyah@example.my' });
    expect(entry?.at.getTime()).toBe(t0);
  });

  it('asks for an explicit confirmation before admins change their own role', async () => {
    const admin = await addUser('admin@example.my', 'admin');
    await addUser('second-admin@example.my', 'admin');
    const unconfirmed = await changeUserRole(
      test.db,
      admin,
      { userId: admin.id, role: 'learner', confirmSelf: false },
      t0,
    );
    expect(unconfirmed).toEqual({ ok: false, reason: 'confirm-self' });
    expect((await roleOf(admin.id))?.role).toBe('admin');

    const confirmed = await changeUserRole(
      test.db,
      admin,
      { userId: admin.id, role: 'trainer', confirmSelf: true },
      t0,
    );
    expect(confirmed).toMatchObject({ ok: true, after: 'trainer' });
    const [entry] = await test.db.orm.select().from(auditEvent);
    expect(entry?.data).toMatchObject({ self: true });
  });

  it('never removes the last active admin, even when asked with confirmation', async () => {
    const admin = await addUser('admin@example.my', 'admin');
    await addUser('retired-admin@example.my', 'admin', { status: 'deactivated' });
    expect(
      await changeUserRole(test.db, admin, { userId: admin.id, role: 'learner', confirmSelf: true }, t0),
    ).toEqual({
      ok: false,
      reason: 'last-admin',
    });
    expect(
      await setUserStatus(test.db, admin, { userId: admin.id, status: 'deactivated', confirmSelf: true }, t0),
    ).toEqual({
      ok: false,
      reason: 'last-admin',
    });
    expect(await roleOf(admin.id)).toEqual({ role: 'admin', status: 'active' });
    expect(await auditCount()).toBe(0);
  });

  it('lets one of two admins go, but then not the other', async () => {
    const first = await addUser('first@example.my', 'admin');
    const second = await addUser('second@example.my', 'admin');
    expect(
      await changeUserRole(test.db, first, { userId: second.id, role: 'learner', confirmSelf: false }, t0),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await changeUserRole(test.db, first, { userId: first.id, role: 'learner', confirmSelf: true }, t0),
    ).toEqual({
      ok: false,
      reason: 'last-admin',
    });
  });

  it('refuses unknown roles, unknown users and no-op changes', async () => {
    const admin = await addUser('admin@example.my', 'admin');
    const learner = await addUser('tan@example.my');
    expect(
      await changeUserRole(test.db, admin, { userId: learner.id, role: 'superuser', confirmSelf: false }, t0),
    ).toEqual({
      ok: false,
      reason: 'invalid-role',
    });
    expect(
      await changeUserRole(test.db, admin, { userId: 'nobody', role: 'trainer', confirmSelf: false }, t0),
    ).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(
      await changeUserRole(test.db, admin, { userId: learner.id, role: 'learner', confirmSelf: false }, t0),
    ).toEqual({
      ok: false,
      reason: 'unchanged',
    });
  });
});

describe('deactivation', () => {
  it('ends every session at once, also for a second app process, and blocks sign-in with a clear reason', async () => {
    const admin = await addUser('admin@example.my', 'admin');
    const learner = await addUser('kavitha@example.my');
    const phone = await createSession(test.db, learner.id, t0);
    const laptop = await createSession(test.db, learner.id, t0);
    const second = await createDb(test.url);
    try {
      expect(await validateSessionToken(second, laptop.token, t0 + 1000)).not.toBeNull();

      const result = await setUserStatus(
        test.db,
        admin,
        { userId: learner.id, status: 'deactivated', confirmSelf: false, reason: 'Left the company' },
        t0 + 2000,
      );
      expect(result).toEqual({ ok: true, before: 'active', after: 'deactivated', sessionsEnded: 2 });

      const remaining = await test.db.orm.select().from(session).where(eq(session.userId, learner.id));
      expect(remaining).toEqual([]);
      expect(await validateSessionToken(second, laptop.token, t0 + 3000)).toBeNull();
      expect(await validateSessionToken(test.db, phone.token, t0 + 3000)).toBeNull();
    } finally {
      second.close();
    }
    const signIn = await authenticate(
      test.db,
      { email: learner.email, password: PASSWORD },
      { now: t0, address: '10.0.0.9' },
    );
    expect(signIn).toEqual({ ok: false, reason: 'deactivated' });

    const [entry] = await test.db.orm
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, 'user-deactivated'));
    expect(entry?.data).toMatchObject({
      before: 'active',
      after: 'deactivated',
      sessionsEnded: 2,
      reason: 'Left the company',
    });

    expect(
      await setUserStatus(
        test.db,
        admin,
        { userId: learner.id, status: 'active', confirmSelf: false },
        t0 + 4000,
      ),
    ).toMatchObject({
      ok: true,
      after: 'active',
    });
    const again = await authenticate(
      test.db,
      { email: learner.email, password: PASSWORD },
      { now: t0, address: '10.0.0.9' },
    );
    expect(again.ok).toBe(true);
  });

  it('asks admins to confirm deactivating themselves', async () => {
    const admin = await addUser('admin@example.my', 'admin');
    await addUser('other-admin@example.my', 'admin');
    expect(
      await setUserStatus(
        test.db,
        admin,
        { userId: admin.id, status: 'deactivated', confirmSelf: false },
        t0,
      ),
    ).toEqual({
      ok: false,
      reason: 'confirm-self',
    });
    expect((await roleOf(admin.id))?.status).toBe('active');
  });
});

describe('password reset links', () => {
  async function linkFor(userId: string, now = t0) {
    const admin = await addUser(`admin-${newId()}@example.my`, 'admin');
    const result = await createPasswordResetLink(test.db, admin, userId, now);
    if (!result.ok) throw new Error(result.reason);
    return result;
  }

  it('stores only a hash of the token, works once, and ends the sessions of the user', async () => {
    const learner = await addUser('jugah@example.my');
    const { token: sessionToken } = await createSession(test.db, learner.id, t0);
    const link = await linkFor(learner.id);
    expect(link.expiresAt).toBe(t0 + RESET_LINK_LIFETIME_MS);

    const [stored] = await test.db.orm.select().from(passwordReset);
    const [id, secret] = link.token.split('.');
    expect(stored?.id).toBe(id);
    expect(Buffer.from(stored?.tokenHash ?? []).equals(Buffer.from(hashSecret(secret ?? '')))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(secret);

    expect(await checkPasswordResetToken(test.db, link.token, t0 + 1000)).toMatchObject({
      ok: true,
      userId: learner.id,
    });
    expect(await completePasswordReset(test.db, link.token, 'password', t0 + 1000)).toEqual({
      ok: false,
      reason: 'password',
      problem: 'common',
    });
    expect(await completePasswordReset(test.db, link.token, 'nasi-lemak-sambal-pedas', t0 + 2000)).toEqual({
      ok: true,
      userId: learner.id,
    });
    expect(await validateSessionToken(test.db, sessionToken, t0 + 3000)).toBeNull();
    expect(await completePasswordReset(test.db, link.token, 'another-long-phrase-here', t0 + 3000)).toEqual({
      ok: false,
      reason: 'used',
    });
    const signIn = await authenticate(
      test.db,
      { email: learner.email, password: 'nasi-lemak-sambal-pedas' },
      { now: t0 + 4000, address: '10.0.0.8' },
    );
    expect(signIn.ok).toBe(true);
    const actions = (await test.db.orm.select({ action: auditEvent.action }).from(auditEvent)).map(
      (row) => row.action,
    );
    expect(actions).toEqual(['password-reset-link-created', 'password-reset-completed']);
  });

  it('expires after 24 hours', async () => {
    const learner = await addUser('mei.ling@example.my');
    const link = await linkFor(learner.id);
    expect((await checkPasswordResetToken(test.db, link.token, t0 + RESET_LINK_LIFETIME_MS - 1)).ok).toBe(
      true,
    );
    expect(
      await completePasswordReset(
        test.db,
        link.token,
        'nasi-lemak-sambal-pedas',
        t0 + RESET_LINK_LIFETIME_MS,
      ),
    ).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses forged and replaced tokens', async () => {
    const learner = await addUser('hafiz@example.my');
    const first = await linkFor(learner.id);
    const second = await linkFor(learner.id, t0 + 1000);
    expect(await checkPasswordResetToken(test.db, first.token, t0 + 2000)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const [id] = second.token.split('.');
    const forged = `${id}.${'a'.repeat(24)}`;
    expect(await checkPasswordResetToken(test.db, forged, t0 + 2000)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await checkPasswordResetToken(test.db, 'not-a-token', t0 + 2000)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect((await checkPasswordResetToken(test.db, second.token, t0 + 2000)).ok).toBe(true);
  });

  it('is not made for deactivated accounts, and deactivation cancels open links', async () => {
    const admin = await addUser('admin@example.my', 'admin');
    const learner = await addUser('tan@example.my');
    const link = await linkFor(learner.id);
    await setUserStatus(
      test.db,
      admin,
      { userId: learner.id, status: 'deactivated', confirmSelf: false },
      t0 + 1000,
    );
    expect((await checkPasswordResetToken(test.db, link.token, t0 + 2000)).ok).toBe(false);
    expect(await createPasswordResetLink(test.db, admin, learner.id, t0 + 2000)).toEqual({
      ok: false,
      reason: 'deactivated',
    });
  });
});

describe('employers', () => {
  it('merges a duplicate: learners move, the source is marked and hidden, and the trail is kept', async () => {
    const admin = await addUser('admin@example.my', 'admin', { employer: 'RTW Academy' });
    const a = await addUser('a@example.my', 'learner', { employer: 'Lintas Pulau Logistics Sdn Bhd' });
    const b = await addUser('b@example.my', 'learner', { employer: 'Lintas Pulau Logistic Sdn. Bhd.' });
    const c = await addUser('c@example.my', 'learner', { employer: 'Lintas Pulau Logistic Sdn. Bhd.' });
    const orgs = await test.db.orm.select().from(organisation);
    const target = orgs.find((org) => org.name === 'Lintas Pulau Logistics Sdn Bhd');
    const source = orgs.find((org) => org.name === 'Lintas Pulau Logistic Sdn. Bhd.');
    if (!target || !source) throw new Error('fixture employers missing');
    await setEmployerSocsoCode(test.db, admin, { employerId: source.id, code: ' e1234 5678 ' }, t0);

    const result = await mergeEmployers(
      test.db,
      admin,
      { sourceId: source.id, targetId: target.id },
      t0 + 1000,
    );
    expect(result).toMatchObject({ ok: true, moved: 2 });

    const members = await test.db.orm.select({ id: user.id, org: user.organisationId }).from(user);
    for (const id of [a.id, b.id, c.id]) expect(members.find((m) => m.id === id)?.org).toBe(target.id);
    const [merged] = await test.db.orm.select().from(organisation).where(eq(organisation.id, source.id));
    expect(merged?.mergedInto).toBe(target.id);
    const [kept] = await test.db.orm.select().from(organisation).where(eq(organisation.id, target.id));
    expect(kept?.socsoCode).toBe('E1234 5678');
    expect((await listOrganisations(test.db)).map((org) => org.name)).not.toContain(
      'Lintas Pulau Logistic Sdn. Bhd.',
    );

    // Adding the old spelling again points the admin at the surviving employer.
    const again = await createEmployer(test.db, admin, { name: 'lintas pulau logistic sdn bhd' }, t0);
    expect(again).toMatchObject({ ok: false, reason: 'taken', other: { id: target.id } });

    const trail = await listAuditEvents(
      test.db,
      {
        actor: null,
        action: null,
        subjectType: 'organisation',
        subjectId: source.id,
        startMs: null,
        endMs: null,
      },
      1,
      10,
    );
    expect(trail.rows.map((row) => row.action)).toEqual(['employer-merged', 'employer-code-changed']);
    expect(trail.rows[0]?.data).toMatchObject({ usersMoved: 2, target: { id: target.id } });
    expect(trail.rows[0]?.subjectLabel).toBe('Lintas Pulau Logistic Sdn. Bhd.');

    expect(await mergeEmployers(test.db, admin, { sourceId: source.id, targetId: target.id }, t0)).toEqual({
      ok: false,
      reason: 'merged',
    });
  });

  it('renames, keeping names unique by their key', async () => {
    const admin = await addUser('admin@example.my', 'admin', { employer: 'Hotel Seri Selatan' });
    await addUser('x@example.my', 'learner', { employer: 'Ladang Sungai Sarawak Berhad' });
    const orgs = await listOrganisations(test.db);
    const hotel = orgs.find((org) => org.name === 'Hotel Seri Selatan');
    if (!hotel) throw new Error('no hotel');
    expect(
      await renameEmployer(
        test.db,
        admin,
        { employerId: hotel.id, name: ' LADANG sungai  sarawak berhad' },
        t0,
      ),
    ).toMatchObject({
      ok: false,
      reason: 'taken',
      other: { name: 'Ladang Sungai Sarawak Berhad' },
    });
    expect(
      await renameEmployer(
        test.db,
        admin,
        { employerId: hotel.id, name: 'Hotel Seri Selatan Johor Bahru' },
        t0,
      ),
    ).toEqual({
      ok: true,
      before: 'Hotel Seri Selatan',
      after: 'Hotel Seri Selatan Johor Bahru',
    });
    const [row] = await test.db.orm.select().from(organisation).where(eq(organisation.id, hotel.id));
    expect(row?.nameKey).toBe('hotel seri selatan johor bahru');
    expect(await setEmployerSocsoCode(test.db, admin, { employerId: hotel.id, code: '=cmd' }, t0)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('counts learners and completion rates per employer', async () => {
    const a = await addUser('a@example.my', 'learner', { employer: 'Alpha Sdn Bhd' });
    const b = await addUser('b@example.my', 'learner', { employer: 'Alpha Sdn Bhd' });
    await addUser('trainer@example.my', 'trainer', { employer: 'Alpha Sdn Bhd' });
    await test.db.write((orm) =>
      orm.insert(enrolment).values([
        { id: newId(), userId: a.id, courseId: 'main', enrolledAt: new Date(t0), completedAt: new Date(t0) },
        { id: newId(), userId: b.id, courseId: 'main', enrolledAt: new Date(t0) },
        { id: newId(), userId: b.id, courseId: 'open', enrolledAt: new Date(t0), status: 'withdrawn' },
      ]),
    );
    const { rows } = await listEmployerStats(
      test.db,
      { search: 'alpha', sort: 'name', direction: 'asc', page: 1 },
      25,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        name: 'Alpha Sdn Bhd',
        learners: 2,
        enrolments: 2,
        completed: 1,
        completionRate: 0.5,
      }),
    ]);
  });
});

describe('reports', () => {
  it('computes % complete per enrolment as the learner sees it, and finds the inactive', async () => {
    const busy = await addUser('busy@example.my', 'learner', { lastActiveAt: t0 - DAY });
    const idle = await addUser('idle@example.my', 'learner', { lastActiveAt: t0 - 45 * DAY });
    const gone = await addUser('gone@example.my', 'learner', { status: 'deactivated' });
    await test.db.write(async (orm) => {
      for (const person of [busy, idle, gone]) {
        await orm
          .insert(enrolment)
          .values({ id: newId(), userId: person.id, courseId: 'main', enrolledAt: new Date(t0 - 60 * DAY) });
      }
      const at = new Date(t0 - 2 * DAY);
      await orm.insert(lessonProgress).values(
        ['first-steps/01-why', 'first-steps/02-how'].map((lessonId) => ({
          userId: busy.id,
          lessonId,
          firstViewedAt: at,
          lastViewedAt: at,
          completedAt: at,
        })),
      );
    });
    const filters: ProgressFilters = {
      courseIds: catalogue.published.courses.map((course) => course.id),
      employerId: null,
      inactiveOnly: false,
      now: t0,
    };
    const page = await listInProgress(test.db, filters, 1, 25);
    expect(page.total).toBe(2);
    expect(page.inactive).toBe(1);
    expect(page.rows.map((row) => [row.email, row.inactive])).toEqual([
      ['idle@example.my', true],
      ['busy@example.my', false],
    ]);
    const withProgress = await attachProgress(test.db, catalogue, page.rows);
    // main: 2 + 2 required lessons, the planning quiz and the final assessment = 6 items; 2 done.
    expect(withProgress.map((row) => row.percent)).toEqual([0, 33]);
    // The rows above were inserted directly, as an import would: the kept % needs the rebuild.
    await rebuildProgressPercents(test.db, catalogue);
    const bands = await summariseProgressBands(test.db, filters);
    expect(bands.map((band) => band.count)).toEqual([1, 0, 1, 0, 0, 0]);
    expect((await listInProgress(test.db, { ...filters, inactiveOnly: true }, 1, 25)).rows).toHaveLength(1);
  });

  it('summarises completions by course, employer and Malaysia day, learners only', async () => {
    const a = await addUser('a@example.my', 'learner', { employer: 'Alpha Sdn Bhd' });
    const b = await addUser('b@example.my', 'learner', { employer: 'Beta Berhad' });
    const trainer = await addUser('t@example.my', 'trainer', { employer: 'Alpha Sdn Bhd' });
    // 23:30 UTC on 1 November is 07:30 on 2 November in Kuala Lumpur.
    const lateEvening = Date.UTC(2026, 10, 1, 23, 30);
    await test.db.write((orm) =>
      orm.insert(enrolment).values([
        {
          id: newId(),
          userId: a.id,
          courseId: 'main',
          enrolledAt: new Date(t0 - 9 * DAY),
          completedAt: new Date(lateEvening),
        },
        {
          id: newId(),
          userId: a.id,
          courseId: 'open',
          enrolledAt: new Date(t0 - 9 * DAY),
          completedAt: new Date(t0 - 3 * DAY),
        },
        {
          id: newId(),
          userId: b.id,
          courseId: 'main',
          enrolledAt: new Date(t0 - 9 * DAY),
          completedAt: new Date(t0 - 400 * DAY),
        },
        {
          id: newId(),
          userId: trainer.id,
          courseId: 'main',
          enrolledAt: new Date(t0 - 9 * DAY),
          completedAt: new Date(t0),
        },
      ]),
    );
    const filters = { startMs: t0 - 30 * DAY, endMs: t0 + DAY, courseId: null, employerId: null };
    const summary = await summariseCompletions(test.db, filters);
    expect(summary.total).toBe(2);
    expect(summary.byCourse).toEqual([
      { courseId: 'main', count: 1 },
      { courseId: 'open', count: 1 },
    ]);
    expect(summary.byEmployer).toEqual([
      expect.objectContaining({ employerName: 'Alpha Sdn Bhd', count: 2 }),
    ]);
    expect(summary.byDay.map((row) => row.day)).toEqual(['2026-10-30', '2026-11-02']);
    const rows = await listCompletionsAfter(test.db, { ...filters, courseId: 'main' }, null, 10);
    expect(rows.rows.map((row) => row.email)).toEqual(['a@example.my']);
  });

  it('lists certificates expiring within 30, 60 and 90 days, leaving out revoked and replaced ones', async () => {
    const learner = await addUser('cert@example.my');
    const cert = (
      n: number,
      expiresInDays: number,
      extra: Partial<typeof certificate.$inferInsert> = {},
    ) => ({
      id: newId(),
      serial: `RTW-2023-${String(n).padStart(6, '0')}`,
      verificationCode: `CODE${n}`,
      userId: learner.id,
      courseId: 'main',
      holderName: 'Person cert',
      courseTitle: 'Course main',
      cpdHours: 2,
      issuedAt: new Date(t0 - 1000 * DAY),
      expiresAt: new Date(t0 + expiresInDays * DAY),
      ...extra,
    });
    await test.db.write((orm) =>
      orm
        .insert(certificate)
        .values([
          cert(1, 10),
          cert(2, 45),
          cert(3, 80),
          cert(4, 200),
          cert(5, -5),
          cert(6, 20, { revokedAt: new Date(t0) }),
          cert(7, 20, { supersededBy: 'other' }),
        ]),
    );
    expect(await countExpiringByWindow(test.db, t0)).toEqual([
      { window: 30, count: 1 },
      { window: 60, count: 1 },
      { window: 90, count: 1 },
    ]);
    const within60 = await listExpiringAfter(test.db, { now: t0, days: 60 }, null, 10);
    expect(within60.rows.map((row) => row.serial)).toEqual(['RTW-2023-000001', 'RTW-2023-000002']);
    expect(within60.rows[0]?.email).toBe('cert@example.my');
  });

  it('fills the overview counts', async () => {
    const admin = await addUser('admin@example.my', 'admin');
    const learner = await addUser('x@example.my', 'learner', { lastActiveAt: t0 - 40 * DAY });
    await test.db.write((orm) =>
      orm
        .insert(enrolment)
        .values({ id: newId(), userId: learner.id, courseId: 'main', enrolledAt: new Date(t0 - 50 * DAY) }),
    );
    await changeUserRole(test.db, admin, { userId: learner.id, role: 'learner', confirmSelf: false }, t0);
    const overview = await loadAdminOverview(test.db, t0, ['main', 'open'], 60);
    expect(overview).toMatchObject({ activeLearners: 1, staff: 1, employers: 1, inProgress: 1, inactive: 1 });
  });
});

describe('user list', () => {
  it('searches, filters and sorts, and pages through everything for the export', async () => {
    await addUser('siti@example.my', 'learner', { employer: 'Alpha Sdn Bhd' });
    await addUser('tan@example.my', 'trainer', { employer: 'Beta Berhad' });
    await addUser('kavitha@example.my', 'learner', { employer: 'Beta Berhad', status: 'deactivated' });
    await addUser('100%_sure@example.my', 'learner');
    const query = (search: string) => parseUserListQuery(new URLSearchParams(search));
    expect((await listUsers(test.db, query('q=TAN'), 25)).rows.map((row) => row.email)).toEqual([
      'tan@example.my',
    ]);
    expect((await listUsers(test.db, query('q=%'), 25)).rows.map((row) => row.email)).toEqual([
      '100%_sure@example.my',
    ]);
    expect((await listUsers(test.db, query('role=learner&status=active'), 25)).total).toBe(2);
    const byEmployer = await listUsers(test.db, query('sort=employer&dir=desc'), 25);
    expect(byEmployer.rows[0]?.employerName).toBe('Syarikat Ujian Sdn Bhd');

    const seen: string[] = [];
    let cursor = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof listUsersAfter>> = await listUsersAfter(
        test.db,
        query('sort=email'),
        cursor,
        1,
      );
      seen.push(...page.rows.map((row) => row.email));
      if (!page.next) break;
      cursor = page.next;
    }
    expect(seen).toEqual(['100%_sure@example.my', 'kavitha@example.my', 'siti@example.my', 'tan@example.my']);
  });
});

describe('learners and trainers probing admin functions', () => {
  it('get nothing: every change is refused and nothing is written', async () => {
    const admin = await addUser('admin@example.my', 'admin');
    const learner = await addUser('learner@example.my', 'learner');
    const trainer = await addUser('trainer@example.my', 'trainer');
    const [org] = await listOrganisations(test.db);
    const other = await test.db.write((orm) => findOrCreateOrganisation(orm, 'Another Employer Sdn Bhd'));
    if (!org) throw new Error('no employer');
    for (const prober of [learner, trainer]) {
      const actor: Actor = { id: prober.id, role: prober.role };
      expect(
        await changeUserRole(test.db, actor, { userId: prober.id, role: 'admin', confirmSelf: true }, t0),
      ).toEqual({
        ok: false,
        reason: 'forbidden',
      });
      expect(
        await setUserStatus(
          test.db,
          actor,
          { userId: admin.id, status: 'deactivated', confirmSelf: true },
          t0,
        ),
      ).toEqual({
        ok: false,
        reason: 'forbidden',
      });
      expect(await createPasswordResetLink(test.db, actor, admin.id, t0)).toEqual({
        ok: false,
        reason: 'forbidden',
      });
      expect(await renameEmployer(test.db, actor, { employerId: org.id, name: 'Pwned Sdn Bhd' }, t0)).toEqual(
        {
          ok: false,
          reason: 'forbidden',
        },
      );
      expect(await setEmployerSocsoCode(test.db, actor, { employerId: org.id, code: 'E123456' }, t0)).toEqual(
        {
          ok: false,
          reason: 'forbidden',
        },
      );
      expect(await mergeEmployers(test.db, actor, { sourceId: other.id, targetId: org.id }, t0)).toEqual({
        ok: false,
        reason: 'forbidden',
      });
    }
    expect(await roleOf(learner.id)).toEqual({ role: 'learner', status: 'active' });
    expect(await roleOf(trainer.id)).toEqual({ role: 'trainer', status: 'active' });
    expect(await roleOf(admin.id)).toEqual({ role: 'admin', status: 'active' });
    expect(await test.db.orm.select().from(passwordReset)).toEqual([]);
    expect((await listOrganisations(test.db)).map((o) => o.name).sort()).toEqual([
      'Another Employer Sdn Bhd',
      'Syarikat Ujian Sdn Bhd',
    ]);
    expect(await auditCount()).toBe(0);
    const log = await listAuditEvents(
      test.db,
      { actor: SYSTEM_ACTOR, action: null, subjectType: null, subjectId: null, startMs: null, endMs: null },
      1,
      10,
    );
    expect(log.total).toBe(0);
  });
});

describe('CSV export of a large report', () => {
  it('streams 100,000 rows in roughly constant memory', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const learners = 50_000;
    await test.db.write(async (orm) => {
      const org = await findOrCreateOrganisation(orm, 'Syarikat Besar Sdn Bhd');
      // Generated inside SQLite: 50,000 learners with two completed courses each.
      await orm.run(sql`
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${learners})
        INSERT INTO user (id, email, full_name, password_hash, role, organisation_id, locale, status, created_at)
        SELECT 'u' || i, 'learner' || i || '@example.my', 'Pekerja Nombor ' || i || ' binti Abdullah', 'x', 'learner',
          ${org.id}, 'en', 'active', ${t0} FROM n`);
      await orm.run(sql`
        INSERT INTO enrolment (id, user_id, course_id, status, enrolled_at, completed_at)
        SELECT 'e' || substr(id, 2) || c.course, id, c.course, 'active', ${t0 - 100 * DAY},
          ${t0 - 50 * DAY} + CAST(substr(id, 2) AS INTEGER) * 1000
        FROM user, (SELECT 'main' AS course UNION ALL SELECT 'open') c WHERE role = 'learner'`);
    });

    const filters = { startMs: t0 - 60 * DAY, endMs: t0, courseId: null, employerId: null };
    let fetches = 0;
    const stream = streamCsv({
      header: ['Name', 'Email', 'Employer', 'Course', 'Completed at'],
      start: null as Parameters<typeof listCompletionsAfter>[2],
      fetch: (cursor, limit) => {
        fetches += 1;
        return listCompletionsAfter(test.db, filters, cursor, limit);
      },
      toCells: (row) => [row.fullName, row.email, row.employerName, row.courseId, row.completedAt],
    });

    const reader = stream.getReader();
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    // Heap objects and array buffers (the encoded chunks live outside the JS heap).
    const retained = (): number => {
      gc();
      const usage = process.memoryUsage();
      return usage.heapUsed + usage.arrayBuffers;
    };
    const baseline = retained();
    let peak = 0;
    let bytes = 0;
    let lines = 0;
    let chunks = 0;
    let head = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks += 1;
      bytes += value.byteLength;
      const text = decoder.decode(value, { stream: true });
      if (head.length < 300) head += text.slice(0, 300);
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines += 1;
      if (chunks === 2) {
        // The stream is lazy: one read asks the database for one chunk, not for everything.
        expect(fetches).toBeLessThanOrEqual(2);
      }
      // Measured while this chunk is still held, as a client still sending it would hold it.
      peak = Math.max(peak, retained() - baseline);
    }

    expect(lines).toBe(100_001);
    expect(head.startsWith('\uFEFFName,Email,Employer,Course,Completed at\r\n')).toBe(true);
    expect(bytes).toBeGreaterThan(8 * 1024 * 1024);
    console.log(
      `CSV export: ${lines - 1} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${chunks} chunks; ` +
        `peak retained memory growth ${(peak / 1024 / 1024).toFixed(1)} MB`,
    );
    // The whole file is over 8 MB; a streaming export keeps about one 1,000-row chunk alive.
    expect(peak).toBeLessThan(6 * 1024 * 1024);
  }, 120_000);
});
