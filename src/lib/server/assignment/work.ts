/**
 * A learner's own work on an assignment: save the draft, attach and remove PDFs, submit for
 * marking. Every function acts for the signed-in learner only (the actor is the owner; no input
 * names another user), checks the enrolment and the module's gating first, and changes nothing
 * once the work is with a marker or decided. Trainers and admins never submit: their work on an
 * assignment is marking (marking.ts).
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { assignmentAttempt, assignmentFile, assignmentSubmission } from '#db/schema.ts';
import { assignmentModule, decideAssignmentAccess, isEditable } from '#src/lib/assignment/access.ts';
import {
  MAX_ANSWER_CHARS,
  checkTextAnswer,
  submissionsAllowed,
  type AnswerProblem,
} from '#src/lib/assignment/rubric.ts';
import type { Catalogue } from '#src/lib/learning/structure.ts';
import { isStaff, type Actor } from '#src/lib/roles.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import { newId } from '#src/lib/server/ids.ts';
import { courseProgressFor, loadLearnerState } from '#src/lib/server/learning/progress.ts';
import type { AssignmentContent } from './content.ts';
import { cleanFileName, inspectPdf, type PdfRefusal } from './pdf-check.ts';
import { stringMap, type FileInfo } from './submission.ts';

export interface WorkTarget {
  courseId: string;
  moduleId: string;
}

export type WorkRefusal =
  /** No such course, module or assignment (or a draft). */
  | 'not-found'
  | 'not-enrolled'
  /** Sequential course: an earlier module is not complete. */
  | 'locked'
  /** Trainers and admins mark; they do not submit. */
  | 'staff'
  /** Submitted and waiting, or decided: nothing may change. */
  | 'not-editable';

type Refused = { ok: false; reason: WorkRefusal };

/** What the statements below need: the database or an open transaction. */
type Writer = Pick<Orm, 'select' | 'insert' | 'update' | 'delete' | 'all'>;

interface Row {
  id: string;
  status: typeof assignmentSubmission.$inferSelect.status;
  answers: Record<string, string>;
  files: Record<string, string>;
  attempts: number;
  extraAttempts: number;
}

/** Checks the learner may work on the assignment now, and returns its course and id. */
async function resolveWork(
  orm: Orm,
  catalogue: Catalogue,
  actor: Actor,
  target: WorkTarget,
  content: AssignmentContent,
): Promise<{ ok: true } | Refused> {
  if (isStaff(actor.role)) return { ok: false, reason: 'staff' };
  const course = catalogue.published.course(target.courseId);
  const module = assignmentModule(course, target.moduleId);
  if (!course || !module || module.id !== content.id) return { ok: false, reason: 'not-found' };
  const state = await loadLearnerState(orm, catalogue, actor.id);
  const enrolment = state.enrolments.get(course.id) ?? null;
  const progress = enrolment ? courseProgressFor(state, course) : null;
  const access = decideAssignmentAccess({ user: actor, enrolment, progress, moduleId: module.id });
  if (access.kind === 'work') return { ok: true };
  return { ok: false, reason: access.kind === 'locked' ? 'locked' : 'not-enrolled' };
}

/** The learner's submission row, created as an empty draft when there is none yet. */
async function ensureSubmission(
  orm: Writer,
  userId: string,
  assignmentId: string,
  courseId: string,
  now: number,
): Promise<Row> {
  await orm
    .insert(assignmentSubmission)
    .values({
      id: newId(),
      userId,
      assignmentId,
      courseId,
      createdAt: new Date(now),
      savedAt: new Date(now),
    })
    .onConflictDoNothing();
  const [row] = await orm
    .select({
      id: assignmentSubmission.id,
      status: assignmentSubmission.status,
      answers: assignmentSubmission.answers,
      files: assignmentSubmission.files,
      attempts: assignmentSubmission.attempts,
      extraAttempts: assignmentSubmission.extraAttempts,
    })
    .from(assignmentSubmission)
    .where(and(eq(assignmentSubmission.userId, userId), eq(assignmentSubmission.assignmentId, assignmentId)));
  if (!row) throw new Error(`The submission of ${userId} for ${assignmentId} could not be created.`);
  return { ...row, answers: stringMap(row.answers), files: stringMap(row.files) };
}

