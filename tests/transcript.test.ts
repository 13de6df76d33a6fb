/**
 * The learner's transcript against a real migrated database: what it lists and credits, who may
 * read it, and the PDF it prints (text in the learner's language, tagged).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  enrolment,
  lessonProgress,
  managerEmployer,
  moduleCompletion,
  organisation,
  quizAttempt,
  user,
  workshopBooking,
  workshopSession,
} from '#db/schema.ts';
import type { CourseData, LessonData, ModuleData } from '#src/lib/content/schema.ts';
import { buildCatalogue, type Catalogue } from '#src/lib/learning/structure.ts';
import type { Role } from '#src/lib/roles.ts';
import { issueCertificate } from '#src/lib/server/certificate/issue.ts';
import { newId } from '#src/lib/server/ids.ts';
import { renderTranscriptPdf } from '#src/lib/server/pdf/transcript.ts';
import { buildTranscript, canReadTranscript } from '#src/lib/server/transcript/build.ts';
import { transcriptDocument } from '#src/lib/server/transcript/document.ts';
import { DAY_MS } from '#src/lib/time.ts';
import { createTestDb, type TestDatabase } from './helpers/db.ts';

const now = Date.UTC(2026, 7, 14, 2, 30);
const site = 'https://academy.example.my';

const lesson = (title: string, minutes: number): LessonData => ({
  title,
  order: 1,
  minutes,
  required: true,
  draft: false,
  aliases: [],
  sources: [],
});
const module = (title: string, order: number): ModuleData => ({
  title,
  summary: `${title}.`,
  order,
  objectives: ['Explain the topic'],
  references: [],
  glossary: [],
  aliases: [],
  draft: false,
});
const course = (title: string, modules: string[], extra: Partial<CourseData> = {}): CourseData => ({
  title,
  summary: `${title}.`,
  modules,
  sequential: false,
  estimatedHours: 12,
  cpdHours: 12,
  completion: { requiredLessons: true, moduleQuizzes: true },
  draft: false,
  ...extra,
});

/** `coordinator`: two modules of 30 and 90 minutes (12 CPD hours, shared 3 : 9) with quizzes and a final. */
function makeCatalogue(locale: 'en' | 'ms' = 'en'): Catalogue {
  return buildCatalogue({
    locale,
    courses: [
      {
        id: 'coordinator',
        data: course('RTW Coordinator', ['basics', 'planning'], {
          completion: { requiredLessons: true, moduleQuizzes: true, finalAssessment: 'coordinator-final' },
          certificate: {
            title: 'Certificate of Completion',
            issueMode: 'approval',
            validityMonths: 24,
            signatoryName: 'Dr. Nurul Hidayah binti Kamaruddin',
            signatoryTitle: 'Programme Director',
          },
        }),
      },
      { id: 'supervisors', data: course('Supervisors', ['first-days'], { cpdHours: 2 }) },
    ],
    modules: [
      { id: 'basics', data: module('Basics', 1) },
      { id: 'planning', data: module('Planning the return', 2) },
      { id: 'first-days', data: module('First days', 1) },
    ],
    lessons: [
      { id: 'basics/01-intro', data: lesson('Intro', 30) },
      { id: 'planning/01-plan', data: lesson('The plan', 90) },
      { id: 'first-days/01-call', data: lesson('The first call', 20) },
    ],
    quizIds: ['basics', 'planning'],
    assessmentIds: ['coordinator-final'],
  });
}

let test: TestDatabase;
let orgA: string;
let orgB: string;
let learnerId: string;
let admin: { id: string; role: Role };

async function person(
  fullName: string,
  role: Role,
  organisationId: string | null = orgA,
  locale: 'en' | 'ms' = 'en',
) {
  const id = newId();
  await test.db.orm.insert(user).values({
    id,
    email: `${id}@example.my`,
    fullName,
    passwordHash: 'x',
    role,
    organisationId,
    locale,
    emailVerifiedAt: new Date(now - 90 * DAY_MS),
  });
  return { id, role };
}

async function attempt(quizId: string, percent: number, passed: boolean, at: number, attemptNumber: number) {
  await test.db.orm.insert(quizAttempt).values({
    id: newId(),
    userId: learnerId,
    quizId,
    attemptNumber,
    contentVersion: 'test',
    layout: [],
    status: 'submitted',
    startedAt: new Date(at - 600_000),
    submittedAt: new Date(at),
    percent,
    passed,
  });
}

async function session(title: string, startsAt: number): Promise<string> {
  const id = newId();
  await test.db.orm.insert(workshopSession).values({
    id,
    courseId: 'coordinator',
    title,
    startsAt: new Date(startsAt),
    endsAt: new Date(startsAt + 3 * 3600_000),
    mode: 'in-person',
    venue: 'PERKESO Rehabilitation Centre, Melaka',
    capacity: 20,
    createdAt: new Date(startsAt - 30 * DAY_MS),
  });
  return id;
}

