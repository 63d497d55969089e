CREATE TABLE `consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subscriber_id` text NOT NULL,
	`channel` text NOT NULL,
	`consented_at` integer NOT NULL,
	`source_ip` text,
	`text_version` text NOT NULL,
	`method` text NOT NULL,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subscriber_id` text NOT NULL,
	`cycle` integer NOT NULL,
	`day` integer NOT NULL,
	`channel` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`claimed_at` integer NOT NULL,
	`sent_at` integer,
	`provider_id` text,
	`idempotency_key` text,
	`last_error` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_once` ON `deliveries` (`subscriber_id`,`cycle`,`day`,`channel`);--> statement-breakpoint
CREATE INDEX `deliveries_provider` ON `deliveries` (`provider_id`);--> statement-breakpoint
CREATE INDEX `deliveries_status` ON `deliveries` (`status`,`updated_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`to_address` text NOT NULL,
	`from_address` text NOT NULL,
	`subject` text,
	`html` text,
	`text` text NOT NULL,
	`headers` text,
	`idempotency_key` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_to` ON `outbox` (`to_address`);--> statement-breakpoint
CREATE TABLE `reflections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subscriber_id` text NOT NULL,
	`cycle` integer NOT NULL,
	`day` integer NOT NULL,
	`channel` text NOT NULL,
	`body` text NOT NULL,
	`source_id` text NOT NULL,
	`flagged` integer DEFAULT false NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reflections_source` ON `reflections` (`source_id`);--> statement-breakpoint
CREATE INDEX `reflections_subscriber` ON `reflections` (`subscriber_id`,`day`);--> statement-breakpoint
CREATE TABLE `signup_windows` (
	`client_key` text NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signup_windows_key` ON `signup_windows` (`client_key`,`window_start`);--> statement-breakpoint
CREATE TABLE `subscribers` (
	`id` text PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`address` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`timezone` text DEFAULT 'UTC' NOT NULL,
	`send_hour` integer NOT NULL,
	`cycle` integer DEFAULT 1 NOT NULL,
	`next_day` integer DEFAULT 0 NOT NULL,
	`next_due_at` integer,
	`lease_until` integer,
	`last_day_sent` integer DEFAULT 0 NOT NULL,
	`last_sent_at` integer,
	`created_at` integer NOT NULL,
	`confirmed_at` integer,
	`ended_at` integer,
	`end_reason` text,
	`confirmation_sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscribers_channel_address` ON `subscribers` (`channel`,`address`);--> statement-breakpoint
CREATE INDEX `subscribers_due` ON `subscribers` (`status`,`next_due_at`);