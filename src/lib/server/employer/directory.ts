/** Employers by name: lookups, and the one way an employer is made (by an admin). */
import { asc, eq, isNull } from 'drizzle-orm';
import { organisation } from '#db/schema.ts';
import {
  checkOrganisationName,
  cleanText,
  organisationNameKey,
  type OrganisationNameProblem,
} from '#src/lib/account/rules.ts';
import { isAdmin, type Actor } from '#src/lib/roles.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import { newId } from '#src/lib/server/ids.ts';

export interface OrganisationSummary {
  id: string;
  name: string;
}

/** Every employer (merged ones hidden), by name: the admin's filters and choices. */
export async function listOrganisations(db: Database): Promise<OrganisationSummary[]> {
  return db.orm
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(isNull(organisation.mergedInto))
    .orderBy(asc(organisation.nameKey));
}

export async function getOrganisation(db: Database, id: string): Promise<OrganisationSummary | null> {
  const [row] = await db.orm
    .select({ id: organisation.id, name: organisation.name, mergedInto: organisation.mergedInto })
    .from(organisation)
    .where(eq(organisation.id, id));
  if (!row || row.mergedInto) return null;
  return { id: row.id, name: row.name };
}

/** Returns the employer with this name (any spelling of case and spaces), creating it if new. Call inside a write. */
export async function findOrCreateOrganisation(orm: Orm, name: string): Promise<OrganisationSummary> {
  const nameKey = organisationNameKey(name);
  const [existing] = await orm
    .select({ id: organisation.id, name: organisation.name, mergedInto: organisation.mergedInto })
    .from(organisation)
    .where(eq(organisation.nameKey, nameKey));
  if (existing) {
    if (existing.mergedInto) {
      const [target] = await orm
        .select({ id: organisation.id, name: organisation.name })
        .from(organisation)
        .where(eq(organisation.id, existing.mergedInto));
      if (target) return target;
    }
    return { id: existing.id, name: existing.name };
  }
  const created = { id: newId(), name: cleanText(name), nameKey };
  await orm.insert(organisation).values(created);
  return { id: created.id, name: created.name };
}

export type CreateEmployerResult =
  | { ok: true; employer: OrganisationSummary }
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'invalid'; problem: OrganisationNameProblem }
  | { ok: false; reason: 'taken'; other: OrganisationSummary };

/**
 * An admin adds an employer. Names are unique by their key (case, spacing and the "Sdn. Bhd."
 * spellings ignored): a name that matches an existing employer (or one merged into it) is refused
 * with that employer, so the admin opens it instead of making a duplicate.
 */
export async function createEmployer(
  db: Database,
  actor: Actor,
  input: { name: string },
  now: number,
): Promise<CreateEmployerResult> {
  if (!isAdmin(actor)) return { ok: false, reason: 'forbidden' };
  const problem = checkOrganisationName(input.name);
  if (problem) return { ok: false, reason: 'invalid', problem };
  const name = cleanText(input.name);
  const nameKey = organisationNameKey(name);
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<CreateEmployerResult> => {
      const [existing] = await tx
        .select({ id: organisation.id, name: organisation.name, mergedInto: organisation.mergedInto })
        .from(organisation)
        .where(eq(organisation.nameKey, nameKey));
      if (existing) {
        const [target] = existing.mergedInto
          ? await tx
              .select({ id: organisation.id, name: organisation.name })
              .from(organisation)
              .where(eq(organisation.id, existing.mergedInto))
          : [];
        return { ok: false, reason: 'taken', other: target ?? { id: existing.id, name: existing.name } };
      }
      const id = newId();
      await tx.insert(organisation).values({ id, name, nameKey, createdAt: new Date(now) });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'employer-created',
        subjectType: 'organisation',
        subjectId: id,
        data: { after: name },
        at: now,
      });
      return { ok: true, employer: { id, name } };
    }),
  );
}
