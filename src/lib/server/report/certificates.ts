/**
 * Certificates that expire soon: valid ones (not revoked, not superseded, not yet expired) whose
 * expiry falls within the next 30, 60 or 90 days. Reads the certificate table only.
 */
import { and, eq, gt, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { certificate, organisation, user } from '#db/schema.ts';
import type { Database } from '#src/lib/server/db.ts';
import { DAY_MS } from '#src/lib/time.ts';

export const EXPIRY_WINDOWS = [30, 60, 90] as const;
export type ExpiryWindow = (typeof EXPIRY_WINDOWS)[number];

function expiringConditions(now: number, days: number): SQL | undefined {
  return and(
    isNull(certificate.revokedAt),
    isNull(certificate.supersededBy),
    isNotNull(certificate.expiresAt),
    gt(certificate.expiresAt, new Date(now)),
    lte(certificate.expiresAt, new Date(now + days * DAY_MS)),
  );
}

/** How many expire in 0–30, 31–60 and 61–90 days (not cumulative). */
export async function countExpiringByWindow(
  db: Database,
  now: number,
): Promise<{ window: ExpiryWindow; count: number }[]> {
  const [row] = await db.orm
    .select({
      first: sql<number>`coalesce(sum(CASE WHEN ${certificate.expiresAt} <= ${now + 30 * DAY_MS} THEN 1 ELSE 0 END), 0)`,
      second: sql<number>`coalesce(sum(CASE WHEN ${certificate.expiresAt} > ${now + 30 * DAY_MS} AND ${certificate.expiresAt} <= ${now + 60 * DAY_MS} THEN 1 ELSE 0 END), 0)`,
      third: sql<number>`coalesce(sum(CASE WHEN ${certificate.expiresAt} > ${now + 60 * DAY_MS} THEN 1 ELSE 0 END), 0)`,
    })
    .from(certificate)
    .where(expiringConditions(now, 90));
  return [
    { window: 30, count: Number(row?.first ?? 0) },
    { window: 60, count: Number(row?.second ?? 0) },
    { window: 90, count: Number(row?.third ?? 0) },
  ];
}

export interface ExpiringCertificateRow {
  id: string;
  serial: string;
  holderName: string;
  courseId: string;
  courseTitle: string;
  userId: string;
  email: string | null;
  employerName: string | null;
  issuedAt: number;
  expiresAt: number;
}

export interface ExpiryCursor {
  expiresAt: number;
  id: string;
}

function selectExpiring(db: Database, where: SQL | undefined) {
  return db.orm
    .select({
      id: certificate.id,
      serial: certificate.serial,
      holderName: certificate.holderName,
      courseId: certificate.courseId,
      courseTitle: certificate.courseTitle,
      userId: certificate.userId,
      email: user.email,
      employerName: organisation.name,
      issuedAt: certificate.issuedAt,
      expiresAt: certificate.expiresAt,
    })
    .from(certificate)
    .leftJoin(user, eq(user.id, certificate.userId))
    .leftJoin(organisation, eq(organisation.id, user.organisationId))
    .where(where)
    .orderBy(certificate.expiresAt, certificate.id);
}

function toRow(
  row: Omit<ExpiringCertificateRow, 'issuedAt' | 'expiresAt'> & { issuedAt: Date; expiresAt: Date | null },
) {
  return { ...row, issuedAt: row.issuedAt.getTime(), expiresAt: row.expiresAt?.getTime() ?? 0 };
}

/** One page of the certificates expiring within `days`, soonest first. */
export async function listExpiring(
  db: Database,
  input: { now: number; days: number },
  page: number,
  pageSize: number,
): Promise<ExpiringCertificateRow[]> {
  const rows = await selectExpiring(db, expiringConditions(input.now, input.days))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return rows.map(toRow);
}

/** The next `limit` certificates expiring within `days` after `cursor` (keyset paging on the expiry index). */
export async function listExpiringAfter(
  db: Database,
  input: { now: number; days: number },
  cursor: ExpiryCursor | null,
  limit: number,
): Promise<{ rows: ExpiringCertificateRow[]; next: ExpiryCursor | undefined }> {
  const after = cursor
    ? sql`(${certificate.expiresAt}, ${certificate.id}) > (${cursor.expiresAt}, ${cursor.id})`
    : undefined;
  const rows = (
    await selectExpiring(db, and(expiringConditions(input.now, input.days), after)).limit(limit)
  ).map(toRow);
  const last = rows[rows.length - 1];
  return {
    rows,
    next: last && rows.length === limit ? { expiresAt: last.expiresAt, id: last.id } : undefined,
  };
}
