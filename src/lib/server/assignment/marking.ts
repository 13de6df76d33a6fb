/**
 * Marking submitted work: the queue (oldest first), claiming a submission so that one trainer
 * marks it at a time, saving levels and comments before deciding, the decision itself (pass,
 * return for resubmission, or not passed once no resubmission is left) and allowing one more
 * submission after a final "not passed". Every decision is written to the audit log in the same
 * write. Trainers see only the learners their employer scope allows (employer/access.ts); a
 * submission outside it is "not found".
 *
 * What follows a pass (module and course completion, an automatic certificate) is the caller's
 * to do, through completion.ts: assignment sits below completion.
 */
import { and, asc, count, eq, gt, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { assignmentAttempt, assignmentSubmission, organisation, user } from '#db/schema.ts';
import { checkDecision, type MarkingInput, type MarkingProblem } from '#src/lib/assignment/marking.ts';
import { MAX_COMMENT_CHARS, submissionsAllowed, type Marks } from '#src/lib/assignment/rubric.ts';
import type { AssignmentStatus } from '#src/lib/learning/progress.ts';
import { isStaff, type Actor } from '#src/lib/roles.ts';
import { MINUTE_MS } from '#src/lib/time.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import { learnerScope } from '#src/lib/server/employer/access.ts';
import { courseTitles } from '#src/lib/server/mail/course-titles.ts';
import { enqueueAssignmentDecidedMail } from '#src/lib/server/mail/practical-notices.ts';
import type { Locale } from '#src/i18n/index.ts';
import type { AssignmentContent } from './content.ts';
import { loadSubmission, type SubmissionView } from './submission.ts';

/** How long a claim lasts; saving marks renews it. */
export const CLAIM_MS = 30 * MINUTE_MS;

export const queueStatuses = ['waiting', 'mine', 'returned', 'passed', 'not-passed', 'all'] as const;
export type QueueStatus = (typeof queueStatuses)[number];

export interface QueueFilters {
  status: QueueStatus;
  courseId: string | null;
  employerId: string | null;
}

export interface QueueRow {
  id: string;
  learnerName: string;
  learnerEmail: string;
  employer: string | null;
  courseId: string;
  assignmentId: string;
  status: AssignmentStatus;
  attempts: number;
  submittedAt: number | null;
  decidedAt: number | null;
  claimedByName: string | null;
  /** Set while a claim is current. */
  claimedUntil: number | null;
  claimedByMe: boolean;
}

const PAGE_SIZE = 50;

/** What the statements below need: the database or an open transaction. */
type Writer = Pick<Orm, 'select' | 'insert' | 'update'>;
const claimer = alias(user, 'claimer');

function statusCondition(filters: QueueFilters, actor: Actor, now: number): SQL | undefined {
  switch (filters.status) {
    case 'waiting':
      return eq(assignmentSubmission.status, 'submitted');
    case 'mine':
      return and(
        eq(assignmentSubmission.status, 'submitted'),
        eq(assignmentSubmission.claimedBy, actor.id),
        gt(assignmentSubmission.claimedUntil, new Date(now)),
      );
    case 'returned':
    case 'passed':
    case 'not-passed':
      return eq(assignmentSubmission.status, filters.status);
    case 'all':
      return ne(assignmentSubmission.status, 'draft');
  }
}

/** One page of the marking queue, oldest submission first, and how many match in all. */
export async function listMarkingQueue(
  db: Database,
  actor: Actor,
  filters: QueueFilters,
  page: number,
  now: number,
): Promise<{ rows: QueueRow[]; total: number; pageSize: number }> {
  if (!isStaff(actor.role)) return { rows: [], total: 0, pageSize: PAGE_SIZE };
  const where = and(
    statusCondition(filters, actor, now),
    filters.courseId ? eq(assignmentSubmission.courseId, filters.courseId) : undefined,
    filters.employerId ? eq(user.organisationId, filters.employerId) : undefined,
    learnerScope(actor),
  );
  const [rows, totals] = await Promise.all([
    db.orm
      .select({
        id: assignmentSubmission.id,
        learnerName: user.fullName,
        learnerEmail: user.email,
        employer: organisation.name,
        courseId: assignmentSubmission.courseId,
        assignmentId: assignmentSubmission.assignmentId,
        status: assignmentSubmission.status,
        attempts: assignmentSubmission.attempts,
        submittedAt: assignmentSubmission.submittedAt,
        decidedAt: assignmentSubmission.decidedAt,
        claimedBy: assignmentSubmission.claimedBy,
        claimedByName: claimer.fullName,
        claimedUntil: assignmentSubmission.claimedUntil,
      })
      .from(assignmentSubmission)
      .innerJoin(user, eq(user.id, assignmentSubmission.userId))
      .leftJoin(organisation, eq(organisation.id, user.organisationId))
      .leftJoin(claimer, eq(claimer.id, assignmentSubmission.claimedBy))
      .where(where)
      .orderBy(asc(assignmentSubmission.submittedAt), asc(assignmentSubmission.id))
      .limit(PAGE_SIZE)
      .offset(Math.max(0, page - 1) * PAGE_SIZE),
    db.orm
      .select({ total: count() })
      .from(assignmentSubmission)
      .innerJoin(user, eq(user.id, assignmentSubmission.userId))
      .where(where),
  ]);
  return {
    rows: rows.map((row) => {
      const current =
        row.claimedUntil !== null && row.claimedUntil.getTime() > now && row.status === 'submitted';
      return {
        id: row.id,
        learnerName: row.learnerName,
        learnerEmail: row.learnerEmail,
        employer: row.employer,
        courseId: row.courseId,
        assignmentId: row.assignmentId,
        status: row.status,
        attempts: row.attempts,
        submittedAt: row.submittedAt?.getTime() ?? null,
        decidedAt: row.decidedAt?.getTime() ?? null,
        claimedByName: current ? row.claimedByName : null,
        claimedUntil: current ? (row.claimedUntil?.getTime() ?? null) : null,
        claimedByMe: current && row.claimedBy === actor.id,
      };
    }),
    total: totals[0]?.total ?? 0,
    pageSize: PAGE_SIZE,
  };
}

/** Submissions waiting for marking that `actor` may mark: the staff navigation's count. */
export async function countWaitingForMarking(db: Database, actor: Actor): Promise<number> {
  if (!isStaff(actor.role)) return 0;
  const [row] = await db.orm
    .select({ total: count() })
    .from(assignmentSubmission)
    .innerJoin(user, eq(user.id, assignmentSubmission.userId))
    .where(and(eq(assignmentSubmission.status, 'submitted'), learnerScope(actor)));
  return row?.total ?? 0;
}

export interface MarkingRecord {
  submission: SubmissionView;
  learner: { id: string; fullName: string; email: string; employer: string | null };
}

/** A submission for the marking page, or null when it does not exist or is outside the actor's scope. */
export async function loadForMarking(
  db: Database,
  actor: Actor,
  submissionId: string,
): Promise<MarkingRecord | null> {
  if (!isStaff(actor.role)) return null;
  const [learner] = await db.orm
    .select({ id: user.id, fullName: user.fullName, email: user.email, employer: organisation.name })
    .from(assignmentSubmission)
    .innerJoin(user, eq(user.id, assignmentSubmission.userId))
    .leftJoin(organisation, eq(organisation.id, user.organisationId))
    .where(
      and(
        eq(assignmentSubmission.id, submissionId),
        ne(assignmentSubmission.status, 'draft'),
        learnerScope(actor),
      ),
    );
  if (!learner) return null;
  const submission = await loadSubmission(db.orm, { id: submissionId });
  return submission ? { submission, learner } : null;
}

type ClaimRefusal =
  | { ok: false; reason: 'not-found' }
  /** Nothing to mark: a draft, or already decided. */
  | { ok: false; reason: 'not-waiting' }
  | { ok: false; reason: 'claimed'; claimedByName: string; claimedUntil: number };

/** The row when `actor` may mark it now (free, expired or theirs), else why not. */
async function takeClaim(
  orm: Writer,
  actor: Actor,
  submissionId: string,
  now: number,
): Promise<{ ok: true; row: typeof assignmentSubmission.$inferSelect } | ClaimRefusal> {
  const [found] = await orm
    .select({ row: assignmentSubmission, claimedByName: claimer.fullName })
    .from(assignmentSubmission)
    .innerJoin(user, eq(user.id, assignmentSubmission.userId))
    .leftJoin(claimer, eq(claimer.id, assignmentSubmission.claimedBy))
    .where(and(eq(assignmentSubmission.id, submissionId), learnerScope(actor)));
  if (!found || found.row.status === 'draft') return { ok: false, reason: 'not-found' };
  const { row } = found;
  if (row.status !== 'submitted') return { ok: false, reason: 'not-waiting' };
  const until = row.claimedUntil?.getTime() ?? 0;
  if (row.claimedBy !== null && row.claimedBy !== actor.id && until > now) {
    return { ok: false, reason: 'claimed', claimedByName: found.claimedByName ?? '', claimedUntil: until };
  }
  // Conditional update: two trainers claiming at once (two processes) cannot both win.
  const claimed = await orm
    .update(assignmentSubmission)
    .set({ claimedBy: actor.id, claimedUntil: new Date(now + CLAIM_MS) })
    .where(
      and(
        eq(assignmentSubmission.id, row.id),
        eq(assignmentSubmission.status, 'submitted'),
        or(
          isNull(assignmentSubmission.claimedBy),
          eq(assignmentSubmission.claimedBy, actor.id),
          lte(assignmentSubmission.claimedUntil, new Date(now)),
        ),
      ),
    )
    .returning({ id: assignmentSubmission.id });
  if (claimed.length === 0) return { ok: false, reason: 'not-waiting' };
  return { ok: true, row: { ...row, claimedBy: actor.id, claimedUntil: new Date(now + CLAIM_MS) } };
}

export type ClaimResult = { ok: true; claimedUntil: number } | ClaimRefusal;

/** Claims a waiting submission for `actor` for CLAIM_MS (or renews their own claim). */
export async function claimSubmission(
  db: Database,
  actor: Actor,
  submissionId: string,
  now: number,
): Promise<ClaimResult> {
  if (!isStaff(actor.role)) return { ok: false, reason: 'not-found' };
  return db.write(async (orm) => {
    const claim = await takeClaim(orm, actor, submissionId, now);
    return claim.ok ? { ok: true, claimedUntil: now + CLAIM_MS } : claim;
  });
}

/** Gives up `actor`'s claim so another trainer can mark it; levels saved so far stay. */
export async function releaseClaim(
  db: Database,
  actor: Actor,
  submissionId: string,
): Promise<{ ok: boolean }> {
  if (!isStaff(actor.role)) return { ok: false };
  return db.write(async (orm) => {
    const released = await orm
      .update(assignmentSubmission)
      .set({ claimedBy: null, claimedUntil: null })
      .where(and(eq(assignmentSubmission.id, submissionId), eq(assignmentSubmission.claimedBy, actor.id)))
      .returning({ id: assignmentSubmission.id });
    return { ok: released.length > 0 };
  });
}

/** Marks as stored: known criteria and levels only, comments cut to the maximum. */
function cleanMarks(content: AssignmentContent, marks: Marks): Marks {
  const out: Record<string, { level: string; comment: string }> = {};
  for (const criterion of content.data.rubric) {
    const mark = marks[criterion.id];
    if (!mark) continue;
    const level = criterion.levels[mark.level] ? mark.level : '';
    const comment = mark.comment.slice(0, MAX_COMMENT_CHARS);
    if (level !== '' || comment !== '') out[criterion.id] = { level, comment };
  }
  return out;
}

/** Saves levels and comments without deciding (and renews the claim). */
export async function saveMarkDraft(
  db: Database,
  actor: Actor,
  submissionId: string,
  content: AssignmentContent,
  input: { marks: Marks; overallComment: string },
  now: number,
): Promise<ClaimResult> {
  if (!isStaff(actor.role)) return { ok: false, reason: 'not-found' };
  return db.write(async (orm) => {
    const claim = await takeClaim(orm, actor, submissionId, now);
    if (!claim.ok) return claim;
    if (claim.row.assignmentId !== content.id) return { ok: false, reason: 'not-found' };
    await orm
      .update(assignmentSubmission)
      .set({
        markDraft: {
          marks: cleanMarks(content, input.marks),
          overallComment: input.overallComment.slice(0, MAX_COMMENT_CHARS),
        },
      })
      .where(eq(assignmentSubmission.id, submissionId));
    return { ok: true, claimedUntil: now + CLAIM_MS };
  });
}

export type DecideResult =
  | { ok: true; decision: MarkingInput['decision'] & string; learnerId: string; attempt: number }
  | ClaimRefusal
  | { ok: false; reason: 'invalid'; problems: MarkingProblem[] };

/**
 * Records a decision on the submitted attempt: checks it against the rubric (lib/assignment/
 * marking.ts), stores levels, comments and score on the attempt, moves the submission to passed,
 * returned or not passed, ends the claim, writes the audit entry and queues the learner's email,
 * all in one write. `assignmentTitles` names the assignment in the learner's language in that
 * email (the content's own title where not given).
 */
export async function decideSubmission(
  db: Database,
  actor: Actor,
  submissionId: string,
  content: AssignmentContent,
  input: MarkingInput,
  now: number,
  assignmentTitles?: Readonly<Record<Locale, string>>,
): Promise<DecideResult> {
  if (!isStaff(actor.role)) return { ok: false, reason: 'not-found' };
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<DecideResult> => {
      const claim = await takeClaim(tx, actor, submissionId, now);
      if (!claim.ok) return claim;
      const { row } = claim;
      if (row.assignmentId !== content.id) return { ok: false, reason: 'not-found' };
      const marks = cleanMarks(content, input.marks);
      const left = submissionsAllowed(content.data.maxResubmissions, row.extraAttempts) - row.attempts;
      const { problems, outcome } = checkDecision(content.data, { ...input, marks }, left);
      const decision = input.decision;
      if (problems.length > 0 || decision === null) {
        // Keep what the marker chose, so the form shows it again and nothing is lost.
        await tx
          .update(assignmentSubmission)
          .set({ markDraft: { marks, overallComment: input.overallComment.slice(0, MAX_COMMENT_CHARS) } })
          .where(eq(assignmentSubmission.id, row.id));
        return { ok: false, reason: 'invalid', problems };
      }
      const overallComment = input.overallComment.trim().slice(0, MAX_COMMENT_CHARS);
      await tx
        .update(assignmentAttempt)
        .set({
          decision,
          markerId: actor.id,
          marks,
          overallComment: overallComment === '' ? null : overallComment,
          score: outcome.score,
          maxScore: outcome.maxScore,
          decidedAt: new Date(now),
        })
        .where(and(eq(assignmentAttempt.submissionId, row.id), eq(assignmentAttempt.number, row.attempts)));
      const status: AssignmentStatus =
        decision === 'pass' ? 'passed' : decision === 'return' ? 'returned' : 'not-passed';
      await tx
        .update(assignmentSubmission)
        .set({ status, decidedAt: new Date(now), claimedBy: null, claimedUntil: null, markDraft: null })
        .where(eq(assignmentSubmission.id, row.id));
      await recordAudit(tx, {
        actorId: actor.id,
        action: `assignment-${status}`,
        subjectType: 'submission',
        subjectId: row.id,
        data: {
          learner: row.userId,
          assignment: row.assignmentId,
          course: row.courseId,
          attempt: row.attempts,
          score: `${outcome.score}/${outcome.maxScore}`,
          levels: Object.fromEntries(
            Object.entries(marks).map(([criterion, mark]) => [criterion, mark.level]),
          ),
        },
        at: now,
      });
      await enqueueAssignmentDecidedMail(
        tx,
        {
          userId: row.userId,
          courseId: row.courseId,
          moduleId: row.assignmentId,
          assignmentTitles: assignmentTitles ?? { en: content.data.title, ms: content.data.title },
          decision,
          score: outcome.score,
          maxScore: outcome.maxScore,
          submissionsLeft: left,
        },
        courseTitles,
        now,
      );
      return { ok: true, decision, learnerId: row.userId, attempt: row.attempts };
    }),
  );
}

