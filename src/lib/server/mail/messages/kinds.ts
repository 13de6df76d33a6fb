/**
 * Every message the app sends: what each needs, whether it may be turned off, where its one-time
 * link (if any) leads, and how long it is worth sending. The outbox stores `kind` and `params`;
 * the text is made when the message is sent (render.ts), so SITE_URL is the sender's.
 */
import { DAY_MS } from '#src/lib/time.ts';

/**
 * `security`: about the account itself, always sent. `notice`: about a certificate, an assignment
 * decision or a booked session, always sent.
 * `optional`: reminders the person may turn off (each carries a one-click unsubscribe).
 */
export type MailCategory = 'security' | 'notice' | 'optional';

/** The optional messages a person can turn off, one switch each. */
export const optionalTopics = ['reminders', 'nudges'] as const;
export type OptionalTopic = (typeof optionalTopics)[number];

export interface CourseLink {
  id: string;
  title: string;
}

/** A practical session as a message describes it (times in ms; the title as staff typed it). */
export interface WorkshopFacts {
  fullName: string;
  sessionTitle: string;
  courseId: string;
  courseTitle: string;
  startsAt: number;
  endsAt: number;
  mode: 'in-person' | 'online';
  venue: string | null;
}

export interface MailParams {
  'password-reset': { fullName: string; email: string; expiresAt: number };
  'verify-email': {
    fullName: string;
    email: string;
    purpose: 'registration' | 'change';
    expiresAt: number;
  };
  'email-changed': { fullName: string; oldEmail: string; newEmail: string };
  invitation: { employerName: string; inviterName: string | null; expiresAt: number };
  'certificate-issued': {
    holderName: string;
    courseTitle: string;
    serial: string;
    verificationCode: string;
    expiresAt: number | null;
    renewal: boolean;
  };
  'certificate-reissued': {
    holderName: string;
    courseTitle: string;
    serial: string;
    verificationCode: string;
    expiresAt: number | null;
    replacesSerial: string;
    reason: string | null;
  };
  'certificate-revoked': { holderName: string; courseTitle: string; serial: string; reason: string };
  'expiry-reminder': {
    fullName: string;
    courseId: string;
    courseTitle: string;
    serial: string;
    expiresAt: number;
  };
  'inactivity-nudge': { fullName: string; courses: CourseLink[] };
  /** A trainer decided on a learner's submitted assignment (issue 13). */
  'assignment-decided': {
    fullName: string;
    courseId: string;
    moduleId: string;
    courseTitle: string;
    assignmentTitle: string;
    decision: 'pass' | 'return' | 'not-passed';
    score: number;
    maxScore: number;
    /** Submissions the learner may still make (after a return). */
    submissionsLeft: number;
  };
  /** A learner's place on a practical session: booked, waitlisted, given a place, changed, cancelled. */
  'workshop-booking': WorkshopFacts & {
    change: 'booked' | 'waitlisted' | 'promoted' | 'changed' | 'cancelled';
    /** Why staff cancelled the session. */
    reason: string | null;
  };
  /** The day before a booked session. */
  'workshop-reminder': WorkshopFacts;
  /** Employers (issue 15): a manager assigned a course, or reminds about one. */
  'training-reminder': {
    fullName: string;
    courseId: string;
    courseTitle: string;
    employerName: string;
    dueAt: number | null;
    reason: 'assigned' | 'reminder';
  };
}

export type MailKind = keyof MailParams;

interface KindRule {
  category: MailCategory;
  /** The switch that turns it off (optional messages only). */
  topic?: OptionalTopic;
  /** Where the one-time link leads; the message then needs its token to be sent. */
  linkPath?: (token: string) => string;
  /** How long after it was written a message without a link is still worth sending. */
  freshForMs: number;
}

export const mailKinds: Record<MailKind, KindRule> = {
  'password-reset': {
    category: 'security',
    linkPath: (token) => `/reset-password/${token}`,
    freshForMs: DAY_MS,
  },
  'verify-email': {
    category: 'security',
    linkPath: (token) => `/verify-email/${token}`,
    freshForMs: 7 * DAY_MS,
  },
  'email-changed': { category: 'security', freshForMs: 7 * DAY_MS },
  invitation: { category: 'security', linkPath: (token) => `/invitation/${token}`, freshForMs: 14 * DAY_MS },
  'certificate-issued': { category: 'notice', freshForMs: 7 * DAY_MS },
  'certificate-reissued': { category: 'notice', freshForMs: 7 * DAY_MS },
  'certificate-revoked': { category: 'notice', freshForMs: 7 * DAY_MS },
  'expiry-reminder': { category: 'optional', topic: 'reminders', freshForMs: 3 * DAY_MS },
  'inactivity-nudge': { category: 'optional', topic: 'nudges', freshForMs: 3 * DAY_MS },
  'training-reminder': { category: 'optional', topic: 'reminders', freshForMs: 3 * DAY_MS },
  'assignment-decided': { category: 'notice', freshForMs: 7 * DAY_MS },
  // Both also stop at the session's start (their `staleAt`): news of a session is old after it.
  'workshop-booking': { category: 'notice', freshForMs: 7 * DAY_MS },
  'workshop-reminder': { category: 'optional', topic: 'reminders', freshForMs: DAY_MS },
};

export const allMailKinds = Object.keys(mailKinds) as MailKind[];

export function isMailKind(value: unknown): value is MailKind {
  return typeof value === 'string' && Object.hasOwn(mailKinds, value);
}
