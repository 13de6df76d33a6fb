/**
 * Who may work on an assignment, and what a submission's state allows. Pure: the caller loads
 * the course, the enrolment and the progress; pages, actions and tests share the decision.
 */
import { decideReadAccess } from '#src/lib/learning/access.ts';
import type { AssignmentStatus, ModuleProgress } from '#src/lib/learning/progress.ts';
import type { CourseView } from '#src/lib/learning/structure.ts';
import { isStaff, type Role } from '#src/lib/roles.ts';

export type AssignmentAccess =
  /** An enrolled learner in an open module: may save drafts and submit. */
  | { kind: 'work' }
  /** Trainers and admins see the brief and the rubric, never a form: their work is marking. */
  | { kind: 'preview' }
  | { kind: 'sign-in' }
  | { kind: 'enrol' }
  | { kind: 'locked'; lockedBy: string };

export interface AssignmentAccessInput {
  user: { role: Role } | null;
  enrolment: { status: 'active' | 'withdrawn' } | null;
  progress: { modules: ReadonlyArray<Pick<ModuleProgress, 'moduleId' | 'state' | 'lockedBy'>> } | null;
  moduleId: string;
}

export function decideAssignmentAccess(input: AssignmentAccessInput): AssignmentAccess {
  if (input.user && isStaff(input.user.role)) return { kind: 'preview' };
  const read = decideReadAccess(input);
  return read.kind === 'read' ? { kind: 'work' } : read;
}

/** The module of a course view that carries this assignment, or undefined. */
export function assignmentModule(
  course: CourseView | undefined,
  moduleId: string,
): CourseView['modules'][number] | undefined {
  const module = course?.modules.find((candidate) => candidate.id === moduleId);
  return module?.assignmentId ? module : undefined;
}

/** Whether the learner may change the draft: before the first submission, or after a return. */
export function isEditable(status: AssignmentStatus | null): boolean {
  return status === null || status === 'draft' || status === 'returned';
}
