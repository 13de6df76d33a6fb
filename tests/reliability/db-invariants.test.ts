import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadBenchContent } from '../../bench/content.ts';
import { createDb, migrateDb, type Database } from '#src/lib/server/db.ts';
import { checkAcknowledged, checkInvariants } from './db-invariants.ts';

// The crash checks are only as good as these checks: each must notice the damage it is for.
const content = loadBenchContent();
let folder: string;
let db: Database;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'rtw-invariants-'));
  db = await createDb(`file:${join(folder, 'check.db')}`);
  await migrateDb(db);
  await db.client.executeMultiple(`
    INSERT INTO organisation (id, name, name_key) VALUES ('org', 'Semak Sdn Bhd', 'semak sdn bhd');
    INSERT INTO user (id, email, full_name, password_hash, organisation_id) VALUES ('u1', 'u1@example.my', 'Satu', 'x', 'org');
  `);
});

afterAll(() => {
  db.close();
  rmSync(folder, { recursive: true, force: true });
});

test('a sound database passes', async () => {
  expect(await checkInvariants(db, content)).toEqual([]);
});

test('each kind of damage is reported', async () => {
  await db.client.executeMultiple(`
    INSERT INTO quiz_attempt (id, user_id, quiz_id, attempt_number, content_version, layout, answers, status, started_at)
      VALUES ('a1', 'u1', 'sup-first-days', 1, 'v', '[{"questionId":"sf-01"}]', '{}', 'submitted', 1);
    INSERT INTO quiz_attempt (id, user_id, quiz_id, attempt_number, content_version, layout, answers, status, started_at)
      VALUES ('a2', 'u1', 'sup-keeping-in-touch', 1, 'v', '[]', '{}', 'in-progress', 1);
    INSERT INTO module_completion (user_id, module_id, completed_at) VALUES ('u1', 'sup-first-days', 1);
    INSERT INTO counter (name, value) VALUES ('certificate-serial:2026', 3);
    INSERT INTO enrolment (id, user_id, course_id, status, enrolled_at, progress_percent)
      VALUES ('e1', 'u1', 'supervisors-early-intervention', 'active', 1, 0);
  `);
  const problems = (await checkInvariants(db, content)).join('\n');
  // u1 has a module recorded (all its items count) but the enrolment's kept % says 0.
  expect(problems).toMatch(/kept % of u1 in supervisors-early-intervention is 0, the rule says [1-9]/);
  expect(problems).toContain('submitted attempts without a complete grade');
  expect(problems).toContain('open attempts without a frozen draw');
  expect(problems).toContain('module sup-first-days recorded complete for u1 without its lessons or quiz');
  expect(problems).toContain('serial counter 2026 is 3, certificates 0');
  expect(await checkInvariants(db, content, ['someone-else'])).toEqual([
    expect.stringContaining('serial counter 2026') as string,
  ]);
});

test('an acknowledged write that is missing is reported as lost', async () => {
  const problems = await checkAcknowledged(db, [
    { what: 'complete', userId: 'u1', key: 'sup-first-days/01-why-the-first-days-matter' },
    { what: 'user', userId: 'u1', key: '-' },
  ]);
  expect(problems).toEqual(['lost write: complete u1 sup-first-days/01-why-the-first-days-matter']);
});
