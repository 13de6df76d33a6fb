-- lesson_progress becomes a WITHOUT ROWID table: its rows are stored in the order of its primary
-- key (user_id, lesson_id), so one learner's rows sit together on a page or two instead of being
-- spread over the file in the order they were first written (one page per row for a learner who
-- studied over weeks). The learner-state statement reads every row of one learner on each
-- learning page (docs/performance.md, part G). Columns, key, foreign key and index are unchanged;
-- db/schema.ts cannot say WITHOUT ROWID, so a later migration that rebuilds this table must keep
-- it.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_lesson_progress` (
	`user_id` text NOT NULL,
	`lesson_id` text NOT NULL,
	`first_viewed_at` integer NOT NULL,
	`last_viewed_at` integer NOT NULL,
	`completed_at` integer,
	PRIMARY KEY(`user_id`, `lesson_id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_lesson_progress` (`user_id`, `lesson_id`, `first_viewed_at`, `last_viewed_at`, `completed_at`)
  SELECT `user_id`, `lesson_id`, `first_viewed_at`, `last_viewed_at`, `completed_at` FROM `lesson_progress`
  ORDER BY `user_id`, `lesson_id`;
--> statement-breakpoint
DROP TABLE `lesson_progress`;
--> statement-breakpoint
ALTER TABLE `__new_lesson_progress` RENAME TO `lesson_progress`;
--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `lesson_progress_lesson_idx` ON `lesson_progress` (`lesson_id`);
