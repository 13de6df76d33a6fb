/**
 * What the admin certificate desk reads: the queue of eligible learners, the issued list with its
 * filters and counts, one certificate with its history, and the certificate audit trail.
 */
import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { certificate, enrolment, organisation, user } from '#db/schema.ts';
import { normaliseVerificationCode } from '#src/lib/certificate/code.ts';
import {
  RENEWAL_WINDOW_DAYS,
  certificateStatus,
  type CertificateStatus,
} from '#src/lib/certificate/status.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import { findUnsupportedCharacters } from '#src/lib/server/pdf/fonts.ts';
import { decideEligibility } from '#src/lib/certificate/eligibility.ts';
import { listAuditEvents, type AuditFilters, type AuditRow } from '#src/lib/server/audit/read.ts';
import { latestFinalPasses } from './issue.ts';
import { certificateColumns, toCertificateRecord, type CertificateRecord } from './store.ts';
import type { Database } from '#src/lib/server/db.ts';
import type { Locale } from '#src/i18n/index.ts';
import { DAY_MS } from '#src/lib/time.ts';

const day = DAY_MS;

export interface QueueFilter {
  courseId?: string | null;
  organisationId?: string | null;
}

export interface QueueEntry {
  userId: string;
  courseId: string;
  courseTitle: string;
  fullName: string;
  email: string;
  /** Null for an independent learner. */
  employer: string | null;
  completedAt: number;
  kind: 'first' | 'renewal';
  /** Characters of the name no certificate font can print: fix the name before issuing. */
  unprintable: string[];
  issueMode: 'auto' | 'approval';
  /** The holder's preferred language: the certificate's unless the admin chooses another. */
  locale: Locale;
}

/** The longest queue shown at once; the desk says when more are waiting. */
export const QUEUE_LIMIT = 500;

/**
 * Learners waiting for a certificate, oldest completion first: a recorded completion of a course
 * with a certificate and no certificate yet, or a renewal earned by passing the final assessment
 * again. (A completion not yet recorded joins the queue once the learner's next page view records
 * it.) The same rules as checkEligibility, read in bulk. `waitingOnEmail` counts the learners who
 * meet every rule but the confirmed address.
 */
export async function listEligible(
  db: Database,
  catalogue: Catalogue,
  filter: QueueFilter,
  now: number,
): Promise<{ entries: QueueEntry[]; total: number; waitingOnEmail: number }> {
  const courses = catalogue.preview.courses.filter(
    (course) => course.certificate && (!filter.courseId || course.id === filter.courseId),
  );
  if (courses.length === 0) return { entries: [], total: 0, waitingOnEmail: 0 };
  const rows = await db.orm
    .select({
      userId: enrolment.userId,
      courseId: enrolment.courseId,
      completedAt: enrolment.completedAt,
      fullName: user.fullName,
      email: user.email,
      locale: user.locale,
      emailVerifiedAt: user.emailVerifiedAt,
      employer: organisation.name,
      standing: {
        id: certificate.id,
        issuedAt: certificate.issuedAt,
        expiresAt: certificate.expiresAt,
        revokedAt: certificate.revokedAt,
      },
    })
    .from(enrolment)
    .innerJoin(user, eq(user.id, enrolment.userId))
    .leftJoin(organisation, eq(organisation.id, user.organisationId))
    .leftJoin(
      certificate,
      and(
        eq(certificate.userId, enrolment.userId),
        eq(certificate.courseId, enrolment.courseId),
        isNull(certificate.supersededBy),
      ),
    )
    .where(
      and(
        isNotNull(enrolment.completedAt),
        inArray(
          enrolment.courseId,
          courses.map((course) => course.id),
        ),
        filter.organisationId ? eq(user.organisationId, filter.organisationId) : undefined,
      ),
    )
    .orderBy(asc(enrolment.completedAt));

  const passes = await latestFinalPasses(
    db.orm,
    catalogue,
    rows.filter((row) => row.standing !== null),
  );
  // The query keeps recorded completions only; the rule itself is the one checkEligibility applies.
  const decide = (row: (typeof rows)[number], emailVerified: boolean) =>
    decideEligibility(
      {
        certificateRule: true,
        completed: true,
        emailVerified,
        standing: row.standing && {
          issuedAt: row.standing.issuedAt.getTime(),
          expiresAt: row.standing.expiresAt?.getTime() ?? null,
          revokedAt: row.standing.revokedAt?.getTime() ?? null,
        },
        lastFinalPassAt: passes.get(`${row.userId} ${row.courseId}`) ?? null,
      },
      now,
    ).eligible;
  const chosen = rows.filter((row) => decide(row, row.emailVerifiedAt !== null));
  // Learners who have earned a certificate but not yet confirmed their address: not in the queue
  // (certificates go only to confirmed addresses), counted so the desk can say they exist.
  const waitingOnEmail = rows.filter((row) => row.emailVerifiedAt === null && decide(row, true)).length;
  const entries = chosen.slice(0, QUEUE_LIMIT).map((row): QueueEntry => {
    const course = catalogue.preview.course(row.courseId);
    return {
      userId: row.userId,
      courseId: row.courseId,
      courseTitle: course?.title ?? row.courseId,
      fullName: row.fullName,
      email: row.email,
      employer: row.employer,
      completedAt: row.completedAt?.getTime() ?? 0,
      kind: row.standing ? 'renewal' : 'first',
      unprintable: findUnsupportedCharacters(row.fullName),
      issueMode: course?.certificate?.issueMode ?? 'approval',
      locale: row.locale,
    };
  });
  return { entries, total: chosen.length, waitingOnEmail };
}

