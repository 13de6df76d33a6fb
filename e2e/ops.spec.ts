import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, isNotNull } from 'drizzle-orm';
import { lessonProgress } from '#db/schema.ts';
import { loadBenchContent, requireCourse } from '../bench/content.ts';
import { lessonHref } from '#src/lib/learning/paths.ts';
import { lessonSlug } from '#src/lib/learning/structure.ts';
import { createDb, migrateDb } from '#src/lib/server/db.ts';
import { createLearners, FIXTURE_COURSE_ID } from '../tests/reliability/fixture.ts';

/**
 * Graceful shutdown of the real built server (`npm run serve`): learners keep completing lessons
 * over keep-alive connections, as through a reverse proxy, when the server gets SIGTERM. Every
 * request it had accepted must be answered (no reset, no 5xx), later ones refused, and every
 * write it acknowledged must be in the database after it exits.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = resolve(process.env.E2E_DIST ?? join(root, 'dist'));

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** `npm run serve` on a free port with its own database; its output is collected. */
async function startServe(databaseUrl: string, workers: number) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [join(root, 'scripts/serve.ts'), '--dist', distDir], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SITE_URL: origin,
      WEB_CONCURRENCY: String(workers),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => server.once('exit', resolveExit));
  const lines = () => output.split('\n').filter(Boolean);
  return { server, origin, exited, output: () => output, lines };
}

/** Waits until the server answers /readyz with 200 (it refuses connections until it listens). */
async function untilReady(origin: string): Promise<void> {
  await expect
    .poll(
      () =>
        fetch(`${origin}/readyz`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 60_000 },
    )
    .toBe(200);
}

interface Answer {
  status: number;
  location: string;
}

