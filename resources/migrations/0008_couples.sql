CREATE TABLE `couples_summaries` (
	`id` text PRIMARY KEY NOT NULL,
	`link_id` text NOT NULL,
	`client_a_id` text NOT NULL,
	`client_b_id` text NOT NULL,
	`session_id` text NOT NULL,
	`run_id` text,
	`summary_json` text NOT NULL,
	`isolation_json` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`link_id`) REFERENCES `partner_links`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_a_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_b_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `pipeline_runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `couples_summaries_link_idx` ON `couples_summaries` (`link_id`);--> statement-breakpoint
CREATE INDEX `couples_summaries_session_idx` ON `couples_summaries` (`session_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `couples_summaries_run_unique` ON `couples_summaries` (`run_id`);--> statement-breakpoint
CREATE TABLE `joint_sessions` (
	`session_id` text PRIMARY KEY NOT NULL,
	`link_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`link_id`) REFERENCES `partner_links`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `joint_sessions_link_idx` ON `joint_sessions` (`link_id`);--> statement-breakpoint
CREATE TABLE `partner_links` (
	`id` text PRIMARY KEY NOT NULL,
	`client_a_id` text NOT NULL,
	`client_b_id` text NOT NULL,
	`linked_at` integer NOT NULL,
	`unlinked_at` integer,
	FOREIGN KEY (`client_a_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_b_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partner_links_active_a` ON `partner_links` (`client_a_id`) WHERE "partner_links"."unlinked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX `partner_links_active_b` ON `partner_links` (`client_b_id`) WHERE "partner_links"."unlinked_at" is null;