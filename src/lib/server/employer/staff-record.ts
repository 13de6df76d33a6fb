/** Everything a manager's learner record page shows about one member of their staff. */
import { and, asc, desc, eq } from 'drizzle-orm';
import { assignmentSubmission, user, workshopBooking, workshopSession } from '#db/schema.ts';
import type { AssignmentStatus } from '#src/lib/learning/progress.ts';
import type { AttendanceMark } from '#src/lib/workshop/rules.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import {
  listCertificates,
  listQuizAttempts,
  type AttemptSummary,
  type CertificateSummary,
} from '#src/lib/server/admin/learner-record.ts';
import type { Database } from '#src/lib/server/db.ts';
import { listStaffMemberCourses, type StaffRowWithProgress } from './staff.ts';

export interface StaffRecord {
  person: {
    id: string;
    fullName: string;
    email: string;
    status: 'active' | 'deactivated';
    createdAt: number;
    lastActiveAt: number | null;
  };
  courses: StaffRowWithProgress[];
  attempts: AttemptSummary[];
  certificates: CertificateSummary[];
  practical: StaffPractical;
}

/** The practical half (issue 13): assessed casework and practical sessions. */
export interface StaffPractical {
  assignments: {
    courseId: string;
    assignmentId: string;
    status: AssignmentStatus;
    /** Submissions made so far. */
    attempts: number;
    submittedAt: number | null;
    decidedAt: number | null;
  }[];
  sessions: {
    title: string;
    courseId: string;
    startsAt: number;
    cancelled: boolean;
    booking: 'booked' | 'waitlisted' | 'cancelled';
    attendance: AttendanceMark | null;
  }[];
}

async function loadPractical(db: Database, userId: string): Promise<StaffPractical> {
  const [assignments, sessions] = await Promise.all([
    db.orm
      .select({
        courseId: assignmentSubmission.courseId,
        assignmentId: assignmentSubmission.assignmentId,
        status: assignmentSubmission.status,
        attempts: assignmentSubmission.attempts,
        submittedAt: assignmentSubmission.submittedAt,
        decidedAt: assignmentSubmission.decidedAt,
      })
      .from(assignmentSubmission)
      .where(eq(assignmentSubmission.userId, userId))
      .orderBy(asc(assignmentSubmission.courseId), asc(assignmentSubmission.assignmentId)),
    db.orm
      .select({
        title: workshopSession.title,
        courseId: workshopSession.courseId,
        startsAt: workshopSession.startsAt,
        cancelledAt: workshopSession.cancelledAt,
        booking: workshopBooking.status,
        attendance: workshopBooking.attendance,
      })
      .from(workshopBooking)
      .innerJoin(workshopSession, eq(workshopSession.id, workshopBooking.sessionId))
      .where(eq(workshopBooking.userId, userId))
      .orderBy(desc(workshopSession.startsAt))
      .limit(50),
  ]);
  return {
    assignments: assignments.map((row) => ({
      ...row,
      submittedAt: row.submittedAt?.getTime() ?? null,
      decidedAt: row.decidedAt?.getTime() ?? null,
    })),
    sessions: sessions.map(({ cancelledAt, startsAt, ...row }) => ({
      ...row,
      startsAt: startsAt.getTime(),
      cancelled: cancelledAt !== null,
    })),
  };
}

/**
 * The record of `userId` when they are a learner of `employerId`, else null (the page answers
 * 404: a manager learns nothing about anyone else's staff).
 */
export async function loadStaffRecord(
  db: Database,
  catalogue: Pick<Catalogue, 'published' | 'aliases'>,
  employerId: string,
  userId: string,
  now: number,
): Promise<StaffRecord | null> {
  const [person] = await db.orm
    .select({
      id: user.id,
      fullName: user.fullName,
      email: user.email,
      status: user.status,
      createdAt: user.createdAt,
      lastActiveAt: user.lastActiveAt,
    })
    .from(user)
    .where(and(eq(user.id, userId), eq(user.organisationId, employerId), eq(user.role, 'learner')));
  if (!person) return null;
  const courses = (await listStaffMemberCourses(db, catalogue, employerId, userId, now)) ?? [];
  return {
    person: {
      ...person,
      createdAt: person.createdAt.getTime(),
      lastActiveAt: person.lastActiveAt?.getTime() ?? null,
    },
    courses: courses.filter((row) => row.enrolmentId !== null),
    attempts: await listQuizAttempts(db, userId, 20),
    certificates: await listCertificates(db, userId),
    practical: await loadPractical(db, userId),
  };
}
