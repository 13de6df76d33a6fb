/**
 * Learners going through the whole supervisors' course over HTTP, all at once, each request sent
 * to one of several app processes at random: enrol, open and complete every lesson, start and
 * submit every module quiz and the final assessment with every answer right, open the dashboard.
 * Readers re-open lessons meanwhile (a view of a new lesson is a write). Then the database must
 * hold exactly what the answers promised. Used by e2e/reliability.spec.ts and `npm run bench`.
 */
import { and, eq } from 'drizzle-orm';
import { certificate, enrolment, lessonProgress, moduleCompletion, quizAttempt } from '#db/schema.ts';
import { rightAnswerFields, type BenchContent } from '../../bench/content.ts';
import { lessonSlug, type CourseView } from '#src/lib/learning/structure.ts';
import { lessonHref } from '#src/lib/learning/paths.ts';
import type { Database } from '#src/lib/server/db.ts';
import type { AttemptLayout } from '#src/lib/server/quiz/draw.ts';
import { FIXTURE_COURSE_ID } from './fixture.ts';
import { headerOf, sendHttp, type HttpResponse } from './http-client.ts';

export interface JourneyLearner {
  id: string;
  email: string;
  cookie: string;
  /** Source address (127.0.3.x). */
  address: string;
}

export interface JourneyReport {
  requests: number;
  /** Requests answered 5xx, not answered, or answered otherwise than expected. */
  problems: string[];
  seconds: number;
}

function form(values: Record<string, string> | [string, string][]): string {
  return new URLSearchParams(values).toString();
}

class Journeys {
  requests = 0;
  readonly problems: string[] = [];
  readonly #db: Database;
  readonly #content: BenchContent;
  readonly #course: CourseView;
  readonly #origins: readonly string[];

  constructor(db: Database, content: BenchContent, course: CourseView, origins: readonly string[]) {
    this.#db = db;
    this.#content = content;
    this.#course = course;
    this.#origins = origins;
  }

  async send(
    learner: JourneyLearner,
    method: 'GET' | 'POST',
    path: string,
    body?: string,
  ): Promise<HttpResponse | null> {
    const origin = this.#origins[Math.floor(Math.random() * this.#origins.length)] ?? '';
    this.requests += 1;
    try {
      const response = await sendHttp({
        origin,
        method,
        path,
        localAddress: learner.address,
        headers: {
          cookie: learner.cookie,
          ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded', origin }),
        },
        body,
        timeoutMs: 60_000,
      });
      if (response.status >= 500)
        this.problems.push(`${method} ${path} on ${origin}: HTTP ${response.status}`);
      return response;
    } catch (error) {
      this.problems.push(
        `${method} ${path} on ${origin}: no answer (${error instanceof Error ? error.message : String(error)})`,
      );
      return null;
    }
  }

  expectRedirect(response: HttpResponse | null, what: string, pattern: RegExp): void {
    if (!response) return;
    const location = headerOf(response, 'location') ?? '';
    if (response.status !== 303 || !pattern.test(location))
      this.problems.push(`${what}: expected a 303 to ${pattern}, got ${response.status} ${location}`);
  }

  async openAttempt(userId: string, quizId: string): Promise<{ id: string; layout: AttemptLayout } | null> {
    const [row] = await this.#db.orm
      .select({ id: quizAttempt.id, layout: quizAttempt.layout })
      .from(quizAttempt)
      .where(
        and(
          eq(quizAttempt.userId, userId),
          eq(quizAttempt.quizId, quizId),
          eq(quizAttempt.status, 'in-progress'),
        ),
      );
    return row ? { id: row.id, layout: row.layout as AttemptLayout } : null;
  }

  async passQuiz(learner: JourneyLearner, quizId: string, moduleId: string | null): Promise<void> {
    const course = this.#course;
    const quiz = this.#content.quizzes.get(quizId);
    if (!quiz) throw new Error(`No quiz "${quizId}".`);
    const base = moduleId ? `/courses/${course.id}/${moduleId}/quiz` : `/courses/${course.id}/assessment`;
    const start = await this.send(
      learner,
      'POST',
      `${base}?_action=quiz.start`,
      form({ courseId: course.id, moduleId: moduleId ?? '' }),
    );
    this.expectRedirect(start, `${learner.email}: start ${quizId}`, /\/take$/);
    const attempt = await this.openAttempt(learner.id, quizId);
    if (!attempt) {
      this.problems.push(`${learner.email}: no open attempt at ${quizId} after starting it`);
      return;
    }
    const fields: [string, string][] = [
      ['attemptId', attempt.id],
      ['quiz', `${moduleId ? 'module' : 'assessment'}:${quizId}`],
      ['scope', 'all'],
      ...rightAnswerFields(quiz.quiz, attempt.layout),
    ];
    const submitted = await this.send(learner, 'POST', `${base}/submit`, form(fields));
    this.expectRedirect(submitted, `${learner.email}: submit ${quizId}`, /\/attempts\/\d+/);
  }

