/**
 * Who may see which learners. Admins see everyone; a trainer sees every employer's learners, or
 * only those of the employers an admin gave them (trainer_scope, trainer_employer); an employer
 * manager sees only the staff of the employers an admin gave them (manager_employer); a learner
 * sees nobody else. `learnerScope` is the one place this rule is written: every list, report,
 * export and record a trainer or manager can open filters on it.
 */
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { managerEmployer, organisation, trainerEmployer, trainerScope, user } from '#db/schema.ts';
import { managesEmployer, type Actor } from '#src/lib/roles.ts';
import type { Database } from '#src/lib/server/db.ts';

/**
 * The learners `actor` may see, as a condition on a learner's employer column
 * (`user.organisation_id` unless another column or a raw `u.organisation_id` is given). Admins:
 * always true; trainers: true unless an admin limited them, then their employers; managers: their
 * employers; anyone else: false. Independent learners (no employer) are seen by admins and by
 * trainers who are not limited. Subqueries, not a list: the caller's statement stays one statement.
 */
export function learnerScope(actor: Actor, column: SQLiteColumn | SQL = user.organisationId): SQL {
  switch (actor.role) {
    case 'admin':
      return sql`1`;
    case 'trainer':
      return sql`(NOT EXISTS (SELECT 1 FROM ${trainerScope} WHERE ${trainerScope.userId} = ${actor.id} AND ${trainerScope.allEmployers} = 0)
        OR ${column} IN (SELECT ${trainerEmployer.organisationId} FROM ${trainerEmployer} WHERE ${trainerEmployer.userId} = ${actor.id}))`;
    case 'manager':
      return sql`${column} IN (SELECT ${managerEmployer.organisationId} FROM ${managerEmployer} WHERE ${managerEmployer.userId} = ${actor.id})`;
    case 'learner':
      return sql`0`;
  }
}

/** Whether `actor` may see the learner `userId` (a learner account within their scope). */
export async function canSeeLearner(db: Database, actor: Actor, userId: string): Promise<boolean> {
  const [row] = await db.orm
    .select({ id: user.id })
    .from(user)
    .where(and(eq(user.id, userId), eq(user.role, 'learner'), learnerScope(actor)));
  return row !== undefined;
}

export interface ManagedEmployer {
  id: string;
  name: string;
}

/** The employers a manager acts for (merged ones left out), by name. */
export async function listManagedEmployers(db: Database, managerId: string): Promise<ManagedEmployer[]> {
  return db.orm
    .select({ id: organisation.id, name: organisation.name })
    .from(managerEmployer)
    .innerJoin(organisation, eq(organisation.id, managerEmployer.organisationId))
    .where(and(eq(managerEmployer.userId, managerId), isNull(organisation.mergedInto)))
    .orderBy(asc(organisation.nameKey));
}

/** The employer ids a manager acts for (none for anyone else): what `managesEmployer` checks against. */
export async function managedEmployerIdsOf(db: Database, actor: Actor): Promise<string[]> {
  if (actor.role !== 'manager') return [];
  return (await listManagedEmployers(db, actor.id)).map((employer) => employer.id);
}

/** The employers whose learners `actor` may see (the report filters' choices), by name. */
export async function listScopedEmployers(db: Database, actor: Actor): Promise<ManagedEmployer[]> {
  return db.orm
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(and(isNull(organisation.mergedInto), learnerScope(actor, organisation.id)))
    .orderBy(asc(organisation.nameKey));
}

/**
 * The employer `employerId` when `actor` may work in its workspace (an admin, or a manager of
 * it), else null: the caller answers 404, so other employers' ids reveal nothing.
 */
export async function findWorkspaceEmployer(
  db: Database,
  actor: Actor,
  employerId: string,
): Promise<ManagedEmployer | null> {
  if (actor.role !== 'admin' && actor.role !== 'manager') return null;
  const [row] = await db.orm
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(and(eq(organisation.id, employerId), isNull(organisation.mergedInto)));
  if (!row) return null;
  const managed =
    actor.role === 'manager'
      ? (
          await db.orm
            .select({ id: managerEmployer.organisationId })
            .from(managerEmployer)
            .where(and(eq(managerEmployer.userId, actor.id), eq(managerEmployer.organisationId, row.id)))
        ).map((entry) => entry.id)
      : [];
  return managesEmployer(actor, row.id, managed) ? row : null;
}
