import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupFileName } from './file-name.ts';
import { selectBackupsToKeep } from './retention.ts';

const at = (iso: string) => ({ takenAt: new Date(iso), name: iso });

describe('backup file names', () => {
  it('carry the UTC time to the millisecond and read back', () => {
    const taken = new Date('2026-11-20T03:15:00.123Z');
    expect(backupFileName(taken)).toBe('rtw-academy-2026-11-20T031500.123Z.db');
    expect(parseBackupFileName(backupFileName(taken))?.toISOString()).toBe(taken.toISOString());
  });

  it('ignore other files and impossible dates', () => {
    expect(parseBackupFileName('rtw-academy-2026-11-20T031500.123Z.db.partial')).toBeNull();
    expect(parseBackupFileName('notes.txt')).toBeNull();
    expect(parseBackupFileName('rtw-academy-2026-02-30T031500.123Z.db')).toBeNull();
  });
});

describe('backup retention', () => {
  it('keeps the newest of each of the last 7 days, 4 weeks and 12 months', () => {
    // Two backups a day for 400 days, ending on Friday 2026-11-20.
    const backups = [];
    for (let day = 0; day < 400; day++) {
      for (const hour of ['03', '15']) {
        const date = new Date(Date.UTC(2026, 10, 20 - day));
        backups.push(at(`${date.toISOString().slice(0, 10)}T${hour}:00:00.000Z`));
      }
    }
    const { keep, remove } = selectBackupsToKeep(backups);
    const kept = keep.map((backup) => backup.name);
    // Daily: 14..20 November, the 15:00 backup of each.
    expect(kept.slice(0, 7)).toEqual(
      ['20', '19', '18', '17', '16', '15', '14'].map((day) => `2026-11-${day}T15:00:00.000Z`),
    );
    // Weekly: the newest of ISO weeks 47 (already kept), 46, 45 and 44 — their Sundays.
    expect(kept).toContain('2026-11-08T15:00:00.000Z');
    expect(kept).toContain('2026-11-01T15:00:00.000Z');
    expect(kept).not.toContain('2026-10-25T15:00:00.000Z');
    // Monthly: the last day of each earlier month, twelve months including November.
    expect(kept).toContain('2026-10-31T15:00:00.000Z');
    expect(kept).toContain('2025-12-31T15:00:00.000Z');
    expect(kept).not.toContain('2025-11-30T15:00:00.000Z');
    expect(keep.length + remove.length).toBe(backups.length);
    expect(new Set(kept).size).toBe(7 + 2 + 11);
  });

  it('always keeps the newest backup and never keeps a removed one twice', () => {
    const backups = [at('2026-01-01T00:00:00.000Z'), at('2026-01-01T00:05:00.000Z')];
    const { keep, remove } = selectBackupsToKeep(backups, { daily: 0, weekly: 0, monthly: 0 });
    expect(keep.map((backup) => backup.name)).toEqual(['2026-01-01T00:05:00.000Z']);
    expect(remove.map((backup) => backup.name)).toEqual(['2026-01-01T00:00:00.000Z']);
  });

  it('counts days that have a backup, not calendar days', () => {
    const backups = [
      at('2026-11-20T01:00:00.000Z'),
      at('2026-06-01T01:00:00.000Z'),
      at('2025-01-01T01:00:00.000Z'),
    ];
    expect(selectBackupsToKeep(backups, { daily: 7, weekly: 0, monthly: 0 }).remove).toEqual([]);
  });

  it('puts ISO week 1 of 2027 around New Year (Monday 2027-01-04 starts it)', () => {
    const backups = [
      at('2027-01-03T10:00:00.000Z'),
      at('2027-01-04T10:00:00.000Z'),
      at('2026-12-28T10:00:00.000Z'),
    ];
    const { keep } = selectBackupsToKeep(backups, { daily: 0, weekly: 2, monthly: 0 });
    // Week 1 of 2027: the 4th; week 53 of 2026: the 3rd (newest of 28 Dec .. 3 Jan).
    expect(keep.map((backup) => backup.name)).toEqual([
      '2027-01-04T10:00:00.000Z',
      '2027-01-03T10:00:00.000Z',
    ]);
  });
});
