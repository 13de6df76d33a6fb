/** Employers as admins manage them: statistics, rename, SOCSO code and merging duplicates. */
import { and, asc, count, eq, ne, sql, type SQL } from 'drizzle-orm';
import { organisation, user } from '#db/schema.ts';
import type { Role } from '#src/lib/roles.ts';
import {
  checkOrganisationName,
  cleanText,
  organisationNameKey,
  type OrganisationNameProblem,
} from '#src/lib/account/rules.ts';
import type { SortDirection } from '#src/lib/admin/list-query.ts';
import { isAdmin, type Actor } from '#src/lib/roles.ts';
import { containsPattern } from './users.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database } from '#src/lib/server/db.ts';

export const EMPLOYER_SORTS = ['name', 'learners', 'rate'] as const;
export type EmployerSort = (typeof EMPLOYER_SORTS)[number];

export interface EmployerStats {
  id: string;
  name: string;
  socsoCode: string | null;
  /** Learner accounts (any status). */
  learners: number;
  activeLearners: number;
  /** Enrolments that count toward the rate: active ones and completed ones. */
  enrolments: number;
  completed: number;
  /** Completed ÷ enrolments, 0..1; null without enrolments. */
  completionRate: number | null;
}

interface StatsRow {
  id: string;
  name: string;
  nameKey: string;
  socsoCode: string | null;
  learners: number;
  activeLearners: number;
  enrolments: number;
  completed: number;
}

function toStats(row: StatsRow): EmployerStats {
  const enrolments = Number(row.enrolments);
  const completed = Number(row.completed);
  return {
    id: row.id,
    name: row.name,
    socsoCode: row.socsoCode,
    learners: Number(row.learners),
    activeLearners: Number(row.activeLearners),
    enrolments,
    completed,
    completionRate: enrolments > 0 ? completed / enrolments : null,
  };
}

const statsSelect = sql`
  SELECT o.id AS id, o.name AS name, o.name_key AS nameKey, o.socso_code AS socsoCode,
    (SELECT count(*) FROM user u WHERE u.organisation_id = o.id AND u.role = 'learner') AS learners,
    (SELECT count(*) FROM user u WHERE u.organisation_id = o.id AND u.role = 'learner' AND u.status = 'active') AS activeLearners,
    coalesce(s.enrolments, 0) AS enrolments,
    coalesce(s.completed, 0) AS completed
  FROM organisation o
  LEFT JOIN (
    SELECT u.organisation_id AS orgId, count(*) AS enrolments, count(e.completed_at) AS completed
    FROM enrolment e JOIN user u ON u.id = e.user_id
    WHERE u.role = 'learner' AND (e.status = 'active' OR e.completed_at IS NOT NULL)
    GROUP BY u.organisation_id
  ) s ON s.orgId = o.id`;

const employerOrder: Record<EmployerSort, SQL> = {
  name: sql`o.name_key`,
  learners: sql`learners`,
  rate: sql`(CASE WHEN enrolments = 0 THEN -1 ELSE CAST(completed AS REAL) / enrolments END)`,
};

export interface EmployerListQuery {
  search: string;
  sort: EmployerSort;
  direction: SortDirection;
  page: number;
}

/** Employers (merged ones left out) with learner counts and completion rates, one page. */
export async function listEmployerStats(
  db: Database,
  query: EmployerListQuery,
  pageSize: number,
): Promise<{ rows: EmployerStats[]; total: number }> {
  const where = query.search
    ? sql`WHERE o.merged_into IS NULL AND o.name_key LIKE ${containsPattern(query.search)} ESCAPE '\\'`
    : sql`WHERE o.merged_into IS NULL`;
  const direction = query.direction === 'desc' ? sql`DESC` : sql`ASC`;
  const rows = await db.orm.all<StatsRow>(
    sql`${statsSelect} ${where} ORDER BY ${employerOrder[query.sort]} ${direction}, o.name_key ASC
        LIMIT ${pageSize} OFFSET ${(query.page - 1) * pageSize}`,
  );
  const [total] = await db.orm.all<{ total: number }>(
    sql`SELECT count(*) AS total FROM organisation o ${where}`,
  );
  return { rows: rows.map(toStats), total: Number(total?.total ?? 0) };
}

/** The next `limit` employers by name after `afterNameKey`, for the CSV export. */
export async function listEmployerStatsAfter(
  db: Database,
  afterNameKey: string | null,
  limit: number,
): Promise<{ rows: EmployerStats[]; next: string | undefined }> {
  const after = afterNameKey === null ? sql`` : sql`AND o.name_key > ${afterNameKey}`;
  const rows = await db.orm.all<StatsRow>(
    sql`${statsSelect} WHERE o.merged_into IS NULL ${after} ORDER BY o.name_key LIMIT ${limit}`,
  );
  const last = rows[rows.length - 1];
  return { rows: rows.map(toStats), next: last && rows.length === limit ? last.nameKey : undefined };
}

export interface EmployerDetail {
  id: string;
  name: string;
  socsoCode: string | null;
  createdAt: number;
  mergedInto: { id: string; name: string } | null;
}

export async function getEmployerDetail(db: Database, id: string): Promise<EmployerDetail | null> {
  const [row] = await db.orm
    .select({
      id: organisation.id,
      name: organisation.name,
      socsoCode: organisation.socsoCode,
      createdAt: organisation.createdAt,
      mergedInto: organisation.mergedInto,
    })
    .from(organisation)
    .where(eq(organisation.id, id));
  if (!row) return null;
  let mergedInto: EmployerDetail['mergedInto'] = null;
  if (row.mergedInto) {
    const [target] = await db.orm
      .select({ id: organisation.id, name: organisation.name })
      .from(organisation)
      .where(eq(organisation.id, row.mergedInto));
    mergedInto = target ?? null;
  }
  return { ...row, createdAt: row.createdAt.getTime(), mergedInto };
}

export interface EmployerMember {
  id: string;
  fullName: string;
  email: string;
  role: Role;
  status: 'active' | 'deactivated';
  lastActiveAt: number | null;
}

/** One page of an employer's learners by name. */
export async function listEmployerLearners(
  db: Database,
  employerId: string,
  page: number,
  pageSize: number,
): Promise<{ rows: EmployerMember[]; total: number }> {
  const where = and(eq(user.organisationId, employerId), eq(user.role, 'learner'));
  const [total] = await db.orm.select({ total: count() }).from(user).where(where);
  const rows = await db.orm
    .select({
      id: user.id,
      fullName: user.fullName,
      email: user.email,
      role: user.role,
      status: user.status,
      lastActiveAt: user.lastActiveAt,
    })
    .from(user)
    .where(where)
    .orderBy(sql`lower(${user.fullName})`, asc(user.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    rows: rows.map((row) => ({ ...row, lastActiveAt: row.lastActiveAt?.getTime() ?? null })),
    total: Number(total?.total ?? 0),
  };
}

/** Every account of an employer, whatever its role: what a merge moves. */
export async function countEmployerMembers(db: Database, employerId: string): Promise<number> {
  const [row] = await db.orm.select({ total: count() }).from(user).where(eq(user.organisationId, employerId));
  return Number(row?.total ?? 0);
}

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

export type MergeEmployersResult =
  | { ok: true; moved: number; source: { id: string; name: string }; target: { id: string; name: string } }
  | { ok: false; reason: 'forbidden' | 'not-found' | 'same' | 'merged' };

/**
 * Merges a duplicate employer (`sourceId`) into `targetId`: its learners move to the target, it
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