export type StatusFilter = CertificateStatus | 'expiring';

export interface IssuedFilter {
  courseId?: string | null;
  organisationId?: string | null;
  status?: StatusFilter | null;
  /** Days ahead that count as expiring (30, 60 or 90). */
  withinDays?: number;
  /** A name, email, serial or verification code (or part of one). */
  query?: string | null;
}

export interface IssuedEntry extends CertificateRecord {
  status: CertificateStatus;
  email: string;
  /** Null for an independent learner. */
  employer: string | null;
}

function statusCondition(status: StatusFilter, now: number, withinDays: number): SQL | undefined {
  const standing = and(isNull(certificate.revokedAt), isNull(certificate.supersededBy));
  const at = new Date(now);
  switch (status) {
    case 'valid':
      return and(standing, or(isNull(certificate.expiresAt), gt(certificate.expiresAt, at)));
    case 'expiring':
      return and(
        standing,
        gt(certificate.expiresAt, at),
        lte(certificate.expiresAt, new Date(now + withinDays * day)),
      );
    case 'expired':
      return and(standing, lte(certificate.expiresAt, at));
    case 'revoked':
      return isNotNull(certificate.revokedAt);
    case 'superseded':
      return and(isNull(certificate.revokedAt), isNotNull(certificate.supersededBy));
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/gu, (char) => `\\${char}`);
}

function issuedConditions(filter: IssuedFilter, now: number): SQL | undefined {
  const query = filter.query?.trim() ?? '';
  const code = query ? normaliseVerificationCode(query) : null;
  const pattern = `%${escapeLike(query.toLocaleLowerCase('en'))}%`;
  return and(
    filter.courseId ? eq(certificate.courseId, filter.courseId) : undefined,
    filter.organisationId ? eq(user.organisationId, filter.organisationId) : undefined,
    filter.status ? statusCondition(filter.status, now, filter.withinDays ?? RENEWAL_WINDOW_DAYS) : undefined,
    query
      ? or(
          sql`lower(${certificate.holderName}) LIKE ${pattern} ESCAPE '\\'`,
          sql`lower(${user.email}) LIKE ${pattern} ESCAPE '\\'`,
          sql`lower(${certificate.serial}) LIKE ${pattern} ESCAPE '\\'`,
          code ? eq(certificate.verificationCode, code) : undefined,
        )
      : undefined,
  );
}

