import type { SeedStep } from './seed/demo.ts';
import { seedAdmin } from './seed/admin.ts';
import { seedCertificates } from './seed/certificates.ts';
import { seedEmployers } from './seed/employers.ts';
import { seedLearning } from './seed/learning.ts';
import { seedMail } from './seed/mail.ts';
import { seedPractical } from './seed/practical.ts';
import { seedProgressPercents } from './seed/progress-percents.ts';
import { seedQuiz } from './seed/quiz.ts';

/** The demo seed steps each feature adds, in order (used by npm start, db:seed and the e2e setup). */
export const demoSeedSteps: SeedStep[] = [
  seedLearning,
  seedCertificates,
  seedQuiz,
  seedAdmin,
  seedEmployers,
  seedMail,
  seedPractical,
  // Last: the steps above write progress directly.
  seedProgressPercents,
];
