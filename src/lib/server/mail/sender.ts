/**
 * The worker's one step: claim what is due, render it in the recipient's language, send it, and
 * record what happened. Safe to run in any number of processes at once (claims are atomic) and
 * after a crash (an abandoned claim is taken over after the claim timeout).
 */
import type { Database } from '#src/lib/server/db.ts';
import { isMailKind, mailKinds, type MailKind, type MailParams } from './messages/kinds.ts';
import { renderMail } from './messages/render.ts';
import {
  claimDueMail,
  markMailExpired,
  markMailSent,
  recordMailFailure,
  type ClaimedMail,
} from './outbox.ts';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy.ts';
import type { MailSettings } from './settings.ts';
import { classifySendError, type MailTransport, type OutgoingMail } from './transport.ts';
import { unsubscribeUrl } from './unsubscribe.ts';

/** What the worker writes to the log; a pino logger fits. */
export interface MailLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface SenderOptions {
  db: Database;
  transport: MailTransport;
  settings: Pick<MailSettings, 'from' | 'siteUrl'>;
  policy?: RetryPolicy;
  now?: () => number;
  claimTimeoutMs?: number;
  /** Messages claimed at a time. */
  batchSize?: number;
  /** A run stops after this many messages, so one run never holds a job lease for long. */
  maxPerRun?: number;
  /** Checked between messages: true when the process is shutting down. */
  shouldStop?: () => boolean;
  log?: MailLog;
}

export interface DrainReport {
  sent: number;
  retrying: number;
  failed: number;
  expired: number;
  /** Sent, but another process had taken the claim over meanwhile (see CLAIM_TIMEOUT_MS). */
  lostClaims: number;
}

function messageIdFor(id: string, siteUrl: string): string {
  let host = 'localhost';
  try {
    host = new URL(siteUrl).hostname || host;
  } catch {
    // keep localhost
  }
  return `<${id}@${host}>`;
}

async function prepare(
  options: SenderOptions,
  mail: ClaimedMail & { kind: MailKind },
): Promise<OutgoingMail | null> {
  const rule = mailKinds[mail.kind];
  const unsubscribe =
    rule.topic && mail.userId
      ? await unsubscribeUrl(options.db, options.settings.siteUrl, mail.userId, rule.topic)
      : null;
  const rendered = renderMail(mail.kind, mail.params as MailParams[typeof mail.kind], {
    locale: mail.locale,
    siteUrl: options.settings.siteUrl,
    secret: mail.secret,
    unsubscribeUrl: unsubscribe,
  });
  if (!rendered.ok) return null;
  const headers: Record<string, string> = {
    'Content-Language': mail.locale,
    'Auto-Submitted': 'auto-generated',
    'X-Auto-Response-Suppress': 'All',
  };
  if (unsubscribe) {
    headers['List-Unsubscribe'] = `<${unsubscribe}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return {
    outboxId: mail.id,
    from: options.settings.from,
    to: mail.toAddress,
    subject: rendered.mail.subject,
    html: rendered.mail.html,
    text: rendered.mail.text,
    messageId: messageIdFor(mail.id, options.settings.siteUrl),
    headers,
  };
}

/** Sends what is due until nothing is, `maxPerRun` is reached or the process stops. */
export async function drainOutbox(options: SenderOptions): Promise<DrainReport> {
  const now = options.now ?? Date.now;
  const policy = options.policy ?? defaultRetryPolicy;
  const batchSize = options.batchSize ?? 10;
  const maxPerRun = options.maxPerRun ?? 200;
  const report: DrainReport = { sent: 0, retrying: 0, failed: 0, expired: 0, lostClaims: 0 };
  let handled = 0;
  while (handled < maxPerRun && !options.shouldStop?.()) {
    const batch = await claimDueMail(options.db, {
      now: now(),
      limit: Math.min(batchSize, maxPerRun - handled),
      ...(options.claimTimeoutMs === undefined ? {} : { claimTimeoutMs: options.claimTimeoutMs }),
    });
    if (batch.length === 0) break;
    for (const claimed of batch) {
      handled += 1;
      if (!isMailKind(claimed.kind)) {
        await markMailExpired(options.db, claimed, `Unknown message kind "${claimed.kind}"`, now());
        report.expired += 1;
        continue;
      }
      if (now() >= claimed.sendBefore) {
        await markMailExpired(options.db, claimed, 'Not sent in time: its link or news had expired', now());
        report.expired += 1;
        continue;
      }
      const outgoing = await prepare(options, { ...claimed, kind: claimed.kind });
      if (!outgoing) {
        await markMailExpired(options.db, claimed, 'Its one-time link is no longer stored', now());
        report.expired += 1;
        continue;
      }
      try {
        await options.transport.send(outgoing);
      } catch (error) {
        const failure = classifySendError(error);
        const outcome = await recordMailFailure(options.db, claimed, failure, now(), policy);
        if (outcome === 'retry') report.retrying += 1;
        else report.failed += 1;
        options.log?.warn(
          {
            mailId: claimed.id,
            kind: claimed.kind,
            attempt: claimed.attempts,
            outcome,
            error: failure.summary,
          },
          outcome === 'retry' ? 'Email not sent; will try again' : 'Email not sent; gave up',
        );
        continue;
      }
      if (await markMailSent(options.db, claimed, outgoing.subject, now())) {
        report.sent += 1;
      } else {
        report.lostClaims += 1;
        options.log?.warn(
          { mailId: claimed.id, kind: claimed.kind },
          'Email sent after its claim had timed out; another process may send it too',
        );
      }
    }
  }
  return report;
}