/** Issued certificates matching the filter, newest first, a page at a time. */
export async function listIssued(
  db: Database,
  filter: IssuedFilter,
  now: number,
  page: { offset: number; limit: number },
): Promise<{ entries: IssuedEntry[]; total: number }> {
  const where = issuedConditions(filter, now);
  const [rows, [totalRow]] = await Promise.all([
    db.orm
      .select({ ...certificateColumns, email: user.email, employer: organisation.name })
      .from(certificate)
      .innerJoin(user, eq(user.id, certificate.userId))
      .leftJoin(organisation, eq(organisation.id, user.organisationId))
      .where(where)
      .orderBy(desc(certificate.issuedAt), desc(certificate.serial))
      .limit(page.limit)
      .offset(page.offset),
    db.orm
      .select({ total: count() })
      .from(certificate)
      .innerJoin(user, eq(user.id, certificate.userId))
      .where(where),
  ]);
  const entries = rows.map(({ email, employer, ...row }) => {
    const record = toCertificateRecord(row);
    return { ...record, status: certificateStatus(record, now), email, employer };
  });
  return { entries, total: totalRow?.total ?? 0 };
}

export interface CertificateCounts {
  valid: number;
  expiring: number;
  expired: number;
  revoked: number;
  superseded: number;
}

/** How many certificates are in each state at `now` (one query). */
export async function countCertificates(
  db: Database,
  now: number,
  withinDays: number = RENEWAL_WINDOW_DAYS,
): Promise<CertificateCounts> {
  const at = now;
  const soon = now + withinDays * day;
  const [row] = await db.orm
    .select({
      revoked: sql<number>`sum(${certificate.revokedAt} IS NOT NULL)`,
      superseded: sql<number>`sum(${certificate.revokedAt} IS NULL AND ${certificate.supersededBy} IS NOT NULL)`,
      expired: sql<number>`sum(${certificate.revokedAt} IS NULL AND ${certificate.supersededBy} IS NULL AND ${certificate.expiresAt} <= ${at})`,
      valid: sql<number>`sum(${certificate.revokedAt} IS NULL AND ${certificate.supersededBy} IS NULL AND (${certificate.expiresAt} IS NULL OR ${certificate.expiresAt} > ${at}))`,
      expiring: sql<number>`sum(${certificate.revokedAt} IS NULL AND ${certificate.supersededBy} IS NULL AND ${certificate.expiresAt} > ${at} AND ${certificate.expiresAt} <= ${soon})`,
    })
    .from(certificate);
  return {
    valid: Number(row?.valid ?? 0),
    expiring: Number(row?.expiring ?? 0),
    expired: Number(row?.expired ?? 0),
    revoked: Number(row?.revoked ?? 0),
    superseded: Number(row?.superseded ?? 0),
  };
}

/** The most certificates one ZIP or CSV holds; the desk asks for narrower filters beyond it. */
export const EXPORT_LIMIT = 500;

/**
 * Certificates for a ZIP or CSV: the ids given (when any), otherwise everything the filter
 * matches; at most `limit`, newest first.
 */
export async function listForExport(
  db: Database,
  filter: IssuedFilter,
  ids: readonly string[],
  now: number,
  limit = EXPORT_LIMIT,
): Promise<IssuedEntry[]> {
  const wanted = [...new Set(ids.filter((id) => id.length > 0 && id.length <= 64))].slice(0, limit);
  const rows = await db.orm
    .select({ ...certificateColumns, email: user.email, employer: organisation.name })
    .from(certificate)
    .innerJoin(user, eq(user.id, certificate.userId))
    .leftJoin(organisation, eq(organisation.id, user.organisationId))
    .where(wanted.length > 0 ? inArray(certificate.id, wanted) : issuedConditions(filter, now))
    .orderBy(desc(certificate.issuedAt), desc(certificate.serial))
    .limit(limit);
  return rows.map(({ email, employer, ...row }) => {
    const record = toCertificateRecord(row);
    return { ...record, status: certificateStatus(record, now), email, employer };
  });
}

