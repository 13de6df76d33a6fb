/** Which optional messages a person gets. No row means everything on; security mail is never optional. */
import { eq } from 'drizzle-orm';
import { mailPreference } from '#db/schema.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import type { OptionalTopic } from './messages/kinds.ts';

export interface MailPreferences {
  /** Reminders 60, 30 and 7 days before a certificate expires. */
  expiryReminders: boolean;
  /** A nudge after 14 days without study in an unfinished course. */
  inactivityNudges: boolean;
}

const defaults: MailPreferences = { expiryReminders: true, inactivityNudges: true };

const topicColumn = { reminders: 'expiryReminders', nudges: 'inactivityNudges' } as const satisfies Record<
  OptionalTopic,
  keyof MailPreferences
>;

export async function getMailPreferences(orm: Pick<Orm, 'select'>, userId: string): Promise<MailPreferences> {
  const [row] = await orm
    .select({
      expiryReminders: mailPreference.expiryReminders,
      inactivityNudges: mailPreference.inactivityNudges,
    })
    .from(mailPreference)
    .where(eq(mailPreference.userId, userId));
  return row ?? defaults;
}

/** Saves both switches. */
export async function saveMailPreferences(
  db: Database,
  userId: string,
  preferences: MailPreferences,
  now: number,
): Promise<void> {
  const values = { ...preferences, updatedAt: new Date(now) };
  await db.write((orm) =>
    orm
      .insert(mailPreference)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: mailPreference.userId, set: values }),
  );
}

/** Turns one kind of optional message off (an unsubscribe link); the other switch is kept. */
export async function turnOffTopic(
  orm: Pick<Orm, 'insert'>,
  userId: string,
  topic: OptionalTopic,
  now: number,
): Promise<void> {
  const column = topicColumn[topic];
  await orm
    .insert(mailPreference)
    .values({ userId, ...defaults, [column]: false, updatedAt: new Date(now) })
    .onConflictDoUpdate({
      target: mailPreference.userId,
      set: { [column]: false, updatedAt: new Date(now) },
    });
}
