/**
 * Who may read an attached PDF: the learner who attached it, and trainers and admins whose
 * employer scope includes that learner. Anyone else, and any unknown id, gets nothing (the
 * endpoint answers 404, so ids reveal nothing).
 */
import { and, eq } from 'drizzle-orm';
import { assignmentFile, assignmentSubmission, user } from '#db/schema.ts';
import { isStaff, type Actor } from '#src/lib/roles.ts';
import type { Database } from '#src/lib/server/db.ts';
import { learnerScope } from '#src/lib/server/employer/access.ts';

export interface StoredFile {
  fileName: string;
  size: number;
  sha256: string;
  content: Uint8Array<ArrayBuffer>;
}

/** The file when `actor` may read it, else null. */
export async function readAttachedFile(
  db: Database,
  actor: Actor,
  fileId: string,
): Promise<StoredFile | null> {
  const [owner] = await db.orm
    .select({ userId: assignmentSubmission.userId, organisationId: user.organisationId })
    .from(assignmentFile)
    .innerJoin(assignmentSubmission, eq(assignmentSubmission.id, assignmentFile.submissionId))
    .innerJoin(user, eq(user.id, assignmentSubmission.userId))
    .where(eq(assignmentFile.id, fileId));
  if (!owner) return null;
  if (owner.userId !== actor.id) {
    if (!isStaff(actor.role)) return null;
    const [inScope] = await db.orm
      .select({ id: user.id })
      .from(user)
      .where(and(eq(user.id, owner.userId), learnerScope(actor)));
    if (!inScope) return null;
  }
  const [file] = await db.orm
    .select({
      fileName: assignmentFile.fileName,
      size: assignmentFile.size,
      sha256: assignmentFile.sha256,
      content: assignmentFile.content,
    })
    .from(assignmentFile)
    .where(eq(assignmentFile.id, fileId));
  return file ? { ...file, content: new Uint8Array(file.content) } : null;
}
