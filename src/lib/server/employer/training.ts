/**
 * Training an employer gives its staff: a manager (or an admin) assigns a course with a due date,
 * changes the due date, withdraws an assignment, and reminds a learner by email. Each change is
 * audited; each touches only learners of the employer the actor manages.
 */
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { enrolment, organisation, user } from '#db/schema.ts';
import { parseDueDate, type DueDateProblem } from '#src/lib/employer/staff-state.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import { managesEmployer, type Actor } from '#src/lib/roles.ts';
import { parseEmailList } from '#src/lib/server/learning/enrolment.ts';
import { activateEnrolment } from '#src/lib/server/learning/enrolment.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import { enqueueMail } from '#src/lib/server/mail/outbox.ts';
import { dayKey } from '#src/lib/report/dates.ts';
import { DAY_MS } from '#src/lib/time.ts';

/** A reminder for one enrolment is sent at most once in this long. */
export const REMINDER_INTERVAL_MS = DAY_MS;
/** The most people one assignment may name. */
export const MAX_ASSIGN_PEOPLE = 2000;

type TrainingCatalogue = Pick<Catalogue, 'published' | 'aliases'>;

interface EmployerContext {
  now: number;
  managedEmployerIds: readonly string[];
  /** Whether email can go out (new assignments are then announced to the learner). */
  notify?: boolean;
}

export interface AssignReport {
  /** Newly enrolled, or an earlier withdrawn enrolment made active again. */
  assigned: { email: string; fullName: string }[];
  /** Already enrolled: the due date was set or changed. */
  updated: { email: string; fullName: string }[];
  /** Already enrolled with this due date, or finished: nothing to change. */
  unchanged: { email: string; fullName: string }[];
  /** Addresses of nobody on this employer's staff, and text that is not an address. */
  notStaff: string[];
}

export type AssignErrors = Partial<{
  courseId: 'required' | 'unknown';
  dueDate: DueDateProblem;
  people: 'required' | 'too-many';
}>;

export type AssignResult =
  | { ok: true; report: AssignReport; courseTitle: string }
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'invalid'; errors: AssignErrors };

interface StaffMember {
  id: string;
  email: string;
  fullName: string;
  locale: 'en' | 'ms';
}

/**
 * Assigns a published course to staff with an optional due date (`YYYY-MM-DD`): everyone on the
 * employer's active staff, or the addresses pasted in `emails`. Addresses of anyone else (another
 * employer's learner, or nobody) are reported as not on the staff, and nothing is said about them.
 * Each new assignment sends the learner an email.
 */
export async function assignCourse(
  db: Database,
  catalogue: TrainingCatalogue,
  actor: Actor,
  input: { employerId: string; courseId: string; dueDate: string; emails: string; everyone: boolean },
  context: EmployerContext,
): Promise<AssignResult> {
  const { now } = context;
  if (!managesEmployer(actor, input.employerId, context.managedEmployerIds))
    return { ok: false, reason: 'forbidden' };
  const errors: AssignErrors = {};
  const course = input.courseId ? catalogue.published.course(input.courseId) : undefined;
  if (!input.courseId) errors.courseId = 'required';
  else if (!course) errors.courseId = 'unknown';
  const due = parseDueDate(input.dueDate, now);
  if (!due.ok) errors.dueDate = due.problem;
  const pasted = parseEmailList(input.emails);
  if (!input.everyone && pasted.emails.length + pasted.invalid.length === 0) errors.people = 'required';
  if (pasted.emails.length + pasted.invalid.length > MAX_ASSIGN_PEOPLE) errors.people = 'too-many';
  if (Object.keys(errors).length > 0 || !course || !due.ok) return { ok: false, reason: 'invalid', errors };

  const staffWhere = and(
    eq(user.organisationId, input.employerId),
    eq(user.role, 'learner'),
    eq(user.status, 'active'),
  );
  const columns = { id: user.id, email: user.email, fullName: user.fullName, locale: user.locale };
  let people: StaffMember[];
  const report: AssignReport = { assigned: [], updated: [], unchanged: [], notStaff: [] };
  if (input.everyone) {
    people = await db.orm.select(columns).from(user).where(staffWhere);
  } else {
    const found = new Map<string, StaffMember>();
    for (let start = 0; start < pasted.emails.length; start += 500) {
      const chunk = pasted.emails.slice(start, start + 500);
      for (const row of await db.orm
        .select(columns)
        .from(user)
        .where(and(staffWhere, inArray(user.email, chunk))))
        found.set(row.email, row);
    }
    people = [];
    for (const email of pasted.emails) {
      const person = found.get(email);
      if (person) people.push(person);
      else report.notStaff.push(email);
    }
    report.notStaff.push(...pasted.invalid);
  }
  const [employer] = await db.orm
    .select({ name: organisation.name })
    .from(organisation)
    .where(eq(organisation.id, input.employerId));
  const employerName = employer?.name ?? '';

  await db.write((orm) =>
    orm.transaction(async (tx) => {
      for (const person of people) {
        const outcome = await assignOne(tx, catalogue, person, course.id, due.dueAt, actor, now);
        const entry = { email: person.email, fullName: person.fullName };
        report[outcome].push(entry);
        if (outcome === 'assigned' && context.notify) {
          await enqueueMail(
            tx,
            {
              kind: 'training-reminder',
              to: person.email,
              userId: person.id,
              locale: person.locale,
              params: {
                fullName: person.fullName,
                courseId: course.id,
                courseTitle: course.title,
                employerName,
                dueAt: due.dueAt,
                reason: 'assigned',
              },
            },
            now,
          );
        }
      }
    }),
  );
  return { ok: true, report, courseTitle: course.title };
}

