CREATE TABLE `admin_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE TABLE `delivery_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_id` integer NOT NULL,
	`attempted_at` integer NOT NULL,
	`outcome` text NOT NULL,
	`detail` text,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `delivery_attempts_delivery` ON `delivery_attempts` (`delivery_id`,`attempted_at`);--> statement-breakpoint
CREATE TABLE `inbound_messages` (
	`source_id` text PRIMARY KEY NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `subscribers_channel_address`;--> statement-breakpoint
ALTER TABLE `subscribers` ADD `course_id` text DEFAULT 'rebuild-trust' NOT NULL;--> statement-breakpoint
ALTER TABLE `subscribers` ADD `course_version` text;--> statement-breakpoint
ALTER TABLE `subscribers` ADD `role` text DEFAULT 'together' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `subscribers_channel_address_course` ON `subscribers` (`channel`,`address`,`course_id`);--> statement-breakpoint
CREATE INDEX `subscribers_address` ON `subscribers` (`address`);--> statement-breakpoint
ALTER TABLE `reflections` ADD `raw_text` text;--> statement-breakpoint
ALTER TABLE `reflections` ADD `extractor_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reflections` ADD `edited_at` integer;