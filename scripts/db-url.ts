/** The database URL scripts use: DATABASE_URL, or the default local file. */
export const DEFAULT_DATABASE_URL = 'file:data/rtw-academy.db';

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function isDefaultLocalDatabase(url: string): boolean {
  return url === DEFAULT_DATABASE_URL;
}
