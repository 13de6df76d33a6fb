import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { followCompletions } from '#src/lib/server/completion.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  auditEvent,
  certificate,
  enrolment,
  lessonProgress,
  organisation,
  quizAttempt,
  user,
} from '#db/schema.ts';
import type { Role } from '#src/lib/roles.ts';
import { formatVerificationCode } from '#src/lib/certificate/code.ts';
import type { CourseData, LessonData, ModuleData } from '#src/lib/content/schema.ts';
import { buildCatalogue, type Catalogue } from '#src/lib/learning/structure.ts';
import {
  canDownloadCertificate,
  checkEligibility,
  getDownloadableCertificate,
  issueByException,
  issueCertificate,
  issueCertificates,
  issueDueAutoCertificates,
  listLearnerCertificates,
  reissueCertificate,
  revokeCertificate,
  type CertificateRecord,
} from '#src/lib/server/certificate/issue.ts';
import { countCertificates, listEligible, listIssued } from '#src/lib/server/certificate/desk.ts';
import {
  certificateFileName,
  renderCertificate,
  streamCertificatesZip,
  verifyUrlFor,
} from '#src/lib/server/certificate/document.ts';
import { getCertificate } from '#src/lib/server/certificate/store.ts';
import { verifyCertificateCode, verifyCertificateSerial } from '#src/lib/server/certificate/verify.ts';
import type { Database } from '#src/lib/server/db.ts';
import { newId } from '#src/lib/server/ids.ts';
import { completeLesson } from '#src/lib/server/learning/progress.ts';
import { throttlePolicies } from '#src/lib/server/account/throttle-policy.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';

const day = 24 * 60 * 60 * 1000;
/** 14 August 2026, 10:30 in Kuala Lumpur. */
const now = Date.UTC(2026, 7, 14, 2, 30);
const site = 'https://academy.example.my';

function lesson(title: string, order: number): LessonData {
  return { title, order, minutes: 5, required: true, draft: false, aliases: [], sources: [] };
}

function module(title: string): ModuleData {
  return {
    title,
    summary: `${title}.`,
    order: 1,
    objectives: ['Explain the topic'],
    references: [],
    glossary: [],
    aliases: [],
    draft: false,
  };
}

function course(title: string, modules: string[], extra: Partial<CourseData>): CourseData {
  return {
    title,
    summary: `${title}.`,
    modules,
    sequential: false,
    estimatedHours: 2,
    cpdHours: 2.5,
    completion: { requiredLessons: true, moduleQuizzes: false },
    draft: false,
    ...extra,
  };
}

const signatory = {
  signatoryName: 'Dr. Nurul Hidayah binti Kamaruddin',
  signatoryTitle: 'Programme Director',
};

/**
 * Three courses: `coordinator` (issued on approval, 12 months, a final assessment), `supervisors`
 * (issued automatically, no expiry) and `taster` (no certificate). `withExtraLesson` is the same
 * content after a trainer added a required lesson to the coordinator course.
 */
function makeCatalogue(withExtraLesson = false): Catalogue {
  const lessons = [
    { id: 'basics/01-intro', data: lesson('Intro', 1) },
    { id: 'basics/02-plan', data: lesson('Plan', 2) },
    { id: 'first-days/01-call', data: lesson('The first call', 1) },
    { id: 'taster/01-look', data: lesson('A look', 1) },
  ];
  if (withExtraLesson) lessons.push({ id: 'basics/03-new', data: lesson('Added later', 3) });
  return buildCatalogue({
    courses: [
      {
        id: 'coordinator',
        data: course('RTW Coordinator', ['basics'], {
          cpdHours: 20,
          completion: { requiredLessons: true, moduleQuizzes: false, finalAssessment: 'coordinator-final' },
          certificate: {
            title: 'Certificate of Completion',
            issueMode: 'approval',
            validityMonths: 12,
            ...signatory,
          },
        }),
      },
      {
        id: 'supervisors',
        data: course('Early intervention for supervisors', ['first-days'], {
          cpdHours: 3,
          certificate: { title: 'Certificate of Completion', issueMode: 'auto', ...signatory },
        }),
      },
      { id: 'taster', data: course('Taster', ['taster'], {}) },
    ],
    modules: [
      { id: 'basics', data: module('Basics') },
      { id: 'first-days', data: module('First days') },
      { id: 'taster', data: module('Taster') },
    ],
    lessons,
    quizIds: [],
    assessmentIds: ['coordinator-final'],
  });
}

let test: TestDatabase;
let db: Database;
let catalogue: Catalogue;
let orgA: string;
let orgB: string;
let admin: { id: string; role: Role };
let trainer: { id: string; role: Role };

async function createUser(
  email: string,
  fullName: string,
  role: Role = 'learner',
  organisationId = orgA,
  verified = true,
) {
  const id = newId();
  // Confirmed addresses unless asked: certificates go to nobody else (eligibility, issue 14).
  await db.orm.insert(user).values({
    id,
    email,
    fullName,
    passwordHash: 'x',
    role,
    organisationId,
    emailVerifiedAt: verified ? new Date(0) : null,
  });
  return { id, role, fullName };
}

