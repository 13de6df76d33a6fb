import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { enrolment, user } from '#db/schema.ts';
import type { Role } from '#src/lib/roles.ts';
import { checkEmail, normaliseEmail } from '#src/lib/account/rules.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import { isStaff } from '#src/lib/roles.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import { newId } from '#src/lib/server/ids.ts';
import { refreshProgressPercentsOf } from './progress-percent.ts';

export interface EnrolmentRecord {
  id: string;
  userId: string;
  courseId: string;
  status: 'active' | 'withdrawn';
  enrolledAt: number;
  enrolledBy: string | null;
  withdrawnAt: number | null;
  completedAt: number | null;
}

const columns = {
  id: enrolment.id,
  userId: enrolment.userId,
  courseId: enrolment.courseId,
  status: enrolment.status,
  enrolledAt: enrolment.enrolledAt,
  enrolledBy: enrolment.enrolledBy,
  withdrawnAt: enrolment.withdrawnAt,
  completedAt: enrolment.completedAt,
};

function toRecord(row: {
  id: string;
  userId: string;
  courseId: string;
  status: 'active' | 'withdrawn';
  enrolledAt: Date;
  enrolledBy: string | null;
  withdrawnAt: Date | null;
  completedAt: Date | null;
}): EnrolmentRecord {
  return {
    ...row,
    enrolledAt: row.enrolledAt.getTime(),
    withdrawnAt: row.withdrawnAt?.getTime() ?? null,
    completedAt: row.completedAt?.getTime() ?? null,
  };
}

export async function getEnrolment(
  orm: Pick<Orm, 'select'>,
  userId: string,
  courseId: string,
): Promise<EnrolmentRecord | null> {
  const [row] = await orm
    .select(columns)
    .from(enrolment)
    .where(and(eq(enrolment.userId, userId), eq(enrolment.courseId, courseId)));
  return row ? toRecord(row) : null;
}

export type EnrolOutcome = 'enrolled' | 'restored' | 'already-enrolled';

/**
 * Makes an enrolment active: creates it, or restores a withdrawn one (its progress was never
 * deleted, so it comes back as it was). Runs inside a write. A new enrolment gets its kept %
 * complete at once, whoever made it (the learner, a manager, an admin, an accepted invitation):
 * it starts from what the learner already did, since modules can be shared by courses.
 */
export async function activateEnrolment(
  orm: Orm,
  catalogue: Pick<Catalogue, 'published' | 'aliases'>,
  userId: string,
  courseId: string,
  enrolledBy: string | null,
  now: number,
): Promise<{ outcome: EnrolOutcome; enrolmentId: string }> {
  const existing = await getEnrolment(orm, userId, courseId);
  if (existing?.status === 'active') return { outcome: 'already-enrolled', enrolmentId: existing.id };
  if (existing) {
    await orm
      .update(enrolment)
      .set({ status: 'active', withdrawnAt: null })
      .where(eq(enrolment.id, existing.id));
    return { outcome: 'restored', enrolmentId: existing.id };
  }
  const id = newId();
  await orm
    .insert(enrolment)
    .values({ id, userId, courseId, status: 'active', enrolledAt: new Date(now), enrolledBy });
  await refreshProgressPercentsOf(orm, catalogue, userId);
  return { outcome: 'enrolled', enrolmentId: id };
}

export type SelfEnrolResult = { ok: true; outcome: EnrolOutcome } | { ok: false; reason: 'not-found' };

/** A learner enrols themself. Draft courses exist only for trainers and admins. */
export async function enrolSelf(
  db: Database,
  catalogue: Catalogue,
  actor: { id: string; role: Role },
  courseId: string,
  now: number,
): Promise<SelfEnrolResult> {
  const view = isStaff(actor.role) ? catalogue.preview : catalogue.published;
  if (!view.course(courseId)) return { ok: false, reason: 'not-found' };
  const { outcome } = await db.write((database) =>
    database.transaction(async (orm) => {
      return activateEnrolment(orm, catalogue, actor.id, courseId, null, now);
    }),
  );
  return { ok: true, outcome };
}

export type WithdrawResult = { ok: true } | { ok: false; reason: 'not-enrolled' };

/** A learner leaves a course. Their progress stays, so enrolling again restores it. */
export async function withdrawSelf(
  db: Database,
  userId: string,
  courseId: string,
  now: number,
): Promise<WithdrawResult> {
  return db.write(async (orm) => {
    const existing = await getEnrolment(orm, userId, courseId);
    if (existing?.status !== 'active') return { ok: false, reason: 'not-enrolled' } as const;
    await orm
      .update(enrolment)
      .set({ status: 'withdrawn', withdrawnAt: new Date(now) })
      .where(eq(enrolment.id, existing.id));
    return { ok: true } as const;
  });
}

/** The most addresses one paste may hold; more is almost certainly the wrong file. */
export const MAX_BULK_EMAILS = 2000;

