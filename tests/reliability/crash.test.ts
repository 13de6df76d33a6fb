import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runCrashTrials } from './crash-harness.ts';

const folder = mkdtempSync(join(tmpdir(), 'rtw-crash-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// `npm run bench -- --reliability` runs the same check with 200 kills.
test('a process killed at random moments while it records progress and grades quizzes leaves a sound database and loses no acknowledged write', async () => {
  const report = await runCrashTrials({ kills: 10, folder, seed: 'vitest' });
  expect(report.problems).toEqual([]);
  expect(report.kills).toBe(10);
  // The kills landed while the worker was writing, not before it started.
  expect(report.acknowledged).toBeGreaterThan(10);
  expect(report.rows.quiz_attempt).toBeGreaterThan(0);
}, 180_000);
