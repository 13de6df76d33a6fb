import {
  DATABASE_AUTH_TOKEN,
  DATABASE_URL,
  DB_SYNCHRONOUS,
  SECURE_COOKIES,
  SITE_URL,
} from 'astro:env/server';
import { createDb, migrateDb, parseSynchronousMode, type Database } from './db.ts';
import { startBackgroundWork } from './ops/background.ts';

let ready: Promise<Database> | undefined;

/**
 * The process-wide database, migrated before first use. The first request of a new server
 * process waits for the migrations and starts the background work (heartbeat, scheduled jobs);
 * every later call returns the same promise.
 */
export function getDb(): Promise<Database> {
  ready ??= (async () => {
    const db = await createDb(DATABASE_URL ?? 'file:data/rtw-academy.db', {
      authToken: DATABASE_AUTH_TOKEN,
      synchronous: parseSynchronousMode(DB_SYNCHRONOUS),
    });
    await migrateDb(db);
    startBackgroundWork(db);
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

/**
 * Public base URL for links that leave the app (certificate QR codes, verification and reset
 * links). `SITE_URL` when set; in development, the dev server's own address (`PORT`, default
 * 4321). A production server refuses to start without `SITE_URL` (scripts/serve.ts), so a
 * printed certificate never points at a developer's machine.
 */
export function siteUrl(): string {
  if (SITE_URL) return SITE_URL.replace(/\/+$/u, '');
  if (import.meta.env.PROD) {
    throw new Error('SITE_URL is not set: set it to the public address, e.g. https://rtw.example.my');
  }
  return `http://localhost:${process.env.PORT ?? '4321'}`;
}
