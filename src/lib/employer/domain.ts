/**
 * Email domains an admin verifies as an employer's own. Pure.
 *
 * A learner whose proven address is at a verified domain joins that employer, so a domain shared
 * by the public (a webmail provider) must never be one: everyone there would join.
 */

/** Webmail and ISP domains common in Malaysia and everywhere: never an employer's own. */
const PUBLIC_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.com.my',
  'ymail.com',
  'rocketmail.com',
  'hotmail.com',
  'hotmail.my',
  'outlook.com',
  'outlook.my',
  'live.com',
  'live.com.my',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'tm.net.my',
  'streamyx.com',
  'unifi.my',
]);

export type DomainProblem = 'required' | 'invalid' | 'public';

const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const domainPattern = new RegExp(`^(?:${label}\\.)+[a-z]{2,63}$`, 'u');

/**
 * A domain as an admin typed it (`@Cahaya.com.my`, `https://cahaya.com.my/`): lower-cased,
 * without `@`, a scheme or a path; or why it cannot be verified.
 */
export function normaliseDomain(typed: string): { domain: string } | { problem: DomainProblem } {
  let text = typed.normalize('NFKC').trim().toLowerCase();
  if (text === '') return { problem: 'required' };
  text = text
    .replace(/^[a-z]+:\/\//u, '')
    .replace(/^.*@/u, '')
    .replace(/[/?#].*$/u, '')
    .replace(/^www\./u, '')
    .replace(/\.$/u, '');
  if (text.length > 253 || !domainPattern.test(text)) return { problem: 'invalid' };
  if (PUBLIC_DOMAINS.has(text)) return { problem: 'public' };
  return { domain: text };
}

/** The domain of a normalised email address (the part after the last `@`). */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}
