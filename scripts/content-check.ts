/**
 * `npm run content:check`: validates every course, module, lesson, quiz, final assessment,
 * handbook chapter and job aid with the app's own schemas, in English and in their Bahasa
 * Malaysia copies, then checks that the files fit together (module ids, glossary terms,
 * downloads, lesson orders, component props), that each translation (job aids included) keeps its English file's
 * structure and the termbase, that every published course is fully translated, and that each
 * course's declared hours match what its content takes. Prints the translation coverage and the
 * study time, one `file: field: what is wrong` line per problem, and exits non-zero when there
 * is any (warnings alone do not fail).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIVITY_MINUTES, MINUTES_PER_QUESTION, READING_WORDS_PER_MINUTE } from '#src/lib/content/hours.ts';
import {
  checkStudyTime,
  checkTranslations,
  coverageProblems,
  crossCheckContent,
  translationCoverage,
} from '#src/lib/server/content/check.ts';
import { readContentTree } from '#src/lib/server/content/files.ts';
import { checkAssignments } from '#src/lib/server/assignment/check.ts';
import { checkQuizBanks } from '#src/lib/server/quiz/bank-check.ts';
import { JOB_AID_FOLDER, readJobAidSources } from '#src/lib/server/job-aid/sources.ts';

const root = process.cwd();
const tree = readContentTree(root);
const coverage = translationCoverage(tree, 'ms');
const studyTime = checkStudyTime(tree);
const problems = [
  ...tree.problems,
  ...crossCheckContent(tree, { publicFileExists: (path) => existsSync(join(root, 'public', path)) }),
  ...checkTranslations(tree),
  ...coverageProblems(coverage, 'ms'),
  ...studyTime.problems,
  ...checkAssignments(tree),
];
// Question banks: duplicate items, the final's review policy (src/lib/server/quiz/bank-check.ts).
const banks = checkQuizBanks({
  modules: tree.quizzes.map((entry) => ({ id: entry.id, file: entry.file, quiz: entry.data })),
  finals: tree.assessments.map((entry) => ({ id: entry.id, file: entry.file, quiz: entry.data })),
  courses: tree.courses.map((entry) => ({
    finalAssessmentId: entry.data.completion.finalAssessment ?? null,
    moduleIds: entry.data.modules,
  })),
});
problems.push(...banks.errors);
// Job aids in both languages: the BM spec parses and keeps the English structure and field ids,
// and every aid has one (the downloads page offers each in the reader's language).
const jobAids = readJobAidSources(root);
if (!jobAids.ok) problems.push(...jobAids.problems.filter((problem) => !problems.includes(problem)));
for (const aid of jobAids.aids) {
  if (
    !aid.translations.ms &&
    !problems.some((problem) => problem.startsWith(`${JOB_AID_FOLDER}/ms/${aid.id}.`))
  )
    problems.push(
      `${JOB_AID_FOLDER}/${aid.id}.yaml: no Bahasa Malaysia version: add ${JOB_AID_FOLDER}/ms/${aid.id}.yaml with the same sections and field ids`,
    );
}
const counts = [
  `${tree.courses.length} courses`,
  `${tree.modules.length} modules`,
  `${tree.lessons.length} lessons`,
  `${tree.quizzes.length} quizzes`,
  `${tree.assessments.length} final assessments`,
  `${tree.handbook.length} handbook chapters`,
  `${tree.jobAids.length} job aids`,
].join(', ');

const number = new Intl.NumberFormat('en-MY', { maximumFractionDigits: 1 });
const hours = (minutes: number) => `${number.format(minutes / 60)} h`;
const width = Math.max(...tree.courses.map((course) => course.id.length), 'handbook'.length) + 2;

console.log('Translation coverage (Bahasa Malaysia, ms/ folders):');
for (const course of coverage) {
  const part = (label: string, count: { translated: number; total: number }) =>
    `${label} ${count.translated}/${count.total}`;
  console.log(
    `  ${course.courseId.padEnd(width)}${`${course.percent}%`.padStart(6)}  ${[
      part('lessons', course.lessons),
      part('module files', course.moduleFiles),
      part('quizzes', course.quizzes),
      ...(course.assignments.total > 0 ? [part('assignments', course.assignments)] : []),
      part('course file', course.courseFile),
    ].join(' · ')}${course.draft ? '  (draft)' : ''}`,
  );
}
const translatedChapters = new Set(tree.translations.ms.handbook.map((chapter) => chapter.id));
const chaptersDone = tree.handbook.filter((chapter) => translatedChapters.has(chapter.id)).length;
const chapterPercent =
  tree.handbook.length === 0 ? 100 : Math.floor((chaptersDone / tree.handbook.length) * 100);
console.log(
  `  ${'handbook'.padEnd(width)}${`${chapterPercent}%`.padStart(6)}  chapters ${chaptersDone}/${tree.handbook.length}`,
);
const aidsDone = jobAids.aids.filter((aid) => aid.translations.ms).length;
const aidPercent = jobAids.aids.length === 0 ? 100 : Math.floor((aidsDone / jobAids.aids.length) * 100);
console.log(
  `  ${'job aids'.padEnd(width)}${`${aidPercent}%`.padStart(6)}  specs ${aidsDone}/${jobAids.aids.length}`,
);

console.log(
  `\nStudy time (reading at ${READING_WORDS_PER_MINUTE} words a minute; ${Object.entries(ACTIVITY_MINUTES)
    .map(([name, minutes]) => `${minutes} min per ${name}`)
    .join(', ')}; ${MINUTES_PER_QUESTION} min per quiz question drawn):`,
);
for (const course of studyTime.courses) {
  const { time } = course;
  console.log(
    `  ${course.courseId.padEnd(width)}${hours(time.hours * 60).padStart(7)} = reading ${hours(time.readingMinutes)} (${number.format(time.words)} words) + activities ${hours(time.activityMinutes)} + module quizzes ${hours(time.quizMinutes)} + final assessment ${hours(time.finalMinutes)} + assignments ${hours(time.assignmentMinutes)} + practical ${hours(time.practicalMinutes)}; the course file says ${course.estimatedHours} h, CPD ${course.cpdHours} h`,
  );
}

const warnings = [...studyTime.warnings, ...banks.warnings];
if (warnings.length > 0) {
  console.log(`\n${warnings.length} warning(s) (these do not fail the check):`);
  for (const warning of warnings) console.log(`  ${warning}`);
}

if (problems.length === 0) {
  console.log(`\nContent is valid: ${counts}.`);
} else {
  console.error('');
  for (const problem of problems) console.error(problem);
  console.error(
    `\n${problems.length} problem${problems.length === 1 ? '' : 's'} found (checked ${counts}). Fix each line above, then run npm run content:check again.`,
  );
  process.exitCode = 1;
}