async function assignOne(
  tx: Orm,
  catalogue: TrainingCatalogue,
  person: StaffMember,
  courseId: string,
  dueAt: number | null,
  actor: Actor,
  now: number,
): Promise<'assigned' | 'updated' | 'unchanged'> {
  const [before] = await tx
    .select({ status: enrolment.status, dueAt: enrolment.dueAt, completedAt: enrolment.completedAt })
    .from(enrolment)
    .where(and(eq(enrolment.userId, person.id), eq(enrolment.courseId, courseId)));
  const { outcome, enrolmentId } = await activateEnrolment(tx, catalogue, person.id, courseId, actor.id, now);
  const beforeDue = before?.dueAt?.getTime() ?? null;
  if (outcome === 'already-enrolled' && (before?.completedAt || dueAt === null || beforeDue === dueAt))
    return 'unchanged';
  await tx
    .update(enrolment)
    .set({ dueAt: dueAt === null ? null : new Date(dueAt) })
    .where(eq(enrolment.id, enrolmentId));
  await recordAudit(tx, {
    actorId: actor.id,
    action: outcome === 'already-enrolled' ? 'due-date-changed' : 'course-assigned',
    subjectType: 'enrolment',
    subjectId: enrolmentId,
    data: {
      userId: person.id,
      email: person.email,
      courseId,
      ...(outcome === 'already-enrolled'
        ? { before: beforeDue === null ? null : dayKey(beforeDue) }
        : outcome === 'restored'
          ? { restored: true }
          : {}),
      after: dueAt === null ? null : dayKey(dueAt),
    },
    at: now,
  });
  return outcome === 'already-enrolled' ? 'updated' : 'assigned';
}

/** One of the employer's enrolments, with the learner it belongs to. */
interface StaffEnrolment {
  id: string;
  userId: string;
  courseId: string;
  status: 'active' | 'withdrawn';
  dueAt: Date | null;
  completedAt: Date | null;
  remindedAt: Date | null;
  email: string;
  fullName: string;
  locale: 'en' | 'ms';
  accountStatus: 'active' | 'deactivated';
}

/** The enrolment `enrolmentId` when its learner is on the employer's staff, else null. */
async function findStaffEnrolment(
  orm: Pick<Orm, 'select'>,
  employerId: string,
  enrolmentId: string,
): Promise<StaffEnrolment | null> {
  const [row] = await orm
    .select({
      id: enrolment.id,
      userId: enrolment.userId,
      courseId: enrolment.courseId,
      status: enrolment.status,
      dueAt: enrolment.dueAt,
      completedAt: enrolment.completedAt,
      remindedAt: enrolment.remindedAt,
      email: user.email,
      fullName: user.fullName,
      locale: user.locale,
      accountStatus: user.status,
    })
    .from(enrolment)
    .innerJoin(user, eq(user.id, enrolment.userId))
    .where(and(eq(enrolment.id, enrolmentId), eq(user.organisationId, employerId), eq(user.role, 'learner')));
  return row ?? null;
}

type OpenEnrolmentRefusal = { ok: false; reason: 'not-found' | 'closed' | 'finished' };

/**
 * Runs `work` in one write transaction on the enrolment `input.enrolmentId` once it is one of the
 * employer's (else `not-found`, the same answer as for one that does not exist), still active and
 * not finished. The caller has already checked that the actor manages the employer.
 */
function inOpenStaffEnrolment<T>(
  db: Database,
  input: { employerId: string; enrolmentId: string },
  work: (tx: Orm, row: StaffEnrolment) => Promise<T>,
): Promise<T | OpenEnrolmentRefusal> {
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<T | OpenEnrolmentRefusal> => {
      const row = await findStaffEnrolment(tx, input.employerId, input.enrolmentId);
      if (!row) return { ok: false, reason: 'not-found' };
      if (row.status !== 'active') return { ok: false, reason: 'closed' };
      if (row.completedAt) return { ok: false, reason: 'finished' };
      return work(tx, row);
    }),
  );
}

export type DueDateResult =
  | { ok: true }
  | { ok: false; reason: 'forbidden' | 'not-found' | 'closed' | 'finished' | 'unchanged' }
  | { ok: false; reason: 'invalid'; problem: DueDateProblem };

