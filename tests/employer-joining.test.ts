/**
 * How people come to an employer and how admins set employers up, against a real database:
 * registration with a join code or without one, a verified domain after the email is confirmed,
 * invitations with a per-row report and the course they start, one key per employer name, managers
 * and trainers given by admins, and what a merge carries over.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  auditEvent,
  employerDomain,
  enrolment,
  mailOutbox,
  managerEmployer,
  trainerEmployer,
  user,
} from '#db/schema.ts';
import { fixtureCatalogue } from '#src/lib/learning/fixture.ts';
import { registerUser } from '#src/lib/server/account/user.ts';
import { changeUserRole } from '#src/lib/server/admin/users.ts';
import { canSeeLearner } from '#src/lib/server/employer/access.ts';
import { createEmployer } from '#src/lib/server/employer/directory.ts';
import { addEmployerDomain } from '#src/lib/server/employer/domains.ts';
import { mergeEmployers } from '#src/lib/server/employer/edit.ts';
import { inviteStaff, startInvitedTraining } from '#src/lib/server/employer/invitations.ts';
import { changeJoinCode, getJoinCode, joinEmployerWithCode } from '#src/lib/server/employer/join-code.ts';
import { addEmployerManager, listEmployerManagers } from '#src/lib/server/employer/managers.ts';
import { changeTrainerEmployer, getTrainerScope } from '#src/lib/server/employer/trainers.ts';
import { assignCourse, changeDueDate, remindLearner } from '#src/lib/server/employer/training.ts';
import { acceptInvitation } from '#src/lib/server/mail/invitation.ts';
import { confirmEmail, sendEmailVerification } from '#src/lib/server/mail/verification.ts';
import { DAY_MS, HOUR_MS } from '#src/lib/time.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';
import { seedEmployerFixture, type Fixture } from './helpers/employer-fixture.ts';

const now = Date.UTC(2026, 10, 20, 2, 0, 0);
const catalogue = fixtureCatalogue();
const password = 'kopi-o-kosong-panas';
let address = 0;
const context = (at = now) => ({ now: at, address: `10.1.0.${(address += 1) % 250}` });

let test: TestDatabase;
let f: Fixture;
beforeEach(async () => {
  test = await createTestDb();
  f = await seedEmployerFixture(test.db, now);
});
afterEach(() => test.cleanup());

async function latestSecret(kind: string): Promise<string> {
  const rows = await test.db.orm.select().from(mailOutbox).where(eq(mailOutbox.kind, kind));
  const secret = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]?.secret;
  if (!secret) throw new Error(`no ${kind} message`);
  return secret;
}

describe('joining an employer', () => {
  it('registers with a join code, refuses an unknown one with the other problems, or registers independent', async () => {
    const made = await changeJoinCode(
      test.db,
      f.manager,
      { employerId: f.a.id },
      { now, managedEmployerIds: [f.a.id] },
    );
    if (!made.ok) throw new Error('no code');
    expect(made.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/u);
    expect((await getJoinCode(test.db, f.a.id))?.code).toBe(made.code);

    const base = { fullName: 'Siti Nur Aisyah binti Abdullah', password };
    const joined = await registerUser(
      test.db,
      { ...base, email: 'siti@example.my', joinCode: ` ${made.code.toLowerCase()} ` },
      context(),
    );
    expect(joined.ok && joined.user.organisationId).toBe(f.a.id);

    const wrong = await registerUser(
      test.db,
      { ...base, fullName: '', email: 'x@example.my', joinCode: 'AAAA-AAAA' },
      context(),
    );
    expect(wrong).toMatchObject({ ok: false, errors: { fullName: 'required', joinCode: 'unknown' } });

    const solo = await registerUser(test.db, { ...base, email: 'solo2@example.my' }, context());
    if (!solo.ok) throw new Error('registration failed');
    expect(solo.user.organisationId).toBeNull();
    expect(await joinEmployerWithCode(test.db, solo.user.id, 'nope', now)).toEqual({
      ok: false,
      reason: 'unknown',
    });
    expect(await joinEmployerWithCode(test.db, solo.user.id, made.code, now)).toMatchObject({ ok: true });
    expect(await joinEmployerWithCode(test.db, solo.user.id, made.code, now)).toEqual({
      ok: false,
      reason: 'has-employer',
    });

    // A replaced code stops working.
    await changeJoinCode(test.db, f.admin, { employerId: f.a.id }, { now, managedEmployerIds: [] });
    const late = await registerUser(
      test.db,
      { ...base, email: 'late@example.my', joinCode: made.code },
      context(),
    );
    expect(late).toMatchObject({ ok: false, errors: { joinCode: 'unknown' } });
  });

  it('joins the employer of a verified domain once the address is confirmed, and not before', async () => {
    expect(
      await addEmployerDomain(test.db, f.admin, { employerId: f.a.id, domain: 'gmail.com' }, now),
    ).toMatchObject({
      ok: false,
      problem: 'public',
    });
    expect(
      await addEmployerDomain(test.db, f.manager, { employerId: f.a.id, domain: 'alpha.example.my' }, now),
    ).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(
      await addEmployerDomain(test.db, f.admin, { employerId: f.a.id, domain: '@Alpha.example.my' }, now),
    ).toEqual({
      ok: true,
      domain: 'alpha.example.my',
    });
    expect(
      await addEmployerDomain(test.db, f.admin, { employerId: f.b.id, domain: 'alpha.example.my' }, now),
    ).toMatchObject({
      ok: false,
      reason: 'taken',
    });

    const registered = await registerUser(
      test.db,
      { fullName: 'Tan Wei Ming', email: 'weiming@alpha.example.my', password },
      context(),
    );
    if (!registered.ok) throw new Error('registration failed');
    expect(registered.user.organisationId).toBeNull();
    expect(await sendEmailVerification(test.db, registered.user.id, now)).toMatchObject({ ok: true });
    expect(await confirmEmail(test.db, await latestSecret('verify-email'), now + HOUR_MS)).toMatchObject({
      ok: true,
    });
    const [after] = await test.db.orm.select().from(user).where(eq(user.id, registered.user.id));
    expect(after?.organisationId).toBe(f.a.id);
    const [joined] = await test.db.orm
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'employer-joined'), eq(auditEvent.subjectId, registered.user.id)));
    expect(joined?.data).toMatchObject({ via: 'domain', after: f.a.id });
  });

  it('invites a list with a report per row, and starts the named course when the invitation is accepted', async () => {
    const result = await inviteStaff(
      test.db,
      catalogue,
      f.manager,
      {
        employerId: f.a.id,
        text: [
          'Name,Email',
          'Hairul Nizam bin Ahmad,hairul@example.my',
          `Already here,${f.a.emails['not-assigned']}`,
          `Elsewhere,${f.b.emails['not-assigned']}`,
          'Broken,not-an-address',
          'Again,HAIRUL@example.my',
        ].join('\n'),
        locale: 'ms',
        courseId: 'open',
        dueDate: '2026-12-31',
      },
      { now, managedEmployerIds: [f.a.id] },
    );
    expect(result).toMatchObject({ ok: true, invited: 1 });
    if (!result.ok) throw new Error('invite failed');
    expect(result.rows.map((row) => [row.line, row.outcome])).toEqual([
      [2, 'invited'],
      [3, 'already-staff'],
      [4, 'has-account'],
      [5, 'invalid-email'],
      [6, 'duplicate'],
    ]);

    const accepted = await acceptInvitation(
      test.db,
      await latestSecret('invitation'),
      { fullName: 'Hairul Nizam bin Ahmad', password },
      context(),
    );
    if (!accepted.ok) throw new Error(`accept failed: ${JSON.stringify(accepted)}`);
    expect(accepted.user.organisationId).toBe(f.a.id);
    await startInvitedTraining(test.db, catalogue, accepted.user.id, now);
    const [started] = await test.db.orm
      .select()
      .from(enrolment)
      .where(eq(enrolment.userId, accepted.user.id));
    expect(started).toMatchObject({ courseId: 'open', status: 'active' });
    expect(started?.dueAt?.getTime()).toBe(Date.UTC(2026, 11, 31, 16, 0, 0) - 1);
  });
});

describe('assigned training', () => {
  it('assigns with a due date, changes it, reminds at most once a day, and audits each step', async () => {
    const managed = { now, managedEmployerIds: [f.a.id], notify: true };
    const assigned = await assignCourse(
      test.db,
      catalogue,
      f.manager,
      { employerId: f.a.id, courseId: 'open', dueDate: '2026-12-15', emails: '', everyone: true },
      managed,
    );
    expect(assigned.ok && assigned.report.assigned.length).toBe(Object.keys(f.a.staff).length);
    const again = await assignCourse(
      test.db,
      catalogue,
      f.manager,
      {
        employerId: f.a.id,
        courseId: 'open',
        dueDate: '2026-12-20',
        emails: f.a.emails.overdue,
        everyone: false,
      },
      managed,
    );
    expect(again).toMatchObject({ ok: true, report: { updated: [{ email: f.a.emails.overdue }] } });
    const bad = await assignCourse(
      test.db,
      catalogue,
      f.manager,
      { employerId: f.a.id, courseId: '', dueDate: '2020-01-01', emails: '', everyone: false },
      managed,
    );
    expect(bad).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { courseId: 'required', dueDate: 'past', people: 'required' },
    });
    const queued = await test.db.orm
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.kind, 'training-reminder'));
    expect(queued).toHaveLength(Object.keys(f.a.staff).length);

    const [row] = await test.db.orm
      .select()
      .from(enrolment)
      .where(and(eq(enrolment.userId, f.a.staff.overdue), eq(enrolment.courseId, 'open')));
    if (!row) throw new Error('no enrolment');
    expect(
      await changeDueDate(
        test.db,
        f.manager,
        { employerId: f.a.id, enrolmentId: row.id, dueDate: '' },
        managed,
      ),
    ).toEqual({
      ok: true,
    });
    const input = { employerId: f.a.id, enrolmentId: row.id };
    expect(await remindLearner(test.db, catalogue, f.manager, input, managed)).toMatchObject({ ok: true });
    expect(
      await remindLearner(test.db, catalogue, f.manager, input, { ...managed, now: now + HOUR_MS }),
    ).toMatchObject({
      ok: false,
      reason: 'too-soon',
    });
    expect(
      await remindLearner(test.db, catalogue, f.manager, input, { ...managed, now: now + DAY_MS }),
    ).toMatchObject({
      ok: true,
    });
    const actions = (await test.db.orm.select({ action: auditEvent.action }).from(auditEvent)).map(
      (entry) => entry.action,
    );
    for (const action of ['course-assigned', 'due-date-changed', 'learner-reminded'])
      expect(actions, action).toContain(action);
  });
});

describe('admins set employers up', () => {
  it('keep one employer per name, whatever the spelling of Sdn Bhd', async () => {
    expect(await createEmployer(test.db, f.admin, { name: 'syarikat alpha sdn. bhd.' }, now)).toMatchObject({
      ok: false,
      reason: 'taken',
      other: { id: f.a.id },
    });
    expect(
      await createEmployer(test.db, f.admin, { name: 'Syarikat Gamma Sendirian Berhad' }, now),
    ).toMatchObject({ ok: true });
    expect(await createEmployer(test.db, f.admin, { name: 'Syarikat Gamma Sdn Bhd' }, now)).toMatchObject({
      reason: 'taken',
    });
    expect(await createEmployer(test.db, f.manager, { name: 'Syarikat Delta Sdn Bhd' }, now)).toEqual({
      ok: false,
      reason: 'forbidden',
    });
  });

  it('make a learner a manager, and take the employers away with the role', async () => {
    const promoted = await addEmployerManager(
      test.db,
      f.admin,
      { employerId: f.b.id, email: f.b.emails['not-assigned'] },
      now,
    );
    expect(promoted).toMatchObject({ ok: true, promoted: true });
    expect((await listEmployerManagers(test.db, f.b.id)).map((manager) => manager.email)).toEqual([
      f.b.emails['not-assigned'],
    ]);
    expect(
      await addEmployerManager(
        test.db,
        f.admin,
        { employerId: f.b.id, email: 'trainer.all@example.my' },
        now,
      ),
    ).toEqual({
      ok: false,
      reason: 'staff-account',
    });
    const id = f.b.staff['not-assigned'];
    expect(await canSeeLearner(test.db, { id, role: 'manager' }, f.b.staff.overdue)).toBe(true);
    await changeUserRole(test.db, f.admin, { userId: id, role: 'learner', confirmSelf: false }, now);
    expect(await test.db.orm.select().from(managerEmployer).where(eq(managerEmployer.userId, id))).toEqual(
      [],
    );
  });

  it('limit a trainer to employers, and carry managers, trainers and domains over in a merge', async () => {
    expect(
      await changeTrainerEmployer(
        test.db,
        f.admin,
        { trainerId: f.trainer.id, employerId: f.b.id, assign: true },
        now,
      ),
    ).toMatchObject({
      ok: true,
      scope: { allEmployers: false },
    });
    expect(await canSeeLearner(test.db, f.trainer, f.a.staff.overdue)).toBe(false);
    expect(await canSeeLearner(test.db, f.trainer, f.b.staff.overdue)).toBe(true);

    await addEmployerDomain(test.db, f.admin, { employerId: f.a.id, domain: 'alpha.example.my' }, now);
    const merged = await mergeEmployers(test.db, f.admin, { sourceId: f.a.id, targetId: f.b.id }, now);
    expect(merged).toMatchObject({ ok: true });
    const managers = await test.db.orm
      .select()
      .from(managerEmployer)
      .where(eq(managerEmployer.userId, f.manager.id));
    expect(managers.map((row) => row.organisationId)).toEqual([f.b.id]);
    const trainers = await test.db.orm
      .select()
      .from(trainerEmployer)
      .where(eq(trainerEmployer.userId, f.limitedTrainer.id));
    expect(trainers.map((row) => row.organisationId)).toEqual([f.b.id]);
    const [domain] = await test.db.orm.select().from(employerDomain);
    expect(domain?.organisationId).toBe(f.b.id);
    expect((await getTrainerScope(test.db, f.limitedTrainer.id)).employers.map((e) => e.id)).toEqual([
      f.b.id,
    ]);
  });
});
