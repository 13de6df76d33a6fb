/**
 * The rows of the bench table: what each one requests, with how many connections, what answer
 * each request must get, and the target from the performance budget (docs/performance.md and
 * the architecture card). Rows without a target are measured for the record and pass when every
 * answer is right.
 */
import type { BenchFixture } from './fixtures.ts';
import { READ_COURSE_ID } from './fixtures.ts';
import type { BenchRequest, Measurement } from './load.ts';

export interface Target {
  /** What the budget says, for the table. */
  text: string;
  met: (measured: Measurement, ceilingRatio: number | null) => boolean;
}

export interface Phase {
  id: string;
  title: string;
  connections: number;
  /**
   * Which process answers: the app (DB_SYNCHRONOUS=full, the default), a second app process on
   * the same database with DB_SYNCHRONOUS=normal (the durability rows), or the ceiling server.
   */
  server: 'app' | 'app-sync-normal' | 'ceiling';
  /** A fresh supply of requests for one measurement (warm-up included) against `origin`. */
  requests: (fixture: BenchFixture, origin: string) => () => BenchRequest | null;
  expectStatus: number;
  /** For redirects: where the answer must point. */
  expectLocation?: RegExp;
  target: Target | null;
  /** Show throughput as a share of the ceiling (same connections). */
  versusCeiling: boolean;
  /** Fewer seconds for rows whose requests are slow or whose supply is limited. */
  short?: boolean;
}

function rotate<T>(items: readonly T[], make: (item: T) => BenchRequest): () => BenchRequest | null {
  let index = 0;
  return () => {
    const item = items[index % items.length];
    index += 1;
    return item === undefined ? null : make(item);
  };
}

const withCookie = (cookie: string, path: string): BenchRequest => ({
  method: 'GET',
  path,
  headers: { cookie },
});

