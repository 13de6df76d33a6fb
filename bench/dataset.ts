/**
 * The bench's large dataset: employers, learners with enrolments and progress that follow the
 * learning path's rules (every completion the rules grant is recorded, so no page has anything
 * left to settle), quiz attempts graded by the real grader, and certificates with serials,
 * codes, counters and audit entries. Deterministic: the same size gives the same data.
 *
 * Real content has 65 lessons, so a learner can hold at most 65 rows of current lessons. The
 * rest of the lesson_progress rows belong to lessons of an earlier edition of the course (ids
 * under `edition-2024-…/`), which is what a platform that has run for a few years holds: rows
 * the pages read and the reports skip.
 */
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { organisationNameKey } from '#src/lib/account/rules.ts';
import { VERIFICATION_CODE_ALPHABET, formatSerial } from '#src/lib/certificate/code.ts';
import { computeExpiry, malaysianYear } from '#src/lib/certificate/status.ts';
import { computeCourseProgress, type LearnerRecord, type LessonRecord } from '#src/lib/learning/progress.ts';
import type { CourseView } from '#src/lib/learning/structure.ts';
import { migrationsFolder } from '#src/lib/server/db.ts';
import { hashPassword } from '#src/lib/server/account/password.ts';
import { drawAttempt, seededRandom, type RandomSource } from '#src/lib/server/quiz/draw.ts';
import { gradeAttempt } from '#src/lib/server/quiz/grading.ts';
import type { QuizContent } from '#src/lib/server/quiz/source.ts';
import { rightAnswers, requireQuiz, type BenchContent } from './content.ts';
import { employerName, personName } from './names.ts';
import { TableWriter, type SqlExecutor, type SqlValue } from './sql-writer.ts';
import { DAY_MS } from '#src/lib/time.ts';

export interface DatasetSize {
  learners: number;
  employers: number;
  lessonProgress: number;
  quizAttempts: number;
  certificates: number;
}

export const FULL_DATASET: DatasetSize = {
  learners: 10_000,
  employers: 200,
  lessonProgress: 1_000_000,
  quizAttempts: 100_000,
  certificates: 5_000,
};

export const QUICK_DATASET: DatasetSize = {
  learners: 1_000,
  employers: 20,
  lessonProgress: 100_000,
  quizAttempts: 10_000,
  certificates: 500,
};

/** The password of every seeded account. */
export const BENCH_PASSWORD = 'bench-password-2026';

export interface CoursePlan {
  courseId: string;
  enrolmentId: string;
  enrolledAt: number;
  /** Lessons completed, as a count of the course's lessons in reading order. */
  lessonsDone: number;
  /** Module ids whose completion is recorded. */
  modulesDone: string[];
  completedAt: number | null;
  /** The learner's latest activity in this course. */
  lastSeenAt: number;
}

export interface LearnerPlan {
  id: string;
  email: string;
  fullName: string;
  organisationId: string;
  courses: CoursePlan[];
}

export interface SeededCertificate {
  id: string;
  code: string;
  userId: string;
  courseId: string;
}

export interface SeededDataset {
  adminId: string;
  trainerId: string;
  learners: LearnerPlan[];
  certificates: SeededCertificate[];
  /** Rows per table, counted in the database after loading. */
  counts: Record<string, number>;
  seconds: number;
}

const day = DAY_MS;
const idAlphabet = 'abcdefghijklmnopqrstuvwxyz234567';
const rtwCourseId = 'rtw-coordinator';
const supervisorsCourseId = 'supervisors-early-intervention';

interface Attempt {
  userId: string;
  quizId: string;
  passed: boolean;
  at: number;
}

interface Completion {
  userId: string;
  fullName: string;
  course: CourseView;
  completedAt: number;
}

/** Grades prepared once per quiz: a few layouts, each with a passing and a failing grade. */
interface GradedLayout {
  layout: string;
  pass: { answers: string; score: number; maxScore: number; percent: number; results: string };
  fail: { answers: string; score: number; maxScore: number; percent: number; results: string };
}

