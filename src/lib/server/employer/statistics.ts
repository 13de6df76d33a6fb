/** Employers as admins see them: learner counts, completion rates and members. */
import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import { organisation, user } from '#db/schema.ts';
import type { Role } from '#src/lib/roles.ts';
import type { SortDirection } from '#src/lib/admin/list-query.ts';
import { containsPattern } from '#src/lib/server/admin/users.ts';
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
