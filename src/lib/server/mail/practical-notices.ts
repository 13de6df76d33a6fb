/**
 * Messages about the practical half of the programme, written in the same transaction as their
 * cause: a trainer's decision on an assignment (assignment/marking.ts), a place booked, given from
 * the waitlist, changed or cancelled (workshop/booking.ts, workshop/sessions.ts), and, from a job,
 * the reminder the day before a booked session. Deactivated accounts get none; the reminder is
 * optional ("reminders" on the profile, and its one-click unsubscribe).
 */
import { and, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import {
  mailPreference,
  mailSentMarker,
  user,
  workshopBooking,
  workshopSession,
  type Locale,
} from '#db/schema.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import { DAY_MS } from '#src/lib/time.ts';
import type { MailParams, WorkshopFacts } from './messages/kinds.ts';
import { enqueueMail } from './outbox.ts';
import type { CourseTitles, ReminderRun } from './reminders.ts';

type Writer = Pick<Orm, 'select' | 'insert'>;

interface Recipient {
  id: string;
  email: string;
  fullName: string;
  locale: Locale;
}

async function activeRecipients(tx: Writer, userIds: readonly string[]): Promise<Recipient[]> {
  if (userIds.length === 0) return [];
  return tx
    .select({ id: user.id, email: user.email, fullName: user.fullName, locale: user.locale })
    .from(user)
    .where(and(inArray(user.id, [...userIds]), eq(user.status, 'active')));
}

const titleIn = async (titles: CourseTitles, locale: Locale, courseId: string) =>
  (await titles(locale)).get(courseId) ?? courseId;

export interface AssignmentDecisionFacts {
  userId: string;
  courseId: string;
  moduleId: string;
  /** The assignment's title in each language (English where it is not translated). */
  assignmentTitles: Readonly<Record<Locale, string>>;
  decision: MailParams['assignment-decided']['decision'];
  score: number;
  maxScore: number;
  submissionsLeft: number;
}

/** Tells the learner a trainer passed, returned or did not pass their submission. */
export async function enqueueAssignmentDecidedMail(
  tx: Writer,
  facts: AssignmentDecisionFacts,
  titles: CourseTitles,
  now: number,
): Promise<void> {
  const [to] = await activeRecipients(tx, [facts.userId]);
  if (!to) return;
  await enqueueMail(
    tx,
    {
      kind: 'assignment-decided',
      to: to.email,
      userId: to.id,
      locale: to.locale,
      params: {
        fullName: to.fullName,
        courseId: facts.courseId,
        moduleId: facts.moduleId,
        courseTitle: await titleIn(titles, to.locale, facts.courseId),
        assignmentTitle: facts.assignmentTitles[to.locale],
        decision: facts.decision,
        score: facts.score,
        maxScore: facts.maxScore,
        submissionsLeft: Math.max(0, facts.submissionsLeft),
      },
    },
    now,
  );
}

/** A session as the booking messages describe it. */
export interface SessionFacts {
  title: string;
  courseId: string;
  startsAt: number;
  endsAt: number;
  mode: WorkshopFacts['mode'];
  venue: string | null;
}

/**
 * Tells each of `userIds` what happened to their place on a session. Not sent after the session
 * has started: by then it is old news.
 */
export async function enqueueWorkshopBookingMail(
  tx: Writer,
  userIds: readonly string[],
  session: SessionFacts,
  change: MailParams['workshop-booking']['change'],
  reason: string | null,
  titles: CourseTitles,
  now: number,
): Promise<void> {
  if (now >= session.startsAt) return;
  for (const to of await activeRecipients(tx, userIds)) {
    await enqueueMail(
      tx,
      {
        kind: 'workshop-booking',
        to: to.email,
        userId: to.id,
        locale: to.locale,
        params: {
          ...workshopFacts(to, session, await titleIn(titles, to.locale, session.courseId)),
          change,
          reason,
        },
        staleAt: session.startsAt,
      },
      now,
    );
  }
}

function workshopFacts(to: Recipient, session: SessionFacts, courseTitle: string): WorkshopFacts {
  return {
    fullName: to.fullName,
    sessionTitle: session.title,
    courseId: session.courseId,
    courseTitle,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    mode: session.mode,
    venue: session.venue,
  };
}

/** How long before a session its reminder goes. */
export const WORKSHOP_REMINDER_BEFORE_MS = DAY_MS;

/**
 * Queues the reminder for every place on a session that starts within the next day. Each goes
 * once per booking and start time (`workshop-24h:<booking>:<start>`, so a session moved to
 * another day is reminded of again). People who booked within the last day before the start
 * already have the booking message with the time, and get no reminder on top of it.
 */
export async function enqueueWorkshopReminders(
  db: Database,
  now: number,
  titles: CourseTitles,
  options: { shouldStop?: () => boolean; limit?: number } = {},
): Promise<ReminderRun> {
  const horizon = now + WORKSHOP_REMINDER_BEFORE_MS;
  const markerKey = sql<string>`'workshop-24h:' || ${workshopBooking.id} || ':' || ${workshopSession.startsAt}`;
  const due = await db.write((orm) =>
    orm
      .select({
        bookingId: workshopBooking.id,
        id: user.id,
        email: user.email,
        fullName: user.fullName,
        locale: user.locale,
        title: workshopSession.title,
        courseId: workshopSession.courseId,
        startsAt: workshopSession.startsAt,
        endsAt: workshopSession.endsAt,
        mode: workshopSession.mode,
        venue: workshopSession.venue,
      })
      .from(workshopBooking)
      .innerJoin(workshopSession, eq(workshopSession.id, workshopBooking.sessionId))
      .innerJoin(user, eq(user.id, workshopBooking.userId))
      .leftJoin(mailPreference, eq(mailPreference.userId, user.id))
      .leftJoin(mailSentMarker, eq(mailSentMarker.key, markerKey))
      .where(
        and(
          isNull(mailSentMarker.key),
          eq(workshopBooking.status, 'booked'),
          isNull(workshopSession.cancelledAt),
          gt(workshopSession.startsAt, new Date(now)),
          lte(workshopSession.startsAt, new Date(horizon)),
          sql`coalesce(${workshopBooking.promotedAt}, ${workshopBooking.queuedAt}) <= ${workshopSession.startsAt} - ${WORKSHOP_REMINDER_BEFORE_MS}`,
          eq(user.status, 'active'),
          sql`coalesce(${mailPreference.expiryReminders}, 1) = 1`,
        ),
      )
      .limit(options.limit ?? 1000),
  );
  let queued = 0;
  for (const row of due) {
    if (options.shouldStop?.()) return { queued, stopped: true };
    const session: SessionFacts = {
      title: row.title,
      courseId: row.courseId,
      startsAt: row.startsAt.getTime(),
      endsAt: row.endsAt.getTime(),
      mode: row.mode,
      venue: row.venue,
    };
    const courseTitle = await titleIn(titles, row.locale, row.courseId);
    const sent = await db.write((orm) =>
      orm.transaction(async (tx) => {
        const marked = await tx
          .insert(mailSentMarker)
          .values({ key: `workshop-24h:${row.bookingId}:${session.startsAt}`, sentAt: new Date(now) })
          .onConflictDoNothing()
          .returning({ key: mailSentMarker.key });
        if (marked.length === 0) return false;
        await enqueueMail(
          tx,
          {
            kind: 'workshop-reminder',
            to: row.email,
            userId: row.id,
            locale: row.locale,
            params: workshopFacts(row, session, courseTitle),
            staleAt: session.startsAt,
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