/**
 * Email addresses from pasted text: one per line or separated by commas, semicolons, tabs or
 * spaces, so a column copied from a spreadsheet works, names and all (words without an @ are
 * skipped; `Name <address>` is understood). Lower-cased, duplicates removed, in first-seen order.
 * Words with an @ that are not valid addresses come back in `invalid`.
 */
export function parseEmailList(text: string): { emails: string[]; invalid: string[] } {
  const emails: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  const withoutNames = text.replace(/[^\n,;<>]*<([^<>\s]+)>/g, ' $1 ');
  for (const token of withoutNames.split(/[\s,;]+/)) {
    const candidate = token.replace(/^["'(<]+|[")>'.]+$/g, '');
    if (!candidate.includes('@')) continue;
    const email = normaliseEmail(candidate);
    if (seen.has(email)) continue;
    seen.add(email);
    if (checkEmail(email) === null) emails.push(email);
    else invalid.push(candidate.slice(0, 120));
  }
  return { emails, invalid };
}

export interface BulkEnrolReport {
  enrolled: { email: string; fullName: string; restored: boolean }[];
  alreadyEnrolled: { email: string; fullName: string }[];
  /** Addresses of nobody registered, and text that is not an address. */
  matchedNobody: string[];
}

export type BulkEnrolResult =
  | { ok: true; report: BulkEnrolReport }
  | { ok: false; reason: 'course-not-found' | 'no-emails' | 'too-many' };

/**
 * A trainer or admin enrols learners by email: one, or many pasted at once. Each new or restored
 * enrolment is written to the audit log with who did it.
 */
export async function enrolByEmails(
  db: Database,
  catalogue: Catalogue,
  actor: { id: string; role: Role },
  courseId: string,
  pasted: string,
  now: number,
  /** Whose accounts the actor may enrol (learnerScope); an address outside it matches nobody. */
  scope?: SQL,
): Promise<BulkEnrolResult> {
  if (!isStaff(actor.role)) return { ok: false, reason: 'course-not-found' };
  if (!catalogue.preview.course(courseId)) return { ok: false, reason: 'course-not-found' };
  const { emails, invalid } = parseEmailList(pasted);
  if (emails.length + invalid.length === 0) return { ok: false, reason: 'no-emails' };
  if (emails.length + invalid.length > MAX_BULK_EMAILS) return { ok: false, reason: 'too-many' };

  const found = new Map<string, { id: string; fullName: string }>();
  for (let start = 0; start < emails.length; start += 500) {
    const chunk = emails.slice(start, start + 500);
    const rows = await db.orm
      .select({ id: user.id, email: user.email, fullName: user.fullName })
      .from(user)
      .where(and(inArray(user.email, chunk), scope));
    for (const row of rows) found.set(row.email, { id: row.id, fullName: row.fullName });
  }

  const report: BulkEnrolReport = { enrolled: [], alreadyEnrolled: [], matchedNobody: [] };
  await db.write(async (orm) => {
    for (const email of emails) {
      const person = found.get(email);
      if (!person) {
        report.matchedNobody.push(email);
        continue;
      }
      const { outcome, enrolmentId } = await activateEnrolment(
        orm,
        catalogue,
        person.id,
        courseId,
        actor.id,
        now,
      );
      if (outcome === 'already-enrolled') {
        report.alreadyEnrolled.push({ email, fullName: person.fullName });
        continue;
      }
      report.enrolled.push({ email, fullName: person.fullName, restored: outcome === 'restored' });
      await recordAudit(orm, {
        actorId: actor.id,
        action: outcome === 'restored' ? 'enrolment-restored' : 'enrolment-created',
        subjectType: 'enrolment',
        subjectId: enrolmentId,
        data: { userId: person.id, email, courseId, after: 'active' },
        at: now,
      });
    }
  });
  report.matchedNobody.push(...invalid);
  return { ok: true, report };
}

/** Active and withdrawn enrolment counts per course, for the staff page. */
export async function countEnrolmentsByCourse(
  db: Database,
  /** Whose enrolments count (learnerScope); all when absent. */
  scope?: SQL,
): Promise<Map<string, { active: number; withdrawn: number; completed: number }>> {
  const rows = await db.orm
    .select({
      courseId: enrolment.courseId,
      status: enrolment.status,
      count: sql<number>`count(*)`,
      completed: sql<number>`count(${enrolment.completedAt})`,
    })
    .from(enrolment)
    .innerJoin(user, eq(user.id, enrolment.userId))
    .where(scope)
    .groupBy(enrolment.courseId, enrolment.status);
  const counts = new Map<string, { active: number; withdrawn: number; completed: number }>();
  for (const row of rows) {
    const entry = counts.get(row.courseId) ?? { active: 0, withdrawn: 0, completed: 0 };
    entry[row.status] += Number(row.count);
    entry.completed += Number(row.completed);
    counts.set(row.courseId, entry);
  }
  return counts;
}
