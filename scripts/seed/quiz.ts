/**
 * Demo quiz attempts for `npm start`: the demo learners of db/seed-learning.ts get passed,
 * failed and in-progress attempts that match the modules they have completed, and a small
 * cohort of extra demo learners takes the first two supervisors' quizzes often enough (about 40
 * attempts each) for the trainer's question statistics to mean something, including a few
 * questions the statistics should flag. Attempts are drawn and graded by the real quiz engine.
 * Runs after seedLearning (it reads the module completion times that step recorded).
 */
import { eq } from 'drizzle-orm';
import type { CourseView } from '#src/lib/learning/structure.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';
import type { Orm } from '#src/lib/server/db.ts';
import { newId } from '#src/lib/server/ids.ts';
import { findOrCreateOrganisation } from '#src/lib/server/employer/directory.ts';
import type { StoredResults } from '#src/lib/server/quiz/attempt.ts';
import { toQuizContent, type QuizContent } from '#src/lib/server/quiz/source.ts';
import type { Answers, AnswerValue } from '#src/lib/server/quiz/answers.ts';
import {
  answerableQuestions,
  drawAttempt,
  resolveLayout,
  seededRandom,
  type RandomSource,
} from '#src/lib/server/quiz/draw.ts';
import { gradeAttempt } from '#src/lib/server/quiz/grading.ts';
import type { AnswerableQuestion } from '#src/lib/server/quiz/schema.ts';
import { demoEmployers, type SeedStep } from './demo.ts';
import { enrolment, lessonProgress, moduleCompletion, quizAttempt, user } from '#db/schema.ts';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

type Outcome = 'pass' | 'fail' | 'in-progress';

interface DemoHistory {
  email: string;
  courseId: string;
  /** Outcomes per module position (0-based) in the course, oldest first. */
  modules: Record<number, Outcome[]>;
}

/** What the demo learners of db/seed-learning.ts did on the quizzes of the modules they finished. */
export const demoHistories: DemoHistory[] = [
  // Siti finished modules 1–5: one retake after a fail, one after two fails, and a retake of
  // module 5 in progress to raise her score (the highest attempt counts).
  {
    email: 'learner@demo.rtw-academy.my',
    courseId: 'rtw-coordinator',
    modules: {
      0: ['fail', 'pass'],
      1: ['pass'],
      2: ['fail', 'fail', 'pass'],
      3: ['pass'],
      4: ['pass', 'in-progress'],
    },
  },
  // Hafiz failed the first supervisors' quiz once, then passed both.
  {
    email: 'hafiz@demo.rtw-academy.my',
    courseId: 'supervisors-early-intervention',
    modules: { 0: ['fail', 'pass'], 1: ['pass'] },
  },
  // Jugah passed module 1 before he left the course.
  { email: 'jugah@demo.rtw-academy.my', courseId: 'rtw-coordinator', modules: { 0: ['pass'] } },
];

/** Extra demo learners whose attempts fill the statistics (same demo password as everyone). */
export const cohort = [
  'Aminah binti Yusof',
  'Ong Mei Fong',
  'Suresh a/l Muniandy',
  'Nor Hidayah binti Rahman',
  'Wong Kar Hoe',
  'Faridah binti Osman',
  'Ravi a/l Chandran',
  'Dayang Nurfaizah binti Awang',
  'Lim Boon Keat',
  'Priya a/p Selvam',
  'Mohd Azlan bin Ismail',
  'Chin Siew Ling',
].map((fullName, index) => ({
  fullName,
  email: `cohort.${String(index + 1).padStart(2, '0')}@demo.rtw-academy.my`,
}));

const cohortCourseId = 'supervisors-early-intervention';
/** Attempts per cohort learner on each of the first two supervisors' quizzes. */
const cohortAttempts = [3, 4, 3, 5, 2, 4, 3, 3, 4, 2, 5, 3];

function pick<T>(items: readonly T[], random: RandomSource): T | undefined {
  return items[Math.min(items.length - 1, Math.floor(random() * items.length))];
}

/** A right answer, or a plausible wrong one, to one question (uses the key: seed only). */
function answerFor(
  question: AnswerableQuestion,
  right: boolean,
  random: RandomSource,
): AnswerValue | undefined {
  switch (question.type) {
    case 'single': {
      const options = question.options.filter((option) => option.correct === right);
      return pick(options, random)?.id;
    }
    case 'multiple': {
      const correct = question.options.filter((option) => option.correct).map((option) => option.id);
      if (right) return correct;
      const wrong = question.options.filter((option) => !option.correct).map((option) => option.id);
      const partial = correct.slice(0, Math.max(1, correct.length - 1));
      const extra = pick(wrong, random);
      return extra ? [...partial, extra] : partial;
    }
    case 'truefalse':
      return String(right ? question.answer : !question.answer);
    case 'ordering': {
      const order = question.items.map((item) => item.id);
      if (right) return order;
      const at = Math.min(order.length - 2, Math.floor(random() * (order.length - 1)));
      const [first, second] = [order[at], order[at + 1]];
      if (first !== undefined && second !== undefined) [order[at], order[at + 1]] = [second, first];
      return order;
    }
    case 'matching': {
      const matches = Object.fromEntries(question.premises.map((premise) => [premise.id, premise.match]));
      if (right) return matches;
      const premise = pick(question.premises, random);
      const other = question.responses.find((response) => response.id !== premise?.match);
      if (premise && other) matches[premise.id] = other.id;
      return matches;
    }
  }
}

