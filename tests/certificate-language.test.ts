/**
 * Certificates in the holder's language (issue 16): chosen at issue (default: the holder's
 * preferred language), kept on the record with the course wording in that language, printed in it
 * by the PDF and shown by the verification page, and re-issuable in the other language with an
 * audit entry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvent, enrolment, organisation, user } from '#db/schema.ts';
import type { Locale } from '#src/i18n/index.ts';
import type { CourseData, LessonData, ModuleData } from '#src/lib/content/schema.ts';
import { buildCatalogue, type Catalogue } from '#src/lib/learning/structure.ts';
import type { Role } from '#src/lib/roles.ts';
import {
  issueByException,
  issueCertificate,
  issueCertificates,
  issueCertificatesOnCompletion,
  reissueCertificate,
} from '#src/lib/server/certificate/issue.ts';
import { renderCertificate } from '#src/lib/server/certificate/document.ts';
import { listEligible } from '#src/lib/server/certificate/desk.ts';
import { getCertificate } from '#src/lib/server/certificate/store.ts';
import { verifyCertificateCode } from '#src/lib/server/certificate/verify.ts';
import type { Database } from '#src/lib/server/db.ts';
import { newId } from '#src/lib/server/ids.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';

const day = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 7, 14, 2, 30);

const lesson: LessonData = {
  title: 'Intro',
  order: 1,
  minutes: 5,
  required: true,
  draft: false,
  aliases: [],
  sources: [],
};
const module: ModuleData = {
  title: 'Basics',
  summary: 'Basics.',
  order: 1,
  objectives: ['Explain the topic'],
  references: [],
  glossary: [],
  aliases: [],
  draft: false,
};

function course(
  title: string,
  certificateTitle: string,
  signatoryTitle: string,
  issueMode: 'auto' | 'approval',
): CourseData {
  return {
    title,
    summary: `${title}.`,
    modules: ['basics'],
    sequential: false,
    estimatedHours: 2,
    cpdHours: 2.5,
    completion: { requiredLessons: true, moduleQuizzes: false },
    certificate: {
      title: certificateTitle,
      issueMode,
      validityMonths: 12,
      signatoryName: 'Dr. Nurul Hidayah binti Kamaruddin',
      signatoryTitle,
    },
    draft: false,
  };
}

/** `coordinator` is translated into BM; `untranslated` has no BM course file. */
function makeCatalogue(): Catalogue {
  return buildCatalogue({
    courses: [
      {
        id: 'coordinator',
        data: course(
          'RTW Coordinator',
          'Certificate of Completion: RTW Coordinator',
          'Programme Director',
          'approval',
        ),
      },
      {
        id: 'untranslated',
        data: course('Pilot course', 'Certificate of Attendance', 'Programme Director', 'auto'),
      },
    ],
    modules: [{ id: 'basics', data: module }],
    lessons: [{ id: 'basics/01-intro', data: lesson }],
    quizIds: [],
    assessmentIds: [],
    translations: {
      ms: {
        courses: [
          {
            id: 'coordinator',
            data: course(
              'Penyelaras RTW',
              'Sijil Tamat Kursus: Penyelaras RTW',
              'Pengarah Program',
              'approval',
            ),
          },
        ],
        modules: [],
        lessons: [],
      },
    },
  });
}

let test: TestDatabase;
let db: Database;
let catalogue: Catalogue;
let organisationId: string;
let admin: { id: string; role: Role };

async function createUser(email: string, fullName: string, locale: Locale, role: Role = 'learner') {
  const id = newId();
  // Confirmed addresses: certificates go to nobody else (eligibility, issue 14).
  await db.orm.insert(user).values({
    id,
    email,
    fullName,
    passwordHash: 'x',
    role,
    organisationId,
    locale,
    emailVerifiedAt: new Date(0),
  });
  return { id, role, fullName, email };
}

async function recordCompletion(userId: string, courseId = 'coordinator'): Promise<void> {
  await db.orm.insert(enrolment).values({
    id: newId(),
    userId,
    courseId,
    status: 'active',
    enrolledAt: new Date(now - 10 * day),
    completedAt: new Date(now - 2 * day),
  });
}