/** Sets, changes or clears (empty `dueDate`) the due date of one of the employer's enrolments. */
export async function changeDueDate(
  db: Database,
  actor: Actor,
  input: { employerId: string; enrolmentId: string; dueDate: string },
  context: EmployerContext,
): Promise<DueDateResult> {
  const { now } = context;
  if (!managesEmployer(actor, input.employerId, context.managedEmployerIds))
    return { ok: false, reason: 'forbidden' };
  const due = parseDueDate(input.dueDate, now);
  if (!due.ok) return { ok: false, reason: 'invalid', problem: due.problem };
  return inOpenStaffEnrolment(db, input, async (tx, row): Promise<DueDateResult> => {
    const before = row.dueAt?.getTime() ?? null;
    if (before === due.dueAt) return { ok: false, reason: 'unchanged' };
    await tx
      .update(enrolment)
      .set({ dueAt: due.dueAt === null ? null : new Date(due.dueAt) })
      .where(eq(enrolment.id, row.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'due-date-changed',
      subjectType: 'enrolment',
      subjectId: row.id,
      data: {
        userId: row.userId,
        email: row.email,
        courseId: row.courseId,
        before: before === null ? null : dayKey(before),
        after: due.dueAt === null ? null : dayKey(due.dueAt),
      },
      at: now,
    });
    return { ok: true };
  });
}

export type WithdrawAssignmentResult =
  { ok: true; fullName: string } | { ok: false; reason: 'forbidden' | 'not-found' | 'closed' | 'finished' };

/**
 * Withdraws a learner of the employer from a course (not one they have finished). Their progress
 * stays, so assigning the course again brings it back.
 */
export async function withdrawAssignment(
  db: Database,
  actor: Actor,
  input: { employerId: string; enrolmentId: string },
  context: EmployerContext,
): Promise<WithdrawAssignmentResult> {
  const { now } = context;
  if (!managesEmployer(actor, input.employerId, context.managedEmployerIds))
    return { ok: false, reason: 'forbidden' };
  return inOpenStaffEnrolment(db, input, async (tx, row): Promise<WithdrawAssignmentResult> => {
    await tx
      .update(enrolment)
      .set({ status: 'withdrawn', withdrawnAt: new Date(now) })
      .where(eq(enrolment.id, row.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'enrolment-withdrawn',
      subjectType: 'enrolment',
      subjectId: row.id,
      data: {
        userId: row.userId,
        email: row.email,
        courseId: row.courseId,
        before: 'active',
        after: 'withdrawn',
      },
      at: now,
    });
    return { ok: true, fullName: row.fullName };
  });
}

export type RemindResult =
  | { ok: true; fullName: string }
  | { ok: false; reason: 'forbidden' | 'not-found' | 'closed' | 'finished' | 'deactivated' }
  | { ok: false; reason: 'too-soon'; nextAt: number };

/**
 * Emails a learner of the employer a reminder about a course they have not finished: at most once
 * a day per enrolment, so a manager cannot flood anyone's inbox.
 */
export async function remindLearner(
  db: Database,
  catalogue: TrainingCatalogue,
  actor: Actor,
  input: { employerId: string; enrolmentId: string },
  context: EmployerContext,
): Promise<RemindResult> {
  const { now } = context;
  if (!managesEmployer(actor, input.employerId, context.managedEmployerIds))
    return { ok: false, reason: 'forbidden' };
  return inOpenStaffEnrolment(db, input, async (tx, row): Promise<RemindResult> => {
    if (row.accountStatus !== 'active') return { ok: false, reason: 'deactivated' };
    const last = row.remindedAt?.getTime() ?? null;
    if (last !== null && now - last < REMINDER_INTERVAL_MS)
      return { ok: false, reason: 'too-soon', nextAt: last + REMINDER_INTERVAL_MS };
    const course = catalogue.published.course(row.courseId);
    if (!course) return { ok: false, reason: 'closed' };
    const [employer] = await tx
      .select({ name: organisation.name })
      .from(organisation)
      .where(eq(organisation.id, input.employerId));
    await tx
      .update(enrolment)
      .set({ remindedAt: new Date(now) })
      .where(eq(enrolment.id, row.id));
    await enqueueMail(
      tx,
      {
        kind: 'training-reminder',
        to: row.email,
        userId: row.userId,
        locale: row.locale,
        params: {
          fullName: row.fullName,
          courseId: course.id,
          courseTitle: course.title,
          employerName: employer?.name ?? '',
          dueAt: row.dueAt?.getTime() ?? null,
          reason: 'reminder',
        },
      },
      now,
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'learner-reminded',
      subjectType: 'enrolment',
      subjectId: row.id,
      data: { userId: row.userId, email: row.email, courseId: row.courseId },
      at: now,
    });
    return { ok: true, fullName: row.fullName };
  });
}

/** A learner's due dates by course: active, unfinished enrolments that carry one. */
export async function listDueDates(db: Database, userId: string): Promise<Map<string, number>> {
  const rows = await db.orm
    .select({ courseId: enrolment.courseId, dueAt: enrolment.dueAt })
    .from(enrolment)
    .where(
      and(
        eq(enrolment.userId, userId),
        eq(enrolment.status, 'active'),
        isNull(enrolment.completedAt),
        isNotNull(enrolment.dueAt),
      ),
    );
  return new Map(rows.flatMap((row) => (row.dueAt ? [[row.courseId, row.dueAt.getTime()] as const] : [])));
}
