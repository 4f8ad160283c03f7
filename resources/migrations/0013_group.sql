CREATE TABLE `participant_summaries` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`client_id` text NOT NULL,
	`run_id` text,
	`generation_json` text NOT NULL,
	`content_json` text NOT NULL,
	`text` text NOT NULL,
	`clinician_json` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`approved_at` integer,
	`approved_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `pipeline_runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participant_summaries_session_client_unique` ON `participant_summaries` (`session_id`,`client_id`);--> statement-breakpoint
CREATE INDEX `participant_summaries_client_idx` ON `participant_summaries` (`client_id`);--> statement-breakpoint
CREATE TABLE `session_participants` (
	`session_id` text NOT NULL,
	`speaker_id` text NOT NULL,
	`client_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `session_participants_speaker_unique` ON `session_participants` (`session_id`,`speaker_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `session_participants_client_unique` ON `session_participants` (`session_id`,`client_id`);--> statement-breakpoint
CREATE INDEX `session_participants_client_idx` ON `session_participants` (`client_id`);