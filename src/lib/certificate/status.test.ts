import { describe, expect, it } from 'vitest';
import { DAY_MS } from '#src/lib/time.ts';
import {
  certificateStatus,
  computeExpiry,
  daysUntilExpiry,
  isDueForRenewal,
  malaysianYear,
  parseExpiryWindow,
} from './status.ts';

const day = DAY_MS;
const fresh = { expiresAt: null, revokedAt: null, supersededBy: null };

describe('certificateStatus', () => {
  it('is valid until the instant before the expiry, expired from it', () => {
    const expiresAt = Date.UTC(2029, 7, 14, 2, 30);
    expect(certificateStatus({ ...fresh, expiresAt }, expiresAt - 1)).toBe('valid');
    expect(certificateStatus({ ...fresh, expiresAt }, expiresAt)).toBe('expired');
    expect(certificateStatus(fresh, Date.UTC(2100, 0, 1))).toBe('valid');
  });

  it('puts revoked before superseded before expired', () => {
    const expiresAt = Date.UTC(2020, 0, 1);
    const now = Date.UTC(2026, 0, 1);
    expect(certificateStatus({ expiresAt, revokedAt: 1, supersededBy: 'x' }, now)).toBe('revoked');
    expect(certificateStatus({ expiresAt, revokedAt: null, supersededBy: 'x' }, now)).toBe('superseded');
    expect(certificateStatus({ expiresAt, revokedAt: null, supersededBy: null }, now)).toBe('expired');
  });
});

describe('computeExpiry', () => {
  it('adds calendar months on the Malaysian calendar, at the same time of day', () => {
    expect(computeExpiry(Date.UTC(2026, 7, 14, 2, 30), 36)).toBe(Date.UTC(2029, 7, 14, 2, 30));
    expect(computeExpiry(Date.UTC(2026, 7, 14), null)).toBeNull();
    expect(computeExpiry(Date.UTC(2026, 7, 14), undefined)).toBeNull();
  });

  it('clamps to the end of a shorter month', () => {
    // 31 January 2027, 09:00 in Kuala Lumpur.
    expect(computeExpiry(Date.UTC(2027, 0, 31, 1), 1)).toBe(Date.UTC(2027, 1, 28, 1));
    expect(computeExpiry(Date.UTC(2028, 0, 31, 1), 1)).toBe(Date.UTC(2028, 1, 29, 1));
  });

  it('uses the date in Malaysia, not UTC', () => {
    // 20:00 UTC on 31 March is 04:00 on 1 April in Kuala Lumpur: one month later is 1 May there.
    expect(computeExpiry(Date.UTC(2026, 2, 31, 20), 1)).toBe(Date.UTC(2026, 3, 30, 20));
  });
});

describe('the renewal window and the year', () => {
  it('opens 60 days before the expiry and stays open after it', () => {
    const expiresAt = Date.UTC(2028, 5, 1);
    expect(isDueForRenewal({ ...fresh, expiresAt }, expiresAt - 61 * day)).toBe(false);
    expect(isDueForRenewal({ ...fresh, expiresAt }, expiresAt - 60 * day)).toBe(true);
    expect(isDueForRenewal({ ...fresh, expiresAt }, expiresAt + day)).toBe(true);
    expect(isDueForRenewal({ ...fresh, expiresAt, revokedAt: 1 }, expiresAt)).toBe(false);
    expect(isDueForRenewal(fresh, expiresAt)).toBe(false);
    expect(daysUntilExpiry(expiresAt, expiresAt - 25 * day + 1)).toBe(25);
    expect(daysUntilExpiry(expiresAt, expiresAt + 1)).toBe(0);
  });

  it('counts the year in Malaysia', () => {
    expect(malaysianYear(Date.UTC(2026, 11, 31, 15, 59))).toBe(2026);
    expect(malaysianYear(Date.UTC(2026, 11, 31, 16, 0))).toBe(2027);
  });
});

describe('parseExpiryWindow', () => {
  it('accepts 30, 60 or 90 days and falls back to the renewal window', () => {
    expect(parseExpiryWindow('30')).toBe(30);
    expect(parseExpiryWindow('90')).toBe(90);
    expect(parseExpiryWindow('45')).toBe(60);
    expect(parseExpiryWindow(null)).toBe(60);
    expect(parseExpiryWindow('x')).toBe(60);
  });
});
