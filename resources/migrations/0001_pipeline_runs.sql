CREATE TABLE `risk_flags` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`run_id` text,
	`kind` text NOT NULL,
	`evidence_json` text DEFAULT '{}' NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `pipeline_runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `risk_flags_session_idx` ON `risk_flags` (`session_id`);--> statement-breakpoint
ALTER TABLE `pipeline_runs` ADD `options_json` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `pipeline_runs` ADD `owner` text;--> statement-breakpoint
ALTER TABLE `pipeline_runs` ADD `heartbeat_at` integer;--> statement-breakpoint
ALTER TABLE `pipeline_runs` ADD `audio_sec` real;--> statement-breakpoint
ALTER TABLE `pipeline_runs` ADD `wall_ms` integer;--> statement-breakpoint
ALTER TABLE `pipeline_runs` ADD `speed_ratio` real;--> statement-breakpoint
CREATE UNIQUE INDEX `runs_one_live_per_session` ON `pipeline_runs` (`session_id`) WHERE status in ('queued', 'running');--> statement-breakpoint
ALTER TABLE `pipeline_stages` ADD `engine_ms` integer;