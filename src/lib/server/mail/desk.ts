/**
 * The admin's view of the outbox (/admin/mail): counts, a page of messages, and sending failed
 * ones again. Never shows a message's link or body: only who, what kind, when and what happened.
 */
import { and, count, desc, eq } from 'drizzle-orm';
import { mailOutbox } from '#db/schema.ts';
import { isAdmin, type Actor } from '#src/lib/roles.ts';
import type { Database } from '#src/lib/server/db.ts';
import { mailKinds, isMailKind } from './messages/kinds.ts';

export const mailStatuses = ['queued', 'sending', 'sent', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

export type MailCounts = Record<MailStatus, number>;

export async function countMailByStatus(db: Database): Promise<MailCounts> {
  const rows = await db.orm
    .select({ status: mailOutbox.status, total: count() })
    .from(mailOutbox)
    .groupBy(mailOutbox.status);
  const counts: MailCounts = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status] = Number(row.total);
  return counts;
}

export interface MailListRow {
  id: string;
  kind: string;
  toAddress: string;
  userId: string | null;
  status: MailStatus;
  attempts: number;
  subject: string | null;
  lastError: string | null;
  createdAt: number;
  nextAttemptAt: number;
  sentAt: number | null;
  failedAt: number | null;
  /** A failed message an admin may send again (one whose link has expired may not). */
  retryable: boolean;
}

function mayRetry(
  row: { status: MailStatus; kind: string; secret: string | null; sendBefore: Date },
  now: number,
): boolean {
  if (row.status !== 'failed') return false;
  if (!isMailKind(row.kind)) return false;
  if (!mailKinds[row.kind].linkPath) return true;
  return row.secret !== null && now < row.sendBefore.getTime();
}

/** A page of messages, newest first, optionally of one status. */
export async function listMail(
  db: Database,
  options: { status: MailStatus | null; page: number; pageSize: number; now: number },
): Promise<{ rows: MailListRow[]; total: number }> {
  const where = options.status ? eq(mailOutbox.status, options.status) : undefined;
  const [totals] = await db.orm.select({ total: count() }).from(mailOutbox).where(where);
  const rows = await db.orm
    .select()
    .from(mailOutbox)
    .where(where)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(options.pageSize)
    .offset((Math.max(1, options.page) - 1) * options.pageSize);
  return {
    total: Number(totals?.total ?? 0),
    rows: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      toAddress: row.toAddress,
      userId: row.userId,
      status: row.status,
      attempts: row.attempts,
      subject: row.subject,
      lastError: row.lastError,
      createdAt: row.createdAt.getTime(),
      nextAttemptAt: row.nextAttemptAt.getTime(),
      sentAt: row.sentAt?.getTime() ?? null,
      failedAt: row.failedAt?.getTime() ?? null,
      retryable: mayRetry(row, options.now),
    })),
  };
}

export type RetryResult =
  | { ok: true; count: number }
  | { ok: false; reason: 'forbidden' | 'not-found' | 'not-failed' | 'link-expired' };

/** Puts failed messages (one, or every retryable one) back in the queue with a fresh set of tries. */
export async function retryFailedMail(
  db: Database,
  actor: Actor,
  target: { id: string } | 'all',
  now: number,
): Promise<RetryResult> {
  if (!isAdmin(actor)) return { ok: false, reason: 'forbidden' };
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<RetryResult> => {
      const rows = await tx
        .select()
        .from(mailOutbox)
        .where(target === 'all' ? eq(mailOutbox.status, 'failed') : eq(mailOutbox.id, target.id));
      if (target !== 'all') {
        const [row] = rows;
        if (!row) return { ok: false, reason: 'not-found' };
        if (row.status !== 'failed') return { ok: false, reason: 'not-failed' };
        if (!mayRetry(row, now)) return { ok: false, reason: 'link-expired' };
      }
      const chosen = rows.filter((row) => mayRetry(row, now));
      for (const row of chosen) {
        const rule = isMailKind(row.kind) ? mailKinds[row.kind] : null;
        // A link keeps its own expiry; other news gets a fresh while to go out.
        const sendBefore =
          !rule || rule.linkPath
            ? row.sendBefore
            : new Date(Math.max(row.sendBefore.getTime(), now + rule.freshForMs));
        await tx
          .update(mailOutbox)
          .set({ status: 'queued', attempts: 0, nextAttemptAt: new Date(now), failedAt: null, sendBefore })
          .where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.status, 'failed')));
      }
      return { ok: true, count: chosen.length };
    }),
  );
}
