import { sql } from 'drizzle-orm';
import {
  blob,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { roles } from '../src/lib/roles.ts';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const locales = ['en', 'ms'] as const;
export type Locale = (typeof locales)[number];

/** An employer whose staff train on the platform. */
export const organisation = sqliteTable(
  'organisation',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Lower-cased, whitespace-collapsed name: one employer per spelling. */
    nameKey: text('name_key').notNull(),
    socsoCode: text('socso_code'),
    /** Set when an admin merged this employer into another; merged employers are hidden. */
    mergedInto: text('merged_into'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('organisation_name_key_idx').on(t.nameKey)],
);

export const user = sqliteTable(
  'user',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    fullName: text('full_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: roles }).notNull().default('learner'),
    /** The employer; null for an independent learner (issue 15: registered without one). */
    organisationId: text('organisation_id').references(() => organisation.id),
    locale: text('locale', { enum: locales }).notNull().default('en'),
    status: text('status', { enum: ['active', 'deactivated'] })
      .notNull()
      .default('active'),
    /** Quiz time accommodation: null = standard time, 0 = no limit, otherwise a multiplier. */
    timeMultiplier: real('time_multiplier'),
    createdAt: createdAt(),
    lastActiveAt: integer('last_active_at', { mode: 'timestamp_ms' }),
    /**
     * Email (issue 14): when the person proved they read `email` (a verification link, or an
     * invitation sent to it); null until then. Certificates go only to verified addresses.
     */
    emailVerifiedAt: integer('email_verified_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('user_email_idx').on(t.email),
    index('user_organisation_idx').on(t.organisationId),
    index('user_role_idx').on(t.role),
  ],
);

export const session = sqliteTable(
  'session',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastVerifiedAt: integer('last_verified_at', { mode: 'timestamp_ms' }).notNull(),
    userAgent: text('user_agent'),
    /**
     * Security hardening (issue 18): when the person last proved who they are in this session
     * (sign-in or re-authentication); null on sessions from before it was kept.
     */
    authenticatedAt: integer('authenticated_at', { mode: 'timestamp_ms' }),
    /** Password given, second factor (TOTP or recovery code) still owed: signs no one in yet. */
    mfaPending: integer('mfa_pending', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/** Failed sign-in / registration counters per account and per client address. */
export const loginThrottle = sqliteTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: integer('window_started_at', { mode: 'timestamp_ms' }).notNull(),
  blockedUntil: integer('blocked_until', { mode: 'timestamp_ms' }),
});

export const enrolment = sqliteTable(
  'enrolment',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    courseId: text('course_id').notNull(),
    status: text('status', { enum: ['active', 'withdrawn'] })
      .notNull()
      .default('active'),
    enrolledAt: integer('enrolled_at', { mode: 'timestamp_ms' }).notNull(),
    enrolledBy: text('enrolled_by'),
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
    /** Employers (issue 15): finish by this instant (end of the chosen day, Malaysia time); null = no due date. */
    dueAt: integer('due_at', { mode: 'timestamp_ms' }),
    /** Employers (issue 15): when a manager last sent a reminder for this enrolment. */
    remindedAt: integer('reminded_at', { mode: 'timestamp_ms' }),
    /** Set once when the learner first meets the completion rules; never cleared by content changes. */
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
    /**
     * % complete by the learning path's rule, kept for reports over every learner: written in the
     * same transaction as the progress that changes it (learning/progress-percent.ts), rebuilt by
     * `npm run progress:rebuild` after content changes.
     */
    progressPercent: integer('progress_percent').notNull().default(0),
  },
  (t) => [
    uniqueIndex('enrolment_user_course_idx').on(t.userId, t.courseId),
    index('enrolment_course_idx').on(t.courseId, t.status),
    index('enrolment_completed_idx').on(t.completedAt),
  ],
);

/**
 * One row per learner and lesson they opened. A WITHOUT ROWID table since migration 0009 (stored
 * in key order, so a learner's rows sit together for the learner-state read); drizzle cannot
 * declare that, so a migration that rebuilds this table must write WITHOUT ROWID itself.
 */
export const lessonProgress = sqliteTable(
  'lesson_progress',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    /** Content entry id: `<module-id>/<lesson-slug>`. */
    lessonId: text('lesson_id').notNull(),
    firstViewedAt: integer('first_viewed_at', { mode: 'timestamp_ms' }).notNull(),
    lastViewedAt: integer('last_viewed_at', { mode: 'timestamp_ms' }).notNull(),
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.lessonId] }),
    index('lesson_progress_lesson_idx').on(t.lessonId),
  ],
);

