/**
 * Scheduled reminders: certificate expiry (60, 30 and 7 days before) and a nudge to learners
 * who have not studied for 14 days with a course unfinished (at most once per 14 days). Each
 * message is written in one transaction with its row in `mail_sent_marker`, whose key says what
 * was sent: a job run twice, or in two processes, sends nothing twice. People who turned a kind
 * off on their profile (or by its unsubscribe link) are left out.
 */
import { and, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { certificate, enrolment, mailPreference, mailSentMarker, user, type Locale } from '#db/schema.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import { DAY_MS } from '#src/lib/time.ts';
import type { CourseLink } from './messages/kinds.ts';
import { enqueueMail } from './outbox.ts';

/** Days before expiry at which a reminder goes, largest first. */
export const EXPIRY_REMINDER_DAYS = [60, 30, 7] as const;
export const INACTIVITY_NUDGE_AFTER_MS = 14 * DAY_MS;

type Writer = Pick<Orm, 'insert'>;

/** The reminder stage a certificate is in at `now`: the fewest days whose window has opened. */
export function expiryStage(expiresAt: number, now: number): number | null {
  if (now >= expiresAt) return null;
  const open = EXPIRY_REMINDER_DAYS.filter((days) => expiresAt - days * DAY_MS <= now);
  return open.length > 0 ? Math.min(...open) : null;
}

/** Marks `key` sent, unless it already was; true when this call marked it. */
async function markOnce(tx: Writer, key: string, now: number): Promise<boolean> {
  const rows = await tx
    .insert(mailSentMarker)
    .values({ key, sentAt: new Date(now) })
    .onConflictDoNothing()
    .returning({ key: mailSentMarker.key });
  return rows.length === 1;
}

export interface ReminderRun {
  queued: number;
  /** Stopped early (shutdown): the rest waits for the next run. */
  stopped: boolean;
}

/** Queues the expiry reminders that are due. */
export async function enqueueExpiryReminders(
  db: Database,
  now: number,
  options: { shouldStop?: () => boolean; limit?: number } = {},
): Promise<ReminderRun> {
  const horizon = now + Math.max(...EXPIRY_REMINDER_DAYS) * DAY_MS;
  // The stage as expiryStage() decides it, so that certificates already reminded at their
  // current stage are left out here and a large backlog moves on from run to run.
  const stage = sql`CASE ${sql.join(
    [...EXPIRY_REMINDER_DAYS]
      .sort((a, b) => a - b)
      .map((days) => sql`WHEN ${certificate.expiresAt} <= ${now + days * DAY_MS} THEN ${days}`),
    sql` `,
  )} END`;
  // Read in the write queue, beside this job's own transactions (one connection to a file).
  const due = await db.write((orm) =>
    orm
      .select({
        id: certificate.id,
        userId: certificate.userId,
        courseId: certificate.courseId,
        courseTitle: certificate.courseTitle,
        serial: certificate.serial,
        expiresAt: certificate.expiresAt,
        email: user.email,
        fullName: user.fullName,
        locale: user.locale,
      })
      .from(certificate)
      .innerJoin(user, eq(user.id, certificate.userId))
      .leftJoin(mailPreference, eq(mailPreference.userId, user.id))
      .leftJoin(
        mailSentMarker,
        eq(mailSentMarker.key, sql`'expiry-' || ${stage} || ':' || ${certificate.id}`),
      )
      .where(
        and(
          isNull(mailSentMarker.key),
          isNull(certificate.supersededBy),
          isNull(certificate.revokedAt),
          gt(certificate.expiresAt, new Date(now)),
          lte(certificate.expiresAt, new Date(horizon)),
          eq(user.status, 'active'),
          sql`coalesce(${mailPreference.expiryReminders}, 1) = 1`,
        ),
      )
      .limit(options.limit ?? 1000),
  );
  let queued = 0;
  for (const item of due) {
    if (options.shouldStop?.()) return { queued, stopped: true };
    const expiresAt = item.expiresAt?.getTime();
    if (expiresAt === undefined) continue;
    const current = expiryStage(expiresAt, now);
    if (current === null) continue;
    const sent = await db.write((orm) =>
      orm.transaction(async (tx) => {
        if (!(await markOnce(tx, `expiry-${current}:${item.id}`, now))) return false;
        // A reminder that comes late stands for the earlier ones too: they are never sent after it.
        for (const days of EXPIRY_REMINDER_DAYS) {
          if (days > current) await markOnce(tx, `expiry-${days}:${item.id}`, now);
        }
        await enqueueMail(
          tx,
          {
            kind: 'expiry-reminder',
            to: item.email,
            userId: item.userId,
            locale: item.locale,
            params: {
              fullName: item.fullName,
              courseId: item.courseId,
              courseTitle: item.courseTitle,
              serial: item.serial,
              expiresAt,
            },
          },
          now,
        );
        return true;
      }),
    );
    if (sent) queued += 1;
  }
  return { queued, stopped: false };
}

/** Course titles in a language, of published courses only (others are not nudged about). */
export type CourseTitles = (locale: Locale) => Promise<ReadonlyMap<string, string>>;

/** Queues the inactivity nudges that are due. */
export async function enqueueInactivityNudges(
  db: Database,
  now: number,
  titles: CourseTitles,
  options: { shouldStop?: () => boolean; limit?: number } = {},
): Promise<ReminderRun> {
  const quietSince = now - INACTIVITY_NUDGE_AFTER_MS;
  const markerKey = sql<string>`'nudge:' || ${user.id}`;
  const lastSeen = sql<number>`max(coalesce(${user.lastActiveAt}, 0), ${enrolment.enrolledAt})`;
  const rows = await db.write((orm) =>
    orm
      .select({
        userId: user.id,
        email: user.email,
        fullName: user.fullName,
        locale: user.locale,
        courseId: enrolment.courseId,
      })
      .from(enrolment)
      .innerJoin(user, eq(user.id, enrolment.userId))
      .leftJoin(mailPreference, eq(mailPreference.userId, user.id))
      .leftJoin(mailSentMarker, eq(mailSentMarker.key, markerKey))
      .where(
        and(
          eq(enrolment.status, 'active'),
          isNull(enrolment.completedAt),
          eq(user.role, 'learner'),
          eq(user.status, 'active'),
          sql`coalesce(${mailPreference.inactivityNudges}, 1) = 1`,
          sql`${lastSeen} <= ${quietSince}`,
          sql`(${mailSentMarker.sentAt} IS NULL OR ${mailSentMarker.sentAt} <= ${quietSince})`,
        ),
      )
      .orderBy(user.id)
      .limit(options.limit ?? 5000),
  );

  const people = new Map<string, { email: string; fullName: string; locale: Locale; courseIds: string[] }>();
  for (const row of rows) {
    const person = people.get(row.userId) ?? { ...row, courseIds: [] };
    person.courseIds.push(row.courseId);
    people.set(row.userId, person);
  }
  let queued = 0;
  for (const [userId, person] of people) {
    if (options.shouldStop?.()) return { queued, stopped: true };
    const known = await titles(person.locale);
    const courses: CourseLink[] = person.courseIds
      .filter((id) => known.has(id))
      .map((id) => ({ id, title: known.get(id) ?? id }));
    if (courses.length === 0) continue;
    const sent = await db.write((orm) =>
      orm.transaction(async (tx) => {
        // Marked now, or re-marked when the last nudge is 14 days old; otherwise someone else did.
        const marked = await tx
          .insert(mailSentMarker)
          .values({ key: `nudge:${userId}`, sentAt: new Date(now) })
          .onConflictDoUpdate({
            target: mailSentMarker.key,
            set: { sentAt: new Date(now) },
            setWhere: lte(mailSentMarker.sentAt, new Date(quietSince)),
          })
          .returning({ key: mailSentMarker.key });
        if (marked.length === 0) return false;
        await enqueueMail(
          tx,
          {
            kind: 'inactivity-nudge',
            to: person.email,
            userId,
            locale: person.locale,
            params: { fullName: person.fullName, courses },
          },
          now,
        );
        return true;
      }),
    );
    if (sent) queued += 1;
  }
  return { queued, stopped: false };
}
