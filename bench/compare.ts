/**
 * `node bench/compare.ts --a=DIR --b=DIR [--data=DIR] [--rounds=N] [--requests=N] [--ports=A,B]`:
 * the server CPU time per request of two builds (test-results/DIR-dist) answering the same pages
 * on the same database, in alternating rounds. A shared, busy machine moves every figure of a
 * throughput run; the least CPU time per request over several short rounds, with the two builds
 * taking turns, is the steadiest comparison this machine allows (docs/performance.md).
 * The database comes from `npm run bench -- --keep` (test-results/DIR-data/bench.db).
 * Build each side with `npx astro build --outDir test-results/NAME-dist` (from a worktree for an
 * older commit). A build from before commit 0baf3fd (the adapter in standalone mode) starts its own
 * server on import: run the comparison with ASTRO_NODE_AUTOSTART=disabled.
 */
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { lessonHref } from '#src/lib/learning/paths.ts';
import { sessionCookieName } from '#src/lib/server/account/session-cookie.ts';
import { createSession } from '#src/lib/server/account/session.ts';
import { createDb } from '#src/lib/server/db.ts';
import { courseProgressFor, loadLearnerState } from '#src/lib/server/learning/progress.ts';
import { sendHttp } from '../tests/reliability/http-client.ts';
import { loadBenchContent, requireCourse } from './content.ts';
import { READ_COURSE_ID } from './fixtures.ts';
import { cpuSeconds } from './load.ts';
import { projectRootOf } from './report.ts';
import { startAppServer, type RunningServer } from './server.ts';

const flags = new Map(
  process.argv.slice(2).map((arg) => {
    const [name, value] = arg.replace(/^--/, '').split('=');
    return [name ?? '', value ?? ''] as const;
  }),
);
const root = projectRootOf(import.meta.url);
const builds = { a: flags.get('a') ?? '', b: flags.get('b') ?? '' };
if (!builds.a || !builds.b) throw new Error('Give --a=NAME and --b=NAME (builds in test-results/NAME-dist).');
const rounds = Number(flags.get('rounds') ?? 8);
const perRound = Number(flags.get('requests') ?? 200);
const [portA, portB] = (flags.get('ports') ?? '4611,4612').split(',').map(Number);
const url = `file:${join(root, `test-results/${flags.get('data') ?? builds.b}-data/bench.db`)}`;

const content = loadBenchContent(root);
const course = requireCourse(content, READ_COURSE_ID);
const db = await createDb(url);
const ids = await db.orm.all<{ id: string }>(
  sql`SELECT user_id AS id FROM enrolment WHERE course_id = ${course.id} AND status = 'active' AND completed_at IS NULL LIMIT 200`,
);
const readers: { cookie: string; lesson: string; open: string[] }[] = [];
for (const { id } of ids) {
  const state = await loadLearnerState(db.orm, content.catalogue, id);
  const progress = courseProgressFor(state, course);
  const done = course.lessons.filter((lesson) => state.record.lessons.get(lesson.id)?.completedAt);
  const last = done.at(-1);
  if (!last || progress.due.modules.length > 0 || progress.due.course) continue;
  const { token } = await createSession(db, id, Date.now());
  readers.push({
    cookie: `${sessionCookieName(false)}=${token}`,
    lesson: lessonHref(course.id, last.id),
    open: done.map((lesson) => lessonHref(course.id, lesson.id)),
  });
  if (readers.length === 32) break;
}
db.client.close();
const pages = {
  // Signed out: what Astro, the adapter and the layout cost without a session or a query.
  home: () => '/',
  lesson: (index: number) => readers[index % readers.length]?.lesson ?? '/',
  // Each reader opens another of their lessons each time: every request moves the resume point.
  'lesson-next': (index: number) => {
    const open = readers[index % readers.length]?.open ?? [];
    return open[Math.floor(index / readers.length) % open.length] ?? '/';
  },
  course: () => `/courses/${course.id}`,
};

const servers: Record<'a' | 'b', RunningServer> = {
  a: await startAppServer({
    entry: join(root, `test-results/${builds.a}-dist/server/entry.mjs`),
    databaseUrl: url,
    port: portA ?? 4611,
    projectRoot: root,
  }),
  b: await startAppServer({
    entry: join(root, `test-results/${builds.b}-dist/server/entry.mjs`),
    databaseUrl: url,
    port: portB ?? 4612,
    projectRoot: root,
  }),
};

async function run(server: RunningServer, page: keyof typeof pages, count: number): Promise<number> {
  const before = cpuSeconds(server.pid) ?? 0;
  let sent = 0;
  // Four requests in flight: enough to keep the server busy, few enough to keep queues short.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (sent < count) {
        const index = sent++;
        const reader = readers[index % readers.length];
        const answer = await sendHttp({
          origin: server.origin,
          method: 'GET',
          path: pages[page](index),
          headers: page === 'home' ? {} : { cookie: reader?.cookie ?? '' },
        });
        if (answer.status !== 200) throw new Error(`${page} answered ${answer.status}`);
      }
    }),
  );
  return (((cpuSeconds(server.pid) ?? 0) - before) * 1000) / count;
}

try {
  const results: Record<string, number[]> = {};
  for (const page of Object.keys(pages) as (keyof typeof pages)[]) {
    for (const side of ['a', 'b'] as const) await run(servers[side], page, perRound); // warm-up
    for (let round = 0; round < rounds; round++)
      for (const side of round % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const))
        (results[`${page} ${side}`] ??= []).push(await run(servers[side], page, perRound));
  }
  console.log(
    `${readers.length} readers, ${rounds} rounds of ${perRound} requests; CPU ms per request (min / median)`,
  );
  for (const [key, values] of Object.entries(results)) {
    const sorted = [...values].sort((x, y) => x - y);
    const [page, side] = key.split(' ') as [string, 'a' | 'b'];
    console.log(
      `${page.padEnd(8)} ${builds[side].padEnd(14)} ${sorted[0]?.toFixed(2)} / ${sorted[Math.floor(sorted.length / 2)]?.toFixed(2)}`,
    );
  }
} finally {
  await servers.a.stop();
  await servers.b.stop();
}