/** A module a learner has completed: kept so later content changes never re-lock it. */
export const moduleCompletion = sqliteTable(
  'module_completion',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.moduleId] })],
);

export const quizAttempt = sqliteTable(
  'quiz_attempt',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    quizId: text('quiz_id').notNull(),
    attemptNumber: integer('attempt_number').notNull(),
    /** Hash of the quiz content the attempt was drawn from. */
    contentVersion: text('content_version').notNull(),
    /** Frozen draw: question ids in order with their option order (JSON). */
    layout: text('layout', { mode: 'json' }).notNull(),
    /** Saved answers keyed by question id (JSON). */
    answers: text('answers', { mode: 'json' }).notNull().default('{}'),
    status: text('status', { enum: ['in-progress', 'submitted'] })
      .notNull()
      .default('in-progress'),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    deadlineAt: integer('deadline_at', { mode: 'timestamp_ms' }),
    savedAt: integer('saved_at', { mode: 'timestamp_ms' }),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    score: real('score'),
    maxScore: real('max_score'),
    percent: real('percent'),
    passed: integer('passed', { mode: 'boolean' }),
    /** Per-question points awarded (JSON), filled at grading. */
    results: text('results', { mode: 'json' }),
  },
  (t) => [
    uniqueIndex('quiz_attempt_user_quiz_number_idx').on(t.userId, t.quizId, t.attemptNumber),
    index('quiz_attempt_quiz_idx').on(t.quizId, t.status),
    // Completion rules ask "which quizzes has this learner passed?" on every learning page and
    // report row: a covering partial index answers without reading the attempts' JSON.
    index('quiz_attempt_passed_idx')
      .on(t.userId, t.quizId)
      .where(sql`status = 'submitted' AND passed = 1`),
  ],
);

export const certificate = sqliteTable(
  'certificate',
  {
    /** Unguessable id used in download URLs. */
    id: text('id').primaryKey(),
    serial: text('serial').notNull(),
    verificationCode: text('verification_code').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id),
    courseId: text('course_id').notNull(),
    holderName: text('holder_name').notNull(),
    courseTitle: text('course_title').notNull(),
    /** The course's certificate wording at issue (null on rows issued before it was kept). */
    certificateTitle: text('certificate_title'),
    signatoryName: text('signatory_name'),
    signatoryTitle: text('signatory_title'),
    cpdHours: real('cpd_hours').notNull(),
    /**
     * Content languages (issue 16): the language the certificate is issued in. Its course title
     * and wording are kept in that language, and the PDF and verification page print in it.
     */
    language: text('language', { enum: locales }).notNull().default('en'),
    issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
    issuedBy: text('issued_by'),
    /** Why an admin issued outside the completion rules (exception path). */
    exceptionReason: text('exception_reason'),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    revokedReason: text('revoked_reason'),
    supersededBy: text('superseded_by'),
  },
  (t) => [
    uniqueIndex('certificate_serial_idx').on(t.serial),
    uniqueIndex('certificate_code_idx').on(t.verificationCode),
    index('certificate_user_idx').on(t.userId),
    index('certificate_course_idx').on(t.courseId),
    index('certificate_expires_idx').on(t.expiresAt),
  ],
);

/** Named counters (certificate serials per year). */
export const counter = sqliteTable('counter', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});

export const auditEvent = sqliteTable(
  'audit_event',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    /** Before / after / reason (JSON). */
    data: text('data', { mode: 'json' }),
  },
  (t) => [
    index('audit_event_at_idx').on(t.at),
    index('audit_event_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_event_actor_idx').on(t.actorId),
  ],
);

export const passwordReset = sqliteTable(
  'password_reset',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    tokenHash: blob('token_hash', { mode: 'buffer' }).notNull(),
    createdBy: text('created_by'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('password_reset_user_idx').on(t.userId)],
);

// Scheduled jobs and process heartbeats (issue 21, src/lib/server/jobs/).

/**
 * One row per named job: a process runs the job only while it holds the lease (`holder`, until
 * `expiresAt`), so one process of N runs it. The last run's times make "due" shared by all.
 */