/** How likely a learner of `ability` answers right; a few questions behave badly on purpose. */
type Behaviour = (ability: number) => number;

function behaviours(content: QuizContent): Map<string, Behaviour> {
  const ids = content.quiz.questions.flatMap((question) =>
    question.type === 'scenario' ? question.questions.map((sub) => sub.id) : [question.id],
  );
  const logistic = (value: number) => 1 / (1 + Math.exp(-1.7 * value));
  const map = new Map<string, Behaviour>();
  ids.forEach((id, index) => {
    const difficulty = seededRandom(`difficulty:${id}`)() * 2 - 1.2;
    if (index === 0)
      map.set(id, () => 0.99); // far too easy
    else if (index === 2)
      map.set(id, (ability) => logistic(ability - 4)); // too hard: looks like a wrong key
    else if (index === ids.length - 1)
      map.set(id, () => 0.55); // ambiguous: luck, not knowledge
    else map.set(id, (ability) => logistic(ability - difficulty));
  });
  return map;
}

interface Row {
  values: typeof quizAttempt.$inferInsert;
  passed: boolean;
}

/** One attempt, drawn and graded by the engine. `decide` says, per question, whether to answer right. */
function makeAttempt(
  content: QuizContent,
  userId: string,
  attemptNumber: number,
  startedAt: number,
  outcome: 'graded' | 'in-progress',
  decide: (question: AnswerableQuestion, index: number, total: number) => boolean | null,
  random: RandomSource,
): Row {
  const layout = drawAttempt(content.quiz, random);
  const answers: Answers = {};
  const drawn = answerableQuestions(resolveLayout(content.quiz, layout));
  drawn.forEach(({ question }, index) => {
    const right = decide(question, index, drawn.length);
    if (right === null) return;
    const value = answerFor(question, right, random);
    if (value !== undefined) answers[question.id] = value;
  });
  const base = {
    id: newId(),
    userId,
    quizId: content.id,
    attemptNumber,
    contentVersion: content.version,
    layout,
    answers,
    startedAt: new Date(startedAt),
  };
  if (outcome === 'in-progress') {
    return {
      values: { ...base, status: 'in-progress', savedAt: new Date(startedAt + 4 * minute) },
      passed: false,
    };
  }
  const grade = gradeAttempt(content.quiz, layout, answers);
  const results: StoredResults = {
    questions: grade.questions,
    endedBy: 'learner',
    contentChanged: false,
    missingQuestionIds: [],
  };
  const took = (6 + Math.floor(random() * 12)) * minute;
  return {
    values: {
      ...base,
      status: 'submitted',
      savedAt: new Date(startedAt + took - minute),
      submittedAt: new Date(startedAt + took),
      score: grade.score,
      maxScore: grade.maxScore,
      percent: grade.percent,
      passed: grade.passed,
      results,
    },
    passed: grade.passed,
  };
}

/** An attempt that passes or fails as planned: right answers first, then wrong ones as needed. */
function plannedAttempt(
  content: QuizContent,
  userId: string,
  attemptNumber: number,
  startedAt: number,
  outcome: Outcome,
  random: RandomSource,
): Row {
  if (outcome === 'in-progress') {
    return makeAttempt(
      content,
      userId,
      attemptNumber,
      startedAt,
      'in-progress',
      (_, index) => (index < 3 ? true : null),
      random,
    );
  }
  // Passing: every answer right but one (or all right); failing: about half right, then fewer.
  const tries: ((index: number, total: number) => boolean)[] =
    outcome === 'pass'
      ? [(index, total) => index !== total - 1, () => true]
      : [(index, total) => index < total / 2, (index, total) => index < total / 4, () => false];
  for (const right of tries) {
    const row = makeAttempt(
      content,
      userId,
      attemptNumber,
      startedAt,
      'graded',
      (_, index, total) => right(index, total),
      random,
    );
    if (row.passed === (outcome === 'pass')) return row;
  }
  return makeAttempt(content, userId, attemptNumber, startedAt, 'graded', () => outcome === 'pass', random);
}

async function completionTimes(orm: Orm, userId: string): Promise<Map<string, number>> {
  const rows = await orm.select().from(moduleCompletion).where(eq(moduleCompletion.userId, userId));
  return new Map(rows.map((row) => [row.moduleId, row.completedAt.getTime()]));
}

function quizFor(
  course: CourseView,
  position: number,
  quizzes: Map<string, QuizContent>,
): QuizContent | null {
  const quizId = course.modules[position]?.quizId;
  return quizId ? (quizzes.get(quizId) ?? null) : null;
}

