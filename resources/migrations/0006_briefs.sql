CREATE TABLE `briefs` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`client_id` text NOT NULL,
	`run_id` text,
	`analysis_json` text NOT NULL,
	`abstract_json` text NOT NULL,
	`guide_json` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `pipeline_runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `briefs_session_idx` ON `briefs` (`session_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `briefs_run_unique` ON `briefs` (`run_id`);