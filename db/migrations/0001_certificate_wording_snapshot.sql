ALTER TABLE `certificate` ADD `certificate_title` text;--> statement-breakpoint
ALTER TABLE `certificate` ADD `signatory_name` text;--> statement-breakpoint
ALTER TABLE `certificate` ADD `signatory_title` text;