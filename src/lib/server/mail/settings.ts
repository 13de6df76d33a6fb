/**
 * How this process sends mail, decided once from its configuration: over SMTP when SMTP_URL is
 * set; into the development outbox (/dev/outbox) in development without it; not at all in a
 * production build without it (messages then wait in the outbox, and pages that need mail say
 * so). Pure, so the app (astro:env) and the scripts (process.env) decide the same way.
 */
export type MailMode = 'smtp' | 'dev-outbox' | 'off';

export interface MailSettings {
  mode: MailMode;
  /** smtp:// or smtps:// URL with credentials (secret); null unless mode is 'smtp'. */
  smtpUrl: string | null;
  /** The From header: `RTW Academy <no-reply@example.my>`. */
  from: string;
  /** Public base URL, no trailing slash: every link in a message starts with it. */
  siteUrl: string;
}

export interface MailConfigInput {
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  siteUrl: string | undefined;
  /** Development server (`npm start`), not a production build. */
  development: boolean;
}

const DEFAULT_SITE_URL = 'http://localhost:4321';

/** The sender address when MAIL_FROM is not set: no-reply at the site's own host. */
function defaultFrom(siteUrl: string): string {
  let host = 'localhost';
  try {
    host = new URL(siteUrl).hostname || host;
  } catch {
    // An unparsable SITE_URL is reported where it is used; the From address stays usable.
  }
  return `RTW Academy <no-reply@${host}>`;
}

/** Decides the mode, sender and link base from the configuration. */
export function resolveMailSettings(input: MailConfigInput): MailSettings {
  const siteUrl = (input.siteUrl?.trim() || DEFAULT_SITE_URL).replace(/\/+$/u, '');
  const smtpUrl = input.smtpUrl?.trim() || null;
  const from = input.mailFrom?.trim() || defaultFrom(siteUrl);
  if (smtpUrl) return { mode: 'smtp', smtpUrl, from, siteUrl };
  return { mode: input.development ? 'dev-outbox' : 'off', smtpUrl: null, from, siteUrl };
}

export type SmtpUrlProblem = 'scheme' | 'unparsable';

/** What is wrong with an SMTP_URL, or null when nodemailer can use it. */
export function checkSmtpUrl(value: string): SmtpUrlProblem | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'unparsable';
  }
  return url.protocol === 'smtp:' || url.protocol === 'smtps:' ? null : 'scheme';
}

/** The one line a process logs at start about mail (never the credentials). */
export function describeMailSettings(settings: MailSettings): string {
  switch (settings.mode) {
    case 'smtp': {
      const problem = settings.smtpUrl ? checkSmtpUrl(settings.smtpUrl) : 'unparsable';
      if (problem) {
        return 'Email: SMTP_URL is set but is not an smtp:// or smtps:// URL, so sending will fail. Fix SMTP_URL and restart.';
      }
      const url = new URL(settings.smtpUrl ?? '');
      return `Email: sending through ${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''} as ${settings.from}.`;
    }
    case 'dev-outbox':
      return 'Email: SMTP_URL is not set, so messages go to the development outbox at /dev/outbox.';
    case 'off':
      return 'Email is OFF: SMTP_URL is not set. Nothing is sent: certificate notices wait in the outbox, reminders are not queued, and password reset, email change and invitations say on their pages that they cannot work. Set SMTP_URL and MAIL_FROM and restart.';
  }
}
