import { describe, expect, it } from 'vitest';
import { checkReadiness, probeResponse } from '#src/lib/server/ops/health.ts';
import { beginShutdown } from '#src/lib/server/ops/shutdown.ts';
import { createTestDb } from './helpers/db.ts';

describe('readiness', () => {
  it('is ready with a reachable, fully migrated database', async () => {
    const test = await createTestDb();
    try {
      expect(await checkReadiness(() => Promise.resolve(test.db))).toEqual({ ready: true });
    } finally {
      test.cleanup();
    }
  });

  it('is not ready when the database cannot be opened or does not answer in time', async () => {
    expect(await checkReadiness(() => Promise.reject(new Error('ECONNREFUSED')))).toEqual({
      ready: false,
      reason: 'database-unreachable',
    });
    expect(await checkReadiness(() => new Promise(() => undefined), 50)).toEqual({
      ready: false,
      reason: 'database-unreachable',
    });
  });

  it('is not ready when the newest migration has not been applied', async () => {
    const test = await createTestDb();
    try {
      await test.db.client.execute(
        'DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)',
      );
      expect(await checkReadiness(() => Promise.resolve(test.db))).toEqual({
        ready: false,
        reason: 'migrations-behind',
      });
    } finally {
      test.cleanup();
    }
  });

  it('answers a bare status word, never cached, and 503 once shutdown began', async () => {
    const ok = probeResponse(200);
    expect(await ok.text()).toBe('ok\n');
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(probeResponse(503).status).toBe(503);
    beginShutdown();
    expect(await checkReadiness(() => Promise.reject(new Error('unused')))).toEqual({
      ready: false,
      reason: 'stopping',
    });
  });
});
