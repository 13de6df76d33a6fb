import type { APIRoute } from 'astro';
import { probeResponse } from '#src/lib/server/ops/health.ts';

/** Liveness: the process is up and answering. Unauthenticated, no data, no database. */
export const GET: APIRoute = () => probeResponse(200);
