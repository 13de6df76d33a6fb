/**
 * A manager's invitations: many people at once (a pasted list, or a CSV of names and emails),
 * each row reported, optionally with a course to start on joining. Each invitation is made and
 * sent by the email module (src/lib/server/mail/invitation.ts: hashed link token, message in the
 * outbox, audit entry); this module decides per row and records the extras.
 */
import { and, count, desc, eq, gt, inArray, isNotNull, isNull } from 'drizzle-orm';
import { enrolment, invitation, user } from '#db/schema.ts';
import { MAX_INVITE_ROWS, parseInviteRows, type InviteRowProblem } from '#src/lib/employer/invite-list.ts';
import { parseDueDate, type DueDateProblem } from '#src/lib/employer/staff-state.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import { managesEmployer, type Actor } from '#src/lib/roles.ts';
import { dayKey } from '#src/lib/report/dates.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database } from '#src/lib/server/db.ts';
import { activateEnrolment } from '#src/lib/server/learning/enrolment.ts';
import { inviteByEmail } from '#src/lib/server/mail/invitation.ts';

export type InviteOutcome = 'invited' | 'already-staff' | 'has-account' | 'failed' | InviteRowProblem;

export interface InviteReportRow {
  line: number;
  name: string;
  email: string;
  outcome: InviteOutcome;
}

export type InviteStaffErrors = Partial<{
  people: 'required' | 'too-many';
  courseId: 'unknown';
  dueDate: DueDateProblem | 'without-course';
  locale: 'invalid';
}>;

export type InviteStaffResult =
  | { ok: true; rows: InviteReportRow[]; invited: number }
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'invalid'; errors: InviteStaffErrors };

/**
 * Invites every row of `text` (pasted or an uploaded CSV) to join the employer. Per row: invited;
 * already on the staff; has an account already (they join with the join code instead); or what is
 * wrong with the row. With `courseId` (and an optional due date) the course starts when they join.
 */
export async function inviteStaff(
  db: Database,
  catalogue: Pick<Catalogue, 'published'>,
  actor: Actor,
  input: { employerId: string; text: string; locale: string; courseId: string; dueDate: string },
  context: { now: number; managedEmployerIds: readonly string[] },
): Promise<InviteStaffResult> {
  const { now } = context;
  if (!managesEmployer(actor, input.employerId, context.managedEmployerIds))
    return { ok: false, reason: 'forbidden' };
  const errors: InviteStaffErrors = {};
  const rows = parseInviteRows(input.text);
  if (rows.length === 0) errors.people = 'required';
  if (rows.length > MAX_INVITE_ROWS) errors.people = 'too-many';
  const course = input.courseId ? catalogue.published.course(input.courseId) : undefined;
  if (input.courseId && !course) errors.courseId = 'unknown';
  const due = parseDueDate(input.dueDate, now);
  if (!due.ok) errors.dueDate = due.problem;
  else if (due.dueAt !== null && !input.courseId) errors.dueDate = 'without-course';
  if (input.locale !== 'en' && input.locale !== 'ms') errors.locale = 'invalid';
  if (Object.keys(errors).length > 0 || !due.ok) return { ok: false, reason: 'invalid', errors };

  const emails = rows.filter((row) => row.problem === null).map((row) => row.email);
  const accounts = new Map<string, { organisationId: string | null; role: string }>();
  for (let start = 0; start < emails.length; start += 500) {
    const found = await db.orm
      .select({ email: user.email, organisationId: user.organisationId, role: user.role })
      .from(user)
      .where(inArray(user.email, emails.slice(start, start + 500)));
    for (const row of found) accounts.set(row.email, row);
  }

  const report: InviteReportRow[] = [];
  let invited = 0;
  for (const row of rows) {
    const base = { line: row.line, name: row.name, email: row.email };
    if (row.problem) {
      report.push({ ...base, outcome: row.problem });
      continue;
    }
    const account = accounts.get(row.email);
    if (account) {
      const staff = account.organisationId === input.employerId && account.role === 'learner';
      report.push({ ...base, outcome: staff ? 'already-staff' : 'has-account' });
      continue;
    }
    const sent = await inviteByEmail(
      db,
      actor,
      { email: row.email, organisationId: input.employerId, locale: input.locale },
      { now, managedEmployerIds: context.managedEmployerIds },
    );
    if (!sent.ok) {
      if (sent.reason === 'forbidden') return { ok: false, reason: 'forbidden' };
      report.push({ ...base, outcome: sent.errors.email === 'taken' ? 'has-account' : 'failed' });
      continue;
    }
    await db.write((orm) =>
      orm
        .update(invitation)
        .set({
          fullName: row.name || null,
          courseId: course?.id ?? null,
          dueAt: due.dueAt === null ? null : new Date(due.dueAt),
        })
        .where(eq(invitation.id, sent.invitationId)),
    );
    invited += 1;
    report.push({ ...base, outcome: 'invited' });
  }
  return { ok: true, rows: report, invited };
}

