import { describe, expect, it } from 'vitest';
import { parseSynchronousMode } from '#src/lib/server/db.ts';
import { readBackupSchedule } from './backup/job.ts';
import { parseDuration } from './duration.ts';
import { parseLogLevel } from './log.ts';
import { requestIdFor } from './request-id.ts';
import { parseWorkerCount } from './workers.ts';

describe('operations settings', () => {
  it('DB_SYNCHRONOUS defaults to full and accepts normal', () => {
    expect(parseSynchronousMode(undefined)).toBe('full');
    expect(parseSynchronousMode('')).toBe('full');
    expect(parseSynchronousMode('FULL')).toBe('full');
    expect(parseSynchronousMode(' normal ')).toBe('normal');
    expect(() => parseSynchronousMode('off')).toThrow(/Use full \(the default\) or normal/);
  });

  it('durations read like 30m, 6h, 1d or 1h30m', () => {
    expect(parseDuration('30m')).toBe(30 * 60_000);
    expect(parseDuration('1h30m')).toBe(90 * 60_000);
    expect(parseDuration('1D')).toBe(24 * 3_600_000);
    for (const bad of ['', '10', 'often', '0m', '1.5h', '-1h']) expect(parseDuration(bad)).toBeNull();
  });

  it('the backup schedule needs BACKUP_DIR and a sane BACKUP_EVERY', () => {
    expect(readBackupSchedule({})).toBeNull();
    expect(readBackupSchedule({ BACKUP_DIR: '/var/backups/rtw' })).toEqual({
      dir: '/var/backups/rtw',
      everyMs: 24 * 3_600_000,
    });
    expect(readBackupSchedule({ BACKUP_DIR: 'b', BACKUP_EVERY: '6h' })?.everyMs).toBe(6 * 3_600_000);
    expect(() => readBackupSchedule({ BACKUP_DIR: 'b', BACKUP_EVERY: '1m' })).toThrow(/5 minutes or more/);
    expect(() => readBackupSchedule({ BACKUP_DIR: 'b', BACKUP_EVERY: 'daily' })).toThrow(/6h, 1d or 30m/);
  });

  it('LOG_LEVEL falls back to info', () => {
    expect(parseLogLevel('DEBUG')).toBe('debug');
    expect(parseLogLevel('loud')).toBe('info');
    expect(parseLogLevel(undefined)).toBe('info');
  });
});

describe('request ids', () => {
  it("take the proxy's id only behind a trusted proxy, and only when it looks like an id", () => {
    const headers = (id: string) => new Headers({ 'x-request-id': id });
    expect(requestIdFor(headers('nginx-5f2c9a1b'), true)).toBe('nginx-5f2c9a1b');
    expect(requestIdFor(headers('nginx-5f2c9a1b'), false)).toMatch(/^[0-9a-f]{16}$/);
    expect(requestIdFor(headers('spoof {"level":"fatal"}'), true)).toMatch(/^[0-9a-f]{16}$/);
    expect(requestIdFor(new Headers(), true)).not.toBe(requestIdFor(new Headers(), true));
  });

  it('WEB_CONCURRENCY: one worker per core when unset, a whole number from 1 to 64 otherwise', () => {
    expect(parseWorkerCount(undefined, 2)).toEqual({ count: 2 });
    expect(parseWorkerCount('  ', 8)).toEqual({ count: 8 });
    expect(parseWorkerCount(undefined, 0)).toEqual({ count: 1 });
    expect(parseWorkerCount(undefined, 200)).toEqual({ count: 64 });
    expect(parseWorkerCount('1', 8)).toEqual({ count: 1 });
    expect(parseWorkerCount(' 3 ', 2)).toEqual({ count: 3 });
    for (const wrong of ['0', '2.5', '-1', 'two', '2 workers', '65', '1e1']) {
      const parsed = parseWorkerCount(wrong, 2);
      expect(parsed, wrong).toHaveProperty('error');
      expect('error' in parsed && parsed.error).toMatch(
        /WEB_CONCURRENCY must be a whole number .* from 1 to 64/,
      );
    }
  });
});
