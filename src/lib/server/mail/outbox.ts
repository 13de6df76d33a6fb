/**
 * The durable outbox. A message is a row written in the same transaction as the event that
 * causes it; a worker claims due rows with one conditional UPDATE … RETURNING (atomic in SQLite
 * and libSQL, so two processes never claim one row), sends, and marks the row sent. A claim
 * left behind by a process that died is taken over after CLAIM_TIMEOUT_MS, so a crash between
 * commit and send delays a message but never loses it.
 */
import { and, asc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import { mailOutbox, type Locale } from '#db/schema.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import { generateSecureRandomString, newId } from '#src/lib/server/ids.ts';
import { MINUTE_MS } from '#src/lib/time.ts';
import { mailKinds, type MailKind, type MailParams } from './messages/kinds.ts';
import { decideAfterFailure, type RetryPolicy } from './retry-policy.ts';
import type { SendFailure } from './transport.ts';

/**
 * A claim older than this belongs to a process that stopped: another takes the message over.
 * Far longer than one SMTP send may take (transport.ts bounds those at under a minute).
 */
export const CLAIM_TIMEOUT_MS = 5 * MINUTE_MS;

export interface NewMail<K extends MailKind = MailKind> {
  kind: K;
  to: string;
  userId: string | null;
  locale: Locale;
  params: MailParams[K];
  /** The one-time link token (messages with a link only). */
  secret?: string;
  /** When the link stops working: the message is not sent after that. */
  linkExpiresAt?: number;
  /** When the news goes stale without a link (a session's start): not sent after that either. */
  staleAt?: number;
}

/**
 * Writes a message to the outbox. Call it with the transaction that records its cause, so that
 * both are kept or neither is. Returns the message id.
 */
export async function enqueueMail<K extends MailKind>(
  orm: Pick<Orm, 'insert'>,
  mail: NewMail<K>,
  now: number,
): Promise<string> {
  const rule = mailKinds[mail.kind];
  if (rule.linkPath && (!mail.secret || mail.linkExpiresAt === undefined)) {
    throw new Error(`A "${mail.kind}" message needs its link token and the link's expiry`);
  }
  const sendBefore = Math.min(
    now + rule.freshForMs,
    mail.linkExpiresAt ?? Infinity,
    mail.staleAt ?? Infinity,
  );
  const id = newId();
  await orm.insert(mailOutbox).values({
    id,
    kind: mail.kind,
    toAddress: mail.to,
    userId: mail.userId,
    locale: mail.locale,
    params: mail.params,
    secret: mail.secret ?? null,
    status: 'queued',
    attempts: 0,
    nextAttemptAt: new Date(now),
    sendBefore: new Date(sendBefore),
    createdAt: new Date(now),
  });
  return id;
}

export interface ClaimedMail {
  id: string;
  kind: string;
  toAddress: string;
  userId: string | null;
  locale: Locale;
  params: unknown;
  secret: string | null;
  /** Tries so far, this one included. */
  attempts: number;
  sendBefore: number;
  createdAt: number;
  claimToken: string;
}

/**
 * Claims up to `limit` messages that are due (queued and due, or claimed longer than
 * `claimTimeoutMs` ago by a process that never finished). One UPDATE … RETURNING: whatever
 * another process claimed first is not returned here.
 */
export async function claimDueMail(
  db: Database,
  options: { now: number; limit: number; claimTimeoutMs?: number },
): Promise<ClaimedMail[]> {
  const { now, limit } = options;
  const staleBefore = new Date(now - (options.claimTimeoutMs ?? CLAIM_TIMEOUT_MS));
  const claimToken = generateSecureRandomString(16);
  const rows = await db.write((orm) => {
    const due = orm
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        or(
          and(eq(mailOutbox.status, 'queued'), lte(mailOutbox.nextAttemptAt, new Date(now))),
          and(eq(mailOutbox.status, 'sending'), lte(mailOutbox.claimedAt, staleBefore)),
        ),
      )
      .orderBy(asc(mailOutbox.nextAttemptAt))
      .limit(limit);
    return orm
      .update(mailOutbox)
      .set({
        status: 'sending',
        claimedAt: new Date(now),
        claimToken,
        attempts: sql`${mailOutbox.attempts} + 1`,
      })
      .where(
        and(
          inArray(mailOutbox.id, due),
          // Re-checked on the row being written, whatever the subquery saw.
          or(
            eq(mailOutbox.status, 'queued'),
            and(eq(mailOutbox.status, 'sending'), lte(mailOutbox.claimedAt, staleBefore)),
          ),
        ),
      )
      .returning();
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    toAddress: row.toAddress,
    userId: row.userId,
    locale: row.locale,
    params: row.params,
    secret: row.secret,
    attempts: row.attempts,
    sendBefore: row.sendBefore.getTime(),
    createdAt: row.createdAt.getTime(),
    claimToken,
  }));
}