function prepareGrades(quiz: QuizContent, count: number): GradedLayout[] {
  const out: GradedLayout[] = [];
  for (let index = 0; index < count; index++) {
    const layout = drawAttempt(quiz.quiz, seededRandom(`${quiz.id}:${index}`));
    const graded = (answers: Record<string, unknown>) => {
      const grade = gradeAttempt(quiz.quiz, layout, answers as Parameters<typeof gradeAttempt>[2]);
      return {
        answers: JSON.stringify(answers),
        score: grade.score,
        maxScore: grade.maxScore,
        percent: grade.percent,
        results: JSON.stringify({
          questions: grade.questions,
          endedBy: 'learner',
          contentChanged: false,
          missingQuestionIds: [],
        }),
      };
    };
    const pass = graded(rightAnswers(quiz.quiz, layout));
    const fail = graded({});
    out.push({ layout: JSON.stringify(layout), pass, fail });
  }
  return out;
}

/** Opaque ids shaped like `newId()` (16 base32 letters), from the seeded source. */
function idMaker(random: RandomSource): () => string {
  return () => {
    let id = '';
    for (let index = 0; index < 16; index++) id += idAlphabet[Math.floor(random() * 32)];
    return id;
  };
}

function codeMaker(random: RandomSource): () => string {
  const seen = new Set<string>();
  return () => {
    for (;;) {
      let code = '';
      for (let index = 0; index < 20; index++)
        code += VERIFICATION_CODE_ALPHABET[Math.floor(random() * VERIFICATION_CODE_ALPHABET.length)];
      if (!seen.has(code)) {
        seen.add(code);
        return code;
      }
    }
  };
}

/**
 * Creates the database at `url` (a `file:` URL to a file that does not exist yet), applies the
 * migrations, loads the dataset and returns what the bench needs to address it. Everything goes
 * through one connection: a second one would keep the journal mode from being switched off for
 * the load. `log` receives a line per stage.
 */
