/** Admin changes to an employer: its name, its SOCSO code, and merging a duplicate into it. */
import { and, eq, ne, sql } from 'drizzle-orm';
import {
  employerDomain,
  employerJoinCode,
  invitation,
  managerEmployer,
  organisation,
  trainerEmployer,
  user,
} from '#db/schema.ts';
import {
  checkOrganisationName,
  cleanText,
  organisationNameKey,
  type OrganisationNameProblem,
} from '#src/lib/account/rules.ts';
import { isAdmin, type Actor } from '#src/lib/roles.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';

export type RenameEmployerResult =
  | { ok: true; before: string; after: string }
  | { ok: false; reason: 'forbidden' | 'not-found' | 'merged' | 'unchanged' }
  | { ok: false; reason: 'invalid'; problem: OrganisationNameProblem }
  | { ok: false; reason: 'taken'; other: { id: string; name: string } };

/** Renames an employer. Names are unique by their key (case and spacing ignored): a clash points at merging instead. */
export async function renameEmployer(
  db: Database,
  actor: Actor,
  input: { employerId: string; name: string },
  now: number,
): Promise<RenameEmployerResult> {
  if (!isAdmin(actor)) return { ok: false, reason: 'forbidden' };
  const problem = checkOrganisationName(input.name);
  if (problem) return { ok: false, reason: 'invalid', problem };
  const name = cleanText(input.name);
  const nameKey = organisationNameKey(name);
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<RenameEmployerResult> => {
      const [current] = await tx
        .select({ id: organisation.id, name: organisation.name, mergedInto: organisation.mergedInto })
        .from(organisation)
        .where(eq(organisation.id, input.employerId));
      if (!current) return { ok: false, reason: 'not-found' };
      if (current.mergedInto) return { ok: false, reason: 'merged' };
      if (current.name === name) return { ok: false, reason: 'unchanged' };
      const [clash] = await tx
        .select({ id: organisation.id, name: organisation.name, mergedInto: organisation.mergedInto })
        .from(organisation)
        .where(and(eq(organisation.nameKey, nameKey), ne(organisation.id, current.id)));
      if (clash)
        return { ok: false, reason: 'taken', other: { id: clash.mergedInto ?? clash.id, name: clash.name } };
      await tx.update(organisation).set({ name, nameKey }).where(eq(organisation.id, current.id));
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'employer-renamed',
        subjectType: 'organisation',
        subjectId: current.id,
        data: { before: current.name, after: name },
        at: now,
      });
      return { ok: true, before: current.name, after: name };
    }),
  );
}

export type SocsoCodeProblem = 'invalid';

/**
 * A SOCSO (PERKESO) employer code as typed: upper-cased, spaces collapsed; null for an empty
 * field (which clears the code). Letters, digits, spaces, hyphens and slashes, 4 to 20 of them.
 */
export function normaliseSocsoCode(value: string): { code: string | null } | { problem: SocsoCodeProblem } {
  const code = value.normalize('NFKC').replace(/\s+/gu, ' ').trim().toUpperCase();
  if (code === '') return { code: null };
  if (!/^[A-Z0-9][A-Z0-9 /-]{2,18}[A-Z0-9]$/u.test(code)) return { problem: 'invalid' };
  return { code };
}

export type SocsoCodeResult =
  | { ok: true; before: string | null; after: string | null }
  | { ok: false; reason: 'forbidden' | 'not-found' | 'merged' | 'unchanged' | SocsoCodeProblem };

/** Sets or clears an employer's SOCSO employer code. */
export async function setEmployerSocsoCode(
  db: Database,
  actor: Actor,
  input: { employerId: string; code: string },
  now: number,
): Promise<SocsoCodeResult> {
  if (!isAdmin(actor)) return { ok: false, reason: 'forbidden' };
  const normalised = normaliseSocsoCode(input.code);
  if ('problem' in normalised) return { ok: false, reason: normalised.problem };
  const code = normalised.code;
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<SocsoCodeResult> => {
      const [current] = await tx
        .select({
          id: organisation.id,
          socsoCode: organisation.socsoCode,
          mergedInto: organisation.mergedInto,
        })
        .from(organisation)
        .where(eq(organisation.id, input.employerId));
      if (!current) return { ok: false, reason: 'not-found' };
      if (current.mergedInto) return { ok: false, reason: 'merged' };
      if (current.socsoCode === code) return { ok: false, reason: 'unchanged' };
      await tx.update(organisation).set({ socsoCode: code }).where(eq(organisation.id, current.id));
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'employer-code-changed',
        subjectType: 'organisation',
        subjectId: current.id,
        data: { before: current.socsoCode, after: code },
        at: now,
      });
      return { ok: true, before: current.socsoCode, after: code };
    }),
  );
}

