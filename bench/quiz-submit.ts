/**
 * Quiz submission, the hot path (docs: performance budget): graded submissions through the real
 * built server, over HTTP, with a signed-in session, the origin check and the redirect to the
 * result page. Every request submits a different in-progress attempt with a full set of answers,
 * so every request is graded and written. Reports p50/p95/p99 at one connection and throughput
 * at 16, then checks that the database holds exactly one grade per accepted request.
 *
 *   npx node bench/quiz-submit.ts [path/to/build]   (default dist; the server runs as `npm run serve`, one process)
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { enrolment, quizAttempt, user } from '#db/schema.ts';
import { answerFields } from '#src/lib/quiz/rules.ts';
import { catalogueFromTree, readContentTree } from '#src/lib/server/content/files.ts';
import { createDb, migrateDb } from '#src/lib/server/db.ts';
import { newId } from '#src/lib/server/ids.ts';
import { findOrCreateOrganisation } from '#src/lib/server/employer/directory.ts';
import { toPublicAnswers } from '#src/lib/server/quiz/answers.ts';
import { toQuizContent } from '#src/lib/server/quiz/source.ts';
import { drawAttempt, seededRandom } from '#src/lib/server/quiz/draw.ts';
import { toPublicQuestions } from '#src/lib/server/quiz/public-view.ts';
import type { AnswerableQuestion } from '#src/lib/server/quiz/schema.ts';
import { createSession } from '#src/lib/server/account/session.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const serveScript = resolve(import.meta.dirname, '../scripts/serve.ts');
const port = 4690;
const origin = `http://127.0.0.1:${port}`;
const courseId = 'supervisors-early-intervention';
const quizId = 'sup-first-days';
const users = 16;
const attemptsPerUser = 1500;
const seconds = 10;

const tree = readContentTree();
const entryData = tree.quizzes.find((candidate) => candidate.id === quizId)?.data;
if (!entryData || !catalogueFromTree(tree).published.course(courseId))
  throw new Error(`The bench needs the quiz "${quizId}".`);
const content = toQuizContent(quizId, 'module', entryData);
const key = new Map<string, AnswerableQuestion>();
for (const question of content.quiz.questions)
  for (const q of question.type === 'scenario' ? question.questions : [question]) key.set(q.id, q);

function rightAnswer(question: AnswerableQuestion): string | string[] | Record<string, string> {
  switch (question.type) {
    case 'single':
      return question.options.find((option) => option.correct)?.id ?? '';
    case 'multiple':
      return question.options.filter((option) => option.correct).map((option) => option.id);
    case 'truefalse':
      return String(question.answer);
    case 'ordering':
      return question.items.map((item) => item.id);
    case 'matching':
      return Object.fromEntries(question.premises.map((premise) => [premise.id, premise.match]));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'rtw-bench-'));
const url = `file:${join(dir, 'bench.db')}`;
const db = await createDb(url);
await migrateDb(db);
const now = Date.now();
const random = seededRandom('bench');
const cookies: string[] = [];
const bodies: string[][] = [];
await db.write(async (orm) => {
  const org = await findOrCreateOrganisation(orm, 'Syarikat Penanda Aras Sdn Bhd');
  for (let index = 0; index < users; index++) {
    const id = newId();
    await orm.insert(user).values({
      id,
      email: `bench${index}@example.my`,
      fullName: `Bench ${index}`,
      passwordHash: 'x',
      organisationId: org.id,
    });
    await orm
      .insert(enrolment)
      .values({ id: newId(), userId: id, courseId, status: 'active', enrolledAt: new Date(now) });
  }
});
const userIds = (await db.orm.select({ id: user.id }).from(user)).map((row) => row.id);
for (const [index, userId] of userIds.entries()) {
  const { token } = await createSession(db, userId, now);
  cookies[index] = `rtw_session=${token}`;
  const rows: (typeof quizAttempt.$inferInsert)[] = [];
  const list: string[] = [];
  for (let number = 1; number <= attemptsPerUser; number++) {
    const layout = drawAttempt(content.quiz, random);
    const attemptId = newId();
    rows.push({
      id: attemptId,
      userId,
      quizId,
      attemptNumber: number,
      contentVersion: content.version,
      layout,
      answers: {},
      status: 'in-progress',
      startedAt: new Date(now),
    });
    const form = new URLSearchParams({ attemptId, quiz: `module:${quizId}`, scope: 'all' });
    // The form names options by the attempt's opaque tokens, as the browser sees them.
    const shown = toPublicAnswers(
      content.quiz,
      layout,
      Object.fromEntries([...key].map(([id, question]) => [id, rightAnswer(question)])),
    );
    for (const question of toPublicQuestions(content.quiz, layout)) {
      for (const answerable of question.type === 'scenario' ? question.questions : [question]) {
        if (Object.hasOwn(shown, answerable.id))
          for (const [name, value] of answerFields(answerable, shown[answerable.id]))
            form.append(name, value);
      }
    }
    list.push(form.toString());
  }
  bodies[index] = list;
  await db.write(async (orm) => {
    for (let start = 0; start < rows.length; start += 500)
      await orm.insert(quizAttempt).values(rows.slice(start, start + 500));
  });
}

// BENCH_CPU_PROF=<folder> writes a V8 CPU profile of the server for a closer look (written when
// the server exits, which scripts/serve.ts does on SIGTERM).
const profile = process.env.BENCH_CPU_PROF
  ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.BENCH_CPU_PROF)}`]
  : [];
const server = spawn(process.execPath, [...profile, serveScript, '--dist', dist], {
  env: {
    ...process.env,
    DATABASE_URL: url,
    PORT: String(port),
    HOST: '127.0.0.1',
    SITE_URL: origin,
    SECURE_COOKIES: 'false',
    WEB_CONCURRENCY: '1',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
for (let tries = 0; ; tries++) {
  try {
    if ((await fetch(`${origin}/`)).ok) break;
  } catch {
    if (tries > 100) throw new Error('The server did not start.');
  }
  await new Promise((done) => setTimeout(done, 100));
}

const next = new Array<number>(users).fill(0);
let connectionsSeen = 0;
const path = `/courses/${courseId}/${quizId}/quiz/submit`;

interface Measured {
  perSecond: number;
  times: number[];
  statuses: Map<number, number>;
  errors: number;
}

async function run(connections: number): Promise<Measured> {
  connectionsSeen = 0;
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const instance = autocannon({
    url: origin,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (request, context: { user?: number }) => {
          context.user ??= connectionsSeen++ % users;
          const index = context.user;
          const body = bodies[index]?.[next[index] ?? 0] ?? '';
          next[index] = (next[index] ?? 0) + 1;
          return {
            ...request,
            body,
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              cookie: cookies[index] ?? '',
              origin,
            },
          };
        },
      },
    ],
  });
  // autocannon's instance is an EventEmitter; its typings do not say so.
  (instance as unknown as NodeJS.EventEmitter).on(
    'response',
    (_client: unknown, status: number, _bytes: number, responseTime: number) => {
      times.push(responseTime);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    },
  );
  const result = await instance;
  return { perSecond: result.requests.average, times, statuses, errors: result.errors + result.timeouts };
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN;
}

// Warm-up: the first requests load the content and the routes.
/** CPU seconds the server process has used (Linux), to report CPU per request whatever the load. */
function serverCpuSeconds(): number | null {
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const warm = await run(1);
const single = await run(1);
const cpuBefore = serverCpuSeconds();
const sixteen = await run(16);
const cpuAfter = serverCpuSeconds();
server.kill('SIGTERM');
await new Promise((done) => server.once('exit', done));

const [graded] = await db.orm
  .select({ count: sql<number>`count(*)` })
  .from(quizAttempt)
  .where(eq(quizAttempt.status, 'submitted'));
const sent = [single, sixteen].reduce((sum, result) => sum + result.times.length, warm.times.length);
const report = (name: string, result: Measured): string => {
  const sorted = [...result.times].sort((left, right) => left - right);
  const other = [...result.statuses]
    .filter(([status]) => status !== 303)
    .reduce((sum, [, count]) => sum + count, 0);
  const ms = (value: number) => value.toFixed(2);
  return `${name}: ${Math.round(result.perSecond)} graded/s, latency p50 ${ms(percentile(sorted, 0.5))} ms, p95 ${ms(percentile(sorted, 0.95))} ms, p99 ${ms(percentile(sorted, 0.99))} ms, responses other than 303: ${other}, errors: ${result.errors}`;
};
console.log(report('1 connection', single));
console.log(report('16 connections', sixteen));
console.log(`submissions answered ${sent}, graded attempts in the database ${Number(graded?.count ?? 0)}`);
if (cpuBefore !== null && cpuAfter !== null && sixteen.times.length > 0) {
  const perRequest = ((cpuAfter - cpuBefore) * 1000) / sixteen.times.length;
  console.log(
    `server CPU per graded submission at 16 connections: ${perRequest.toFixed(2)} ms (one core would grade about ${Math.round(1000 / perRequest)}/s)`,
  );
}
db.close();
rmSync(dir, { recursive: true, force: true });