/** This claim, still held: a claim taken over after a timeout no longer matches. */
const heldClaim = (mail: Pick<ClaimedMail, 'id' | 'claimToken'>) =>
  and(
    eq(mailOutbox.id, mail.id),
    eq(mailOutbox.claimToken, mail.claimToken),
    eq(mailOutbox.status, 'sending'),
  );

/** Marks a claimed message sent; its link token is forgotten. False when the claim was lost. */
export async function markMailSent(
  db: Database,
  mail: Pick<ClaimedMail, 'id' | 'claimToken'>,
  subject: string,
  now: number,
): Promise<boolean> {
  const updated = await db.write((orm) =>
    orm
      .update(mailOutbox)
      .set({
        status: 'sent',
        sentAt: new Date(now),
        subject,
        secret: null,
        lastError: null,
        claimToken: null,
      })
      .where(heldClaim(mail))
      .returning({ id: mailOutbox.id }),
  );
  return updated.length > 0;
}

export type FailureOutcome = 'retry' | 'failed';

/**
 * After a failed send: try again later (temporary failure, tries and time left) or mark it
 * failed for an admin. A failed message keeps its link token while the link still works, so an
 * admin can send it again.
 */
export async function recordMailFailure(
  db: Database,
  mail: ClaimedMail,
  failure: SendFailure,
  now: number,
  policy: RetryPolicy,
): Promise<FailureOutcome> {
  const decision = decideAfterFailure(
    { attempts: mail.attempts, permanent: failure.permanent, sendBefore: mail.sendBefore },
    now,
    policy,
  );
  await db.write((orm) =>
    orm
      .update(mailOutbox)
      .set(
        decision.action === 'retry'
          ? {
              status: 'queued',
              nextAttemptAt: new Date(decision.at),
              lastError: failure.summary,
              claimToken: null,
              claimedAt: null,
            }
          : {
              status: 'failed',
              failedAt: new Date(now),
              lastError: failure.summary,
              claimToken: null,
              secret: now >= mail.sendBefore ? null : mail.secret,
            },
      )
      .where(heldClaim(mail)),
  );
  return decision.action === 'retry' ? 'retry' : 'failed';
}

/** Gives up on a message nobody could send in time (its link has expired, or it is stale). */
export async function markMailExpired(
  db: Database,
  mail: ClaimedMail,
  reason: string,
  now: number,
): Promise<void> {
  await db.write((orm) =>
    orm
      .update(mailOutbox)
      .set({ status: 'failed', failedAt: new Date(now), lastError: reason, secret: null, claimToken: null })
      .where(heldClaim(mail)),
  );
}

/** Forgets link tokens of failed messages whose links no longer work (housekeeping). */
export async function forgetExpiredLinkTokens(db: Database, now: number): Promise<number> {
  const rows = await db.write((orm) =>
    orm
      .update(mailOutbox)
      .set({ secret: null })
      .where(
        and(
          eq(mailOutbox.status, 'failed'),
          isNotNull(mailOutbox.secret),
          lte(mailOutbox.sendBefore, new Date(now)),
        ),
      )
      .returning({ id: mailOutbox.id }),
  );
  return rows.length;
}
