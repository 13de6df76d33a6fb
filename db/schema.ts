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
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisation.id),
    locale: text('locale', { enum: locales }).notNull().default('en'),
    status: text('status', { enum: ['active', 'deactivated'] })
      .notNull()
      .default('active'),
    /** Quiz time accommodation: null = standard time, 0 = no limit, otherwise a multiplier. */
    timeMultiplier: real('time_multiplier'),
    createdAt: createdAt(),
    lastActiveAt: integer('last_active_at', { mode: 'timestamp_ms' }),
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
    /** Set once when the learner first meets the completion rules; never cleared by content changes. */
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('enrolment_user_course_idx').on(t.userId, t.courseId),
    index('enrolment_course_idx').on(t.courseId, t.status),
    index('enrolment_completed_idx').on(t.completedAt),
  ],
);

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
