import { DAY_MS, MALAYSIA_OFFSET_MS } from '#src/lib/time.ts';
/**
 * The life of a certificate in time: its status at a moment, its expiry date and the renewal
 * window. Pure and isomorphic, so the desk, the dashboard, the verification page and the tests
 * agree on every boundary.
 */

export const certificateStatuses = ['valid', 'expired', 'revoked', 'superseded'] as const;
export type CertificateStatus = (typeof certificateStatuses)[number];

/** A learner is told about the expiry, and may renew, this many days before it. */
export const RENEWAL_WINDOW_DAYS = 60;

/** The "expiring within" windows a person can choose on every screen that counts them. */
export const EXPIRY_WINDOWS = [30, 60, 90] as const;
export type ExpiryWindow = (typeof EXPIRY_WINDOWS)[number];

/** The window a query string asks for (`?within=30`), else the renewal window. */
export function parseExpiryWindow(value: string | null | undefined): ExpiryWindow {
  const days = Number(value);
  return EXPIRY_WINDOWS.find((window) => window === days) ?? RENEWAL_WINDOW_DAYS;
}

const day = DAY_MS;
// Malaysia keeps UTC+8 all year (no daylight saving), so a fixed offset gives its calendar.
const malaysiaOffsetMs = MALAYSIA_OFFSET_MS;

export interface CertificateTimeline {
  expiresAt: number | null;
  revokedAt: number | null;
  supersededBy: string | null;
}

/**
 * The status at `now`. Revocation wins over everything; a certificate replaced by a newer one is
 * superseded; one whose expiry has arrived is expired (it is valid until the instant before
 * `expiresAt`, and expired from `expiresAt` on).
 */
export function certificateStatus(record: CertificateTimeline, now: number): CertificateStatus {
  if (record.revokedAt !== null) return 'revoked';
  if (record.supersededBy !== null) return 'superseded';
  if (record.expiresAt !== null && now >= record.expiresAt) return 'expired';
  return 'valid';
}

/** Whether a status is one of the known ones (for filters read from a URL). */
export function isCertificateStatus(value: unknown): value is CertificateStatus {
  return typeof value === 'string' && (certificateStatuses as readonly string[]).includes(value);
}

/**
 * The expiry `validityMonths` calendar months after `issuedAt` on the Malaysian calendar, at the
 * same time of day; the day is clamped to the month's end (31 January + 1 month is 28 or 29
 * February). Null when the certificate does not expire.
 */
export function computeExpiry(issuedAt: number, validityMonths: number | null | undefined): number | null {
  if (validityMonths === null || validityMonths === undefined) return null;
  const local = new Date(issuedAt + malaysiaOffsetMs);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + validityMonths;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const target = Date.UTC(
    year,
    month,
    Math.min(local.getUTCDate(), lastDay),
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  );
  return target - malaysiaOffsetMs;
}

/** The calendar year in Malaysia at `at`: serials count per year of issue there. */
export function malaysianYear(at: number): number {
  return new Date(at + malaysiaOffsetMs).getUTCFullYear();
}

/** Whole days left until `expiresAt`, rounded up (1 on its last day); 0 once it has passed. */
export function daysUntilExpiry(expiresAt: number, now: number): number {
  return Math.max(0, Math.ceil((expiresAt - now) / day));
}

/**
 * Whether a certificate is due for renewal at `now`: still valid but expiring within
 * RENEWAL_WINDOW_DAYS, or already expired. Revoked and superseded ones are never due.
 */
export function isDueForRenewal(record: CertificateTimeline, now: number): boolean {
  if (record.expiresAt === null) return false;
  const status = certificateStatus(record, now);
  if (status === 'expired') return true;
  return status === 'valid' && record.expiresAt - now <= RENEWAL_WINDOW_DAYS * day;
}