async function recordCompletion(userId: string, courseId: string, at = now - 2 * day): Promise<void> {
  await db.orm.insert(enrolment).values({
    id: newId(),
    userId,
    courseId,
    status: 'active',
    enrolledAt: new Date(at - 10 * day),
    completedAt: new Date(at),
  });
}

async function passFinal(userId: string, at: number, attemptNumber = 1): Promise<void> {
  await db.orm.insert(quizAttempt).values({
    id: newId(),
    userId,
    quizId: 'coordinator-final',
    attemptNumber,
    contentVersion: 'test',
    layout: [],
    status: 'submitted',
    startedAt: new Date(at - 30 * 60 * 1000),
    submittedAt: new Date(at),
    percent: 90,
    passed: true,
  });
}

async function issued(userId: string, courseId = 'coordinator', at = now): Promise<CertificateRecord> {
  const result = await issueCertificate(db, catalogue, admin, { userId, courseId }, at);
  if (!result.ok) throw new Error(`expected a certificate, got ${result.reason}`);
  return result.certificate;
}

async function auditOf(subjectId: string) {
  return db.orm
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.subjectType, 'certificate'), eq(auditEvent.subjectId, subjectId)));
}

beforeEach(async () => {
  test = await createTestDb();
  db = test.db;
  catalogue = makeCatalogue();
  orgA = newId();
  orgB = newId();
  await db.orm.insert(organisation).values([
    { id: orgA, name: 'Syarikat Elektronik Cahaya Sdn Bhd', nameKey: 'syarikat elektronik cahaya sdn bhd' },
    { id: orgB, name: 'Lintas Pulau Logistics Sdn Bhd', nameKey: 'lintas pulau logistics sdn bhd' },
  ]);
  admin = await createUser('admin@example.my', 'Nurul Huda binti Ismail', 'admin');
  trainer = await createUser('trainer@example.my', 'Rajesh a/l Subramaniam', 'trainer');
});
afterEach(() => test.cleanup());

describe('eligibility', () => {
  it('needs a completed course that gives a certificate', async () => {
    const learner = await createUser('siti@example.my', 'Siti Nur Aisyah binti Abdullah');
    expect(await checkEligibility(db.orm, catalogue, learner.id, 'coordinator', now)).toMatchObject({
      eligible: false,
      reason: 'not-completed',
    });
    await recordCompletion(learner.id, 'taster');
    expect(await checkEligibility(db.orm, catalogue, learner.id, 'taster', now)).toMatchObject({
      eligible: false,
      reason: 'no-certificate-rule',
    });
    expect(await checkEligibility(db.orm, catalogue, learner.id, 'no-such-course', now)).toMatchObject({
      eligible: false,
      reason: 'course-not-found',
    });
    await recordCompletion(learner.id, 'coordinator');
    expect(await checkEligibility(db.orm, catalogue, learner.id, 'coordinator', now)).toEqual({
      eligible: true,
      kind: 'first',
      replaces: null,
    });
  });

  it('keeps a recorded completion eligible after a lesson is added to the course', async () => {
    const learner = await createUser('siti@example.my', 'Siti Nur Aisyah binti Abdullah');
    await recordCompletion(learner.id, 'coordinator');
    const changed = makeCatalogue(true);
    expect(changed.published.course('coordinator')?.lessons).toHaveLength(3);
    expect(await checkEligibility(db.orm, changed, learner.id, 'coordinator', now)).toMatchObject({
      eligible: true,
    });
    const result = await issueCertificate(
      db,
      changed,
      admin,
      { userId: learner.id, courseId: 'coordinator' },
      now,
    );
    expect(result.ok).toBe(true);
  });

  it('counts a completion the rules grant but nobody recorded yet, on the content as it is now', async () => {
    const learner = await createUser('tan@example.my', 'Tan Wei Ming');
    await db.orm.insert(enrolment).values({
      id: newId(),
      userId: learner.id,
      courseId: 'coordinator',
      status: 'active',
      enrolledAt: new Date(now - 10 * day),
    });
    for (const lessonId of ['basics/01-intro', 'basics/02-plan']) {
      await db.orm.insert(lessonProgress).values({
        userId: learner.id,
        lessonId,
        firstViewedAt: new Date(now - day),
        lastViewedAt: new Date(now - day),
        completedAt: new Date(now - day),
      });
    }
    await passFinal(learner.id, now - day);
    expect(await checkEligibility(db.orm, catalogue, learner.id, 'coordinator', now)).toMatchObject({
      eligible: true,
    });
    // Not recorded, so the lesson added since counts: the learner has not completed any more.
    expect(await checkEligibility(db.orm, makeCatalogue(true), learner.id, 'coordinator', now)).toMatchObject(
      {
        eligible: false,
        reason: 'not-completed',
      },
    );
  });

  it('refuses a second certificate, and follows a revoked one only by exception', async () => {
    const learner = await createUser('siti@example.my', 'Siti Nur Aisyah binti Abdullah');
    await recordCompletion(learner.id, 'coordinator');
    const first = await issued(learner.id);
    expect(await checkEligibility(db.orm, catalogue, learner.id, 'coordinator', now)).toMatchObject({
      eligible: false,
      reason: 'already-certified',
    });
    await revokeCertificate(db, admin, { id: first.id, reason: 'Issued by mistake' }, now + 1);
    expect(await checkEligibility(db.orm, catalogue, learner.id, 'coordinator', now + 2)).toMatchObject({
      eligible: false,
      reason: 'revoked',
    });
  });

  it('allows a renewal within 60 days of expiry once the final assessment is passed again', async () => {
    const learner = await createUser('siti@example.my', 'Siti Nur Aisyah binti Abdullah');
    await recordCompletion(learner.id, 'coordinator', now - 20 * day);
    await passFinal(learner.id, now - 20 * day);
    const first = await issued(learner.id, 'coordinator', now - 19 * day);
    const expiresAt = first.expiresAt ?? 0;
    const inWindow = expiresAt - 30 * day;
    expect(
      await checkEligibility(db.orm, catalogue, learner.id, 'coordinator', expiresAt - 61 * day),
    ).toMatchObject({
      reason: 'already-certified',
    });
    expect(await checkEligibility(db.orm, catalogue, learner.id, 'coordinator', inWindow)).toMatchObject({
      reason: 'renewal-not-completed',
    });
    await passFinal(learner.id, inWindow - day, 2);
    expect(await checkEligibility(db.orm, catalogue, learner.id, 'coordinator', inWindow)).toMatchObject({
      eligible: true,
      kind: 'renewal',
    });
    const renewal = await issued(learner.id, 'coordinator', inWindow);
    expect((await getCertificate(db.orm, first.id))?.supersededBy).toBe(renewal.id);
    expect(renewal.expiresAt).toBeGreaterThan(expiresAt);
  });
});

