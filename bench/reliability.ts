/**
 * The reliability checks at full size, run by `npm run bench` (small versions run in `npm test`):
 * crash safety under SIGKILL, two app processes on the big database under concurrent learners,
 * and HTTP fuzzing of every action against both processes.
 */
import { join } from 'node:path';
import { createDb } from '#src/lib/server/db.ts';
import { sessionCookieName } from '#src/lib/server/account/session-cookie.ts';
import { listActions } from '../tests/reliability/action-catalogue.ts';
import { runCrashTrials, type CrashReport } from '../tests/reliability/crash-harness.ts';
import { checkInvariants } from '../tests/reliability/db-invariants.ts';
import { createFuzzFixture, createLearners } from '../tests/reliability/fixture.ts';
import { runHttpFuzz, type FuzzReport } from '../tests/reliability/http-fuzz.ts';
import { runJourneys, type JourneyReport } from '../tests/reliability/journeys.ts';
import type { BenchContent } from './content.ts';
import type { RunningServer } from './server.ts';

export interface ReliabilitySize {
  kills: number;
  journeyLearners: number;
  fuzzRuns: number;
  fuzzMinutes: number;
}

export const FULL_RELIABILITY: ReliabilitySize = {
  kills: 200,
  journeyLearners: 64,
  fuzzRuns: 3000,
  fuzzMinutes: 10,
};
export const QUICK_RELIABILITY: ReliabilitySize = {
  kills: 10,
  journeyLearners: 8,
  fuzzRuns: 300,
  fuzzMinutes: 2,
};

export interface TwoProcessReport extends JourneyReport {
  learners: number;
  /** SQLITE_BUSY / "database is locked" lines in either server's log. */
  busyErrors: number;
  invariantProblems: string[];
}

export interface ReliabilityReport {
  twoProcesses: TwoProcessReport | null;
  fuzz: FuzzReport | null;
  crash: CrashReport | null;
  passed: boolean;
}

/** Two processes and fuzzing, against servers already running on the bench database. */
export async function runServerChecks(input: {
  databaseUrl: string;
  content: BenchContent;
  servers: RunningServer[];
  size: ReliabilitySize;
  projectRoot: string;
  log: (line: string) => void;
}): Promise<{ twoProcesses: TwoProcessReport; fuzz: FuzzReport }> {
  const origins = input.servers.map((server) => server.origin);
  const db = await createDb(input.databaseUrl);
  try {
    const busyBefore = input.servers.reduce((sum, server) => sum + server.busyErrors(), 0);
    input.log(
      `reliability: ${input.size.journeyLearners} learners through the whole course at once, over ${origins.length} processes`,
    );
    const created = await createLearners(
      db,
      `bench${Date.now().toString(36)}`,
      input.size.journeyLearners,
      Date.now(),
    );
    const learners = created.map((learner, index) => ({
      ...learner,
      address: `127.0.3.${1 + (index % 200)}`,
    }));
    const journeys = await runJourneys({
      db,
      content: input.content,
      origins,
      learners,
      readers: Math.min(8, learners.length),
      readerRounds: 3,
    });
    const busyErrors = input.servers.reduce((sum, server) => sum + server.busyErrors(), 0) - busyBefore;
    const invariantProblems = await checkInvariants(
      db,
      input.content,
      learners.map((learner) => learner.id),
    );
    input.log(
      `  ${journeys.requests} requests in ${journeys.seconds.toFixed(1)} s, ${journeys.problems.length} problems, ${busyErrors} SQLITE_BUSY in the logs`,
    );

    input.log(
      `reliability: fuzzing every action, endpoint and cookie (${input.size.fuzzRuns} requests at most)`,
    );
    const fixture = await createFuzzFixture(db, input.content, `bench${Date.now().toString(36)}`, Date.now());
    const fuzz = await runHttpFuzz(
      {
        origins,
        sourceAddresses: Array.from({ length: 250 }, (_, index) => `127.0.3.${index + 1}`),
        cookieNames: [sessionCookieName(false), sessionCookieName(true)],
        actions: listActions(input.projectRoot),
        ...fixture,
      },
      { runs: input.size.fuzzRuns, timeLimitMs: input.size.fuzzMinutes * 60_000 },
    );
    input.log(
      `  ${fuzz.requests} requests in ${fuzz.seconds.toFixed(1)} s, statuses ${JSON.stringify(fuzz.statuses)}`,
    );
    for (const failure of fuzz.failures)
      input.log(`  FAIL ${failure.kind} ×${failure.count}: ${failure.example}`);
    return { twoProcesses: { ...journeys, learners: learners.length, busyErrors, invariantProblems }, fuzz };
  } finally {
    db.close();
  }
}

/** SIGKILL at random moments, `kills` times, on a database of its own. */
export async function runCrashCheck(input: {
  folder: string;
  kills: number;
  log: (line: string) => void;
}): Promise<CrashReport> {
  input.log(`reliability: killing a writing process ${input.kills} times`);
  const every = Math.max(1, Math.round(input.kills / 10));
  const report = await runCrashTrials({
    kills: input.kills,
    folder: join(input.folder, 'crash'),
    seed: `bench-${Date.now()}`,
    onKill: (kill, problems, acknowledged) => {
      if (kill % every === 0 || problems.length > 0)
        input.log(
          `  kill ${kill}/${input.kills}: ${acknowledged} acknowledged writes checked, ${problems.length} problems`,
        );
    },
  });
  for (const problem of report.problems.slice(0, 10)) input.log(`  FAIL ${problem}`);
  return report;
}
