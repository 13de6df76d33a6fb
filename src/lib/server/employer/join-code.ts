/**
 * Employer join codes: a manager shows the code to their staff, who type it at registration (or
 * on the join page when they already have an account) to join the employer. A code can be
 * replaced at any time; the old one then stops working.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { employerJoinCode, organisation, user } from '#db/schema.ts';
import {
  formatJoinCode,
  joinCodeFromBytes,
  JOIN_CODE_LENGTH,
  normaliseJoinCode,
} from '#src/lib/employer/join-code.ts';
import { managesEmployer, type Actor } from '#src/lib/roles.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';

type Reader = Pick<Orm, 'select'>;

/** The employer a typed join code belongs to (merged employers left out), or null. */
export async function findEmployerByJoinCode(
  orm: Reader,
  typed: string,
): Promise<{ id: string; name: string } | null> {
  const code = normaliseJoinCode(typed);
  if (!code) return null;
  const [row] = await orm
    .select({ id: organisation.id, name: organisation.name })
    .from(employerJoinCode)
    .innerJoin(organisation, eq(organisation.id, employerJoinCode.organisationId))
    .where(and(eq(employerJoinCode.code, code), isNull(organisation.mergedInto)));
  return row ?? null;
}

/** An employer's current join code as shown (`ABCD-EFGH`), or null when it has none. */
export async function getJoinCode(
  db: Database,
  employerId: string,
): Promise<{ code: string; createdAt: number } | null> {
  const [row] = await db.orm
    .select({ code: employerJoinCode.code, createdAt: employerJoinCode.createdAt })
    .from(employerJoinCode)
    .where(eq(employerJoinCode.organisationId, employerId));
  return row ? { code: formatJoinCode(row.code), createdAt: row.createdAt.getTime() } : null;
}

function drawCode(): string {
  const bytes = new Uint8Array(JOIN_CODE_LENGTH);
  crypto.getRandomValues(bytes);
  return joinCodeFromBytes(bytes);
}

export type JoinCodeResult = { ok: true; code: string } | { ok: false; reason: 'forbidden' };

/**
 * Gives an employer a new join code (its first, or a replacement: the old one stops working) or,
 * with `remove`, takes its code away. `managedEmployerIds`: the actor's employers when a manager.
 */
export async function changeJoinCode(
  db: Database,
  actor: Actor,
  input: { employerId: string; remove?: boolean },
  context: { now: number; managedEmployerIds: readonly string[] },
): Promise<JoinCodeResult> {
  if (!managesEmployer(actor, input.employerId, context.managedEmployerIds))
    return { ok: false, reason: 'forbidden' };
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<JoinCodeResult> => {
      const [current] = await tx
        .select({ code: employerJoinCode.code })
        .from(employerJoinCode)
        .where(eq(employerJoinCode.organisationId, input.employerId));
      if (input.remove) {
        if (current) {
          await tx.delete(employerJoinCode).where(eq(employerJoinCode.organisationId, input.employerId));
          await recordAudit(tx, {
            actorId: actor.id,
            action: 'join-code-removed',
            subjectType: 'organisation',
            subjectId: input.employerId,
            at: context.now,
          });
        }
        return { ok: true, code: '' };
      }
      // 31^8 codes: a clash is all but impossible, but the unique index would turn one into an error.
      let code = drawCode();
      for (let tries = 0; tries < 5; tries++) {
        const [taken] = await tx
          .select({ id: employerJoinCode.organisationId })
          .from(employerJoinCode)
          .where(eq(employerJoinCode.code, code));
        if (!taken) break;
        code = drawCode();
      }
      const values = { code, createdBy: actor.id, createdAt: new Date(context.now) };
      await tx
        .insert(employerJoinCode)
        .values({ organisationId: input.employerId, ...values })
        .onConflictDoUpdate({ target: employerJoinCode.organisationId, set: values });
      await recordAudit(tx, {
        actorId: actor.id,
        action: current ? 'join-code-replaced' : 'join-code-created',
        subjectType: 'organisation',
        subjectId: input.employerId,
        at: context.now,
      });
      return { ok: true, code: formatJoinCode(code) };
    }),
  );
}

export type JoinWithCodeResult =
  | { ok: true; employer: { id: string; name: string } }
  | { ok: false; reason: 'required' | 'unknown' | 'has-employer' | 'not-learner' };

/**
 * A signed-in learner without an employer joins one with its join code (audited). A learner who
 * already has an employer cannot switch this way: an admin moves them.
 */
export async function joinEmployerWithCode(
  db: Database,
  userId: string,
  typed: string,
  now: number,
): Promise<JoinWithCodeResult> {
  if (typed.trim() === '') return { ok: false, reason: 'required' };
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<JoinWithCodeResult> => {
      const [person] = await tx
        .select({ role: user.role, organisationId: user.organisationId })
        .from(user)
        .where(eq(user.id, userId));
      if (!person || person.role !== 'learner') return { ok: false, reason: 'not-learner' };
      if (person.organisationId) return { ok: false, reason: 'has-employer' };
      const employer = await findEmployerByJoinCode(tx, typed);
      if (!employer) return { ok: false, reason: 'unknown' };
      await tx.update(user).set({ organisationId: employer.id }).where(eq(user.id, userId));
      await recordAudit(tx, {
        actorId: userId,
        action: 'employer-joined',
        subjectType: 'user',
        subjectId: userId,
        data: { after: employer.id, employer: employer.name, via: 'join-code' },
        at: now,
      });
      return { ok: true, employer };
    }),
  );
}