beforeEach(async () => {
  test = await createTestDb();
  db = test.db;
  catalogue = makeCatalogue();
  organisationId = newId();
  await db.orm
    .insert(organisation)
    .values({ id: organisationId, name: 'Syarikat Cahaya Sdn Bhd', nameKey: 'syarikat cahaya sdn bhd' });
  admin = await createUser('admin@example.my', 'Nurul Huda binti Ismail', 'en', 'admin');
});
afterEach(() => test.cleanup());

describe('issuing in a language', () => {
  it('issues in the holder’s preferred language by default, with the course wording in it', async () => {
    const kavitha = await createUser('kavitha@example.my', 'Kavitha a/p Ramasamy', 'ms');
    await recordCompletion(kavitha.id);
    const result = await issueCertificate(
      db,
      catalogue,
      admin,
      { userId: kavitha.id, courseId: 'coordinator' },
      now,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.certificate).toMatchObject({
      language: 'ms',
      courseTitle: 'Penyelaras RTW',
      certificateTitle: 'Sijil Tamat Kursus: Penyelaras RTW',
      signatoryName: 'Dr. Nurul Hidayah binti Kamaruddin',
      signatoryTitle: 'Pengarah Program',
      cpdHours: 2.5,
    });
    expect((await getCertificate(db.orm, result.certificate.id))?.language).toBe('ms');
    const [audit] = await db.orm
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.subjectId, result.certificate.id), eq(auditEvent.action, 'certificate-issued')),
      );
    expect(audit?.data).toMatchObject({ language: 'ms' });
  });

  it('issues in the language the admin chooses, one or many', async () => {
    const kavitha = await createUser('kavitha@example.my', 'Kavitha a/p Ramasamy', 'ms');
    const tan = await createUser('tan@example.my', 'Tan Wei Ming', 'en');
    await recordCompletion(kavitha.id);
    await recordCompletion(tan.id);
    const queue = await listEligible(db, catalogue, {}, now);
    expect(queue.entries.map((entry) => [entry.fullName, entry.locale]).sort()).toEqual([
      ['Kavitha a/p Ramasamy', 'ms'],
      ['Tan Wei Ming', 'en'],
    ]);
    const bulk = await issueCertificates(
      db,
      catalogue,
      admin,
      [`${kavitha.id}:coordinator`, `${tan.id}:coordinator`],
      now,
      'en',
    );
    if (!bulk.ok) throw new Error(bulk.reason);
    expect(bulk.report.issued.map((item) => item.courseTitle)).toEqual([
      'RTW Coordinator',
      'RTW Coordinator',
    ]);
  });

  it('falls back to the English wording for a course without a translation', async () => {
    const kavitha = await createUser('kavitha@example.my', 'Kavitha a/p Ramasamy', 'ms');
    await recordCompletion(kavitha.id, 'untranslated');
    const issued = await issueCertificatesOnCompletion(db, catalogue, kavitha.id, ['untranslated'], now);
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ language: 'ms', courseTitle: 'Pilot course' });
  });

  it('issues by exception in the chosen language', async () => {
    const tan = await createUser('tan@example.my', 'Tan Wei Ming', 'en');
    const result = await issueByException(
      db,
      catalogue,
      admin,
      {
        email: tan.email,
        courseId: 'coordinator',
        holderName: '',
        reason: 'Classroom programme',
        language: 'ms',
      },
      now,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.certificate).toMatchObject({ language: 'ms', courseTitle: 'Penyelaras RTW' });
  });
});