describe('issuing', () => {
  it('issues with a serial, a code, the name as it is now, the CPD hours and the expiry, and audits it', async () => {
    const learner = await createUser('siti@example.my', 'Siti Nur Aisyah binti Abdullah', 'learner');
    await recordCompletion(learner.id, 'coordinator');
    const record = await issued(learner.id);
    expect(record.serial).toBe('RTW-2026-000001');
    expect(record.verificationCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{20}$/u);
    expect(record.id).toMatch(/^[a-z2-7]{16}$/u);
    expect(record).toMatchObject({
      holderName: 'Siti Nur Aisyah binti Abdullah',
      courseTitle: 'RTW Coordinator',
      cpdHours: 20,
      issuedAt: now,
      issuedBy: admin.id,
      expiresAt: Date.UTC(2027, 7, 14, 2, 30),
      exceptionReason: null,
    });
    await db.orm.update(user).set({ fullName: 'Siti Aisyah' }).where(eq(user.id, learner.id));
    expect((await getCertificate(db.orm, record.id))?.holderName).toBe('Siti Nur Aisyah binti Abdullah');

    const [entry] = await auditOf(record.id);
    expect(entry).toMatchObject({ actorId: admin.id, action: 'certificate-issued', at: new Date(now) });
    expect(entry?.data).toMatchObject({ mode: 'approval', serial: 'RTW-2026-000001', userId: learner.id });
  });

  it('lets only admins issue', async () => {
    const learner = await createUser('siti@example.my', 'Siti Nur Aisyah binti Abdullah');
    await recordCompletion(learner.id, 'coordinator');
    for (const actor of [trainer, learner]) {
      expect(
        await issueCertificate(db, catalogue, actor, { userId: learner.id, courseId: 'coordinator' }, now),
      ).toEqual({
        ok: false,
        reason: 'forbidden',
      });
    }
    expect(await db.orm.select().from(certificate)).toHaveLength(0);
  });

  it('numbers serials per year in Malaysia, without gaps or repeats', async () => {
    const serials: string[] = [];
    const times = [
      Date.UTC(2026, 0, 5),
      Date.UTC(2026, 5, 1),
      // 16:30 UTC on 31 December is already 1 January in Kuala Lumpur.
      Date.UTC(2026, 11, 31, 16, 30),
      Date.UTC(2027, 1, 1),
      Date.UTC(2026, 11, 31, 15, 59),
    ];
    for (const [index, at] of times.entries()) {
      const learner = await createUser(`learner${index}@example.my`, `Learner ${index}`);
      await recordCompletion(learner.id, 'coordinator', at - day);
      serials.push((await issued(learner.id, 'coordinator', at)).serial);
    }
    expect(serials).toEqual([
      'RTW-2026-000001',
      'RTW-2026-000002',
      'RTW-2027-000001',
      'RTW-2027-000002',
      'RTW-2026-000003',
    ]);
  });

  it('issues many at once, reporting each refusal, each certificate audited', async () => {
    const ready = [
      await createUser('a@example.my', 'Nurul Aina binti Zakaria'),
      await createUser('b@example.my', 'Chong Kah Yee', 'learner', orgB),
    ];
    for (const learner of ready) await recordCompletion(learner.id, 'coordinator');
    const notDone = await createUser('c@example.my', 'Jugah anak Nyandang');
    const items = [...ready, notDone].map((learner) => `${learner.id}:coordinator`);
    const result = await issueCertificates(db, catalogue, admin, [...items, items[0] ?? '', 'garbage'], now);
    if (!result.ok) throw new Error(result.reason);
    expect(result.report.issued.map((item) => item.holderName)).toEqual([
      'Nurul Aina binti Zakaria',
      'Chong Kah Yee',
    ]);
    expect(result.report.refused).toEqual([
      {
        userId: notDone.id,
        courseId: 'coordinator',
        holderName: 'Jugah anak Nyandang',
        reason: 'not-completed',
      },
    ]);
    for (const item of result.report.issued) expect(await auditOf(item.id)).toHaveLength(1);
    expect(await issueCertificates(db, catalogue, admin, [], now)).toEqual({
      ok: false,
      reason: 'none-selected',
    });
  });

  it('refuses a name no certificate font can print', async () => {
    const learner = await createUser('ahmad@example.my', 'Ahmad عبدالله');
    await recordCompletion(learner.id, 'coordinator');
    expect(
      await issueCertificate(db, catalogue, admin, { userId: learner.id, courseId: 'coordinator' }, now),
    ).toMatchObject({
      ok: false,
      reason: 'name-unprintable',
    });
  });

  it('issues an automatic certificate the moment the course is completed, by the system', async () => {
    const learner = await createUser('tan@example.my', 'Tan Wei Ming');
    await db.orm.insert(enrolment).values({
      id: newId(),
      userId: learner.id,
      courseId: 'supervisors',
      status: 'active',
      enrolledAt: new Date(now - day),
    });
    const result = await completeLesson(
      db,
      catalogue,
      learner,
      { courseId: 'supervisors', moduleId: 'first-days', slug: '01-call' },
      now,
    );
    expect(result).toMatchObject({ ok: true, courseCompleted: true });
    // The caller (the complete action) issues what the recorded completion earns.
    if (result.ok) await followCompletions(db, catalogue, learner.id, result.recorded, now);
    const [held] = await listLearnerCertificates(db.orm, learner.id, now);
    expect(held).toMatchObject({ courseId: 'supervisors', issuedBy: null, expiresAt: null, status: 'valid' });
    const [entry] = await auditOf(held?.id ?? '');
    expect(entry).toMatchObject({ actorId: null, action: 'certificate-issued' });
    expect(entry?.data).toMatchObject({ mode: 'auto' });
  });

  it('issues a due automatic certificate on the next dashboard view, once', async () => {
    const learner = await createUser('tan@example.my', 'Tan Wei Ming');
    await recordCompletion(learner.id, 'supervisors');
    await recordCompletion(learner.id, 'coordinator');
    const first = await issueDueAutoCertificates(db, catalogue, learner.id, now);
    expect(first.map((record) => record.courseId)).toEqual(['supervisors']);
    expect(await issueDueAutoCertificates(db, catalogue, learner.id, now + 1)).toEqual([]);
    await revokeCertificate(db, admin, { id: first[0]?.id ?? '', reason: 'Wrong person' }, now + 2);
    expect(await issueDueAutoCertificates(db, catalogue, learner.id, now + 3)).toEqual([]);
  });

  it('waits for a confirmed email address, then issues what was earned', async () => {
    const learner = await createUser('kavitha@example.my', 'Kavitha a/p Ramasamy', 'learner', orgA, false);
    await recordCompletion(learner.id, 'supervisors');
    await recordCompletion(learner.id, 'coordinator');
    expect(await checkEligibility(db.orm, catalogue, learner.id, 'coordinator', now)).toMatchObject({
      eligible: false,
      reason: 'email-not-verified',
    });
    expect(
      await issueCertificate(db, catalogue, admin, { userId: learner.id, courseId: 'coordinator' }, now),
    ).toEqual({ ok: false, reason: 'email-not-verified' });
    expect(await issueDueAutoCertificates(db, catalogue, learner.id, now)).toEqual([]);
    const before = await listEligible(db, catalogue, {}, now);
    expect(before.entries.map((entry) => entry.userId)).not.toContain(learner.id);
    // Counted apart on the desk: both courses are earned, the address is not confirmed.
    expect(before.waitingOnEmail).toBe(2);

    await db.orm
      .update(user)
      .set({ emailVerifiedAt: new Date(now) })
      .where(eq(user.id, learner.id));
    const issuedNow = await issueDueAutoCertificates(db, catalogue, learner.id, now + 1);
    expect(issuedNow.map((record) => record.courseId)).toEqual(['supervisors']);
    const after = await listEligible(db, catalogue, {}, now + 1);
    expect(after.entries.map((entry) => entry.userId)).toContain(learner.id);
    expect(after.waitingOnEmail).toBe(0);
  });
});

