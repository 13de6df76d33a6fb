/**
 * `npm run content:check`: validates every course, module, lesson, quiz, final assessment,
 * handbook chapter and job aid with the app's own schemas, then checks that the files fit
 * together (module ids, glossary terms, downloads, lesson orders, component props). Prints one
 * `file: field: what is wrong` line per problem and exits non-zero when there is any.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { crossCheckContent } from '#src/lib/server/content/check.ts';
import { readContentTree } from '#src/lib/server/content/files.ts';

const root = process.cwd();
const tree = readContentTree(root);
const problems = [
  ...tree.problems,
  ...crossCheckContent(tree, { publicFileExists: (path) => existsSync(join(root, 'public', path)) }),
];
const counts = [
  `${tree.courses.length} courses`,
  `${tree.modules.length} modules`,
  `${tree.lessons.length} lessons`,
  `${tree.quizzes.length} quizzes`,
  `${tree.assessments.length} final assessments`,
  `${tree.handbook.length} handbook chapters`,
  `${tree.jobAids.length} job aids`,
].join(', ');

if (problems.length === 0) {
  console.log(`Content is valid: ${counts}.`);
} else {
  for (const problem of problems) console.error(problem);
  console.error(
    `\n${problems.length} problem${problems.length === 1 ? '' : 's'} found (checked ${counts}). Fix each line above, then run npm run content:check again.`,
  );
  process.exitCode = 1;
}
