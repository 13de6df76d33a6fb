import { auditEvent } from '#db/schema.ts';
import type { Orm } from '#src/lib/server/db.ts';

export interface AuditEntry {
  /** Who acted; null for the command line or the system. */
  actorId: string | null;
  /** Verb in kebab-case: `role-changed`, `certificate-revoked`, ... */
  action: string;
  subjectType: 'user' | 'organisation' | 'enrolment' | 'certificate' | 'session' | 'submission' | 'workshop';
  subjectId: string;
  /** Before / after values and the reason given, when there is one. */
  data?: Record<string, unknown>;
  at: number;
}

/** Appends to the audit log. Call inside the same write (or transaction) as the change it records. */
export async function recordAudit(orm: Pick<Orm, 'insert'>, entry: AuditEntry): Promise<void> {
  await orm.insert(auditEvent).values({
    at: new Date(entry.at),
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    data: entry.data ?? null,
  });
}
