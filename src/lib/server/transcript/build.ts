/**
 * A learner's transcript: what a coordinator hands to an employer or a professional body. Courses
 * with their completion dates and module by module results, attended workshops, CPD hours, and the
 * certificates with the links that verify them. Built from the database and the catalogue in the
 * language asked for; `renderTranscriptPdf` prints it.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  organisation,
  quizAttempt,
  user,
  workshopBooking,
  workshopSession,
  type Locale,
} from '#db/schema.ts';
import type { CertificateStatus } from '#src/lib/certificate/status.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import type { Actor } from '#src/lib/roles.ts';
import { listLearnerCertificates } from '#src/lib/server/certificate/issue.ts';
import { verifyUrlFor } from '#src/lib/server/certificate/document.ts';
import type { Database } from '#src/lib/server/db.ts';
import { canSeeLearner } from '#src/lib/server/employer/access.ts';
import { courseProgressFor, loadLearnerState, type LearnerState } from '#src/lib/server/learning/progress.ts';

export interface TranscriptModule {
  id: string;
  title: string;
  /** When the module was completed; null while it is not. */
  completedAt: number | null;
  /** Best score of a passed module quiz, 0..100; null without a passed attempt or a quiz. */
  bestScore: number | null;
  hasQuiz: boolean;
  /** The module's share of the course's CPD hours (by study time), credited once it is complete. */
  cpdHours: number;
}

export interface TranscriptCourse {
  id: string;
  title: string;
  enrolledAt: number;
  completedAt: number | null;
  /** 0..100 of the course's required items. */
  percent: number;
  modules: TranscriptModule[];
  /** The final assessment's best passed score; null when none was passed or the course has none. */
  finalScore: number | null;
  hasFinal: boolean;
  /** CPD hours of the course (from its content). */
  cpdHours: number;
  /** CPD hours credited so far: the shares of completed modules, all of them once the course is complete. */
  creditedHours: number;
}

export interface TranscriptWorkshop {
  title: string;
  courseTitle: string;
  startsAt: number;
  attendance: 'present' | 'late';
}

export interface TranscriptCertificate {
  serial: string;
  courseTitle: string;
  issuedAt: number;
  expiresAt: number | null;
  status: CertificateStatus;
  verifyUrl: string;
}

export interface Transcript {
  holder: { id: string; fullName: string; employerName: string | null; locale: Locale };
  generatedAt: number;
  courses: TranscriptCourse[];
  workshops: TranscriptWorkshop[];
  certificates: TranscriptCertificate[];
  totalCpdHours: number;
}

/**
 * Who may read a learner's transcript: the learner, and staff who may see that learner (admins;
 * trainers and employer managers within their employers, `canSeeLearner`). Anyone else is
 * answered as if the learner did not exist.
 */
export async function canReadTranscript(db: Database, viewer: Actor, learnerId: string): Promise<boolean> {
  if (viewer.id === learnerId) return true;
  // A learner's scope is nobody; trainers, managers and admins have theirs.
  return canSeeLearner(db, viewer, learnerId);
}

const round = (hours: number): number => Math.round(hours * 100) / 100;

