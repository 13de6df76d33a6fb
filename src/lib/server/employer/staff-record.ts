/** Everything a manager's learner record page shows about one member of their staff. */
import { and, eq } from 'drizzle-orm';
import { user } from '#db/schema.ts';
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
  };
}