describe('revoking and re-issuing', () => {
  it('revokes with a required reason, audited with before and after', async () => {
    const learner = await createUser('siti@example.my', 'Siti Nur Aisyah binti Abdullah');
    await recordCompletion(learner.id, 'coordinator');
    const record = await issued(learner.id);
    expect(await revokeCertificate(db, admin, { id: record.id, reason: '   ' }, now + 1)).toEqual({
      ok: false,
      reason: 'reason-required',
    });
    expect(await revokeCertificate(db, trainer, { id: record.id, reason: 'No' }, now + 1)).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    const reason = 'Assessment taken by someone else';
    expect(await revokeCertificate(db, admin, { id: record.id, reason, confirmed: false }, now + 1)).toEqual({
      ok: false,
      reason: 'unconfirmed',
    });
    expect((await getCertificate(db.orm, record.id))?.revokedAt).toBeNull();
    expect((await auditOf(record.id)).map((entry) => entry.action)).not.toContain('certificate-revoked');
    const result = await revokeCertificate(db, admin, { id: record.id, reason, confirmed: true }, now + 1);
    expect(result).toMatchObject({ ok: true, certificate: { revokedAt: now + 1 } });
    expect(
      await revokeCertificate(db, admin, { id: record.id, reason: 'Again', confirmed: false }, now + 2),
    ).toEqual({
      ok: false,
      reason: 'already-revoked',
    });
    expect(await revokeCertificate(db, admin, { id: record.id, reason: 'Again' }, now + 2)).toEqual({
      ok: false,
      reason: 'already-revoked',
    });
    const revoked = (await auditOf(record.id)).find((entry) => entry.action === 'certificate-revoked');
    expect(revoked).toMatchObject({ actorId: admin.id, at: new Date(now + 1) });
    expect(revoked?.data).toMatchObject({
      before: 'valid',
      after: 'revoked',
      reason: 'Assessment taken by someone else',
    });
  });

  it('re-issues with a corrected name: a new serial and code, the same expiry, the old one superseded', async () => {
    const learner = await createUser('syafiqah@example.my', 'Nur Syafiqa binti Azman');
    await recordCompletion(learner.id, 'coordinator');
    const old = await issued(learner.id);
    expect(
      await reissueCertificate(
        db,
        admin,
        { id: old.id, holderName: 'Nur Syafiqah binti Azman', reason: '' },
        now + day,
      ),
    ).toMatchObject({ ok: false, reason: 'invalid', errors: { reason: 'required' } });
    expect(
      await reissueCertificate(db, admin, { id: old.id, holderName: 'Nur عبد', reason: 'Typo' }, now + day),
    ).toMatchObject({ ok: false, reason: 'invalid', errors: { holderName: 'unprintable' } });

    const result = await reissueCertificate(
      db,
      admin,
      { id: old.id, holderName: 'Nur Syafiqah binti Azman', reason: 'Name misspelt' },
      now + day,
    );
    if (!result.ok) throw new Error(result.reason);
    const fresh = result.certificate;
    expect(fresh).toMatchObject({
      holderName: 'Nur Syafiqah binti Azman',
      serial: 'RTW-2026-000002',
      expiresAt: old.expiresAt,
      issuedAt: now + day,
    });
    expect(fresh.verificationCode).not.toBe(old.verificationCode);
    expect((await getCertificate(db.orm, old.id))?.supersededBy).toBe(fresh.id);

    const oldAudit = await auditOf(old.id);
    expect(oldAudit.find((entry) => entry.action === 'certificate-superseded')?.data).toMatchObject({
      supersededBy: fresh.id,
      reason: 'Name misspelt',
    });
    const [newAudit] = await auditOf(fresh.id);
    expect(newAudit).toMatchObject({ action: 'certificate-reissued', actorId: admin.id });
    expect(newAudit?.data).toMatchObject({
      replaces: old.id,
      reason: 'Name misspelt',
      before: { holderName: 'Nur Syafiqa binti Azman' },
      after: { holderName: 'Nur Syafiqah binti Azman' },
    });
    expect(
      await reissueCertificate(db, admin, { id: old.id, holderName: '', reason: 'Again' }, now + 2 * day),
    ).toEqual({ ok: false, reason: 'superseded' });
    expect(await listLearnerCertificates(db.orm, learner.id, now + 2 * day)).toHaveLength(1);
  });

  it('issues by exception to someone who did not complete online, with the reason kept', async () => {
    const learner = await createUser('jugah@example.my', 'Jugah anak Nyandang');
    const missing = await issueByException(
      db,
      catalogue,
      admin,
      { email: 'JUGAH@example.my', courseId: 'coordinator', holderName: '', reason: '' },
      now,
    );
    expect(missing).toMatchObject({ ok: false, reason: 'invalid', errors: { reason: 'required' } });
    expect(
      await issueByException(
        db,
        catalogue,
        admin,
        { email: 'nobody@example.my', courseId: 'taster', holderName: '', reason: 'x' },
        now,
      ),
    ).toMatchObject({ ok: false, errors: { email: 'not-found', courseId: 'no-certificate-rule' } });

    const reason = 'Attended the classroom programme in Kuching, 12–14 May 2026';
    const result = await issueByException(
      db,
      catalogue,
      admin,
      { email: 'jugah@example.my', courseId: 'coordinator', holderName: '', reason },
      now,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.certificate).toMatchObject({
      userId: learner.id,
      holderName: 'Jugah anak Nyandang',
      exceptionReason: reason,
    });
    const [entry] = await auditOf(result.certificate.id);
    expect(entry?.data).toMatchObject({ mode: 'exception', reason });
    expect(
      await issueByException(
        db,
        catalogue,
        admin,
        { email: 'jugah@example.my', courseId: 'coordinator', holderName: '', reason },
        now + 1,
      ),
    ).toMatchObject({ ok: false, errors: { courseId: 'already-certified' } });
  });
});

