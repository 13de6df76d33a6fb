import { and, count, eq, ne, sql, type SQL } from 'drizzle-orm';
import { organisation, passwordReset, session, user } from '#db/schema.ts';
import { roles, type Role } from '#src/lib/roles.ts';
import type { UserListQuery, UserSort, UserStatus } from '#src/lib/admin/list-query.ts';
import { cleanReason } from './access.ts';
import { isAdmin, type Actor } from '#src/lib/roles.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import { clearEmployerAccessOnRoleChange } from '#src/lib/server/employer/managers.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';

export interface UserListRow {
  id: string;
  fullName: string;
  email: string;
  /** Null for an independent learner (no employer). */
  employerId: string | null;
  employerName: string | null;
  role: Role;
  status: UserStatus;
  lastActiveAt: number | null;
  createdAt: number;
}

const sortExpressions: Record<UserSort, SQL> = {
  name: sql`lower(${user.fullName})`,
  email: sql`${user.email}`,
  // Independent learners (no employer) sort first; coalesce keeps keyset paging away from NULL.
  employer: sql`lower(coalesce(${organisation.name}, ''))`,
  role: sql`${user.role}`,
  status: sql`${user.status}`,
  lastActive: sql`coalesce(${user.lastActiveAt}, 0)`,
  created: sql`${user.createdAt}`,
};

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
}

function userFilters(
  query: Pick<UserListQuery, 'search' | 'role' | 'status' | 'employerId'>,
): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.search) {
    const pattern = containsPattern(query.search);
    conditions.push(
      sql`(lower(${user.fullName}) LIKE ${pattern} ESCAPE '\\' OR ${user.email} LIKE ${pattern} ESCAPE '\\')`,
    );
  }
  if (query.role) conditions.push(eq(user.role, query.role));
  if (query.status) conditions.push(eq(user.status, query.status));
  if (query.employerId) conditions.push(eq(user.organisationId, query.employerId));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

const listColumns = {
  id: user.id,
  fullName: user.fullName,
  email: user.email,
  employerId: user.organisationId,
  employerName: organisation.name,
  role: user.role,
  status: user.status,
  lastActiveAt: user.lastActiveAt,
  createdAt: user.createdAt,
};

type ListRow = {
  id: string;
  fullName: string;
  email: string;
  employerId: string | null;
  employerName: string | null;
  role: Role;
  status: UserStatus;
  lastActiveAt: Date | null;
  createdAt: Date;
};

function toListRow(row: ListRow): UserListRow {
  return { ...row, lastActiveAt: row.lastActiveAt?.getTime() ?? null, createdAt: row.createdAt.getTime() };
}

/** One page of the user list with the total that matches the filters. */
export async function listUsers(
  db: Database,
  query: UserListQuery,
  pageSize: number,
): Promise<{ rows: UserListRow[]; total: number }> {
  const where = userFilters(query);
  const [totalRow] = await db.orm
    .select({ total: count() })
    .from(user)
    .leftJoin(organisation, eq(organisation.id, user.organisationId))
    .where(where);
  const order = query.direction === 'desc' ? sql`DESC` : sql`ASC`;
  const rows = await db.orm
    .select(listColumns)
    .from(user)
    .leftJoin(organisation, eq(organisation.id, user.organisationId))
    .where(where)
    .orderBy(sql`${sortExpressions[query.sort]} ${order}`, sql`${user.id} ${order}`)
    .limit(pageSize)
    .offset((query.page - 1) * pageSize);
  return { rows: rows.map(toListRow), total: Number(totalRow?.total ?? 0) };
}

export interface UserCursor {
  value: string | number;
  id: string;
}

/**
 * The next `limit` users after `cursor` in the list's order (keyset paging: each call costs the
 * same however far the export has gone, and rows added meanwhile are neither lost nor repeated).
 */
export async function listUsersAfter(
  db: Database,
  query: UserListQuery,
  cursor: UserCursor | null,
  limit: number,
): Promise<{ rows: UserListRow[]; next: UserCursor | undefined }> {
  const expression = sortExpressions[query.sort];
  const descending = query.direction === 'desc';
  const after = cursor
    ? descending
      ? sql`(${expression}, ${user.id}) < (${cursor.value}, ${cursor.id})`
      : sql`(${expression}, ${user.id}) > (${cursor.value}, ${cursor.id})`
    : undefined;
  const order = descending ? sql`DESC` : sql`ASC`;
  const rows = await db.orm
    .select({ ...listColumns, sortValue: sql<string | number>`${expression}` })
    .from(user)
    .leftJoin(organisation, eq(organisation.id, user.organisationId))
    .where(and(userFilters(query), after))
    .orderBy(sql`${expression} ${order}`, sql`${user.id} ${order}`)
    .limit(limit);
  const last = rows[rows.length - 1];
  return {
    rows: rows.map(({ sortValue: _sortValue, ...row }) => toListRow(row)),
    next: last && rows.length === limit ? { value: last.sortValue, id: last.id } : undefined,
  };
}

