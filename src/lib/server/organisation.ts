import { asc, eq, isNull } from 'drizzle-orm';
import { organisation } from '#db/schema.ts';
import { cleanText, organisationNameKey } from '#src/lib/account/rules.ts';
import type { Database, Orm } from './db.ts';
import { newId } from './ids.ts';

export interface OrganisationSummary {
  id: string;
  name: string;
}

/** Employers a learner can register under (merged ones hidden), by name. */
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
