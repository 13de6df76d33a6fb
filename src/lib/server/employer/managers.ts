/**
 * Employer managers as admins set them: who manages which employer. Adding a learner as an
 * employer's manager makes them a manager (an audited role change); trainers and admins cannot be
 * managers (they already see more).
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { managerEmployer, organisation, trainerEmployer, trainerScope, user } from '#db/schema.ts';
import { normaliseEmail } from '#src/lib/account/rules.ts';
import { isAdmin, type Actor } from '#src/lib/roles.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';

export interface EmployerManager {
  id: string;
  fullName: string;
  email: string;
  status: 'active' | 'deactivated';
  assignedAt: number;
}

/** The managers of an employer, by name. */
export async function listEmployerManagers(db: Database, employerId: string): Promise<EmployerManager[]> {
  const rows = await db.orm
    .select({
      id: user.id,
      fullName: user.fullName,
      email: user.email,
      status: user.status,
      assignedAt: managerEmployer.assignedAt,
    })
    .from(managerEmployer)
    .innerJoin(user, eq(user.id, managerEmployer.userId))
    .where(and(eq(managerEmployer.organisationId, employerId), eq(user.role, 'manager')))
    .orderBy(sql`lower(${user.fullName})`, asc(user.id));
  return rows.map((row) => ({ ...row, assignedAt: row.assignedAt.getTime() }));
}

export type AddManagerResult =
  | { ok: true; user: { id: string; fullName: string }; promoted: boolean }
  | {
      ok: false;
      reason: 'forbidden' | 'not-found' | 'no-account' | 'staff-account' | 'deactivated' | 'unchanged';
    };

/**
 * An admin makes the account (by `userId`, or by `email`) a manager of the employer: a learner becomes a manager
 * (role change, audited), a manager gains the employer. One transaction.
 */
export async function addEmployerManager(
  db: Database,
  actor: Actor,
  input: { employerId: string; email?: string; userId?: string },
  now: number,
): Promise<AddManagerResult> {
  if (!isAdmin(actor)) return { ok: false, reason: 'forbidden' };
  const who = input.userId ? eq(user.id, input.userId) : eq(user.email, normaliseEmail(input.email ?? ''));
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<AddManagerResult> => {
      const [employer] = await tx
        .select({ id: organisation.id, name: organisation.name })
        .from(organisation)
        .where(and(eq(organisation.id, input.employerId), isNull(organisation.mergedInto)));
      if (!employer) return { ok: false, reason: 'not-found' };
      const [person] = await tx
        .select({
          id: user.id,
          fullName: user.fullName,
          email: user.email,
          role: user.role,
          status: user.status,
        })
        .from(user)
        .where(who);
      if (!person) return { ok: false, reason: 'no-account' };
      if (person.role === 'trainer' || person.role === 'admin') return { ok: false, reason: 'staff-account' };
      if (person.status !== 'active') return { ok: false, reason: 'deactivated' };
      const added = await tx
        .insert(managerEmployer)
        .values({
          userId: person.id,
          organisationId: employer.id,
          assignedBy: actor.id,
          assignedAt: new Date(now),
        })
        .onConflictDoNothing()
        .returning({ userId: managerEmployer.userId });
      const promoted = person.role === 'learner';
      if (added.length === 0 && !promoted) return { ok: false, reason: 'unchanged' };
      if (promoted) {
        await tx.update(user).set({ role: 'manager' }).where(eq(user.id, person.id));
        await recordAudit(tx, {
          actorId: actor.id,
          action: 'role-changed',
          subjectType: 'user',
          subjectId: person.id,
          data: { before: 'learner', after: 'manager', email: person.email, employer: employer.name },
          at: now,
        });
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'manager-assigned',
        subjectType: 'organisation',
        subjectId: employer.id,
        data: { userId: person.id, email: person.email, name: person.fullName },
        at: now,
      });
      return { ok: true, user: { id: person.id, fullName: person.fullName }, promoted };
    }),
  );
}

/** An admin takes an employer away from a manager (their role stays; an admin changes it separately). */
export async function removeEmployerManager(
  db: Database,
  actor: Actor,
  input: { employerId: string; userId: string },
  now: number,
): Promise<{ ok: true } | { ok: false; reason: 'forbidden' | 'not-found' }> {
  if (!isAdmin(actor)) return { ok: false, reason: 'forbidden' };
  return db.write(async (orm) => {
    const removed = await orm
      .delete(managerEmployer)
      .where(
        and(eq(managerEmployer.organisationId, input.employerId), eq(managerEmployer.userId, input.userId)),
      )
      .returning({ userId: managerEmployer.userId });
    if (removed.length === 0) return { ok: false, reason: 'not-found' } as const;
    const [person] = await orm.select({ email: user.email }).from(user).where(eq(user.id, input.userId));
    await recordAudit(orm, {
      actorId: actor.id,
      action: 'manager-removed',
      subjectType: 'organisation',
      subjectId: input.employerId,
      data: { userId: input.userId, email: person?.email ?? null },
      at: now,
    });
    return { ok: true } as const;
  });
}

/**
 * Call in the transaction of a role change: what a person's old role gave them over employers
 * (managed employers, a trainer's employer scope) ends with it. Returns how many rows went.
 */
export async function clearEmployerAccessOnRoleChange(
  tx: Pick<Orm, 'delete'>,
  userId: string,
  before: string,
  after: string,
): Promise<number> {
  if (before === after) return 0;
  if (before === 'manager') {
    const removed = await tx
      .delete(managerEmployer)
      .where(eq(managerEmployer.userId, userId))
      .returning({ id: managerEmployer.organisationId });
    return removed.length;
  }
  if (before === 'trainer') {
    const removed = await tx
      .delete(trainerEmployer)
      .where(eq(trainerEmployer.userId, userId))
      .returning({ id: trainerEmployer.organisationId });
    await tx.delete(trainerScope).where(eq(trainerScope.userId, userId));
    return removed.length;
  }
  return 0;
}