/**
 * What belongs to a merged employer goes with its people: its managers and trainers, verified
 * domains and pending invitations move to the target; its join code stops working (the target
 * keeps its own).
 */
async function moveEmployerLinks(
  tx: Pick<Orm, 'run' | 'update' | 'delete'>,
  sourceId: string,
  targetId: string,
): Promise<void> {
  for (const table of [managerEmployer, trainerEmployer]) {
    await tx.run(sql`INSERT OR IGNORE INTO ${table} (user_id, organisation_id, assigned_by, assigned_at)
      SELECT user_id, ${targetId}, assigned_by, assigned_at FROM ${table} WHERE organisation_id = ${sourceId}`);
    await tx.delete(table).where(eq(table.organisationId, sourceId));
  }
  await tx
    .update(employerDomain)
    .set({ organisationId: targetId })
    .where(eq(employerDomain.organisationId, sourceId));
  await tx
    .update(invitation)
    .set({ organisationId: targetId })
    .where(eq(invitation.organisationId, sourceId));
  await tx.delete(employerJoinCode).where(eq(employerJoinCode.organisationId, sourceId));
}

export type MergeEmployersResult =
  | { ok: true; moved: number; source: { id: string; name: string }; target: { id: string; name: string } }
  | { ok: false; reason: 'forbidden' | 'not-found' | 'same' | 'merged' };

/**
 * Merges a duplicate employer (`sourceId`) into `targetId`: its learners (and its managers,
 * trainers, domains and invitations) move to the target, it
 * is marked merged (kept, so that the audit trail and old links still resolve, but hidden from
 * lists and registration, where its name now finds the target), employers merged into it earlier
 * now point at the target, and the target takes its SOCSO code when it has none. One transaction;
 * the audit entries list the moved users.
 */
export async function mergeEmployers(
  db: Database,
  actor: Actor,
  input: { sourceId: string; targetId: string },
  now: number,
): Promise<MergeEmployersResult> {
  if (!isAdmin(actor)) return { ok: false, reason: 'forbidden' };
  if (input.sourceId === input.targetId) return { ok: false, reason: 'same' };
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<MergeEmployersResult> => {
      const columns = {
        id: organisation.id,
        name: organisation.name,
        socsoCode: organisation.socsoCode,
        mergedInto: organisation.mergedInto,
      };
      const [source] = await tx.select(columns).from(organisation).where(eq(organisation.id, input.sourceId));
      const [target] = await tx.select(columns).from(organisation).where(eq(organisation.id, input.targetId));
      if (!source || !target) return { ok: false, reason: 'not-found' };
      if (source.mergedInto || target.mergedInto) return { ok: false, reason: 'merged' };
      const moved = await tx
        .update(user)
        .set({ organisationId: target.id })
        .where(eq(user.organisationId, source.id))
        .returning({ id: user.id });
      await tx.update(organisation).set({ mergedInto: target.id }).where(eq(organisation.id, source.id));
      await moveEmployerLinks(tx, source.id, target.id);
      await tx
        .update(organisation)
        .set({ mergedInto: target.id })
        .where(eq(organisation.mergedInto, source.id));
      const takesCode = !target.socsoCode && source.socsoCode ? source.socsoCode : null;
      if (takesCode)
        await tx.update(organisation).set({ socsoCode: takesCode }).where(eq(organisation.id, target.id));
      const userIds = moved.map((row) => row.id);
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'employer-merged',
        subjectType: 'organisation',
        subjectId: source.id,
        data: {
          before: { name: source.name, mergedInto: null },
          after: { mergedInto: target.id },
          target: { id: target.id, name: target.name },
          usersMoved: userIds.length,
          userIds,
        },
        at: now,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'employer-absorbed',
        subjectType: 'organisation',
        subjectId: target.id,
        data: {
          source: { id: source.id, name: source.name },
          usersMoved: userIds.length,
          ...(takesCode ? { before: { socsoCode: null }, after: { socsoCode: takesCode } } : {}),
        },
        at: now,
      });
      return {
        ok: true,
        moved: userIds.length,
        source: { id: source.id, name: source.name },
        target: { id: target.id, name: target.name },
      };
    }),
  );
}