/** Deletes a file no submitted attempt refers to (a replaced or removed draft file). */
async function dropIfUnsubmitted(orm: Writer, submissionId: string, fileId: string): Promise<void> {
  const used = await orm.all<{ one: number }>(sql`
    SELECT 1 AS one FROM assignment_attempt a, json_each(a.files) j
    WHERE a.submission_id = ${submissionId} AND j.value = ${fileId} LIMIT 1`);
  if (used.length === 0) await orm.delete(assignmentFile).where(eq(assignmentFile.id, fileId));
}

/** Keeps only the assignment's text parts, each cut to the stored maximum. */
function textAnswers(
  content: AssignmentContent,
  posted: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of content.data.parts) {
    const value = posted[part.id];
    if (part.type === 'text' && typeof value === 'string') out[part.id] = value.slice(0, MAX_ANSWER_CHARS);
  }
  return out;
}

export type SaveResult = { ok: true; savedAt: number } | Refused;

/**
 * Saves the text answers given (others stay as they were). Called as the learner types and when
 * a form is posted, so that nothing typed is lost, even when the rest of the request fails.
 */
export async function saveDraft(
  db: Database,
  catalogue: Catalogue,
  actor: Actor,
  target: WorkTarget,
  content: AssignmentContent,
  posted: Readonly<Record<string, string>>,
  now: number,
): Promise<SaveResult> {
  return db.write(async (orm) => {
    const allowed = await resolveWork(orm, catalogue, actor, target, content);
    if (!allowed.ok) return allowed;
    const row = await ensureSubmission(orm, actor.id, content.id, target.courseId, now);
    if (!isEditable(row.status)) return { ok: false, reason: 'not-editable' };
    const answers = { ...row.answers, ...textAnswers(content, posted) };
    await orm
      .update(assignmentSubmission)
      .set({ answers, savedAt: new Date(now) })
      .where(eq(assignmentSubmission.id, row.id));
    return { ok: true, savedAt: now };
  });
}

export type AttachResult =
  | { ok: true; file: FileInfo }
  | Refused
  | { ok: false; reason: 'not-a-file-part' }
  | { ok: false; reason: 'file'; refusal: PdfRefusal; detail?: string };

/**
 * Attaches a PDF to a file part, replacing the part's earlier draft file. The bytes are checked
 * (pdf-check.ts) before anything is written; a refused file changes nothing.
 */
export async function attachFile(
  db: Database,
  catalogue: Catalogue,
  actor: Actor,
  target: WorkTarget,
  content: AssignmentContent,
  partId: string,
  file: { name: string; bytes: Uint8Array },
  now: number,
): Promise<AttachResult> {
  const part = content.data.parts.find((candidate) => candidate.id === partId);
  if (!part || part.type !== 'file') return { ok: false, reason: 'not-a-file-part' };
  const inspection = await inspectPdf(file.bytes);
  if (!inspection.ok) {
    return {
      ok: false,
      reason: 'file',
      refusal: inspection.reason,
      ...(inspection.detail ? { detail: inspection.detail } : {}),
    };
  }
  const id = newId();
  const fileName = cleanFileName(file.name);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return db.write(async (orm) => {
    const allowed = await resolveWork(orm, catalogue, actor, target, content);
    if (!allowed.ok) return allowed;
    return orm.transaction(async (tx) => {
      const row = await ensureSubmission(tx, actor.id, content.id, target.courseId, now);
      if (!isEditable(row.status)) return { ok: false, reason: 'not-editable' } as const;
      await tx.insert(assignmentFile).values({
        id,
        submissionId: row.id,
        partId,
        fileName,
        size: file.bytes.length,
        sha256,
        content: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
        uploadedAt: new Date(now),
      });
      const previous = row.files[partId];
      await tx
        .update(assignmentSubmission)
        .set({ files: { ...row.files, [partId]: id }, savedAt: new Date(now) })
        .where(eq(assignmentSubmission.id, row.id));
      if (previous) await dropIfUnsubmitted(tx, row.id, previous);
      return { ok: true, file: { id, partId, fileName, size: file.bytes.length, uploadedAt: now } } as const;
    });
  });
}

