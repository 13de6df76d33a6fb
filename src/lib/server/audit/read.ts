/**
 * Reading the audit log (recordAudit in audit.ts writes it). The application has no way to
 * change or delete an entry: this module only reads.
 */
import { sql, type SQL } from 'drizzle-orm';
import { SYSTEM_ACTOR, type AuditSubjectType } from '#src/lib/report/query.ts';
import type { Database } from '#src/lib/server/db.ts';

export interface AuditFilters {
  /** A user id, SYSTEM_ACTOR, or null for everyone. */
  actor: string | null;
  action: string | null;
  subjectType: AuditSubjectType | null;
  subjectId: string | null;
  /** Any of these subjects (a certificate and its predecessors, say). */
  subjectIds?: readonly string[];
  startMs: number | null;
  /** Exclusive. */
  endMs: number | null;
}

export interface AuditRow {
  id: number;
  at: number;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  /** A readable name for the subject (a person, an employer, a certificate serial), when it still exists. */
  subjectLabel: string | null;
  /** The person the subject belongs to, for a link to their record. */
  subjectUserId: string | null;
  /** The name printed on a certificate subject. */
  certificateHolderName: string | null;
  data: unknown;
}

interface RawRow extends Omit<AuditRow, 'data'> {
  data: string | null;
}

function conditions(filters: AuditFilters): SQL {
  const parts: SQL[] = [sql`1 = 1`];
  if (filters.actor === SYSTEM_ACTOR) parts.push(sql`a.actor_id IS NULL`);
  else if (filters.actor) parts.push(sql`a.actor_id = ${filters.actor}`);
  if (filters.action) parts.push(sql`a.action = ${filters.action}`);
  if (filters.subjectType) parts.push(sql`a.subject_type = ${filters.subjectType}`);
  if (filters.subjectId) parts.push(sql`a.subject_id = ${filters.subjectId}`);
  if (filters.subjectIds) {
    const ids = filters.subjectIds.length > 0 ? filters.subjectIds : [''];
    parts.push(
      sql`a.subject_id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  }
  if (filters.startMs !== null) parts.push(sql`a.at >= ${filters.startMs}`);
  if (filters.endMs !== null) parts.push(sql`a.at < ${filters.endMs}`);
  return sql.join(parts, sql` AND `);
}

const selectRows = sql`
  SELECT a.id AS id, a.at AS at, a.actor_id AS actorId, actor.full_name AS actorName, actor.email AS actorEmail,
    a.action AS action, a.subject_type AS subjectType, a.subject_id AS subjectId,
    coalesce(su.full_name, so.name, sc.serial, seu.full_name) AS subjectLabel,
    coalesce(su.id, seu.id, sc.user_id) AS subjectUserId,
    sc.holder_name AS certificateHolderName,
    a.data AS data
  FROM audit_event a
  LEFT JOIN user actor ON actor.id = a.actor_id
  LEFT JOIN user su ON a.subject_type = 'user' AND su.id = a.subject_id
  LEFT JOIN organisation so ON a.subject_type = 'organisation' AND so.id = a.subject_id
  LEFT JOIN certificate sc ON a.subject_type = 'certificate' AND sc.id = a.subject_id
  LEFT JOIN enrolment se ON a.subject_type = 'enrolment' AND se.id = a.subject_id
  LEFT JOIN user seu ON seu.id = se.user_id`;

function parseData(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toRow(row: RawRow): AuditRow {
  return { ...row, id: Number(row.id), at: Number(row.at), data: parseData(row.data) };
}

/** One page of entries, newest first (by when they happened), with the total for the filters. */
export async function listAuditEvents(
  db: Database,
  filters: AuditFilters,
  page: number,
  pageSize: number,
): Promise<{ rows: AuditRow[]; total: number }> {
  const where = conditions(filters);
  const rows = await db.orm.all<RawRow>(
    sql`${selectRows} WHERE ${where} ORDER BY a.at DESC, a.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
  const [total] = await db.orm.all<{ total: number }>(
    sql`SELECT count(*) AS total FROM audit_event a WHERE ${where}`,
  );
  return { rows: rows.map(toRow), total: Number(total?.total ?? 0) };
}

export interface AuditCursor {
  at: number;
  id: number;
}

/** The next `limit` entries after `cursor`, newest first (keyset paging on the time index). */
export async function listAuditEventsBefore(
  db: Database,
  filters: AuditFilters,
  cursor: AuditCursor | null,
  limit: number,
): Promise<{ rows: AuditRow[]; next: AuditCursor | undefined }> {
  const before = cursor === null ? sql`` : sql` AND (a.at, a.id) < (${cursor.at}, ${cursor.id})`;
  const rows = (
    await db.orm.all<RawRow>(
      sql`${selectRows} WHERE ${conditions(filters)}${before} ORDER BY a.at DESC, a.id DESC LIMIT ${limit}`,
    )
  ).map(toRow);
  const last = rows[rows.length - 1];
  return { rows, next: last && rows.length === limit ? { at: last.at, id: last.id } : undefined };
}

/** Every action name in the log, for the filter. */
export async function listAuditActions(db: Database): Promise<string[]> {
  const rows = await db.orm.all<{ action: string }>(
    sql`SELECT DISTINCT action FROM audit_event ORDER BY action`,
  );
  return rows.map((row) => row.action);
}

/** Everyone who has acted (the system aside), for the filter. */
export async function listAuditActors(
  db: Database,
): Promise<{ id: string; fullName: string; email: string }[]> {
  return db.orm.all<{ id: string; fullName: string; email: string }>(sql`
    SELECT u.id AS id, u.full_name AS fullName, u.email AS email
    FROM (SELECT DISTINCT actor_id FROM audit_event WHERE actor_id IS NOT NULL) a
    JOIN user u ON u.id = a.actor_id
    ORDER BY lower(u.full_name)`);
}
