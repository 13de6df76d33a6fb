/** The development outbox (/dev/outbox): what the app would have sent, newest first. */
import { desc, eq } from 'drizzle-orm';
import { devMailbox } from '#db/schema.ts';
import type { Database } from '#src/lib/server/db.ts';

export interface DevMessage {
  id: number;
  toAddress: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  createdAt: number;
}

function toMessage(row: typeof devMailbox.$inferSelect): DevMessage {
  return {
    id: row.id,
    toAddress: row.toAddress,
    subject: row.subject,
    html: row.html,
    text: row.text,
    headers: (row.headers ?? {}) as Record<string, string>,
    createdAt: row.createdAt.getTime(),
  };
}

export async function listDevMessages(db: Database, limit = 100): Promise<DevMessage[]> {
  const rows = await db.orm.select().from(devMailbox).orderBy(desc(devMailbox.id)).limit(limit);
  return rows.map(toMessage);
}

export async function getDevMessage(db: Database, id: number): Promise<DevMessage | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const [row] = await db.orm.select().from(devMailbox).where(eq(devMailbox.id, id));
  return row ? toMessage(row) : null;
}