export async function seedDataset(
  url: string,
  content: BenchContent,
  size: DatasetSize,
  now: number,
  log: (line: string) => void = () => undefined,
): Promise<SeededDataset> {
  const started = performance.now();
  const random = seededRandom(`rtw-bench:${size.learners}`);
  const newId = idMaker(random);
  const newCode = codeMaker(random);
  const rtw = content.catalogue.published.course(rtwCourseId);
  const supervisors = content.catalogue.published.course(supervisorsCourseId);
  if (!rtw || !supervisors)
    throw new Error(`The bench needs the courses "${rtwCourseId}" and "${supervisorsCourseId}".`);
  const grades = new Map<string, GradedLayout[]>();
  for (const course of [rtw, supervisors]) {
    for (const module of course.modules)
      if (module.quizId) grades.set(module.quizId, prepareGrades(requireQuiz(content, module.quizId), 8));
    const finalId = course.rules.finalAssessmentId;
    if (finalId) grades.set(finalId, prepareGrades(requireQuiz(content, finalId), 8));
  }
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  // One connection, so the PRAGMAs and the transaction below apply to every statement.
  const client = createClient({ url, concurrency: 1, timeout: 30_000 });
  // A throwaway file: no journal and no syncs while loading; WAL is switched back on at the end.
  await client.execute('PRAGMA journal_mode = OFF');
  await client.execute('PRAGMA synchronous = OFF');
  await client.execute('PRAGMA foreign_keys = OFF');
  await client.execute('PRAGMA cache_size = -262144');
  await client.execute('PRAGMA temp_store = MEMORY');
  await client.execute('PRAGMA locking_mode = EXCLUSIVE');
  await migrate(drizzle(client), { migrationsFolder: migrationsFolder() });
  // The pool rolls back a BEGIN sent through execute(); a transaction object holds the connection.
  const tx = await client.transaction('write');
  try {
    const organisations = new TableWriter(tx, 'organisation', ['id', 'name', 'name_key', 'created_at']);
    const orgIds: string[] = [];
    for (let index = 0; index < size.employers + 1; index++) {
      const name = index === 0 ? 'RTW Academy' : employerName(index - 1);
      const id = newId();
      orgIds.push(id);
      await organisations.add([id, name, organisationNameKey(name), now - 900 * day]);
    }
    await organisations.flush();

    const users = new TableWriter(tx, 'user', [
      'id',
      'email',
      'full_name',
      'password_hash',
      'role',
      'organisation_id',
      'locale',
      'status',
      'created_at',
      'last_active_at',
    ]);
    const adminId = newId();
    const trainerId = newId();
    const staffOrg = orgIds[0] ?? '';
    await users.add([
      adminId,
      'admin@bench.rtw-academy.my',
      'Nurul Huda binti Ismail',
      passwordHash,
      'admin',
      staffOrg,
      'en',
      'active',
      now - 900 * day,
      now,
    ]);
    await users.add([
      trainerId,
      'trainer@bench.rtw-academy.my',
      'Rajesh a/l Subramaniam',
      passwordHash,
      'trainer',
      staffOrg,
      'en',
      'active',
      now - 900 * day,
      now,
    ]);

    const learners: LearnerPlan[] = [];
    for (let index = 0; index < size.learners; index++) {
      const orgIndex = 1 + (index % size.employers);
      learners.push({
        id: newId(),
        email: `learner${index}@employer${orgIndex}.bench.my`,
        fullName: personName(random),
        organisationId: orgIds[orgIndex] ?? '',
        courses: [],
      });
    }
    // In id order, so the (user, lesson) primary key of lesson_progress grows at its end.
    learners.sort((a, b) => (a.id < b.id ? -1 : 1));

    const attempts: Attempt[] = [];
    const completions: Completion[] = [];
    const progressRows: SqlValue[][] = [];
    const lastActive = new Map<string, number>();
    const moduleRows: SqlValue[][] = [];
    const enrolmentRows: SqlValue[][] = [];
    for (const learner of learners) {
      const inRtw = random() < 0.7;
      const inSupervisors = !inRtw || random() < 0.5;
      const from = { attempts: attempts.length, progress: progressRows.length, modules: moduleRows.length };
      const planned: [CourseView, CoursePlan][] = [];
      for (const course of [inRtw ? rtw : null, inSupervisors ? supervisors : null]) {
        if (!course) continue;
        const plan = planCourse(course, learner, random, now, newId, attempts, progressRows, moduleRows);
        learner.courses.push(plan);
        planned.push([course, plan]);
        if (plan.completedAt !== null)
          completions.push({
            userId: learner.id,
            fullName: learner.fullName,
            course,
            completedAt: plan.completedAt,
          });
        lastActive.set(learner.id, Math.max(lastActive.get(learner.id) ?? 0, plan.lastSeenAt));
      }
      // The % complete the app keeps on each enrolment, by its own rule, from the rows planned above.
      const record = learnerRecordOf(
        progressRows.slice(from.progress),
        moduleRows.slice(from.modules),
        attempts.slice(from.attempts),
      );
      for (const [course, plan] of planned)
        enrolmentRows.push([
          plan.enrolmentId,
          learner.id,
          course.id,
          'active',
          plan.enrolledAt,
          plan.completedAt,
          computeCourseProgress(course, record, plan).percent,
        ]);
    }
    for (const learner of learners) {
      const first = Math.min(...learner.courses.map((plan) => plan.enrolledAt));
      await users.add([
        learner.id,
        learner.email,
        learner.fullName,
        passwordHash,
        'learner',
        learner.organisationId,
        random() < 0.2 ? 'ms' : 'en',
        'active',
        first - 800 * day,
        lastActive.get(learner.id) ?? first,
      ]);
    }
    await users.flush();
    log(`  ${learners.length.toLocaleString('en')} learners in ${size.employers} employers`);

    const enrolments = new TableWriter(tx, 'enrolment', [
      'id',
      'user_id',
      'course_id',
      'status',
      'enrolled_at',
      'completed_at',
      'progress_percent',
    ]);
    for (const row of enrolmentRows) await enrolments.add(row);
    await enrolments.flush();

    await writeLessonProgress(tx, learners, progressRows, size.lessonProgress, random);
    log(`  ${size.lessonProgress.toLocaleString('en')} lesson_progress rows`);

    const modules = new TableWriter(tx, 'module_completion', ['user_id', 'module_id', 'completed_at']);
    for (const row of moduleRows) await modules.add(row);
    await modules.flush();

    await writeAttempts(tx, content, attempts, size.quizAttempts, grades, random, newId, now);
    log(`  ${size.quizAttempts.toLocaleString('en')} quiz attempts`);

    const certificates = await writeCertificates(
      tx,
      completions,
      size.certificates,
      adminId,
      random,
      newId,
      newCode,
      now,
    );
    log(`  ${certificates.length.toLocaleString('en')} certificates`);

    await tx.commit();
    await client.execute('PRAGMA locking_mode = NORMAL');
    await client.execute('PRAGMA journal_mode = WAL');

    const counts: Record<string, number> = {};
    for (const table of [
      'organisation',
      'user',
      'enrolment',
      'lesson_progress',
      'module_completion',
      'quiz_attempt',
      'certificate',
      'audit_event',
    ]) {
      const result = await client.execute(`SELECT count(*) AS n FROM "${table}"`);
      counts[table] = Number(result.rows[0]?.n ?? 0);
    }
    return {
      adminId,
      trainerId,
      learners,
      certificates,
      counts,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await tx.rollback().catch(() => undefined);
    throw error;
  } finally {
    client.close();
  }
}

/**
 * One learner's way through one course, by the learning path's rules: lessons in reading order,
 * a module complete (and recorded) when its lessons are done and its quiz passed, the course
 * complete when every module is and the final assessment is passed. A learner who has moved on
 * past a module passed its quiz (a sequential course opens the next module only then).
 */
function planCourse(
  course: CourseView,
  learner: LearnerPlan,
  random: RandomSource,
  now: number,
  newId: () => string,
  attempts: Attempt[],
  progressRows: SqlValue[][],
  moduleRows: SqlValue[][],
): CoursePlan {
  const lessons = course.lessons;
  const complete = random() < 0.42;
  const lessonsDone = complete ? lessons.length : Math.floor(random() * lessons.length);
  const enrolledAt = now - Math.floor((5 + random() * 535) * day);
  const span = (now - enrolledAt) * 0.9;
  const timeOf = (step: number) => enrolledAt + Math.floor((span * (step + 1)) / (lessons.length + 3));
  let lastSeenAt = enrolledAt;

  for (let index = 0; index < lessonsDone; index++) {
    const lesson = lessons[index];
    if (!lesson) continue;
    const at = timeOf(index);
    progressRows.push([learner.id, lesson.id, at - 10 * 60_000, at, at]);
    lastSeenAt = at;
  }

  const modulesDone: string[] = [];
  let position = 0;
  let open = true;
  for (const module of course.modules) {
    position += module.lessons.length;
    if (position > lessonsDone) break;
    const movedOn = position < lessonsDone;
    const passed = module.quizId === null || complete || movedOn || random() < 0.7;
    const at = timeOf(position - 1) + 60 * 60_000;
    if (module.quizId) {
      const failures = random() < 0.6 ? 0 : random() < 0.75 ? 1 : 2;
      for (let index = 0; index < failures; index++)
        attempts.push({ userId: learner.id, quizId: module.quizId, passed: false, at: at + index * 60_000 });
      if (passed)
        attempts.push({
          userId: learner.id,
          quizId: module.quizId,
          passed: true,
          at: at + failures * 60_000,
        });
      lastSeenAt = Math.max(lastSeenAt, at + failures * 60_000);
    }
    if (passed) {
      modulesDone.push(module.id);
      moduleRows.push([learner.id, module.id, at + 5 * 60_000]);
    } else open = !course.sequential;
  }

  // The lesson being read now, when its module is open.
  const reading = lessons[lessonsDone];
  if (reading && open && random() < 0.8) {
    const at = timeOf(lessonsDone);
    progressRows.push([learner.id, reading.id, at, at, null]);
    lastSeenAt = Math.max(lastSeenAt, at);
  }

  let completedAt: number | null = null;
  const finalId = course.rules.finalAssessmentId;
  if (complete) {
    completedAt = timeOf(lessons.length + 1);
    lastSeenAt = completedAt;
    if (finalId) {
      const failures = random() < 0.7 ? 0 : 1;
      for (let index = 0; index < failures; index++)
        attempts.push({
          userId: learner.id,
          quizId: finalId,
          passed: false,
          at: completedAt - (index + 1) * day,
        });
      attempts.push({ userId: learner.id, quizId: finalId, passed: true, at: completedAt });
    }
  }
  return {
    courseId: course.id,
    enrolmentId: newId(),
    enrolledAt,
    lessonsDone,
    modulesDone,
    completedAt,
    lastSeenAt,
  };
}

/** One learner's planned rows as the learning path's rule reads them (current ids: no aliases). */
function learnerRecordOf(
  progress: readonly SqlValue[][],
  modules: readonly SqlValue[][],
  planned: readonly Attempt[],
): LearnerRecord {
  const lessons = new Map<string, LessonRecord>();
  for (const [, lessonId, , lastViewedAt, completedAt] of progress)
    lessons.set(String(lessonId), {
      completedAt: completedAt === null ? null : Number(completedAt),
      lastViewedAt: Number(lastViewedAt),
    });
  const completedModules = new Map<string, number>();
  for (const [, moduleId, at] of modules) completedModules.set(String(moduleId), Number(at));
  const passedQuizzes = new Set(planned.filter((attempt) => attempt.passed).map((attempt) => attempt.quizId));
  return { lessons, completedModules, passedQuizzes, assignments: new Map(), attendedSessions: new Map() };
}

/** Writes the current-content rows, then rows of an earlier edition until the total is `target`. */
async function writeLessonProgress(
  client: SqlExecutor,
  learners: readonly LearnerPlan[],
  rows: SqlValue[][],
  target: number,
  random: RandomSource,
): Promise<void> {
  const extra = target - rows.length;
  if (extra < 0)
    throw new Error(
      `${target} lesson_progress rows are too few for ${learners.length} learners (their current lessons alone need ${rows.length}).`,
    );
  const byUser = new Map<string, SqlValue[][]>();
  for (const row of rows) {
    const userId = row[0] as string;
    const list = byUser.get(userId);
    if (list) list.push(row);
    else byUser.set(userId, [row]);
  }
  const base = Math.floor(extra / learners.length);
  const remainder = extra % learners.length;
  const editionSize = Math.max(120, base + 2);
  const edition: string[] = [];
  for (let index = 0; index < editionSize; index++) {
    const module = String(Math.floor(index / 10) + 1).padStart(2, '0');
    edition.push(`edition-2024-module-${module}/${String((index % 10) + 1).padStart(2, '0')}-lesson`);
  }
  const writer = new TableWriter(
    client,
    'lesson_progress',
    ['user_id', 'lesson_id', 'first_viewed_at', 'last_viewed_at', 'completed_at'],
    800,
  );
  for (const [index, learner] of learners.entries()) {
    const own = byUser.get(learner.id) ?? [];
    const count = base + (index < remainder ? 1 : 0);
    const firstSeen = Math.min(
      ...own.map((row) => row[2] as number),
      ...learner.courses.map((plan) => plan.enrolledAt),
    );
    const old: SqlValue[][] = [];
    for (let number = 0; number < count; number++) {
      const at = firstSeen - Math.floor((30 + random() * 700) * day);
      old.push([learner.id, edition[number] ?? '', at, at, random() < 0.85 ? at : null]);
    }
    const all = [...own, ...old].sort((a, b) => ((a[1] as string) < (b[1] as string) ? -1 : 1));
    for (const row of all) await writer.add(row);
  }
  await writer.flush();
}

/**
 * Writes exactly `target` attempts: the ones the learners' paths need, with failed attempts
 * dropped or added (before a pass, or at a quiz the learner has not passed yet) to meet it.
 */
async function writeAttempts(
  client: SqlExecutor,
  content: BenchContent,
  planned: Attempt[],
  target: number,
  grades: ReadonlyMap<string, GradedLayout[]>,
  random: RandomSource,
  newId: () => string,
  now: number,
): Promise<void> {
  let attempts = planned;
  const passes = attempts.filter((attempt) => attempt.passed).length;
  if (passes > target)
    throw new Error(
      `${target} quiz attempts are too few: the learners' paths need ${passes} passed attempts.`,
    );
  if (attempts.length > target) {
    const failures = attempts.flatMap((attempt, index) => (attempt.passed ? [] : [index]));
    const dropped = new Set<number>();
    while (dropped.size < attempts.length - target)
      dropped.add(failures[Math.floor(random() * failures.length)] ?? -1);
    attempts = attempts.filter((_attempt, index) => !dropped.has(index));
  }
  while (attempts.length < target) {
    const model = attempts[Math.floor(random() * attempts.length)];
    if (!model) throw new Error('There are no attempts to model extra failed attempts on.');
    attempts.push({ ...model, passed: false, at: model.at - Math.floor(random() * 3 * day) - 60_000 });
  }
  // Numbered per learner and quiz in time order, failures before the pass.
  attempts.sort((a, b) =>
    a.userId === b.userId
      ? a.quizId === b.quizId
        ? a.at - b.at
        : a.quizId < b.quizId
          ? -1
          : 1
      : a.userId < b.userId
        ? -1
        : 1,
  );
  const writer = new TableWriter(
    client,
    'quiz_attempt',
    [
      'id',
      'user_id',
      'quiz_id',
      'attempt_number',
      'content_version',
      'layout',
      'answers',
      'status',
      'started_at',
      'deadline_at',
      'saved_at',
      'submitted_at',
      'score',
      'max_score',
      'percent',
      'passed',
      'results',
    ],
    200,
  );
  let previous = '';
  let number = 0;
  for (const attempt of attempts) {
    const key = `${attempt.userId} ${attempt.quizId}`;
    number = key === previous ? number + 1 : 1;
    previous = key;
    const quiz = requireQuiz(content, attempt.quizId);
    const options = grades.get(attempt.quizId) ?? [];
    const graded = options[Math.floor(random() * options.length)];
    if (!graded) throw new Error(`No prepared layouts for quiz "${attempt.quizId}".`);
    const grade = attempt.passed ? graded.pass : graded.fail;
    const limit = quiz.quiz.settings.timeLimitMinutes;
    const submittedAt = Math.min(attempt.at, now - 60_000);
    const startedAt = submittedAt - Math.floor((2 + random() * 20) * 60_000);
    await writer.add([
      newId(),
      attempt.userId,
      attempt.quizId,
      number,
      quiz.version,
      graded.layout,
      grade.answers,
      'submitted',
      startedAt,
      limit > 0 ? startedAt + limit * 60_000 : null,
      null,
      submittedAt,
      grade.score,
      grade.maxScore,
      grade.percent,
      attempt.passed,
      grade.results,
    ]);
  }
  await writer.flush();
}

/**
 * Certificates for completions: every completion of an automatically issued course has one (or
 * the dashboard would issue it), approval courses have one until `target` is reached, and when
 * completions are too few, earlier certificates that a re-issue replaced make up the number.
 */
async function writeCertificates(
  client: SqlExecutor,
  completions: readonly Completion[],
  target: number,
  adminId: string,
  random: RandomSource,
  newId: () => string,
  newCode: () => string,
  now: number,
): Promise<SeededCertificate[]> {
  const automatic = completions.filter((entry) => entry.course.certificate?.issueMode === 'auto');
  const approval = completions.filter((entry) => entry.course.certificate?.issueMode !== 'auto');
  if (automatic.length > target)
    throw new Error(
      `${target} certificates are too few: ${automatic.length} automatic completions need one each.`,
    );
  interface Planned {
    id: string;
    completion: Completion;
    issuedAt: number;
    issuedBy: string | null;
    supersededBy: string | null;
  }
  const planned: Planned[] = [];
  for (const completion of automatic)
    planned.push({
      id: newId(),
      completion,
      issuedAt: completion.completedAt,
      issuedBy: null,
      supersededBy: null,
    });
  for (const completion of approval) {
    if (planned.length >= target) break;
    const issuedAt = Math.min(completion.completedAt + Math.floor((1 + random() * 2) * day), now - 60_000);
    planned.push({ id: newId(), completion, issuedAt, issuedBy: adminId, supersededBy: null });
  }
  const standing = [...planned];
  while (planned.length < target && standing.length > 0) {
    const newer = standing[Math.floor(random() * standing.length)];
    if (!newer) break;
    // The replaced certificate was issued at completion; the standing one is the re-issue.
    const issuedAt = newer.issuedAt - Math.floor((1 + random() * 20) * day);
    planned.push({
      id: newId(),
      completion: newer.completion,
      issuedAt,
      issuedBy: adminId,
      supersededBy: newer.id,
    });
  }

  planned.sort((a, b) => a.issuedAt - b.issuedAt);
  const perYear = new Map<number, number>();
  const writer = new TableWriter(client, 'certificate', [
    'id',
    'serial',
    'verification_code',
    'user_id',
    'course_id',
    'holder_name',
    'course_title',
    'cpd_hours',
    'issued_at',
    'issued_by',
    'expires_at',
    'superseded_by',
  ]);
  const audit = new TableWriter(client, 'audit_event', [
    'at',
    'actor_id',
    'action',
    'subject_type',
    'subject_id',
    'data',
  ]);
  const seeded: SeededCertificate[] = [];
  for (const entry of planned) {
    const year = malaysianYear(entry.issuedAt);
    const number = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, number);
    const serial = formatSerial(year, number);
    const code = newCode();
    const { course } = entry.completion;
    const expiresAt = computeExpiry(entry.issuedAt, course.certificate?.validityMonths);
    await writer.add([
      entry.id,
      serial,
      code,
      entry.completion.userId,
      course.id,
      entry.completion.fullName,
      course.title,
      course.cpdHours,
      entry.issuedAt,
      entry.issuedBy,
      expiresAt,
      entry.supersededBy,
    ]);
    await audit.add([
      entry.issuedAt,
      entry.issuedBy,
      'certificate-issued',
      'certificate',
      entry.id,
      JSON.stringify({
        mode: entry.issuedBy ? 'approval' : 'auto',
        serial,
        userId: entry.completion.userId,
        courseId: course.id,
        holderName: entry.completion.fullName,
        expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
      }),
    ]);
    seeded.push({ id: entry.id, code, userId: entry.completion.userId, courseId: course.id });
  }
  await writer.flush();
  await audit.flush();
  const counters = new TableWriter(client, 'counter', ['name', 'value']);
  for (const [year, value] of perYear) await counters.add([`certificate-serial:${year}`, value]);
  await counters.flush();
  return seeded;
}