/** The seed step: demo learners' attempts and the statistics cohort. */
export const seedQuiz: SeedStep = async (orm, { now, users }) => {
  const tree = readContentTree();
  const catalogue = catalogueFromTree(tree);
  const quizzes = new Map(
    tree.quizzes.map((entry) => [entry.id, toQuizContent(entry.id, 'module', entry.data)]),
  );
  const random = seededRandom('rtw-academy demo attempts');
  const rows: Row[] = [];

  for (const history of demoHistories) {
    const userId = users.get(history.email);
    const course = catalogue.published.course(history.courseId);
    if (!userId || !course) continue;
    const completed = await completionTimes(orm, userId);
    for (const [position, outcomes] of Object.entries(history.modules)) {
      const content = quizFor(course, Number(position), quizzes);
      if (!content) continue;
      const moduleId = course.modules[Number(position)]?.id ?? '';
      // Attempts end just before the module was recorded complete, a few hours apart.
      const end = completed.get(moduleId) ?? now - 7 * day;
      outcomes.forEach((outcome, index) => {
        const startedAt =
          outcome === 'in-progress' ? now - 2 * hour : end - (outcomes.length - index) * 3 * hour;
        rows.push(plannedAttempt(content, userId, index + 1, startedAt, outcome, random));
      });
    }
  }

  const cohortCourse = catalogue.published.course(cohortCourseId);
  const cohortQuizzes = cohortCourse
    ? [0, 1].map((position) => quizFor(cohortCourse, position, quizzes))
    : [];
  let cohortCount = 0;
  const [admin] = await orm
    .select({ passwordHash: user.passwordHash })
    .from(user)
    .where(eq(user.email, 'admin@demo.rtw-academy.my'));
  if (cohortCourse && admin && cohortQuizzes.every((content) => content !== null)) {
    for (const [index, person] of cohort.entries()) {
      const org = await findOrCreateOrganisation(
        orm,
        demoEmployers[index % demoEmployers.length] ?? demoEmployers[0],
      );
      const userId = newId();
      const joined = now - (45 - index) * day;
      await orm.insert(user).values({
        id: userId,
        email: person.email,
        fullName: person.fullName,
        passwordHash: admin.passwordHash,
        role: 'learner',
        organisationId: org.id,
        createdAt: new Date(joined),
        lastActiveAt: new Date(now - (index % 5) * day),
      });
      users.set(person.email, userId);
      await orm.insert(enrolment).values({
        id: newId(),
        userId,
        courseId: cohortCourse.id,
        status: 'active',
        enrolledAt: new Date(joined),
      });
      const ability = -1.2 + (2.6 * index) / (cohort.length - 1) + (random() - 0.5) * 0.6;
      let clock = joined + day;
      for (const [position, content] of cohortQuizzes.entries()) {
        const module = cohortCourse.modules[position];
        if (!module || !content) continue;
        for (const lesson of module.lessons) {
          clock += 2 * hour;
          await orm.insert(lessonProgress).values({
            userId,
            lessonId: lesson.id,
            firstViewedAt: new Date(clock),
            lastViewedAt: new Date(clock),
            completedAt: new Date(clock),
          });
        }
        const chance = behaviours(content);
        let passedAt: number | null = null;
        const attempts = cohortAttempts[index] ?? 3;
        for (let number = 1; number <= attempts; number++) {
          clock += (1 + random() * 2) * day;
          const skill = ability + 0.45 * (number - 1);
          const row = makeAttempt(
            content,
            userId,
            number,
            Math.min(clock, now - hour),
            'graded',
            (question) => random() < (chance.get(question.id)?.(skill) ?? 0.5),
            random,
          );
          rows.push(row);
          if (row.passed && passedAt === null) passedAt = Math.min(clock, now - hour);
        }
        if (passedAt !== null)
          await orm
            .insert(moduleCompletion)
            .values({ userId, moduleId: module.id, completedAt: new Date(passedAt + 20 * minute) });
      }
      cohortCount += 1;
    }
  }

  // Kavitha has extra time on timed quizzes, set by the trainer (the staff list shows it).
  const kavitha = users.get('kavitha@demo.rtw-academy.my');
  const trainer = users.get('trainer@demo.rtw-academy.my') ?? null;
  if (kavitha) {
    await orm.update(user).set({ timeMultiplier: 1.5 }).where(eq(user.id, kavitha));
    await recordAudit(orm, {
      actorId: trainer,
      action: 'time-accommodation-changed',
      subjectType: 'user',
      subjectId: kavitha,
      data: { before: null, after: 1.5, email: 'kavitha@demo.rtw-academy.my' },
      at: now - 30 * day,
    });
  }

  for (let start = 0; start < rows.length; start += 100) {
    await orm.insert(quizAttempt).values(rows.slice(start, start + 100).map((row) => row.values));
  }
  const submitted = rows.filter((row) => row.values.status === 'submitted');
  const passed = submitted.filter((row) => row.passed).length;
  return `Seeded ${rows.length} demo quiz attempts (${passed} passed, ${submitted.length - passed} failed, ${rows.length - submitted.length} in progress), with ${cohortCount} extra demo learners for the question statistics, and extra quiz time for Kavitha.`;
};