  async journey(learner: JourneyLearner): Promise<void> {
    const course = this.#course;
    const enrolled = await this.send(
      learner,
      'POST',
      `/courses/${course.id}?_action=learning.enrol`,
      form({ courseId: course.id }),
    );
    this.expectRedirect(enrolled, `${learner.email}: enrol`, /enrolled=/);
    for (const module of course.modules) {
      for (const lesson of module.lessons) {
        const path = lessonHref(course.id, lesson.id);
        const page = await this.send(learner, 'GET', path);
        if (page && page.status !== 200) this.problems.push(`${learner.email}: GET ${path}: ${page.status}`);
        const done = await this.send(
          learner,
          'POST',
          `${path}?_action=learning.complete`,
          form({ courseId: course.id, moduleId: module.id, lesson: lessonSlug(lesson.id) }),
        );
        this.expectRedirect(done, `${learner.email}: complete ${lesson.id}`, /done=(lesson|module|course)/);
      }
      if (module.quizId && course.rules.moduleQuizzes) await this.passQuiz(learner, module.quizId, module.id);
    }
    const finalId = course.rules.finalAssessmentId;
    if (finalId) await this.passQuiz(learner, finalId, null);
    const dashboard = await this.send(learner, 'GET', '/dashboard');
    if (dashboard && dashboard.status !== 200)
      this.problems.push(`${learner.email}: dashboard: ${dashboard.status}`);
  }

  async reader(learner: JourneyLearner, rounds: number): Promise<void> {
    for (let round = 0; round < rounds; round++)
      for (const lesson of this.#course.lessons)
        await this.send(learner, 'GET', lessonHref(this.#course.id, lesson.id));
  }
}

/**
 * Runs every learner's journey at once over `origins`, with `readers` of them also re-reading the
 * course `readerRounds` times, then checks the database. Returns what went wrong.
 */
export async function runJourneys(input: {
  db: Database;
  content: BenchContent;
  origins: readonly string[];
  learners: readonly JourneyLearner[];
  readers: number;
  readerRounds: number;
}): Promise<JourneyReport> {
  const started = performance.now();
  const course = input.content.catalogue.published.course(FIXTURE_COURSE_ID);
  if (!course) throw new Error(`The journeys need the course "${FIXTURE_COURSE_ID}".`);
  const journeys = new Journeys(input.db, input.content, course, input.origins);
  await Promise.all([
    ...input.learners.map((learner) => journeys.journey(learner)),
    ...input.learners.slice(0, input.readers).map((learner) => journeys.reader(learner, input.readerRounds)),
  ]);
  const problems = [...journeys.problems, ...(await checkOutcome(input.db, course, input.learners))];
  return { requests: journeys.requests, problems, seconds: (performance.now() - started) / 1000 };
}

/** Every learner finished the course: lessons, modules, completion and the certificate recorded. */
async function checkOutcome(
  db: Database,
  course: CourseView,
  learners: readonly JourneyLearner[],
): Promise<string[]> {
  const problems: string[] = [];
  for (const learner of learners) {
    const lessons = await db.orm
      .select({ completedAt: lessonProgress.completedAt })
      .from(lessonProgress)
      .where(eq(lessonProgress.userId, learner.id));
    const completed = lessons.filter((row) => row.completedAt !== null).length;
    if (completed !== course.lessons.length)
      problems.push(`${learner.email}: ${completed} of ${course.lessons.length} lessons recorded complete`);
    const modules = await db.orm
      .select()
      .from(moduleCompletion)
      .where(eq(moduleCompletion.userId, learner.id));
    if (modules.length !== course.modules.length)
      problems.push(
        `${learner.email}: ${modules.length} of ${course.modules.length} modules recorded complete`,
      );
    const [enrolled] = await db.orm
      .select({ completedAt: enrolment.completedAt })
      .from(enrolment)
      .where(and(eq(enrolment.userId, learner.id), eq(enrolment.courseId, course.id)));
    if (!enrolled?.completedAt) problems.push(`${learner.email}: course completion not recorded`);
    if (course.certificate?.issueMode === 'auto') {
      const held = await db.orm
        .select({ id: certificate.id })
        .from(certificate)
        .where(eq(certificate.userId, learner.id));
      if (held.length !== 1) problems.push(`${learner.email}: ${held.length} certificates instead of 1`);
    }
  }
  return problems;
}
