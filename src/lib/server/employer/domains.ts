/**
 * Email domains an admin verified as an employer's own. A learner without an employer who proves
 * an address at such a domain (the verification link of src/lib/server/mail/verification.ts)
 * joins that employer at that moment.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { employerDomain, organisation, user } from '#db/schema.ts';
import { emailDomain, normaliseDomain, type DomainProblem } from '#src/lib/employer/domain.ts';
import { isAdmin, type Actor } from '#src/lib/roles.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';

/** An employer's verified domains, A to Z. */
export async function listEmployerDomains(db: Database, employerId: string): Promise<string[]> {
  const rows = await db.orm
    .select({ domain: employerDomain.domain })
    .from(employerDomain)
    .where(eq(employerDomain.organisationId, employerId))
    .orderBy(asc(employerDomain.domain));
  return rows.map((row) => row.domain);
}

export type AddDomainResult =
  | { ok: true; domain: string }
  | { ok: false; reason: 'forbidden' | 'not-found' }
  | { ok: false; reason: 'invalid'; problem: DomainProblem }
  | { ok: false; reason: 'taken'; other: { id: string; name: string } }
  | { ok: false; reason: 'unchanged'; domain: string };

/** An admin verifies `typed` as the employer's domain. A domain belongs to one employer at most. */
export async function addEmployerDomain(
  db: Database,
  actor: Actor,
  input: { employerId: string; domain: string },
  now: number,
): Promise<AddDomainResult> {
  if (!isAdmin(actor)) return { ok: false, reason: 'forbidden' };
  const normalised = normaliseDomain(input.domain);
  if ('problem' in normalised) return { ok: false, reason: 'invalid', problem: normalised.problem };
  const { domain } = normalised;
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<AddDomainResult> => {
      const [employer] = await tx
        .select({ id: organisation.id })
        .from(organisation)
        .where(and(eq(organisation.id, input.employerId), isNull(organisation.mergedInto)));
      if (!employer) return { ok: false, reason: 'not-found' };
      const [existing] = await tx
        .select({ id: organisation.id, name: organisation.name })
        .from(employerDomain)
        .innerJoin(organisation, eq(organisation.id, employerDomain.organisationId))
        .where(eq(employerDomain.domain, domain));
      if (existing?.id === employer.id) return { ok: false, reason: 'unchanged', domain };
      if (existing) return { ok: false, reason: 'taken', other: existing };
      await tx
        .insert(employerDomain)
        .values({ domain, organisationId: employer.id, addedBy: actor.id, addedAt: new Date(now) });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'employer-domain-added',
        subjectType: 'organisation',
        subjectId: employer.id,
        data: { domain },
        at: now,
      });
      return { ok: true, domain };
    }),
  );
}

/** An admin takes a verified domain off an employer; people who joined through it stay. */
export async function removeEmployerDomain(
  db: Database,
  actor: Actor,
  input: { employerId: string; domain: string },
  now: number,
): Promise<{ ok: true } | { ok: false; reason: 'forbidden' | 'not-found' }> {
  if (!isAdmin(actor)) return { ok: false, reason: 'forbidden' };
  return db.write(async (orm) => {
    const removed = await orm
      .delete(employerDomain)
      .where(
        and(eq(employerDomain.organisationId, input.employerId), eq(employerDomain.domain, input.domain)),
      )
      .returning({ domain: employerDomain.domain });
    if (removed.length === 0) return { ok: false, reason: 'not-found' } as const;
    await recordAudit(orm, {
      actorId: actor.id,
      action: 'employer-domain-removed',
      subjectType: 'organisation',
      subjectId: input.employerId,
      data: { domain: input.domain },
      at: now,
    });
    return { ok: true } as const;
  });
}

/**
 * Call in the transaction that marks `email` verified for `userId`: a learner without an employer
 * whose address is at a verified domain joins that employer (audited). Returns the employer
 * joined, or null when nothing changed.
 */
export async function joinEmployerByVerifiedDomain(
  tx: Pick<Orm, 'select' | 'update' | 'insert'>,
  input: { userId: string; email: string },
  now: number,
): Promise<{ id: string; name: string } | null> {
  const [employer] = await tx
    .select({ id: organisation.id, name: organisation.name })
    .from(employerDomain)
    .innerJoin(organisation, eq(organisation.id, employerDomain.organisationId))
    .where(and(eq(employerDomain.domain, emailDomain(input.email)), isNull(organisation.mergedInto)));
  if (!employer) return null;
  const joined = await tx
    .update(user)
    .set({ organisationId: employer.id })
    .where(and(eq(user.id, input.userId), eq(user.role, 'learner'), isNull(user.organisationId)))
    .returning({ id: user.id });
  if (joined.length === 0) return null;
  await recordAudit(tx, {
    actorId: input.userId,
    action: 'employer-joined',
    subjectType: 'user',
    subjectId: input.userId,
    data: { after: employer.id, employer: employer.name, via: 'domain', domain: emailDomain(input.email) },
    at: now,
  });
  return employer;
}
