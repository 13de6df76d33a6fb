/**
 * What the browser tests read of a quiz attempt from the database the servers use: its frozen
 * layout (which questions it drew, in which orders), from which the tests work out the right
 * answers without anything the page shows.
 */
import { eq } from 'drizzle-orm';
import { quizAttempt } from '#db/schema.ts';
import { createDb } from '#src/lib/server/db.ts';
import type { AttemptLayout } from '#src/lib/server/quiz/draw.ts';

const databaseUrl = process.env.E2E_DATABASE_URL ?? 'file:test-results/e2e.db';

/** The stored layout of an attempt: which questions it drew, in which orders. */
export async function attemptLayout(attemptId: string): Promise<AttemptLayout> {
  const db = await createDb(databaseUrl);
  try {
    const [row] = await db.orm
      .select({ layout: quizAttempt.layout })
      .from(quizAttempt)
      .where(eq(quizAttempt.id, attemptId));
    return (row?.layout ?? []) as AttemptLayout;
  } finally {
    db.close();
  }
}