/** The transcript of `userId` in the catalogue's language; null when there is no such user. */
export async function buildTranscript(
  db: Database,
  catalogue: Catalogue,
  userId: string,
  siteUrl: string,
  now: number,
): Promise<Transcript | null> {
  const [holder] = await db.orm
    .select({ id: user.id, fullName: user.fullName, locale: user.locale, employerName: organisation.name })
    .from(user)
    .leftJoin(organisation, eq(organisation.id, user.organisationId))
    .where(eq(user.id, userId));
  if (!holder) return null;
  const [state, scores, attended, certificates] = await Promise.all([
    loadLearnerState(db.orm, catalogue, userId),
    bestPassedScores(db, userId),
    db.orm
      .select({
        title: workshopSession.title,
        courseId: workshopSession.courseId,
        startsAt: workshopSession.startsAt,
        attendance: workshopBooking.attendance,
      })
      .from(workshopBooking)
      .innerJoin(workshopSession, eq(workshopSession.id, workshopBooking.sessionId))
      .where(
        and(eq(workshopBooking.userId, userId), inArray(workshopBooking.attendance, ['present', 'late'])),
      )
      .orderBy(asc(workshopSession.startsAt)),
    listLearnerCertificates(db.orm, userId, now),
  ]);

  const courses: TranscriptCourse[] = [];
  for (const enrolment of [...state.enrolments.values()].sort((a, b) => a.enrolledAt - b.enrolledAt)) {
    const course = catalogue.published.course(enrolment.courseId);
    if (!course || (enrolment.status === 'withdrawn' && enrolment.completedAt === null)) continue;
    const progress = courseProgressFor(state, course);
    const totalMinutes = course.modules.reduce((sum, module) => sum + module.minutes, 0);
    const complete = enrolment.completedAt !== null;
    const modules = course.modules.map((module): TranscriptModule => {
      const moduleProgress = progress.modules.find((entry) => entry.moduleId === module.id);
      const completedAt = moduleProgress?.complete
        ? (state.record.completedModules.get(module.id) ?? lastLessonCompletion(state, module.lessons))
        : null;
      const share = totalMinutes > 0 ? (course.cpdHours * module.minutes) / totalMinutes : 0;
      return {
        id: module.id,
        title: module.title,
        completedAt,
        bestScore: module.quizId ? (scores.get(module.quizId) ?? null) : null,
        hasQuiz: module.quizId !== null,
        cpdHours: round(share),
      };
    });
    const earned = complete
      ? course.cpdHours
      : modules.reduce((sum, module) => sum + (module.completedAt === null ? 0 : module.cpdHours), 0);
    const finalId = course.rules.finalAssessmentId;
    courses.push({
      id: course.id,
      title: course.title,
      enrolledAt: enrolment.enrolledAt,
      completedAt: enrolment.completedAt,
      percent: complete ? 100 : progress.percent,
      modules,
      finalScore: finalId ? (scores.get(finalId) ?? null) : null,
      hasFinal: finalId !== null,
      cpdHours: course.cpdHours,
      creditedHours: round(earned),
    });
  }

  const courseTitle = (id: string): string =>
    catalogue.published.course(id)?.title ?? catalogue.preview.course(id)?.title ?? id;
  return {
    holder: {
      id: holder.id,
      fullName: holder.fullName,
      employerName: holder.employerName,
      locale: holder.locale,
    },
    generatedAt: now,
    courses,
    workshops: attended.map((row) => ({
      title: row.title,
      courseTitle: courseTitle(row.courseId),
      startsAt: row.startsAt.getTime(),
      attendance: row.attendance === 'late' ? 'late' : 'present',
    })),
    certificates: certificates.map((record) => ({
      serial: record.serial,
      courseTitle: catalogue.courseWording(record.courseId, catalogue.locale)?.title ?? record.courseTitle,
      issuedAt: record.issuedAt,
      expiresAt: record.expiresAt,
      status: record.status,
      verifyUrl: verifyUrlFor(siteUrl, record.verificationCode),
    })),
    totalCpdHours: round(courses.reduce((sum, course) => sum + course.creditedHours, 0)),
  };
}

/** Best score of a passed attempt per quiz id (module quizzes and final assessments). */
async function bestPassedScores(db: Database, userId: string): Promise<Map<string, number>> {
  const rows = await db.orm
    .select({ quizId: quizAttempt.quizId, best: sql<number>`max(${quizAttempt.percent})` })
    .from(quizAttempt)
    .where(
      and(eq(quizAttempt.userId, userId), eq(quizAttempt.status, 'submitted'), eq(quizAttempt.passed, true)),
    )
    .groupBy(quizAttempt.quizId);
  return new Map(rows.map((row) => [row.quizId, Number(row.best)]));
}

/** A module completed before completions were recorded: its last required lesson's completion. */
function lastLessonCompletion(state: LearnerState, lessons: ReadonlyArray<{ id: string }>): number | null {
  let last: number | null = null;
  for (const lesson of lessons) {
    const at = state.record.lessons.get(lesson.id)?.completedAt ?? null;
    if (at !== null && (last === null || at > last)) last = at;
  }
  return last;
}