describe('re-issuing in the other language', () => {
  async function issuedTo(locale: Locale) {
    const learner = await createUser(`l${newId()}@example.my`, 'Kavitha a/p Ramasamy', locale);
    await recordCompletion(learner.id);
    const result = await issueCertificate(
      db,
      catalogue,
      admin,
      { userId: learner.id, courseId: 'coordinator' },
      now,
    );
    if (!result.ok) throw new Error(result.reason);
    return result.certificate;
  }

  it('takes the wording of the course in the new language, keeps hours and expiry, and audits the change', async () => {
    const old = await issuedTo('ms');
    const result = await reissueCertificate(
      db,
      admin,
      { id: old.id, holderName: '', reason: 'The holder asked for English', language: 'en' },
      now + day,
      catalogue,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.certificate).toMatchObject({
      language: 'en',
      courseTitle: 'RTW Coordinator',
      certificateTitle: 'Certificate of Completion: RTW Coordinator',
      signatoryTitle: 'Programme Director',
      cpdHours: old.cpdHours,
      expiresAt: old.expiresAt,
    });
    expect((await getCertificate(db.orm, old.id))?.supersededBy).toBe(result.certificate.id);
    const [audit] = await db.orm
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.subjectId, result.certificate.id), eq(auditEvent.action, 'certificate-reissued')),
      );
    expect(audit?.data).toMatchObject({
      mode: 'reissue',
      reason: 'The holder asked for English',
      before: { language: 'ms' },
      after: { language: 'en' },
    });
  });

  it('keeps the printed wording when the language stays', async () => {
    const old = await issuedTo('ms');
    const result = await reissueCertificate(
      db,
      admin,
      { id: old.id, holderName: 'Kavitha Ramasamy', reason: 'Name', language: '' },
      now + day,
      catalogue,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.certificate).toMatchObject({
      language: 'ms',
      holderName: 'Kavitha Ramasamy',
      courseTitle: old.courseTitle,
      certificateTitle: old.certificateTitle,
      signatoryTitle: old.signatoryTitle,
    });
  });

  it('refuses a language the course has no wording in, keeping the certificate', async () => {
    const learner = await createUser('tan@example.my', 'Tan Wei Ming', 'en');
    await recordCompletion(learner.id, 'untranslated');
    const [old] = await issueCertificatesOnCompletion(db, catalogue, learner.id, ['untranslated'], now);
    if (!old) throw new Error('fixture');
    const result = await reissueCertificate(
      db,
      admin,
      { id: old.id, holderName: '', reason: 'BM please', language: 'ms' },
      now + day,
      catalogue,
    );
    expect(result).toMatchObject({ ok: false, reason: 'invalid', errors: { language: 'unavailable' } });
    expect((await getCertificate(db.orm, old.id))?.supersededBy).toBeNull();
  });
});

describe('what the certificate shows', () => {
  it('tells the verification page its language and printed title', async () => {
    const kavitha = await createUser('kavitha@example.my', 'Kavitha a/p Ramasamy', 'ms');
    await recordCompletion(kavitha.id);
    const result = await issueCertificate(
      db,
      catalogue,
      admin,
      { userId: kavitha.id, courseId: 'coordinator' },
      now,
    );
    if (!result.ok) throw new Error(result.reason);
    const outcome = await verifyCertificateCode(db, result.certificate.verificationCode, '203.0.113.9', now);
    expect(outcome).toMatchObject({
      kind: 'found',
      certificate: {
        language: 'ms',
        courseTitle: 'Penyelaras RTW',
        certificateTitle: 'Sijil Tamat Kursus: Penyelaras RTW',
      },
    });
  });

  const canReadText = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;
  it.runIf(canReadText)('prints the PDF in the certificate’s language', async () => {
    const kavitha = await createUser('kavitha@example.my', 'Kavitha a/p Ramasamy', 'ms');
    await recordCompletion(kavitha.id);
    const result = await issueCertificate(
      db,
      catalogue,
      admin,
      { userId: kavitha.id, courseId: 'coordinator' },
      now,
    );
    if (!result.ok) throw new Error(result.reason);
    const record = result.certificate;
    const bytes = await renderCertificate(
      record,
      catalogue.preview.course('coordinator'),
      record.language,
      'https://academy.example.my',
    );
    const folder = mkdtempSync(join(tmpdir(), 'rtw-certificate-'));
    try {
      const path = join(folder, 'certificate.pdf');
      writeFileSync(path, bytes);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      expect(text).toContain('Sijil Tamat Kursus: Penyelaras RTW');
      expect(text).toContain('Dengan ini disahkan bahawa');
      expect(text).toContain('Penyelaras RTW');
      expect(text).toContain('Pengarah Program');
      expect(text).not.toContain('This certifies that');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
