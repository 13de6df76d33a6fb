/**
 * Configuration for jobs, by environment variable name (`BACKUP_DIR`, `SMTP_URL` ...). The
 * server builds it from `astro:env` (src/lib/server/ops/background.ts), `npm run jobs` from
 * `process.env`, so job code reads settings the same way in both.
 */
export type JobEnvironment = Readonly<Record<string, string | undefined>>;
