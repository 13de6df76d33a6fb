/**
 * The last demo step: the seeds write progress rows directly, so the % complete kept on each
 * enrolment (what the progress report's chart reads) is worked out here, by the app's own rule.
 */
import { enrolment } from '#db/schema.ts';
import type { SeedStep } from './demo.ts';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';
import { refreshProgressPercentsOf } from '#src/lib/server/learning/progress-percent.ts';

export const seedProgressPercents: SeedStep = async (orm) => {
  const catalogue = catalogueFromTree(readContentTree(process.cwd()));
  const learners = await orm.selectDistinct({ userId: enrolment.userId }).from(enrolment);
  for (const { userId } of learners) await refreshProgressPercentsOf(orm, catalogue, userId);
  return `% complete kept for the enrolments of ${learners.length} learner(s)`;
};
