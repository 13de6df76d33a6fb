import type { SeedStep } from '../db/seed.ts';

/** The demo seed steps each feature adds, in order (used by npm start, db:seed and the e2e setup). */
export const demoSeedSteps: SeedStep[] = [];