/**
 * After a final "not passed", lets the learner submit once more (a trainer's judgement, for
 * example after a conversation with the learner). Audited with the reason given.
 */
export async function allowResubmission(
  db: Database,
  actor: Actor,
  submissionId: string,
  reason: string,
  now: number,
): Promise<{ ok: true } | { ok: false; reason: 'not-found' | 'not-closed' | 'reason-needed' }> {
  if (!isStaff(actor.role)) return { ok: false, reason: 'not-found' };
  const why = reason.trim().slice(0, 1000);
  if (why === '') return { ok: false, reason: 'reason-needed' };
  return db.write(async (orm) => {
    const [row] = await orm
      .select({
        id: assignmentSubmission.id,
        status: assignmentSubmission.status,
        userId: assignmentSubmission.userId,
      })
      .from(assignmentSubmission)
      .innerJoin(user, eq(user.id, assignmentSubmission.userId))
      .where(and(eq(assignmentSubmission.id, submissionId), learnerScope(actor)));
    if (!row) return { ok: false, reason: 'not-found' };
    if (row.status !== 'not-passed') return { ok: false, reason: 'not-closed' };
    await orm
      .update(assignmentSubmission)
      .set({ status: 'returned', extraAttempts: sql`${assignmentSubmission.extraAttempts} + 1` })
      .where(eq(assignmentSubmission.id, row.id));
    await recordAudit(orm, {
      actorId: actor.id,
      action: 'assignment-resubmission-allowed',
      subjectType: 'submission',
      subjectId: row.id,
      data: { learner: row.userId, reason: why },
      at: now,
    });
    return { ok: true };
  });
}