// One process, and the production default on a 2-core machine: a primary and two workers.
for (const workers of [1, 2]) {
  test(`SIGTERM under load (${workers} worker process${workers === 1 ? '' : 'es'}): accepted requests are answered, acknowledged writes are kept`, async () => {
    test.setTimeout(180_000);
    const folder = mkdtempSync(join(tmpdir(), 'rtw-ops-'));
    const databaseUrl = `file:${join(folder, 'rtw.db')}`;
    const content = loadBenchContent(root);
    const course = requireCourse(content, FIXTURE_COURSE_ID);
    const db = await createDb(databaseUrl);
    await migrateDb(db);
    // More learners than connections: eight clients work through them one after another.
    const learners = await createLearners(db, `ops${Date.now().toString(36)}`, 80, Date.now());
    const clients = 8;

    const { server, origin, exited, lines } = await startServe(databaseUrl, workers);

    // One keep-alive connection per learner, like a proxy's upstream pool.
    const agent = new Agent({ keepAlive: true, maxSockets: clients });
    function send(cookie: string, path: string, body: string): Promise<Answer> {
      return new Promise((resolveAnswer, reject) => {
        const req = request(
          `${origin}${path}`,
          {
            method: 'POST',
            agent,
            headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
          },
          (res) => {
            res.resume();
            res.once('end', () =>
              resolveAnswer({ status: res.statusCode ?? 0, location: res.headers.location ?? '' }),
            );
            res.once('error', reject);
          },
        );
        req.once('error', reject);
        req.end(body);
      });
    }

    try {
      await untilReady(origin);

      const acknowledged: { userId: string; lessonId: string }[] = [];
      const problems: string[] = [];
      let refused = 0;
      const queue = [...learners];
      const journeys = Array.from({ length: clients }, async () => {
        for (let learner = queue.shift(); learner; learner = queue.shift()) {
          if (!(await journey(learner))) return;
        }
      });
      async function journey(learner: (typeof learners)[number]): Promise<boolean> {
        const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
        try {
          const enrolled = await send(
            learner.cookie,
            `/courses/${course.id}?_action=learning.enrol`,
            form({ courseId: course.id }),
          );
          if (enrolled.status !== 303) problems.push(`enrol: HTTP ${enrolled.status}`);
          for (const module of course.modules) {
            for (const lesson of module.lessons) {
              const answer = await send(
                learner.cookie,
                `${lessonHref(course.id, lesson.id)}?_action=learning.complete`,
                form({ courseId: course.id, moduleId: module.id, lesson: lessonSlug(lesson.id) }),
              );
              if (answer.status === 303 && /done=/.test(answer.location)) {
                acknowledged.push({ userId: learner.id, lessonId: lesson.id });
              } else {
                problems.push(`complete ${lesson.id}: HTTP ${answer.status} ${answer.location}`);
              }
            }
          }
          return true;
        } catch (error) {
          const code = (error as { code?: string }).code;
          // After the listener closed, a new connection is refused: expected, and this client's end.
          if (code === 'ECONNREFUSED') refused += 1;
          else problems.push(`${code ?? ''} ${error instanceof Error ? error.message : String(error)}`);
          return false;
        }
      }

      // Checked often: the stop must come while most of the course is still ahead of the learners.
      await expect
        .poll(() => acknowledged.length, { timeout: 60_000, intervals: [25] })
        .toBeGreaterThanOrEqual(40);
      server.kill('SIGTERM');
      await Promise.all(journeys);
      expect(await exited).toBe(0);

      expect(problems).toEqual([]);
      // The load really was cut: not every learner got through the course.
      expect(acknowledged.length).toBeLessThan(learners.length * course.lessons.length);
      expect(refused).toBeGreaterThan(0);

      const check = await createDb(databaseUrl);
      try {
        const missing: string[] = [];
        for (const write of acknowledged) {
          const [row] = await check.orm
            .select({ completedAt: lessonProgress.completedAt })
            .from(lessonProgress)
            .where(
              and(
                eq(lessonProgress.userId, write.userId),
                eq(lessonProgress.lessonId, write.lessonId),
                isNotNull(lessonProgress.completedAt),
              ),
            );
          if (!row) missing.push(`${write.userId} ${write.lessonId}`);
        }
        expect(missing).toEqual([]);
      } finally {
        check.close();
      }
      // Each worker (or the one process) finished its requests and stopped.
      const count = (msg: string) => lines().filter((line) => line.includes(`"msg":"${msg}"`)).length;
      expect(count('every request answered')).toBe(workers);
      expect(count('stopped')).toBe(workers);
      if (workers > 1) expect(count('stopped: every worker has exited')).toBe(1);
    } finally {
      agent.destroy();
      if (server.exitCode === null) server.kill('SIGKILL');
      db.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
}

test('a worker that dies is replaced while the others keep answering; SIGTERM stops them all', async () => {
  test.setTimeout(120_000);
  const folder = mkdtempSync(join(tmpdir(), 'rtw-workers-'));
  const { server, origin, exited, output, lines } = await startServe(`file:${join(folder, 'rtw.db')}`, 2);
  const listening = () =>
    lines()
      .filter((line) => line.includes('"msg":"listening"'))
      .map((line) => (JSON.parse(line) as { pid: number }).pid);
  // A new connection each time (fetch would reuse one to the worker that was killed).
  const ready = () =>
    new Promise<number>((resolveStatus) => {
      request(`${origin}/readyz`, { agent: false }, (res) => {
        res.resume();
        resolveStatus(res.statusCode ?? 0);
      })
        .once('error', () => resolveStatus(0))
        .end();
    });
  try {
    await expect.poll(listening, { timeout: 60_000 }).toHaveLength(2);
    const [first, second] = listening();
    expect(first).not.toBe(second);
    expect(first).not.toBe(server.pid);
    await expect.poll(ready, { timeout: 30_000 }).toBe(200);

    process.kill(first ?? 0, 'SIGKILL');
    // A connection the kernel had queued for the killed worker dies with it, as with any crash.
    // Once the primary has seen it go, the other worker answers every new connection while the
    // primary starts a third.
    await expect.poll(output, { timeout: 30_000 }).toContain('"msg":"worker died: starting another"');
    for (let round = 0; round < 20; round++) expect(await ready()).toBe(200);
    await expect.poll(listening, { timeout: 60_000 }).toHaveLength(3);
    expect(listening()[2]).not.toBe(first);
    await expect.poll(ready, { timeout: 30_000 }).toBe(200);

    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output()).toContain('"msg":"stopped: every worker has exited"');
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  }
});

/**
 * The lesson page and the course overview keep parts they rendered once in memory (the lesson body,
 * the pager, the outline, the module rows: src/lib/server/content/render-cache.ts), and on a later
 * request their components are not even created. A fresh server renders each part on the first
 * request; the second request must be the same page, head included (a lesson body bringing styles
 * or scripts of its own would lose them here).
 */
test('pages served from parts kept in memory are the pages first rendered', async () => {
  test.setTimeout(120_000);
  const folder = mkdtempSync(join(tmpdir(), 'rtw-render-cache-'));
  const databaseUrl = `file:${join(folder, 'rtw.db')}`;
  const course = requireCourse(loadBenchContent(root), FIXTURE_COURSE_ID);
  const db = await createDb(databaseUrl);
  await migrateDb(db);
  const [learner] = await createLearners(db, `cache${Date.now().toString(36)}`, 1, Date.now());
  const { server, origin, exited } = await startServe(databaseUrl, 1);
  const cookie = learner?.cookie ?? '';
  const post = (path: string, values: Record<string, string>) =>
    fetch(`${origin}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(values).toString(),
    });
  // Ids made at random per render (progress bars, glossary tips) are the only expected difference.
  const page = async (path: string, language: string) => {
    const answer = await fetch(`${origin}${path}`, {
      headers: { cookie: `${cookie}; rtw_lang=${language}` },
    });
    expect(answer.status, path).toBe(200);
    return (await answer.text()).replace(/-[a-z0-9]{6}(?=["-])/g, '-*');
  };
  try {
    await untilReady(origin);
    const [module] = course.modules;
    const [done, open] = module?.lessons ?? [];
    if (!module || !done || !open) throw new Error('the fixture course needs a module with two lessons');
    expect((await post(`/courses/${course.id}?_action=learning.enrol`, { courseId: course.id })).status).toBe(
      303,
    );
    const completed = await post(`${lessonHref(course.id, done.id)}?_action=learning.complete`, {
      courseId: course.id,
      moduleId: module.id,
      lesson: lessonSlug(done.id),
    });
    expect(completed.status).toBe(303);

    for (const language of ['en', 'ms'])
      for (const path of [
        lessonHref(course.id, open.id),
        lessonHref(course.id, done.id),
        `/courses/${course.id}`,
      ]) {
        const first = await page(path, language);
        // The lesson page shows its body, pager and outline; the overview, its module list.
        expect(first).toContain(path.endsWith(course.id) ? 'module-list' : 'class="outline');
        expect(await page(path, language), `${path} in ${language}`).toBe(first);
      }

    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL');
    db.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