async function booking(sessionId: string, attendance: 'present' | 'late' | 'absent' | 'excused') {
  await test.db.orm.insert(workshopBooking).values({
    id: newId(),
    sessionId,
    userId: learnerId,
    status: 'booked',
    queuedAt: new Date(now - 40 * DAY_MS),
    attendance,
    attendanceAt: new Date(now - 20 * DAY_MS),
  });
}

beforeEach(async () => {
  test = await createTestDb();
  orgA = newId();
  orgB = newId();
  await test.db.orm.insert(organisation).values([
    { id: orgA, name: 'Syarikat Elektronik Cahaya Sdn Bhd', nameKey: 'syarikat elektronik cahaya sdn bhd' },
    { id: orgB, name: 'Hotel Seri Selatan', nameKey: 'hotel seri selatan' },
  ]);
  learnerId = (await person('Siti Nur Aisyah binti Abdullah', 'learner', orgA, 'ms')).id;
  admin = await person('Nurul Huda binti Ismail', 'admin', null);
  const orm = test.db.orm;
  // Coordinator: complete (both modules, quizzes, final), certified. Supervisors: started only.
  await orm.insert(enrolment).values([
    {
      id: newId(),
      userId: learnerId,
      courseId: 'coordinator',
      status: 'active',
      enrolledAt: new Date(now - 60 * DAY_MS),
      completedAt: new Date(now - 10 * DAY_MS),
    },
    {
      id: newId(),
      userId: learnerId,
      courseId: 'supervisors',
      status: 'active',
      enrolledAt: new Date(now - 5 * DAY_MS),
    },
  ]);
  await orm.insert(lessonProgress).values([
    {
      userId: learnerId,
      lessonId: 'basics/01-intro',
      firstViewedAt: new Date(now - 59 * DAY_MS),
      lastViewedAt: new Date(now - 50 * DAY_MS),
      completedAt: new Date(now - 50 * DAY_MS),
    },
    {
      userId: learnerId,
      lessonId: 'planning/01-plan',
      firstViewedAt: new Date(now - 40 * DAY_MS),
      lastViewedAt: new Date(now - 30 * DAY_MS),
      completedAt: new Date(now - 30 * DAY_MS),
    },
  ]);
  await orm.insert(moduleCompletion).values([
    { userId: learnerId, moduleId: 'basics', completedAt: new Date(now - 49 * DAY_MS) },
    { userId: learnerId, moduleId: 'planning', completedAt: new Date(now - 29 * DAY_MS) },
  ]);
  await attempt('basics', 70, true, now - 49 * DAY_MS, 1);
  await attempt('basics', 90, true, now - 48 * DAY_MS, 2);
  await attempt('planning', 95, false, now - 29.5 * DAY_MS, 1);
  await attempt('planning', 80, true, now - 29 * DAY_MS, 2);
  await attempt('coordinator-final', 85, true, now - 10 * DAY_MS, 1);
  await booking(await session('Workshop 1: the RTW plan', now - 25 * DAY_MS), 'present');
  await booking(await session('Workshop 2: job analysis', now - 20 * DAY_MS), 'late');
  await booking(await session('Workshop 3: negotiation', now - 15 * DAY_MS), 'absent');
  const issued = await issueCertificate(
    test.db,
    makeCatalogue(),
    admin,
    { userId: learnerId, courseId: 'coordinator' },
    now - 9 * DAY_MS,
  );
  if (!issued.ok) throw new Error(`expected a certificate, got ${issued.reason}`);
});

afterEach(() => test.cleanup());