describe('verification', () => {
  async function certified(at = now) {
    const learner = await createUser(`l${newId()}@example.my`, 'Siti Nur Aisyah binti Abdullah');
    await recordCompletion(learner.id, 'coordinator', at - day);
    return issued(learner.id, 'coordinator', at);
  }

  it('shows status, name, course and dates, and nothing personal, for a code typed any way', async () => {
    const record = await certified();
    const typed = formatVerificationCode(record.verificationCode).toLowerCase().replaceAll('-', ' - ');
    const outcome = await verifyCertificateCode(db, typed, '10.0.0.1', now + day);
    expect(outcome).toEqual({
      kind: 'found',
      certificate: {
        status: 'valid',
        code: record.verificationCode,
        serial: 'RTW-2026-000001',
        holderName: 'Siti Nur Aisyah binti Abdullah',
        courseId: 'coordinator',
        courseTitle: 'RTW Coordinator',
        certificateTitle: 'Certificate of Completion',
        language: 'en',
        cpdHours: 20,
        issuedAt: now,
        expiresAt: record.expiresAt,
        revokedAt: null,
        replacedAt: null,
      },
    });
    expect(JSON.stringify(outcome)).not.toContain('@example.my');
  });

  it('is valid until the instant before the expiry and expired from it', async () => {
    const record = await certified();
    const expiresAt = record.expiresAt ?? 0;
    const at = async (time: number) => {
      const outcome = await verifyCertificateCode(db, record.verificationCode, '10.0.0.2', time);
      return outcome.kind === 'found' ? outcome.certificate.status : outcome.kind;
    };
    expect(await at(expiresAt - 1)).toBe('valid');
    expect(await at(expiresAt)).toBe('expired');
    expect(await at(expiresAt + 365 * day)).toBe('expired');
  });

  it('says revoked, and superseded (with the date it was replaced)', async () => {
    const record = await certified();
    const other = await certified();
    await revokeCertificate(db, admin, { id: record.id, reason: 'Fraud' }, now + day);
    const reissued = await reissueCertificate(
      db,
      admin,
      { id: other.id, holderName: 'Siti Aisyah', reason: 'Name' },
      now + 2 * day,
    );
    expect(reissued.ok).toBe(true);
    const revoked = await verifyCertificateCode(db, record.verificationCode, '10.0.0.3', now + 3 * day);
    expect(revoked).toMatchObject({
      kind: 'found',
      certificate: { status: 'revoked', revokedAt: now + day },
    });
    expect(JSON.stringify(revoked)).not.toContain('Fraud');
    expect(await verifyCertificateCode(db, other.verificationCode, '10.0.0.3', now + 3 * day)).toMatchObject({
      kind: 'found',
      certificate: { status: 'superseded', replacedAt: now + 2 * day },
    });
  });

  it('blocks an address after too many unknown codes, even for a real code, but not for typos', async () => {
    const record = await certified();
    const unknown = '23456789ABCDEFGHJKMN';
    for (let i = 0; i < 40; i++) {
      expect(await verifyCertificateCode(db, 'not a code', '10.0.0.9', now)).toEqual({ kind: 'malformed' });
    }
    for (let i = 0; i < throttlePolicies.verifyAddress.maxFailures - 1; i++) {
      expect(await verifyCertificateCode(db, unknown, '10.0.0.9', now + i)).toEqual({ kind: 'not-found' });
    }
    expect((await verifyCertificateCode(db, record.verificationCode, '10.0.0.9', now + 100)).kind).toBe(
      'found',
    );
    expect(await verifyCertificateCode(db, unknown, '10.0.0.9', now + 101)).toEqual({ kind: 'not-found' });
    const blocked = await verifyCertificateCode(db, record.verificationCode, '10.0.0.9', now + 102);
    expect(blocked).toEqual({
      kind: 'throttled',
      retryAfterMs: throttlePolicies.verifyAddress.baseBlockMs - 1,
    });
    expect((await verifyCertificateCode(db, record.verificationCode, '10.0.0.10', now + 102)).kind).toBe(
      'found',
    );
    const later = now + 101 + throttlePolicies.verifyAddress.baseBlockMs;
    expect((await verifyCertificateCode(db, record.verificationCode, '10.0.0.9', later)).kind).toBe('found');
  });

  it('finds a certificate by its serial and the holder’s family name, typed any way, as by its code', async () => {
    const record = await certified();
    const byCode = await verifyCertificateCode(db, record.verificationCode, '10.0.1.1', now + day);
    for (const name of ['Abdullah', 'ABDULLAH', 'binti abdullah', ' Siti Nur ']) {
      expect(
        await verifyCertificateSerial(db, { serial: 'rtw 2026 1', name }, '10.0.1.1', now + day),
      ).toEqual(byCode);
    }
  });

  it('answers a wrong name exactly as an unknown serial, and counts both toward the block', async () => {
    const record = await certified();
    const wrongName = await verifyCertificateSerial(
      db,
      { serial: record.serial, name: 'Tan' },
      '10.0.1.2',
      now,
    );
    const unknownSerial = await verifyCertificateSerial(
      db,
      { serial: 'RTW-2026-999999', name: 'Abdullah' },
      '10.0.1.2',
      now,
    );
    expect(wrongName).toEqual({ kind: 'not-found' });
    expect(unknownSerial).toEqual(wrongName);
    expect(
      await verifyCertificateSerial(db, { serial: record.serial, name: 'binti' }, '10.0.1.2', now),
    ).toEqual({
      kind: 'not-found',
    });
    for (let i = 3; i < throttlePolicies.verifyAddress.maxFailures; i++) {
      await verifyCertificateSerial(db, { serial: record.serial, name: 'Lim' }, '10.0.1.2', now + i);
    }
    expect(
      (await verifyCertificateSerial(db, { serial: record.serial, name: 'Abdullah' }, '10.0.1.2', now + 100))
        .kind,
    ).toBe('throttled');
    expect((await verifyCertificateCode(db, record.verificationCode, '10.0.1.2', now + 100)).kind).toBe(
      'throttled',
    );
  });

  it('says which field is unusable without a look-up or a count', async () => {
    for (let i = 0; i < 40; i++) {
      expect(
        await verifyCertificateSerial(db, { serial: 'RTW-26-1', name: 'Abdullah' }, '10.0.1.3', now),
      ).toEqual({
        kind: 'malformed-serial',
      });
      expect(
        await verifyCertificateSerial(db, { serial: 'RTW-2026-000001', name: '  ' }, '10.0.1.3', now),
      ).toEqual({ kind: 'malformed-name' });
    }
    expect(
      await verifyCertificateSerial(db, { serial: 'RTW-2026-424242', name: 'Abdullah' }, '10.0.1.3', now),
    ).toEqual({ kind: 'not-found' });
  });
});