/**
 * After an invited person joined (`userId` accepted an invitation): the course the invitation
 * named starts, with its due date. Call after acceptInvitation; does nothing without a course.
 */
export async function startInvitedTraining(
  db: Database,
  catalogue: Pick<Catalogue, 'published' | 'aliases'>,
  userId: string,
  now: number,
): Promise<void> {
  await db.write((orm) =>
    orm.transaction(async (tx) => {
      const [accepted] = await tx
        .select({
          id: invitation.id,
          courseId: invitation.courseId,
          dueAt: invitation.dueAt,
          invitedBy: invitation.invitedBy,
          email: invitation.email,
        })
        .from(invitation)
        .where(and(eq(invitation.acceptedBy, userId), isNotNull(invitation.courseId)))
        .orderBy(desc(invitation.acceptedAt))
        .limit(1);
      if (!accepted?.courseId) return;
      const { outcome, enrolmentId } = await activateEnrolment(
        tx,
        catalogue,
        userId,
        accepted.courseId,
        accepted.invitedBy,
        now,
      );
      if (outcome === 'already-enrolled') return;
      await tx.update(enrolment).set({ dueAt: accepted.dueAt }).where(eq(enrolment.id, enrolmentId));
      await recordAudit(tx, {
        actorId: accepted.invitedBy,
        action: 'course-assigned',
        subjectType: 'enrolment',
        subjectId: enrolmentId,
        data: {
          userId,
          email: accepted.email,
          courseId: accepted.courseId,
          invitationId: accepted.id,
          after: accepted.dueAt ? dayKey(accepted.dueAt.getTime()) : null,
        },
        at: now,
      });
    }),
  );
}

export type InvitationState = 'pending' | 'accepted' | 'expired' | 'withdrawn';

export interface EmployerInvitation {
  id: string;
  email: string;
  fullName: string | null;
  courseId: string | null;
  createdAt: number;
  expiresAt: number;
  state: InvitationState;
}

/** One page of an employer's invitations, newest first, with the total. */
export async function listEmployerInvitations(
  db: Database,
  employerId: string,
  page: number,
  pageSize: number,
  now: number,
): Promise<{ rows: EmployerInvitation[]; total: number; pending: number }> {
  const where = eq(invitation.organisationId, employerId);
  const [totals] = await db.orm.select({ total: count() }).from(invitation).where(where);
  const [pending] = await db.orm
    .select({ total: count() })
    .from(invitation)
    .where(
      and(
        where,
        isNull(invitation.acceptedAt),
        isNull(invitation.withdrawnAt),
        gt(invitation.expiresAt, new Date(now)),
      ),
    );
  const rows = await db.orm
    .select({
      id: invitation.id,
      email: invitation.email,
      fullName: invitation.fullName,
      courseId: invitation.courseId,
      createdAt: invitation.createdAt,
      expiresAt: invitation.expiresAt,
      acceptedAt: invitation.acceptedAt,
      withdrawnAt: invitation.withdrawnAt,
    })
    .from(invitation)
    .where(where)
    .orderBy(desc(invitation.createdAt), desc(invitation.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    rows: rows.map((row) => ({
      id: row.id,
      email: row.email,
      fullName: row.fullName,
      courseId: row.courseId,
      createdAt: row.createdAt.getTime(),
      expiresAt: row.expiresAt.getTime(),
      state: row.acceptedAt
        ? 'accepted'
        : row.withdrawnAt
          ? 'withdrawn'
          : row.expiresAt.getTime() <= now
            ? 'expired'
            : 'pending',
    })),
    total: Number(totals?.total ?? 0),
    pending: Number(pending?.total ?? 0),
  };
}