export interface AuditEntryView {
  id: number;
  at: number;
  action: string;
  actorName: string | null;
  certificateId: string;
  serial: string | null;
  holderName: string | null;
  reason: string | null;
  mode: string | null;
}

export const certificateAuditActions = [
  'certificate-issued',
  'certificate-reissued',
  'certificate-superseded',
  'certificate-revoked',
] as const;

function toAuditView(row: AuditRow): AuditEntryView {
  const data = (row.data && typeof row.data === 'object' ? row.data : {}) as Record<string, unknown>;
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    id: row.id,
    at: row.at,
    action: row.action,
    actorName: row.actorName,
    certificateId: row.subjectId,
    serial: row.subjectLabel ?? text(data.serial),
    holderName: row.certificateHolderName,
    reason: text(data.reason),
    mode: text(data.mode),
  };
}

const certificateEvents: AuditFilters = {
  actor: null,
  action: null,
  subjectType: 'certificate',
  subjectId: null,
  startMs: null,
  endMs: null,
};

/** The certificate audit trail (the audit log filtered to certificates), newest first. */
export async function listCertificateAudit(
  db: Database,
  filter: { action?: string | null },
  page: { offset: number; limit: number },
): Promise<{ entries: AuditEntryView[]; total: number }> {
  const { rows, total } = await listAuditEvents(
    db,
    { ...certificateEvents, action: filter.action ?? null },
    Math.floor(page.offset / page.limit) + 1,
    page.limit,
  );
  return { entries: rows.map(toAuditView), total };
}

/** More audit entries than one certificate chain ever gathers. */
const HISTORY_LIMIT = 1000;

export interface CertificateDetail {
  record: CertificateRecord;
  status: CertificateStatus;
  holder: { fullName: string; email: string; employer: string | null };
  issuerName: string | null;
  /** Every certificate of this learner and course, newest first (this one included). */
  chain: Array<CertificateRecord & { status: CertificateStatus }>;
  history: AuditEntryView[];
}

/** One certificate as the desk shows it: the record, the holder, its predecessors and successors, its audit trail. */
export async function getCertificateDetail(
  db: Database,
  id: string,
  now: number,
): Promise<CertificateDetail | null> {
  if (id.length === 0 || id.length > 64) return null;
  const [row] = await db.orm
    .select({
      ...certificateColumns,
      fullName: user.fullName,
      email: user.email,
      employer: organisation.name,
    })
    .from(certificate)
    .innerJoin(user, eq(user.id, certificate.userId))
    .leftJoin(organisation, eq(organisation.id, user.organisationId))
    .where(eq(certificate.id, id));
  if (!row) return null;
  const { fullName, email, employer, ...certificateRow } = row;
  const record = toCertificateRecord(certificateRow);
  const [issuer, chainRows] = await Promise.all([
    record.issuedBy
      ? db.orm.select({ fullName: user.fullName }).from(user).where(eq(user.id, record.issuedBy))
      : Promise.resolve([]),
    db.orm
      .select(certificateColumns)
      .from(certificate)
      .where(and(eq(certificate.userId, record.userId), eq(certificate.courseId, record.courseId)))
      .orderBy(desc(certificate.issuedAt)),
  ]);
  const chain = chainRows.map((chainRow) => {
    const item = toCertificateRecord(chainRow);
    return { ...item, status: certificateStatus(item, now) };
  });
  const { rows: historyRows } = await listAuditEvents(
    db,
    { ...certificateEvents, subjectIds: chain.map((item) => item.id) },
    1,
    HISTORY_LIMIT,
  );
  return {
    record,
    status: certificateStatus(record, now),
    holder: { fullName, email, employer },
    issuerName: issuer[0]?.fullName ?? null,
    chain,
    history: historyRows.map(toAuditView),
  };
}
