/**
 * What features use to add scheduled work and to stop cleanly (README.md here). Job types:
 * `JobDefinition` and `JobContext` in registry.ts.
 */
export { registerJob } from './registry.ts';
export type { JobEnvironment } from './environment.ts';
export { onShutdown } from '#src/lib/server/ops/shutdown.ts';
