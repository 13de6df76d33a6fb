import { and, eq, lte, or, sql } from 'drizzle-orm';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { jobLease } from '#db/schema.ts';
import type { Database } from '#src/lib/server/db.ts';

/** A name for this process in lease rows: host, pid and a random part (pids are reused). */
export function createHolderId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

export interface LeaseClaim {
  name: string;
  holder: string;
  /** How long the lease lasts unless renewed. */
  ttlMs: number;
  now: number;
}

/**
 * Takes the lease `name` when nobody holds it, its holder let it expire, or `holder` already
 * has it. One statement (an upsert whose update is conditional), so of N processes racing on
 * one database exactly one gets it — on a file and through a libSQL server alike.
 */
export async function acquireLease(db: Database, claim: LeaseClaim): Promise<boolean> {
  const rows = await db.write((orm) =>
    orm
      .insert(jobLease)
      .values({ name: claim.name, holder: claim.holder, expiresAt: new Date(claim.now + claim.ttlMs) })
      .onConflictDoUpdate({
        target: jobLease.name,
        set: { holder: claim.holder, expiresAt: new Date(claim.now + claim.ttlMs) },
        setWhere: or(
          eq(jobLease.holder, ''),
          eq(jobLease.holder, claim.holder),
          lte(jobLease.expiresAt, new Date(claim.now)),
        ),
      })
      .returning({ name: jobLease.name }),
  );
  return rows.length === 1;
}

/**
 * Takes the lease of job `name` for a run when it is free (or expired) and the job is due: its
 * last run finished at least `everyMs` ago, or it never ran (`force` skips the due check).
 * Records the start time. Returns whether this process should run the job now.
 */
export async function claimJobRun(
  db: Database,
  claim: LeaseClaim & { everyMs: number; force?: boolean },
): Promise<boolean> {
  const now = new Date(claim.now);
  const free = or(eq(jobLease.holder, ''), lte(jobLease.expiresAt, now));
  const due = claim.force
    ? undefined
    : or(
        sql`${jobLease.lastFinishedAt} IS NULL`,
        lte(jobLease.lastFinishedAt, new Date(claim.now - claim.everyMs)),
      );
  const rows = await db.write((orm) =>
    orm
      .insert(jobLease)
      .values({
        name: claim.name,
        holder: claim.holder,
        expiresAt: new Date(claim.now + claim.ttlMs),
        lastStartedAt: now,
      })
      .onConflictDoUpdate({
        target: jobLease.name,
        set: { holder: claim.holder, expiresAt: new Date(claim.now + claim.ttlMs), lastStartedAt: now },
        setWhere: due ? and(free, due) : free,
      })
      .returning({ name: jobLease.name }),
  );
  return rows.length === 1;
}

/** Extends a lease this holder still has. False when it was lost (expired and taken). */
export async function renewLease(db: Database, claim: LeaseClaim): Promise<boolean> {
  const rows = await db.write((orm) =>
    orm
      .update(jobLease)
      .set({ expiresAt: new Date(claim.now + claim.ttlMs) })
      .where(and(eq(jobLease.name, claim.name), eq(jobLease.holder, claim.holder)))
      .returning({ name: jobLease.name }),
  );
  return rows.length === 1;
}

export interface RunOutcome {
  finishedAt: number;
  /** The error message of a failed run; null when it succeeded. */
  error: string | null;
}

/**
 * Gives the lease back (if this holder still has it), recording how a run ended when
 * `outcome` is given, so the job becomes due again `everyMs` after `finishedAt`.
 */
export async function releaseLease(
  db: Database,
  lease: { name: string; holder: string },
  outcome?: RunOutcome,
): Promise<void> {
  await db.write((orm) =>
    orm
      .update(jobLease)
      .set({
        holder: '',
        expiresAt: new Date(0),
        ...(outcome ? { lastFinishedAt: new Date(outcome.finishedAt), lastError: outcome.error } : {}),
      })
      .where(and(eq(jobLease.name, lease.name), eq(jobLease.holder, lease.holder))),
  );
}

export interface LeaseState {
  name: string;
  holder: string;
  expiresAt: number;
  lastStartedAt: number | null;
  lastFinishedAt: number | null;
  lastError: string | null;
}

/** Every lease row, for `npm run jobs -- --list` and tests. */
export async function listLeases(db: Database): Promise<LeaseState[]> {
  const rows = await db.orm.select().from(jobLease).orderBy(jobLease.name);
  return rows.map((row) => ({
    name: row.name,
    holder: row.holder,
    expiresAt: row.expiresAt.getTime(),
    lastStartedAt: row.lastStartedAt?.getTime() ?? null,
    lastFinishedAt: row.lastFinishedAt?.getTime() ?? null,
    lastError: row.lastError,
  }));
}