describe('access to the PDF', () => {
  it('lets the holder, trainers and admins download; nobody else, and not the holder of a revoked one', async () => {
    const holder = await createUser('siti@example.my', 'Siti Nur Aisyah binti Abdullah');
    const other = await createUser('tan@example.my', 'Tan Wei Ming');
    await recordCompletion(holder.id, 'coordinator');
    const record = await issued(holder.id);
    expect(canDownloadCertificate(holder, record)).toBe(true);
    expect(canDownloadCertificate(trainer, record)).toBe(true);
    expect(canDownloadCertificate(admin, record)).toBe(true);
    expect(canDownloadCertificate(other, record)).toBe(false);
    expect(canDownloadCertificate(null, record)).toBe(false);
    expect(await getDownloadableCertificate(db.orm, other, record.id)).toBeNull();
    expect(await getDownloadableCertificate(db.orm, null, record.id)).toBeNull();
    expect((await getDownloadableCertificate(db.orm, holder, record.id))?.id).toBe(record.id);
    expect(await getDownloadableCertificate(db.orm, holder, `${record.id}x`)).toBeNull();
    await revokeCertificate(db, admin, { id: record.id, reason: 'Fraud' }, now + 1);
    expect(await getDownloadableCertificate(db.orm, holder, record.id)).toBeNull();
    expect((await getDownloadableCertificate(db.orm, admin, record.id))?.id).toBe(record.id);
  });
});

