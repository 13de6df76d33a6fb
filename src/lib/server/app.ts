import { DATABASE_AUTH_TOKEN, DATABASE_URL, SECURE_COOKIES, SITE_URL } from 'astro:env/server';
import { createDb, migrateDb, type Database } from './db.ts';

let ready: Promise<Database> | undefined;

/**
 * The process-wide database, migrated before first use. The first request of a new server
 * process waits for the migrations; every later call returns the same promise.
 */
export function getDb(): Promise<Database> {
  ready ??= (async () => {
    const db = await createDb(DATABASE_URL ?? 'file:data/rtw-academy.db', { authToken: DATABASE_AUTH_TOKEN });
    await migrateDb(db);
    return db;
  })().catch((error: unknown) => {
    ready = undefined;
    throw new Error('The database could not be opened or migrated. Check DATABASE_URL.', { cause: error });
  });
  return ready;
}

/** Secure cookies (with the __Host- prefix) unless turned off for plain-http local use. */
export function secureCookies(): boolean {
  return SECURE_COOKIES ?? import.meta.env.PROD;
}

/** Public base URL for links that leave the app (certificate QR codes, reset links). */
export function siteUrl(): string {
  return (SITE_URL ?? 'http://localhost:4321').replace(/\/+$/, '');
}