export const phases: Phase[] = [
  {
    id: 'ceiling',
    title: 'ceiling: bare node:http, same bytes',
    connections: 32,
    server: 'ceiling',
    requests: () => () => ({ method: 'GET', path: '/' }),
    expectStatus: 200,
    target: null,
    versusCeiling: true,
  },
  {
    id: 'home',
    title: 'home page (signed out)',
    connections: 32,
    server: 'app',
    requests: () => () => ({ method: 'GET', path: '/' }),
    expectStatus: 200,
    target: null,
    versusCeiling: true,
  },
  {
    id: 'lesson',
    title: 'lesson page, signed in, with progress',
    connections: 32,
    server: 'app',
    requests: (fixture) => rotate(fixture.readers, (reader) => withCookie(reader.cookie, reader.lessonPath)),
    expectStatus: 200,
    target: {
      text: '>= 8% of ceiling, p99 <= 50 ms',
      met: (measured, ratio) => ratio !== null && ratio >= 0.08 && measured.p99 <= 50,
    },
    versusCeiling: true,
  },
  {
    id: 'lesson-next',
    title: 'lesson page, a new lesson each time (writes), DB_SYNCHRONOUS=full',
    connections: 32,
    server: 'app',
    requests: (fixture) => newLessonEachTime(fixture),
    expectStatus: 200,
    target: null,
    versusCeiling: true,
  },
  {
    id: 'lesson-next-normal',
    title: 'lesson page, a new lesson each time (writes), DB_SYNCHRONOUS=normal',
    connections: 32,
    server: 'app-sync-normal',
    requests: (fixture) => newLessonEachTime(fixture),
    expectStatus: 200,
    target: null,
    versusCeiling: true,
  },
  {
    id: 'course',
    title: 'course overview, signed in',
    connections: 32,
    server: 'app',
    requests: (fixture) =>
      rotate(fixture.readers, (reader) => withCookie(reader.cookie, `/courses/${READ_COURSE_ID}`)),
    expectStatus: 200,
    target: null,
    versusCeiling: true,
  },
  {
    id: 'dashboard',
    title: 'learner dashboard',
    connections: 8,
    server: 'app',
    requests: (fixture) => rotate(fixture.readers, (reader) => withCookie(reader.cookie, '/dashboard')),
    expectStatus: 200,
    target: { text: 'p95 <= 50 ms', met: (measured) => measured.p95 <= 50 },
    versusCeiling: false,
  },
  {
    id: 'certificate',
    title: 'certificate PDF, a different one each time',
    connections: 1,
    server: 'app',
    requests: (fixture) =>
      rotate(fixture.certificateIds, (id) => withCookie(fixture.adminCookie, `/certificates/${id}.pdf`)),
    expectStatus: 200,
    target: { text: 'p95 <= 20 ms', met: (measured) => measured.p95 <= 20 },
    versusCeiling: false,
    short: true,
  },
  {
    id: 'certificate-cached',
    title: 'certificate PDF, rendered before',
    connections: 1,
    server: 'app',
    requests: (fixture) =>
      rotate(fixture.certificateIds.slice(0, 20), (id) =>
        withCookie(fixture.adminCookie, `/certificates/${id}.pdf`),
      ),
    expectStatus: 200,
    target: null,
    versusCeiling: false,
    short: true,
  },
  {
    id: 'verify',
    title: 'verification page (public)',
    connections: 32,
    server: 'app',
    requests: (fixture) =>
      rotate(fixture.verificationCodes, (code) => ({ method: 'GET', path: `/verify/${code}` })),
    expectStatus: 200,
    target: null,
    versusCeiling: true,
  },
  {
    id: 'report-progress',
    title: 'admin report: learners in progress',
    connections: 1,
    server: 'app',
    requests: (fixture) => () => withCookie(fixture.adminCookie, '/admin/reports/progress'),
    expectStatus: 200,
    target: { text: 'p95 <= 300 ms', met: (measured) => measured.p95 <= 300 },
    versusCeiling: false,
    short: true,
  },
  {
    id: 'report-completions',
    title: 'admin report: completions',
    connections: 1,
    server: 'app',
    requests: (fixture) => () => withCookie(fixture.adminCookie, '/admin/reports/completions'),
    expectStatus: 200,
    target: { text: 'p95 <= 300 ms', met: (measured) => measured.p95 <= 300 },
    versusCeiling: false,
    short: true,
  },
  {
    id: 'quiz-1',
    title: 'quiz submission, graded, DB_SYNCHRONOUS=full',
    connections: 1,
    server: 'app',
    requests: (fixture, origin) => submissions(fixture, origin),
    expectStatus: 303,
    expectLocation: /\/attempts\/\d+$/,
    target: { text: 'p95 <= 10 ms', met: (measured) => measured.p95 <= 10 },
    versusCeiling: false,
  },
  {
    id: 'quiz-16',
    title: 'quiz submission, graded, DB_SYNCHRONOUS=full',
    connections: 16,
    server: 'app',
    requests: (fixture, origin) => submissions(fixture, origin),
    expectStatus: 303,
    expectLocation: /\/attempts\/\d+$/,
    target: { text: '>= 500 graded/s', met: (measured) => measured.perSecond >= 500 },
    versusCeiling: false,
  },
  {
    id: 'quiz-1-normal',
    title: 'quiz submission, graded, DB_SYNCHRONOUS=normal',
    connections: 1,
    server: 'app-sync-normal',
    requests: (fixture, origin) => submissions(fixture, origin),
    expectStatus: 303,
    expectLocation: /\/attempts\/\d+$/,
    target: null,
    versusCeiling: false,
  },
  {
    id: 'quiz-16-normal',
    title: 'quiz submission, graded, DB_SYNCHRONOUS=normal',
    connections: 16,
    server: 'app-sync-normal',
    requests: (fixture, origin) => submissions(fixture, origin),
    expectStatus: 303,
    expectLocation: /\/attempts\/\d+$/,
    target: null,
    versusCeiling: false,
  },
];

/**
 * Each reader opens their lessons in turn: a view of another lesson than the reader's latest is
 * always a write (the resume point), so every request writes.
 */
function newLessonEachTime(fixture: BenchFixture): () => BenchRequest | null {
  const positions = new Map<string, number>();
  return rotate(fixture.readers, (reader) => {
    const position = positions.get(reader.userId) ?? 0;
    positions.set(reader.userId, position + 1);
    return withCookie(
      reader.cookie,
      reader.openLessons[position % reader.openLessons.length] ?? reader.lessonPath,
    );
  });
}

/** The fixture's open attempts in order: each is submitted once, whichever row sends it. */
function submissions(fixture: BenchFixture, origin: string): () => BenchRequest | null {
  return () => {
    const next = fixture.submissions[fixture.submissionsUsed];
    if (!next) return null;
    fixture.submissionsUsed += 1;
    return {
      method: 'POST',
      path: fixture.submitPath,
      headers: { cookie: next.cookie, 'content-type': 'application/x-www-form-urlencoded', origin },
      body: next.body,
    };
  };
}
