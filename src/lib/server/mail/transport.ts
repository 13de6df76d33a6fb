/**
 * Where a rendered message goes: an SMTP server (nodemailer), or the development outbox table.
 * Both take the same message, so development exercises the same claim, render and send path.
 */
import { createTransport } from 'nodemailer';
import { devMailbox } from '#db/schema.ts';
import type { Database } from '#src/lib/server/db.ts';

export interface OutgoingMail {
  outboxId: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Message-ID, stable per outbox row, so a receiving system can drop a duplicate. */
  messageId: string;
  headers: Record<string, string>;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Timeouts well inside the outbox claim timeout, so a claim never outlives its send. */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

/** An SMTP transport from SMTP_URL (`smtp://user:pass@host:587`, `smtps://…`), with a small pool. */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  const transporter = createTransport({ url: smtpUrl, pool: true, maxConnections: 2, ...SMTP_TIMEOUTS });
  return {
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
        headers: mail.headers,
      });
    },
    close() {
      transporter.close();
    },
  };
}

/** Development without SMTP_URL: the message is written to the dev_mailbox table (/dev/outbox). */
export function createDevOutboxTransport(db: Database, now: () => number = Date.now): MailTransport {
  return {
    async send(mail) {
      await db.write((orm) =>
        orm.insert(devMailbox).values({
          outboxId: mail.outboxId,
          toAddress: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          headers: { From: mail.from, 'Message-ID': mail.messageId, ...mail.headers },
          createdAt: new Date(now()),
        }),
      );
    },
    close() {},
  };
}

export interface SendFailure {
  /** The server refused this message for good (5xx): trying again would get the same answer. */
  permanent: boolean;
  /** One line for the admin page, without credentials. */
  summary: string;
}

interface SmtpErrorShape {
  code?: unknown;
  responseCode?: unknown;
  permanent?: unknown;
  message?: unknown;
}

// Configuration problems: the message itself is fine and goes once an admin fixes the settings.
const configurationCodes = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2', 'ECONFIG', 'ETLS', 'EREQUIRETLS']);

/**
 * Whether a send error is worth retrying. A 5xx reply to this message (except 503) is permanent;
 * a 4xx reply, a lost connection, a timeout, DNS and wrong credentials are temporary.
 */
export function classifySendError(error: unknown): SendFailure {
  const shape: SmtpErrorShape = typeof error === 'object' && error !== null ? error : {};
  const code = typeof shape.code === 'string' ? shape.code : null;
  const responseCode = typeof shape.responseCode === 'number' ? shape.responseCode : null;
  const message = typeof shape.message === 'string' ? shape.message : String(error);
  const permanent =
    !(code !== null && configurationCodes.has(code)) &&
    (shape.permanent === true ||
      (responseCode !== null && responseCode >= 500 && responseCode < 600 && responseCode !== 503));
  const summary = [code, message.replace(/\s+/gu, ' ').trim()].filter(Boolean).join(': ').slice(0, 500);
  return { permanent, summary };
}
