const prefix = 'rtw-academy-';
const pattern = /^rtw-academy-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})\.(\d{3})Z\.db$/;

/** `rtw-academy-2026-11-20T031500.123Z.db`: UTC, sorts by time, no characters a file system minds. */
export function backupFileName(takenAt: Date): string {
  const iso = takenAt.toISOString(); // 2026-11-20T03:15:00.123Z
  return `${prefix}${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 23)}Z.db`;
}

/** When a backup named by `backupFileName` was taken; null for any other file. */
export function parseBackupFileName(name: string): Date | null {
  const match = pattern.exec(name);
  if (!match) return null;
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, ms = 0] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  return backupFileName(date) === name ? date : null;
}
