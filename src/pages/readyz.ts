import type { APIRoute } from 'astro';
import { getDb } from '#src/lib/server/app.ts';
import { appLog } from '#src/lib/server/ops/app-log.ts';
import { checkReadiness, probeResponse } from '#src/lib/server/ops/health.ts';

/**
 * Readiness: 200 when the database answers and its migrations are current, 503 otherwise and
 * while the process shuts down. Unauthenticated; the reason goes to the log, not the answer.
 */
export const GET: APIRoute = async () => {
  const readiness = await checkReadiness(getDb);
  if (!readiness.ready) appLog().warn({ reason: readiness.reason }, 'not ready');
  return probeResponse(readiness.ready ? 200 : 503);
};
