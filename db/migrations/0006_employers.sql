CREATE TABLE `assignment_attempt` (
	`id` text PRIMARY KEY NOT NULL,
	`submission_id` text NOT NULL,
	`number` integer NOT NULL,
	`answers` text NOT NULL,
	`files` text NOT NULL,
	`content_version` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`decision` text,
	`marker_id` text,
	`marks` text,
	`overall_comment` text,
	`score` real,
	`max_score` real,
	`decided_at` integer,
	FOREIGN KEY (`submission_id`) REFERENCES `assignment_submission`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`marker_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignment_attempt_number_idx` ON `assignment_attempt` (`submission_id`,`number`);--> statement-breakpoint
CREATE TABLE `assignment_file` (
	`id` text PRIMARY KEY NOT NULL,
	`submission_id` text NOT NULL,
	`part_id` text NOT NULL,
	`file_name` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`content` blob NOT NULL,
	`uploaded_at` integer NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `assignment_submission`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `assignment_file_submission_idx` ON `assignment_file` (`submission_id`);--> statement-breakpoint
CREATE TABLE `assignment_submission` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`assignment_id` text NOT NULL,
	`course_id` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`files` text DEFAULT '{}' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`extra_attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`saved_at` integer NOT NULL,
	`submitted_at` integer,
	`decided_at` integer,
	`claimed_by` text,
	`claimed_until` integer,
	`mark_draft` text,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`claimed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignment_submission_user_idx` ON `assignment_submission` (`user_id`,`assignment_id`);--> statement-breakpoint
CREATE INDEX `assignment_submission_queue_idx` ON `assignment_submission` (`status`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `employer_domain` (
	`domain` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`added_by` text,
	`added_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`added_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `employer_domain_organisation_idx` ON `employer_domain` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `employer_join_code` (
	`organisation_id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `employer_join_code_code_idx` ON `employer_join_code` (`code`);--> statement-breakpoint
CREATE TABLE `manager_employer` (
	`user_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`assigned_by` text,
	`assigned_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `organisation_id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assigned_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `manager_employer_organisation_idx` ON `manager_employer` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `trainer_employer` (
	`user_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`assigned_by` text,
	`assigned_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `organisation_id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assigned_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `trainer_employer_organisation_idx` ON `trainer_employer` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `trainer_scope` (
	`user_id` text PRIMARY KEY NOT NULL,
	`all_employers` integer NOT NULL,
	`set_by` text,
	`set_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`set_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `workshop_booking` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`user_id` text NOT NULL,
	`status` text NOT NULL,
	`queued_at` integer NOT NULL,
	`promoted_at` integer,
	`cancelled_at` integer,
	`attendance` text,
	`attendance_at` integer,
	`attendance_by` text,
	`check_in_failures` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `workshop_session`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attendance_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workshop_booking_session_user_idx` ON `workshop_booking` (`session_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `workshop_booking_user_idx` ON `workshop_booking` (`user_id`);--> statement-breakpoint
CREATE INDEX `workshop_booking_queue_idx` ON `workshop_booking` (`session_id`,`status`,`queued_at`);--> statement-breakpoint
CREATE INDEX `workshop_booking_attended_idx` ON `workshop_booking` (`user_id`,`session_id`) WHERE attendance IN ('present', 'late');--> statement-breakpoint
CREATE TABLE `workshop_session` (
	`id` text PRIMARY KEY NOT NULL,
	`course_id` text NOT NULL,
	`title` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`mode` text NOT NULL,
	`venue` text,
	`meeting_url` text,
	`capacity` integer NOT NULL,
	`notes` text,
	`check_in_code` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`cancelled_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `workshop_session_course_idx` ON `workshop_session` (`course_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `workshop_session_starts_idx` ON `workshop_session` (`starts_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_user` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`full_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text DEFAULT 'learner' NOT NULL,
	`organisation_id` text,
	`locale` text DEFAULT 'en' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`time_multiplier` real,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`last_active_at` integer,
	`email_verified_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_user`("id", "email", "full_name", "password_hash", "role", "organisation_id", "locale", "status", "time_multiplier", "created_at", "last_active_at", "email_verified_at") SELECT "id", "email", "full_name", "password_hash", "role", "organisation_id", "locale", "status", "time_multiplier", "created_at", "last_active_at", "email_verified_at" FROM `user`;--> statement-breakpoint
DROP TABLE `user`;--> statement-breakpoint
ALTER TABLE `__new_user` RENAME TO `user`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_idx` ON `user` (`email`);--> statement-breakpoint
CREATE INDEX `user_organisation_idx` ON `user` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `user_role_idx` ON `user` (`role`);--> statement-breakpoint
ALTER TABLE `enrolment` ADD `due_at` integer;--> statement-breakpoint
ALTER TABLE `enrolment` ADD `reminded_at` integer;--> statement-breakpoint
ALTER TABLE `invitation` ADD `full_name` text;--> statement-breakpoint
ALTER TABLE `invitation` ADD `course_id` text;--> statement-breakpoint
ALTER TABLE `invitation` ADD `due_at` integer;
--> statement-breakpoint
-- Employer names are one employer after normalising "Sdn. Bhd.", "Sdn Bhd", "Sendirian Berhad",
-- "Berhad" and "Bhd." (organisationNameKey in src/lib/account/rules.ts). Existing keys get the new
-- spelling unless two employers would then share one: those keep their keys until an admin merges
-- them (Employers > the employer > Merge).
WITH rekeyed AS MATERIALIZED (
  SELECT id, name_key AS old_key, trim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(' ' || name_key || ' ', ' sendirian berhad ', ' sdn bhd '), ' sdn. bhd. ', ' sdn bhd '), ' sdn.bhd. ', ' sdn bhd '), ' sdn. bhd ', ' sdn bhd '), ' sdn.bhd ', ' sdn bhd '), ' sdn bhd. ', ' sdn bhd '), ' sdnbhd. ', ' sdn bhd '), ' sdnbhd ', ' sdn bhd '), ' berhad ', ' bhd '), ' bhd. ', ' bhd ')) AS new_key FROM organisation
)
UPDATE organisation SET name_key = r.new_key
FROM rekeyed r
WHERE organisation.id = r.id AND r.new_key <> r.old_key
  AND NOT EXISTS (
    SELECT 1 FROM rekeyed o WHERE o.id <> r.id AND (o.old_key = r.new_key OR o.new_key = r.new_key)
  );