/** Takes the draft's file off a part (a file already submitted stays with its attempt). */
export async function removeFile(
  db: Database,
  catalogue: Catalogue,
  actor: Actor,
  target: WorkTarget,
  content: AssignmentContent,
  partId: string,
  now: number,
): Promise<{ ok: true } | Refused> {
  return db.write(async (orm) => {
    const allowed = await resolveWork(orm, catalogue, actor, target, content);
    if (!allowed.ok) return allowed;
    return orm.transaction(async (tx): Promise<{ ok: true } | Refused> => {
      const row = await ensureSubmission(tx, actor.id, content.id, target.courseId, now);
      if (!isEditable(row.status)) return { ok: false, reason: 'not-editable' };
      const previous = row.files[partId];
      if (!previous) return { ok: true };
      const files = { ...row.files };
      delete files[partId];
      await tx
        .update(assignmentSubmission)
        .set({ files, savedAt: new Date(now) })
        .where(eq(assignmentSubmission.id, row.id));
      await dropIfUnsubmitted(tx, row.id, previous);
      return { ok: true };
    });
  });
}

export type PartProblem = { partId: string } & (AnswerProblem | { kind: 'no-file' });

export type SubmitResult =
  | { ok: true; attempt: number }
  | Refused
  | { ok: false; reason: 'incomplete'; problems: PartProblem[] }
  | { ok: false; reason: 'no-submissions-left' };

/** What stops the draft from being submitted: each part answered within its word range, each file attached. */
export function findPartProblems(
  content: AssignmentContent,
  answers: Readonly<Record<string, string>>,
  files: Readonly<Record<string, string>>,
): PartProblem[] {
  const problems: PartProblem[] = [];
  for (const part of content.data.parts) {
    if (part.type === 'file') {
      if (!files[part.id]) problems.push({ partId: part.id, kind: 'no-file' });
      continue;
    }
    const problem = checkTextAnswer(part, answers[part.id] ?? '');
    if (problem) problems.push({ partId: part.id, ...problem });
  }
  return problems;
}

/**
 * Submits the draft for marking: freezes it as the next attempt (answers and files), puts it in
 * the marking queue and records it in the audit log. Refused when a part is missing or out of
 * its word range, and after the last allowed submission.
 */
export async function submitWork(
  db: Database,
  catalogue: Catalogue,
  actor: Actor,
  target: WorkTarget,
  content: AssignmentContent,
  now: number,
): Promise<SubmitResult> {
  return db.write(async (orm) => {
    const allowed = await resolveWork(orm, catalogue, actor, target, content);
    if (!allowed.ok) return allowed;
    return orm.transaction(async (tx): Promise<SubmitResult> => {
      const row = await ensureSubmission(tx, actor.id, content.id, target.courseId, now);
      if (!isEditable(row.status)) return { ok: false, reason: 'not-editable' };
      if (row.attempts >= submissionsAllowed(content.data.maxResubmissions, row.extraAttempts))
        return { ok: false, reason: 'no-submissions-left' };
      const problems = findPartProblems(content, row.answers, row.files);
      if (problems.length > 0) return { ok: false, reason: 'incomplete', problems };
      const number = row.attempts + 1;
      await tx.insert(assignmentAttempt).values({
        id: newId(),
        submissionId: row.id,
        number,
        answers: row.answers,
        files: row.files,
        contentVersion: content.version,
        submittedAt: new Date(now),
      });
      await tx
        .update(assignmentSubmission)
        .set({
          status: 'submitted',
          attempts: number,
          submittedAt: new Date(now),
          courseId: target.courseId,
          claimedBy: null,
          claimedUntil: null,
          markDraft: null,
        })
        .where(eq(assignmentSubmission.id, row.id));
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'assignment-submitted',
        subjectType: 'submission',
        subjectId: row.id,
        data: { assignment: content.id, course: target.courseId, attempt: number },
        at: now,
      });
      return { ok: true, attempt: number };
    });
  });
}