/** Active admins other than `exceptUserId`: the last-admin guard counts them inside the change's transaction. */
async function otherActiveAdmins(orm: Pick<Orm, 'select'>, exceptUserId: string): Promise<number> {
  const [row] = await orm
    .select({ total: count() })
    .from(user)
    .where(and(eq(user.role, 'admin'), eq(user.status, 'active'), ne(user.id, exceptUserId)));
  return Number(row?.total ?? 0);
}

export type RoleChangeRefusal =
  'forbidden' | 'not-found' | 'invalid-role' | 'unchanged' | 'confirm-self' | 'last-admin';

export type RoleChangeResult =
  { ok: true; before: Role; after: Role } | { ok: false; reason: RoleChangeRefusal };

function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/**
 * An admin changes a user's role. A change to one's own account needs `confirmSelf`; the last
 * active admin can never stop being one. The check and the change run in one immediate
 * transaction, so two admins demoting each other at once (even from two app processes) cannot
 * both succeed. The new role applies from the user's next request: sessions read it every time.
 */
export async function changeUserRole(
  db: Database,
  actor: Actor,
  input: { userId: string; role: string; confirmSelf: boolean; reason?: string | null },
  now: number,
): Promise<RoleChangeResult> {
  if (!isAdmin(actor)) return { ok: false, reason: 'forbidden' };
  const role = input.role;
  if (!isRole(role)) return { ok: false, reason: 'invalid-role' };
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<RoleChangeResult> => {
      const [target] = await tx
        .select({ id: user.id, role: user.role, status: user.status, email: user.email })
        .from(user)
        .where(eq(user.id, input.userId));
      if (!target) return { ok: false, reason: 'not-found' };
      if (target.role === role) return { ok: false, reason: 'unchanged' };
      if (target.id === actor.id && !input.confirmSelf) return { ok: false, reason: 'confirm-self' };
      if (
        target.role === 'admin' &&
        target.status === 'active' &&
        (await otherActiveAdmins(tx, target.id)) === 0
      ) {
        return { ok: false, reason: 'last-admin' };
      }
      await tx.update(user).set({ role }).where(eq(user.id, target.id));
      await clearEmployerAccessOnRoleChange(tx, target.id, target.role, role);
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'role-changed',
        subjectType: 'user',
        subjectId: target.id,
        data: {
          before: target.role,
          after: role,
          email: target.email,
          ...(target.id === actor.id ? { self: true } : {}),
          ...(cleanReason(input.reason) ? { reason: cleanReason(input.reason) } : {}),
        },
        at: now,
      });
      return { ok: true, before: target.role, after: role };
    }),
  );
}

export type StatusChangeRefusal =
  'forbidden' | 'not-found' | 'invalid-status' | 'unchanged' | 'confirm-self' | 'last-admin';

export type StatusChangeResult =
  | { ok: true; before: UserStatus; after: UserStatus; sessionsEnded: number }
  | { ok: false; reason: StatusChangeRefusal };

/**
 * An admin deactivates or reactivates an account. Deactivation deletes every session of the
 * user in the same transaction (so every app process signs them out at their next request) and
 * cancels unused password reset links; sign-in then says the account is deactivated.
 * Deactivating oneself needs `confirmSelf`; the last active admin cannot be deactivated.
 */
export async function setUserStatus(
  db: Database,
  actor: Actor,
  input: { userId: string; status: string; confirmSelf: boolean; reason?: string | null },
  now: number,
): Promise<StatusChangeResult> {
  if (!isAdmin(actor)) return { ok: false, reason: 'forbidden' };
  const status = input.status;
  if (status !== 'active' && status !== 'deactivated') return { ok: false, reason: 'invalid-status' };
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<StatusChangeResult> => {
      const [target] = await tx
        .select({ id: user.id, role: user.role, status: user.status, email: user.email })
        .from(user)
        .where(eq(user.id, input.userId));
      if (!target) return { ok: false, reason: 'not-found' };
      if (target.status === status) return { ok: false, reason: 'unchanged' };
      let sessionsEnded = 0;
      if (status === 'deactivated') {
        if (target.id === actor.id && !input.confirmSelf) return { ok: false, reason: 'confirm-self' };
        if (target.role === 'admin' && (await otherActiveAdmins(tx, target.id)) === 0) {
          return { ok: false, reason: 'last-admin' };
        }
        const ended = await tx
          .delete(session)
          .where(eq(session.userId, target.id))
          .returning({ id: session.id });
        sessionsEnded = ended.length;
        await tx
          .delete(passwordReset)
          .where(and(eq(passwordReset.userId, target.id), sql`${passwordReset.usedAt} IS NULL`));
      }
      await tx.update(user).set({ status }).where(eq(user.id, target.id));
      const reason = cleanReason(input.reason);
      await recordAudit(tx, {
        actorId: actor.id,
        action: status === 'deactivated' ? 'user-deactivated' : 'user-reactivated',
        subjectType: 'user',
        subjectId: target.id,
        data: {
          before: target.status,
          after: status,
          email: target.email,
          ...(status === 'deactivated' ? { sessionsEnded } : {}),
          ...(target.id === actor.id ? { self: true } : {}),
          ...(reason ? { reason } : {}),
        },
        at: now,
      });
      return { ok: true, before: target.status, after: status, sessionsEnded };
    }),
  );
}
