/**
 * Which employers' learners a trainer sees, as admins set it: every employer (the default), or
 * only the employers they are assigned to. `learnerScope` (access.ts) applies it.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { organisation, trainerEmployer, trainerScope, user } from '#db/schema.ts';
import { isAdmin, type Actor } from '#src/lib/roles.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';

export interface TrainerScope {
  /** True: every employer's learners (and independent learners). */
  allEmployers: boolean;
  /** The employers assigned (kept while `allEmployers`, used again when limited). */
  employers: { id: string; name: string }[];
}

type Reader = Pick<Orm, 'select'>;

async function readScope(orm: Reader, trainerId: string): Promise<TrainerScope> {
  const [row] = await orm
    .select({ allEmployers: trainerScope.allEmployers })
    .from(trainerScope)
    .where(eq(trainerScope.userId, trainerId));
  const employers = await orm
    .select({ id: organisation.id, name: organisation.name })
    .from(trainerEmployer)
    .innerJoin(organisation, eq(organisation.id, trainerEmployer.organisationId))
    .where(and(eq(trainerEmployer.userId, trainerId), isNull(organisation.mergedInto)))
    .orderBy(asc(organisation.nameKey));
  return { allEmployers: row?.allEmployers ?? true, employers };
}

/** A trainer's employer scope. */
export async function getTrainerScope(db: Database, trainerId: string): Promise<TrainerScope> {
  return readScope(db.orm, trainerId);
}

export type TrainerScopeResult =
  | { ok: true; scope: TrainerScope }
  | { ok: false; reason: 'forbidden' | 'not-found' | 'not-trainer' | 'unknown-employer' };

/**
 * An admin sets a trainer's scope: every employer, or only `employerIds` (replacing the list).
 * Audited with the before and after.
 */
export async function setTrainerScope(
  db: Database,
  actor: Actor,
  input: { trainerId: string; allEmployers: boolean; employerIds: readonly string[] },
  now: number,
): Promise<TrainerScopeResult> {
  if (!isAdmin(actor)) return { ok: false, reason: 'forbidden' };
  const wanted = [...new Set(input.employerIds)].slice(0, 1000);
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<TrainerScopeResult> => {
      const [trainer] = await tx
        .select({ role: user.role, email: user.email })
        .from(user)
        .where(eq(user.id, input.trainerId));
      if (!trainer) return { ok: false, reason: 'not-found' };
      if (trainer.role !== 'trainer') return { ok: false, reason: 'not-trainer' };
      const found =
        wanted.length === 0
          ? []
          : await tx
              .select({ id: organisation.id })
              .from(organisation)
              .where(and(inArray(organisation.id, wanted), isNull(organisation.mergedInto)));
      if (found.length !== wanted.length) return { ok: false, reason: 'unknown-employer' };
      const before = await readScope(tx, input.trainerId);
      await tx
        .insert(trainerScope)
        .values({
          userId: input.trainerId,
          allEmployers: input.allEmployers,
          setBy: actor.id,
          setAt: new Date(now),
        })
        .onConflictDoUpdate({
          target: trainerScope.userId,
          set: { allEmployers: input.allEmployers, setBy: actor.id, setAt: new Date(now) },
        });
      await tx.delete(trainerEmployer).where(eq(trainerEmployer.userId, input.trainerId));
      if (wanted.length > 0) {
        await tx.insert(trainerEmployer).values(
          wanted.map((organisationId) => ({
            userId: input.trainerId,
            organisationId,
            assignedBy: actor.id,
            assignedAt: new Date(now),
          })),
        );
      }
      const after = await readScope(tx, input.trainerId);
      const describe = (scope: TrainerScope) =>
        scope.allEmployers ? 'all' : scope.employers.map((employer) => employer.name);
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'trainer-scope-changed',
        subjectType: 'user',
        subjectId: input.trainerId,
        data: { email: trainer.email, before: describe(before), after: describe(after) },
        at: now,
      });
      return { ok: true, scope: after };
    }),
  );
}

export interface EmployerTrainer {
  id: string;
  fullName: string;
  email: string;
}

/** Trainers limited to their employers who have this one, by name; and how many see every employer. */
export async function listEmployerTrainers(
  db: Database,
  employerId: string,
): Promise<{ assigned: EmployerTrainer[]; seeingAll: number }> {
  const assigned = await db.orm
    .select({ id: user.id, fullName: user.fullName, email: user.email })
    .from(trainerEmployer)
    .innerJoin(user, eq(user.id, trainerEmployer.userId))
    .innerJoin(trainerScope, eq(trainerScope.userId, user.id))
    .where(
      and(
        eq(trainerEmployer.organisationId, employerId),
        eq(user.role, 'trainer'),
        eq(trainerScope.allEmployers, false),
      ),
    )
    .orderBy(sql`lower(${user.fullName})`);
  const [all] = await db.orm.all<{ n: number }>(sql`
    SELECT count(*) AS n FROM ${user} u
    WHERE u.role = 'trainer' AND u.status = 'active'
      AND NOT EXISTS (SELECT 1 FROM ${trainerScope} s WHERE s.user_id = u.id AND s.all_employers = 0)`);
  return { assigned, seeingAll: Number(all?.n ?? 0) };
}

/** Active trainers by name, for the admin's choice. */
export async function listTrainers(db: Database): Promise<EmployerTrainer[]> {
  return db.orm
    .select({ id: user.id, fullName: user.fullName, email: user.email })
    .from(user)
    .where(and(eq(user.role, 'trainer'), eq(user.status, 'active')))
    .orderBy(sql`lower(${user.fullName})`)
    .limit(500);
}

/**
 * An admin adds (`assign`) or takes away one employer of a trainer. Adding limits a trainer who
 * saw every employer to their assigned ones; taking the last one away leaves them limited to none.
 */
export async function changeTrainerEmployer(
  db: Database,
  actor: Actor,
  input: { trainerId: string; employerId: string; assign: boolean },
  now: number,
): Promise<TrainerScopeResult | { ok: false; reason: 'unchanged' }> {
  const current = await getTrainerScope(db, input.trainerId);
  const ids = current.employers.map((employer) => employer.id);
  const has = ids.includes(input.employerId);
  if (input.assign ? has && !current.allEmployers : !has) return { ok: false, reason: 'unchanged' };
  const employerIds = input.assign
    ? [...ids.filter((id) => id !== input.employerId), input.employerId]
    : ids.filter((id) => id !== input.employerId);
  return setTrainerScope(
    db,
    actor,
    { trainerId: input.trainerId, allEmployers: input.assign ? false : current.allEmployers, employerIds },
    now,
  );
}
