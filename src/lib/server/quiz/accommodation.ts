/**
 * Per-learner time accommodation for timed quizzes: standard time, a multiplier, or no limit.
 * Set by a trainer or admin; applies to every attempt the learner starts afterwards.
 */
import { asc, eq, isNotNull } from 'drizzle-orm';
import { user } from '#db/schema.ts';
import type { Role } from '#src/lib/roles.ts';
import { normaliseEmail } from '#src/lib/account/rules.ts';
import type { TimeMultiplier } from '#src/lib/quiz/rules.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';

/** The user's time multiplier: null = standard time, 0 = no limit, otherwise a multiplier. */
export async function getTimeMultiplier(orm: Orm, userId: string): Promise<number | null> {
  const [row] = await orm
    .select({ timeMultiplier: user.timeMultiplier })
    .from(user)
    .where(eq(user.id, userId));
  return row?.timeMultiplier ?? null;
}

export interface AccommodationHolder {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  timeMultiplier: number | null;
}

const holderColumns = {
  id: user.id,
  email: user.email,
  fullName: user.fullName,
  role: user.role,
  timeMultiplier: user.timeMultiplier,
};

/** The account with this email address, for the accommodation form. */
export async function findAccountByEmail(db: Database, email: string): Promise<AccommodationHolder | null> {
  const [row] = await db.orm
    .select(holderColumns)
    .from(user)
    .where(eq(user.email, normaliseEmail(email)));
  return row ?? null;
}

/** Every account with an accommodation set, by name. */
export async function listAccommodations(db: Database): Promise<AccommodationHolder[]> {
  return db.orm
    .select(holderColumns)
    .from(user)
    .where(isNotNull(user.timeMultiplier))
    .orderBy(asc(user.fullName));
}

export type SetAccommodationResult =
  | { ok: true; changed: boolean; holder: AccommodationHolder }
  | { ok: false; reason: 'not-found' | 'forbidden' };

/**
 * Sets a user's time accommodation (trainers and admins only) and writes the change to the
 * audit log with who made it, before and after.
 */
export async function setTimeMultiplier(
  db: Database,
  actor: { id: string; role: Role },
  userId: string,
  multiplier: TimeMultiplier,
  now: number,
): Promise<SetAccommodationResult> {
  if (actor.role !== 'trainer' && actor.role !== 'admin') return { ok: false, reason: 'forbidden' };
  return db.write(async (orm) => {
    const [holder] = await orm.select(holderColumns).from(user).where(eq(user.id, userId));
    if (!holder) return { ok: false, reason: 'not-found' } as const;
    if (holder.timeMultiplier === multiplier) return { ok: true, changed: false, holder } as const;
    await orm.update(user).set({ timeMultiplier: multiplier }).where(eq(user.id, userId));
    await recordAudit(orm, {
      actorId: actor.id,
      action: 'time-accommodation-changed',
      subjectType: 'user',
      subjectId: userId,
      data: { before: holder.timeMultiplier, after: multiplier, email: holder.email },
      at: now,
    });
    return { ok: true, changed: true, holder: { ...holder, timeMultiplier: multiplier } } as const;
  });
}
