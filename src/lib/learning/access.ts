/**
 * Who may read a lesson body and record progress. Pure: the caller looks up the user, the
 * enrolment and the progress; the rules live here so that pages, actions and tests agree.
 * Drafts are decided earlier, by which catalogue view is used (learners get the published view,
 * where drafts do not exist).
 */
import { isStaff, type Role } from '#src/lib/roles.ts';
import type { ModuleProgress } from './progress.ts';

export type ReadAccess =
  | { kind: 'read' }
  /** Not signed in: the outline and a prompt to sign in and enrol. */
  | { kind: 'sign-in' }
  /** Signed in but not (or no longer) enrolled: the outline and an Enrol button. */
  | { kind: 'enrol' }
  /** Sequential course: finish `lockedBy` first. */
  | { kind: 'locked'; lockedBy: string };

export interface AccessInput {
  user: { role: Role } | null;
  enrolment: { status: 'active' | 'withdrawn' } | null;
  /** The learner's progress in the course (for gating); null when not enrolled. */
  progress: { modules: ReadonlyArray<Pick<ModuleProgress, 'moduleId' | 'state' | 'lockedBy'>> } | null;
  moduleId: string;
}

/** Whether the lesson body of a module is shown. Trainers and admins always read (preview). */
export function decideReadAccess(input: AccessInput): ReadAccess {
  if (!input.user) return { kind: 'sign-in' };
  if (isStaff(input.user.role)) return { kind: 'read' };
  if (input.enrolment?.status !== 'active') return { kind: 'enrol' };
  const module = input.progress?.modules.find((candidate) => candidate.moduleId === input.moduleId);
  if (module?.state === 'locked') return { kind: 'locked', lockedBy: module.lockedBy ?? '' };
  return { kind: 'read' };
}

export type RecordRefusal = 'not-enrolled' | 'locked' | 'draft';

/**
 * Whether the signed-in user may record progress on a lesson: only with an active enrolment,
 * only on published lessons, and (for learners) only in an open module. Progress is always the
 * signed-in user's own.
 */
export function decideRecordAccess(
  input: AccessInput & { lessonDraft: boolean },
): { ok: true } | { ok: false; reason: RecordRefusal } {
  if (input.lessonDraft) return { ok: false, reason: 'draft' };
  if (!input.user || input.enrolment?.status !== 'active') return { ok: false, reason: 'not-enrolled' };
  if (isStaff(input.user.role)) return { ok: true };
  const access = decideReadAccess(input);
  if (access.kind === 'locked') return { ok: false, reason: 'locked' };
  return { ok: true };
}
