import type { SeedStep } from '../db/seed.ts';
import { seedAdmin } from '../db/seed-admin.ts';
import { seedCertificates } from '../db/seed-certificates.ts';
import { seedLearning } from '../db/seed-learning.ts';
import { seedQuiz } from '../db/seed-quiz.ts';

/** The demo seed steps each feature adds, in order (used by npm start, db:seed and the e2e setup). */
export const demoSeedSteps: SeedStep[] = [seedLearning, seedCertificates, seedQuiz, seedAdmin];