export const jobLease = sqliteTable('job_lease', {
  name: text('name').primaryKey(),
  /** The process holding the lease; '' when released. */
  holder: text('holder').notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  lastStartedAt: integer('last_started_at', { mode: 'timestamp_ms' }),
  lastFinishedAt: integer('last_finished_at', { mode: 'timestamp_ms' }),
  /** The last run's error message, null when it succeeded. */
  lastError: text('last_error'),
});

/** A running app process, refreshed every few seconds: restore refuses while one is fresh. */
export const appProcess = sqliteTable('app_process', {
  id: text('id').primaryKey(),
  host: text('host').notNull(),
  pid: integer('pid').notNull(),
  startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
  seenAt: integer('seen_at', { mode: 'timestamp_ms' }).notNull(),
});

// Security hardening (issue 18, src/lib/server/account/): TOTP MFA, recovery codes, known devices.

/**
 * A user's TOTP key (RFC 6238, 30 s, 6 digits). `confirmedAt` null while enrolment awaits its
 * first code; `lastUsedStep` is the last accepted time step, so a code works only once.
 */
export const mfaCredential = sqliteTable('mfa_credential', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  secret: blob('secret', { mode: 'buffer' }).notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
  lastUsedStep: integer('last_used_step'),
});

/** One-time recovery codes for MFA: only SHA-256 of each code is kept. */
export const mfaRecoveryCode = sqliteTable(
  'mfa_recovery_code',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    codeHash: blob('code_hash', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('mfa_recovery_code_user_idx').on(t.userId)],
);

/**
 * A browser a user has fully signed in from (a long-lived `<id>.<secret>` cookie, SHA-256 of
 * the secret kept): its right password gets through the per-account and per-address throttles,
 * with a throttle of its own.
 */
export const knownDevice = sqliteTable(
  'known_device',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('known_device_user_idx').on(t.userId)],
);

// Email (issue 14, src/lib/server/mail/): outbox, verification, invitations, preferences.