describe('the desk', () => {
  it('queues completed learners without a certificate, filtered by course and employer', async () => {
    const a = await createUser('a@example.my', 'Nurul Aina binti Zakaria');
    const b = await createUser('b@example.my', 'Chong Kah Yee', 'learner', orgB);
    const c = await createUser('c@example.my', 'Arjun a/l Krishnan');
    await recordCompletion(a.id, 'coordinator', now - 3 * day);
    await recordCompletion(b.id, 'coordinator', now - 9 * day);
    await recordCompletion(c.id, 'coordinator', now - 20 * day);
    await issued(c.id);
    const all = await listEligible(db, catalogue, {}, now);
    expect(all.entries.map((entry) => entry.fullName)).toEqual(['Chong Kah Yee', 'Nurul Aina binti Zakaria']);
    expect(all.entries[0]).toMatchObject({
      employer: 'Lintas Pulau Logistics Sdn Bhd',
      kind: 'first',
      unprintable: [],
    });
    const employer = await listEligible(db, catalogue, { organisationId: orgA }, now);
    expect(employer.entries.map((entry) => entry.fullName)).toEqual(['Nurul Aina binti Zakaria']);
    expect((await listEligible(db, catalogue, { courseId: 'supervisors' }, now)).total).toBe(0);
  });

  it('lists issued certificates by status and search, and counts them', async () => {
    const a = await createUser('a@example.my', 'Nurul Aina binti Zakaria');
    const b = await createUser('b@example.my', 'Chong Kah Yee', 'learner', orgB);
    await recordCompletion(a.id, 'coordinator');
    await recordCompletion(b.id, 'coordinator');
    const first = await issued(a.id);
    const second = await issued(b.id);
    await revokeCertificate(db, admin, { id: second.id, reason: 'Fraud' }, now + 1);
    const page = { offset: 0, limit: 50 };
    expect((await listIssued(db, { status: 'valid' }, now + 2, page)).entries.map((e) => e.id)).toEqual([
      first.id,
    ]);
    expect((await listIssued(db, { status: 'revoked' }, now + 2, page)).entries.map((e) => e.id)).toEqual([
      second.id,
    ]);
    expect((await listIssued(db, { query: 'chong' }, now + 2, page)).total).toBe(1);
    expect(
      (await listIssued(db, { query: formatVerificationCode(first.verificationCode) }, now + 2, page)).total,
    ).toBe(1);
    expect((await listIssued(db, { query: '100%' }, now + 2, page)).total).toBe(0);
    expect(await countCertificates(db, now + 2)).toEqual({
      valid: 1,
      expiring: 0,
      expired: 0,
      revoked: 1,
      superseded: 0,
    });
    expect(await countCertificates(db, (first.expiresAt ?? 0) - day)).toMatchObject({
      valid: 1,
      expiring: 1,
    });
  });
});