describe('buildTranscript', () => {
  it('lists courses with dates, best passed scores, CPD shares, attended sessions and verifiable certificates', async () => {
    const transcript = await buildTranscript(test.db, makeCatalogue(), learnerId, site, now);
    expect(transcript?.holder).toEqual({
      id: learnerId,
      fullName: 'Siti Nur Aisyah binti Abdullah',
      employerName: 'Syarikat Elektronik Cahaya Sdn Bhd',
      locale: 'ms',
    });
    const [coordinator, supervisors] = transcript?.courses ?? [];
    expect(coordinator).toMatchObject({
      id: 'coordinator',
      completedAt: now - 10 * DAY_MS,
      percent: 100,
      finalScore: 85,
      hasFinal: true,
      cpdHours: 12,
      creditedHours: 12,
    });
    // Best passed score: 90 of two passes; 80, not the failed 95.
    expect(coordinator?.modules).toEqual([
      {
        id: 'basics',
        title: 'Basics',
        completedAt: now - 49 * DAY_MS,
        bestScore: 90,
        hasQuiz: true,
        cpdHours: 3,
      },
      {
        id: 'planning',
        title: 'Planning the return',
        completedAt: now - 29 * DAY_MS,
        bestScore: 80,
        hasQuiz: true,
        cpdHours: 9,
      },
    ]);
    expect(supervisors).toMatchObject({
      id: 'supervisors',
      completedAt: null,
      percent: 0,
      creditedHours: 0,
      hasFinal: false,
    });
    expect(transcript?.totalCpdHours).toBe(12);
    expect(transcript?.workshops.map((row) => [row.title, row.attendance])).toEqual([
      ['Workshop 1: the RTW plan', 'present'],
      ['Workshop 2: job analysis', 'late'],
    ]);
    expect(transcript?.certificates).toHaveLength(1);
    expect(transcript?.certificates[0]).toMatchObject({ courseTitle: 'RTW Coordinator', status: 'valid' });
    expect(transcript?.certificates[0]?.verifyUrl).toMatch(
      /^https:\/\/academy\.example\.my\/verify\/[2-9A-Z]{20}$/u,
    );
  });

  it('credits the modules completed so far while a course is open', async () => {
    await test.db.orm
      .delete(enrolment)
      .where(and(eq(enrolment.userId, learnerId), eq(enrolment.courseId, 'coordinator')));
    await test.db.orm.insert(enrolment).values({
      id: newId(),
      userId: learnerId,
      courseId: 'coordinator',
      status: 'active',
      enrolledAt: new Date(now - 60 * DAY_MS),
    });
    await test.db.orm
      .delete(moduleCompletion)
      .where(and(eq(moduleCompletion.userId, learnerId), eq(moduleCompletion.moduleId, 'planning')));
    await test.db.orm
      .delete(lessonProgress)
      .where(and(eq(lessonProgress.userId, learnerId), eq(lessonProgress.lessonId, 'planning/01-plan')));
    const transcript = await buildTranscript(test.db, makeCatalogue(), learnerId, site, now);
    const coordinator = transcript?.courses.find((row) => row.id === 'coordinator');
    expect(coordinator?.completedAt).toBeNull();
    expect(coordinator?.creditedHours).toBe(3);
    expect(coordinator?.modules.map((row) => row.completedAt)).toEqual([now - 49 * DAY_MS, null]);
    expect(transcript?.totalCpdHours).toBe(3);
  });

  it('is null for someone who does not exist', async () => {
    expect(await buildTranscript(test.db, makeCatalogue(), 'nobody', site, now)).toBeNull();
  });
});

describe('canReadTranscript', () => {
  it('lets the learner, admins and managers of the learner’s employer read it; nobody else', async () => {
    const other = await person('Tan Wei Ming', 'learner');
    const manager = await person('Lim Mei Ling', 'manager');
    const otherManager = await person('Kavitha a/p Ramasamy', 'manager', orgB);
    await test.db.orm.insert(managerEmployer).values([
      { userId: manager.id, organisationId: orgA, assignedAt: new Date(now) },
      { userId: otherManager.id, organisationId: orgB, assignedAt: new Date(now) },
    ]);
    expect(await canReadTranscript(test.db, { id: learnerId, role: 'learner' }, learnerId)).toBe(true);
    expect(await canReadTranscript(test.db, admin, learnerId)).toBe(true);
    expect(await canReadTranscript(test.db, manager, learnerId)).toBe(true);
    expect(await canReadTranscript(test.db, otherManager, learnerId)).toBe(false);
    expect(await canReadTranscript(test.db, other, learnerId)).toBe(false);
  });
});

describe('the transcript PDF', () => {
  it('prints the record in the learner’s language, tagged, with the verification link', async () => {
    const transcript = await buildTranscript(test.db, makeCatalogue('ms'), learnerId, site, now);
    if (!transcript) throw new Error('expected a transcript');
    const bytes = await renderTranscriptPdf(transcriptDocument(transcript, 'ms'));
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/Lang \(ms-MY\)/u);
    expect(raw).toContain('/MarkInfo');
    const dir = mkdtempSync(join(tmpdir(), 'rtw-transcript-'));
    try {
      const file = join(dir, 'transcript.pdf');
      writeFileSync(file, bytes);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
        /\s+/gu,
        ' ',
      );
      expect(text).toContain('Rekod pembelajaran: Siti Nur Aisyah binti Abdullah');
      expect(text).toContain('Jam CPD diperoleh 12 jam');
      expect(text).toContain('Workshop 2: job analysis');
      expect(text).toContain('Lewat');
      expect(text).toContain('Sah hingga');
      expect(text).toContain(transcript.certificates[0]?.serial ?? 'missing');
      expect(text).toContain(transcript.certificates[0]?.verifyUrl ?? 'missing');
      expect(text).toMatch(/Halaman 1 daripada (\d+)/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The same input gives the same bytes.
    expect(
      Buffer.from(await renderTranscriptPdf(transcriptDocument(transcript, 'ms'))).equals(Buffer.from(bytes)),
    ).toBe(true);
  });
});
