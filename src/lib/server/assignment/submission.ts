/**
 * Reading submissions: a learner's own (by learner and assignment) or any one by id for staff,
 * with its attached files (never their bytes) and every earlier attempt with its marks. The
 * callers decide who may see what; the learner functions in work.ts only ever pass the
 * signed-in user's id.
 */
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { assignmentAttempt, assignmentFile, assignmentSubmission, user } from '#db/schema.ts';
import type { Marks } from '#src/lib/assignment/rubric.ts';
import type { AssignmentStatus } from '#src/lib/learning/progress.ts';
import type { Orm } from '#src/lib/server/db.ts';

export type Answers = Readonly<Record<string, string>>;
export type Decision = 'pass' | 'return' | 'not-passed';

export interface FileInfo {
  id: string;
  partId: string;
  fileName: string;
  size: number;
  uploadedAt: number;
}

export interface AttemptView {
  number: number;
  submittedAt: number;
  answers: Answers;
  /** The files as submitted, by part id. */
  files: Readonly<Record<string, FileInfo>>;
  contentVersion: string;
  decision: Decision | null;
  marks: Marks | null;
  overallComment: string | null;
  score: number | null;
  maxScore: number | null;
  decidedAt: number | null;
  markerName: string | null;
}

export interface MarkDraft {
  marks: Marks;
  overallComment: string;
}

export interface SubmissionView {
  id: string;
  userId: string;
  assignmentId: string;
  courseId: string;
  status: AssignmentStatus;
  answers: Answers;
  /** The draft's files, by part id. */
  files: Readonly<Record<string, FileInfo>>;
  attempts: number;
  extraAttempts: number;
  savedAt: number;
  submittedAt: number | null;
  decidedAt: number | null;
  claimedBy: string | null;
  claimedByName: string | null;
  claimedUntil: number | null;
  markDraft: MarkDraft | null;
  /** Every submitted attempt, newest first. */
  history: AttemptView[];
}

/** Reads a JSON map of strings, dropping anything else (stored JSON is not trusted blindly). */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') out[key] = item;
  return out;
}

function marksOf(value: unknown): Marks | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const out: Record<string, { level: string; comment: string }> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'object' || item === null) continue;
    const { level, comment } = item as { level?: unknown; comment?: unknown };
    if (typeof level === 'string') out[key] = { level, comment: typeof comment === 'string' ? comment : '' };
  }
  return out;
}

function markDraftOf(value: unknown): MarkDraft | null {
  if (typeof value !== 'object' || value === null) return null;
  const { marks, overallComment } = value as { marks?: unknown; overallComment?: unknown };
  return {
    marks: marksOf(marks) ?? {},
    overallComment: typeof overallComment === 'string' ? overallComment : '',
  };
}

const claimer = alias(user, 'claimer');
const marker = alias(user, 'marker');

/** A submission by learner and assignment, or by id; null when there is none. */
export async function loadSubmission(
  orm: Orm,
  where: { userId: string; assignmentId: string } | { id: string },
): Promise<SubmissionView | null> {
  const condition =
    'id' in where
      ? eq(assignmentSubmission.id, where.id)
      : and(
          eq(assignmentSubmission.userId, where.userId),
          eq(assignmentSubmission.assignmentId, where.assignmentId),
        );
  const [row] = await orm
    .select({ submission: assignmentSubmission, claimedByName: claimer.fullName })
    .from(assignmentSubmission)
    .leftJoin(claimer, eq(claimer.id, assignmentSubmission.claimedBy))
    .where(condition);
  if (!row) return null;
  const { submission } = row;
  const [files, attempts] = await Promise.all([
    orm
      .select({
        id: assignmentFile.id,
        partId: assignmentFile.partId,
        fileName: assignmentFile.fileName,
        size: assignmentFile.size,
        uploadedAt: assignmentFile.uploadedAt,
      })
      .from(assignmentFile)
      .where(eq(assignmentFile.submissionId, submission.id)),
    orm
      .select({ attempt: assignmentAttempt, markerName: marker.fullName })
      .from(assignmentAttempt)
      .leftJoin(marker, eq(marker.id, assignmentAttempt.markerId))
      .where(eq(assignmentAttempt.submissionId, submission.id))
      .orderBy(asc(assignmentAttempt.number)),
  ]);
  const fileById = new Map<string, FileInfo>(
    files.map((file) => [file.id, { ...file, uploadedAt: file.uploadedAt.getTime() }]),
  );
  const resolve = (ids: Record<string, string>): Record<string, FileInfo> => {
    const out: Record<string, FileInfo> = {};
    for (const [partId, fileId] of Object.entries(ids)) {
      const file = fileById.get(fileId);
      if (file) out[partId] = file;
    }
    return out;
  };
  const history: AttemptView[] = attempts
    .map(({ attempt, markerName }) => ({
      number: attempt.number,
      submittedAt: attempt.submittedAt.getTime(),
      answers: stringMap(attempt.answers),
      files: resolve(stringMap(attempt.files)),
      contentVersion: attempt.contentVersion,
      decision: attempt.decision,
      marks: marksOf(attempt.marks),
      overallComment: attempt.overallComment,
      score: attempt.score,
      maxScore: attempt.maxScore,
      decidedAt: attempt.decidedAt?.getTime() ?? null,
      markerName,
    }))
    .reverse();
  return {
    id: submission.id,
    userId: submission.userId,
    assignmentId: submission.assignmentId,
    courseId: submission.courseId,
    status: submission.status,
    answers: stringMap(submission.answers),
    files: resolve(stringMap(submission.files)),
    attempts: submission.attempts,
    extraAttempts: submission.extraAttempts,
    savedAt: submission.savedAt.getTime(),
    submittedAt: submission.submittedAt?.getTime() ?? null,
    decidedAt: submission.decidedAt?.getTime() ?? null,
    claimedBy: submission.claimedBy,
    claimedByName: row.claimedByName,
    claimedUntil: submission.claimedUntil?.getTime() ?? null,
    markDraft: markDraftOf(submission.markDraft),
    history,
  };
}