/**
 * A message to send, written in the same transaction as the event that causes it, then claimed
 * and sent by a worker (`claimToken` / `claimedAt`; a claim older than the claim timeout is taken
 * over, so a crash between commit and send loses nothing).
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: text('id').primaryKey(),
    /** Which message (a template name, see src/lib/server/mail/messages/). */
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
    locale: text('locale', { enum: locales }).notNull(),
    /** What the template needs (JSON); never a secret. */
    params: text('params', { mode: 'json' }).notNull(),
    /** The one-time link token the message carries; cleared once it is sent or given up. */
    secret: text('secret'),
    status: text('status', { enum: ['queued', 'sending', 'sent', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    /** Not sent after this (a link that has expired, a reminder that is stale). */
    sendBefore: integer('send_before', { mode: 'timestamp_ms' }).notNull(),
    claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }),
    claimToken: text('claim_token'),
    lastError: text('last_error'),
    /** The subject as sent (filled when sending). */
    subject: text('subject'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    failedAt: integer('failed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('mail_outbox_created_idx').on(t.createdAt),
    index('mail_outbox_user_idx').on(t.userId),
  ],
);

/** Reminders and nudges already sent (`expiry-30:<certificate>`, `nudge:<user>`): a job run twice sends nothing twice. */
export const mailSentMarker = sqliteTable('mail_sent_marker', {
  key: text('key').primaryKey(),
  sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Optional messages a person turned off; no row means all on. Security mail is never optional. */
export const mailPreference = sqliteTable('mail_preference', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  expiryReminders: integer('expiry_reminders', { mode: 'boolean' }).notNull().default(true),
  inactivityNudges: integer('inactivity_nudges', { mode: 'boolean' }).notNull().default(true),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** One-time links that prove a person reads an address: at registration, and for a new address. */
export const emailVerification = sqliteTable(
  'email_verification',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    /** The address being proved: the account's own, or the one it is changing to. */
    email: text('email').notNull(),
    purpose: text('purpose', { enum: ['registration', 'change'] }).notNull(),
    tokenHash: blob('token_hash', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('email_verification_user_idx').on(t.userId)],
);

/** An invitation to register with a fixed address under a fixed employer. */
export const invitation = sqliteTable(
  'invitation',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisation.id),
    locale: text('locale', { enum: locales }).notNull().default('en'),
    tokenHash: blob('token_hash', { mode: 'buffer' }).notNull(),
    invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
    acceptedBy: text('accepted_by').references(() => user.id, { onDelete: 'set null' }),
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
    /** Employers (issue 15): the name the inviter gave (a CSV row), offered at registration. */
    fullName: text('full_name'),
    /** Employers (issue 15): a course to assign on joining, with its due date. */
    courseId: text('course_id'),
    dueAt: integer('due_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('invitation_email_idx').on(t.email),
    index('invitation_organisation_idx').on(t.organisationId),
    index('invitation_created_idx').on(t.createdAt),
  ],
);

/** The key that signs unsubscribe links: made once, shared by every process. */
export const mailSigningKey = sqliteTable('mail_signing_key', {
  id: integer('id').primaryKey(),
  key: blob('key', { mode: 'buffer' }).notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Development without SMTP_URL: what the app would have sent, read at /dev/outbox. */
export const devMailbox = sqliteTable(
  'dev_mailbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    outboxId: text('outbox_id').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    /** Extra headers as sent (JSON): List-Unsubscribe and the like. */
    headers: text('headers', { mode: 'json' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('dev_mailbox_created_idx').on(t.createdAt)],
);

// The practical half: assessed casework and workshops (issue 13, src/lib/server/assignment/ and
// src/lib/server/workshop/).

export const assignmentStatuses = ['draft', 'submitted', 'returned', 'passed', 'not-passed'] as const;

/**
 * A learner's work on one assignment (`src/content/modules/<module>/assignment.yaml`, id = the
 * module id): the current draft, its state and who is marking it. One row per learner and
 * assignment; each submission is frozen in assignment_attempt.
 */
export const assignmentSubmission = sqliteTable(
  'assignment_submission',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    assignmentId: text('assignment_id').notNull(),
    /** The course the learner works in: the marking queue's course filter and links. */
    courseId: text('course_id').notNull(),
    status: text('status', { enum: assignmentStatuses }).notNull().default('draft'),
    /** The draft's text answers by part id (JSON). */
    answers: text('answers', { mode: 'json' }).notNull().default('{}'),
    /** The draft's attached file ids by part id (JSON). */
    files: text('files', { mode: 'json' }).notNull().default('{}'),
    /** Submissions made so far. */
    attempts: integer('attempts').notNull().default(0),
    /** Resubmissions staff allowed beyond the assignment's maximum. */
    extraAttempts: integer('extra_attempts').notNull().default(0),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    savedAt: integer('saved_at', { mode: 'timestamp_ms' }).notNull(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    /** The trainer marking it now, until `claimedUntil`. */
    claimedBy: text('claimed_by').references(() => user.id, { onDelete: 'set null' }),
    claimedUntil: integer('claimed_until', { mode: 'timestamp_ms' }),
    /** Levels and comments saved by the marker before deciding (JSON). */
    markDraft: text('mark_draft', { mode: 'json' }),
  },
  (t) => [
    uniqueIndex('assignment_submission_user_idx').on(t.userId, t.assignmentId),
    index('assignment_submission_queue_idx').on(t.status, t.submittedAt),
  ],
);

/** One submission as the learner sent it, and the trainer's decision on it. */
export const assignmentAttempt = sqliteTable(
  'assignment_attempt',
  {
    id: text('id').primaryKey(),
    submissionId: text('submission_id')
      .notNull()
      .references(() => assignmentSubmission.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    answers: text('answers', { mode: 'json' }).notNull(),
    files: text('files', { mode: 'json' }).notNull(),
    /** Hash of the assignment file the work was submitted against. */
    contentVersion: text('content_version').notNull(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
    decision: text('decision', { enum: ['pass', 'return', 'not-passed'] }),
    markerId: text('marker_id').references(() => user.id, { onDelete: 'set null' }),
    /** Level and comment per criterion id (JSON). */
    marks: text('marks', { mode: 'json' }),
    overallComment: text('overall_comment'),
    score: real('score'),
    maxScore: real('max_score'),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('assignment_attempt_number_idx').on(t.submissionId, t.number)],
);

/** A PDF a learner attached, kept in the database so that every app process can serve it. */
export const assignmentFile = sqliteTable(
  'assignment_file',
  {
    id: text('id').primaryKey(),
    submissionId: text('submission_id')
      .notNull()
      .references(() => assignmentSubmission.id, { onDelete: 'cascade' }),
    partId: text('part_id').notNull(),
    /** The name the learner's file had, cleaned for display and downloads. */
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
    uploadedAt: integer('uploaded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('assignment_file_submission_idx').on(t.submissionId)],
);

/** A practical session (workshop) staff scheduled for a course. */
export const workshopSession = sqliteTable(
  'workshop_session',
  {
    id: text('id').primaryKey(),
    courseId: text('course_id').notNull(),
    title: text('title').notNull(),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
    mode: text('mode', { enum: ['in-person', 'online'] }).notNull(),
    /** In person: where. */
    venue: text('venue'),
    /** Online: the meeting link, shown only to booked learners and staff. */
    meetingUrl: text('meeting_url'),
    capacity: integer('capacity').notNull(),
    notes: text('notes'),
    /** The code learners enter to check themselves in during the session. */
    checkInCode: text('check_in_code'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('workshop_session_course_idx').on(t.courseId, t.startsAt),
    index('workshop_session_starts_idx').on(t.startsAt),
  ],
);

/** A learner's place on a session: booked, on the waitlist (in `queuedAt` order) or cancelled. */
export const workshopBooking = sqliteTable(
  'workshop_booking',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => workshopSession.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['booked', 'waitlisted', 'cancelled'] }).notNull(),
    /** When the learner last asked for a place: the waitlist's order. */
    queuedAt: integer('queued_at', { mode: 'timestamp_ms' }).notNull(),
    promotedAt: integer('promoted_at', { mode: 'timestamp_ms' }),
    cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
    attendance: text('attendance', { enum: ['present', 'late', 'excused', 'absent'] }),
    attendanceAt: integer('attendance_at', { mode: 'timestamp_ms' }),
    /** Who marked it; null when the learner checked in with the code. */
    attendanceBy: text('attendance_by').references(() => user.id, { onDelete: 'set null' }),
    /** Wrong check-in codes entered: check-in stops after a few. */
    checkInFailures: integer('check_in_failures').notNull().default(0),
  },
  (t) => [
    uniqueIndex('workshop_booking_session_user_idx').on(t.sessionId, t.userId),
    index('workshop_booking_user_idx').on(t.userId),
    index('workshop_booking_queue_idx').on(t.sessionId, t.status, t.queuedAt),
    // Completion asks "how many sessions has this learner attended?" on every learning page.
    index('workshop_booking_attended_idx')
      .on(t.userId, t.sessionId)
      .where(sql`attendance IN ('present', 'late')`),
  ],
);

// Employers as customers (issue 15, src/lib/server/employer/): managers, trainer scope, join codes
// and verified email domains.

/** The employers an employer manager acts for, set by an admin (a manager may have several). */
export const managerEmployer = sqliteTable(
  'manager_employer',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    assignedBy: text('assigned_by').references(() => user.id, { onDelete: 'set null' }),
    assignedAt: integer('assigned_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organisationId] }),
    index('manager_employer_organisation_idx').on(t.organisationId),
  ],
);

/**
 * Whether a trainer sees every employer's learners (`allEmployers`) or only those of the
 * employers in trainer_employer. No row: every employer (as before trainers were scoped).
 */
export const trainerScope = sqliteTable('trainer_scope', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  allEmployers: integer('all_employers', { mode: 'boolean' }).notNull(),
  setBy: text('set_by').references(() => user.id, { onDelete: 'set null' }),
  setAt: integer('set_at', { mode: 'timestamp_ms' }).notNull(),
});

/** The employers a trainer limited by trainer_scope works with. */
export const trainerEmployer = sqliteTable(
  'trainer_employer',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    assignedBy: text('assigned_by').references(() => user.id, { onDelete: 'set null' }),
    assignedAt: integer('assigned_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organisationId] }),
    index('trainer_employer_organisation_idx').on(t.organisationId),
  ],
);

/** An employer's join code: typed at registration, it puts the new learner under the employer. */
export const employerJoinCode = sqliteTable(
  'employer_join_code',
  {
    organisationId: text('organisation_id')
      .primaryKey()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    /** Upper-case letters and digits without look-alikes, stored without the hyphen. */
    code: text('code').notNull(),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('employer_join_code_code_idx').on(t.code)],
);

/**
 * An email domain an admin verified as an employer's own: a learner who proves an address there
 * joins that employer. One employer per domain.
 */
export const employerDomain = sqliteTable(
  'employer_domain',
  {
    /** Lower-case, without `@` (`cahaya.com.my`). */
    domain: text('domain').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    addedBy: text('added_by').references(() => user.id, { onDelete: 'set null' }),
    addedAt: integer('added_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('employer_domain_organisation_idx').on(t.organisationId)],
);