const workDirectory = mkdtempSync(join(tmpdir(), 'certificates-test-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));
const hasTool = (name: string) => spawnSync(name, ['-v'], { stdio: 'ignore' }).error === undefined;
const canReadText = hasTool('pdftotext');
const canDecodeQr = hasTool('pdftoppm') && hasTool('zbarimg');

describe('the document', () => {
  async function certificateFor(fullName: string) {
    const learner = await createUser(`l${newId()}@example.my`, fullName);
    await recordCompletion(learner.id, 'coordinator');
    return issued(learner.id);
  }

  function write(bytes: Uint8Array, name: string): string {
    const path = join(workDirectory, name);
    writeFileSync(path, bytes);
    return path;
  }

  it.runIf(canReadText).each(["Zoë Łukasz O'Brien-Nguyễn", '陈美玲'])(
    'prints the holder name %s, the serial and the code',
    async (fullName) => {
      const record = await certificateFor(fullName);
      const bytes = await renderCertificate(record, catalogue.preview.course('coordinator'), 'en', site);
      const path = write(bytes, `${record.serial}.pdf`);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
        .normalize('NFC')
        .replace(/\s+/gu, ' ');
      expect(text).toContain(fullName.normalize('NFC'));
      expect(text).toContain(record.serial);
      expect(text).toContain(formatVerificationCode(record.verificationCode));
      expect(text).toContain('RTW Coordinator');
      expect(text).toContain('Dr. Nurul Hidayah binti Kamaruddin');
    },
  );

  it.runIf(canDecodeQr)('carries a QR code that opens the verification page', async () => {
    const record = await certificateFor('Siti Nur Aisyah binti Abdullah');
    const path = write(
      await renderCertificate(record, catalogue.preview.course('coordinator'), 'ms', site),
      'qr.pdf',
    );
    const prefix = join(workDirectory, 'qr');
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', path, prefix]);
    const decoded = execFileSync('zbarimg', ['--raw', '-q', `${prefix}.png`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    expect(decoded).toBe(`${site}/verify/${record.verificationCode}`);
    expect(decoded).toBe(verifyUrlFor(site, record.verificationCode));
  });

  it.runIf(canReadText)(
    'keeps the certificate wording it was issued with when the course changes it later',
    async () => {
      const record = await certificateFor('Kavitha a/p Ramasamy');
      expect(record).toMatchObject({ certificateTitle: 'Certificate of Completion' });
      const course = catalogue.preview.course('coordinator');
      if (!course?.certificate) throw new Error('the test course gives a certificate');
      const changed = {
        certificate: { ...course.certificate, title: 'A New Title', signatoryName: 'Someone Else' },
      };
      const path = write(await renderCertificate(record, changed, 'en', `${site}/changed`), 'wording.pdf');
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(
        /\s+/gu,
        ' ',
      );
      expect(text).toContain('Certificate of Completion');
      expect(text).not.toContain('A New Title');
      expect(text).not.toContain('Someone Else');
    },
  );

  it('gives the same bytes for the same certificate every time', async () => {
    const record = await certificateFor('Tan Wei Ming');
    const again = await getCertificate(db.orm, record.id);
    if (!again) throw new Error('missing');
    const course = catalogue.preview.course('coordinator');
    const first = await renderCertificate(record, course, 'en', site);
    const second = await renderCertificate({ ...again }, course, 'en', `${site}/`.slice(0, -1));
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('streams many certificates as one ZIP with safe, distinct file names', async () => {
    const records = [await certificateFor('Zoë Łukasz'), await certificateFor('陈美玲')];
    const course = catalogue.preview.course('coordinator');
    const stream = streamCertificatesZip(records, (record) => renderCertificate(record, course, 'en', site));
    const zip = new Uint8Array(await new Response(stream).arrayBuffer());
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      `${records[0]?.serial}-zoe-lukasz.pdf`,
      `${records[1]?.serial}.pdf`,
    ]);
    for (const bytes of Object.values(files))
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(certificateFileName({ serial: 'RTW-2026-000009', holderName: 'Kavitha a/p Ramasamy' })).toBe(
      'RTW-2026-000009-kavitha-a-p-ramasamy.pdf',
    );
  });
});
