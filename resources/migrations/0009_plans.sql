CREATE TABLE `goal_progress` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`goal_id` text NOT NULL,
	`session_id` text NOT NULL,
	`session_date` text NOT NULL,
	`status` text NOT NULL,
	`evidence_json` text NOT NULL,
	`proposal_id` text,
	`plan_version` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`proposal_id`) REFERENCES `plan_proposals`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `goal_progress_goal_idx` ON `goal_progress` (`client_id`,`goal_id`,`session_date`);--> statement-breakpoint
CREATE TABLE `plan_proposals` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`session_id` text NOT NULL,
	`run_id` text,
	`kind` text NOT NULL,
	`change_json` text NOT NULL,
	`evidence_json` text NOT NULL,
	`mode` text NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`edited` integer DEFAULT false NOT NULL,
	`decided_at` integer,
	`decided_by` text,
	`plan_version` integer,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `pipeline_runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `plan_proposals_client_idx` ON `plan_proposals` (`client_id`,`status`);--> statement-breakpoint
CREATE INDEX `plan_proposals_session_idx` ON `plan_proposals` (`session_id`);--> statement-breakpoint
CREATE TABLE `treatment_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`version` integer NOT NULL,
	`content_json` text NOT NULL,
	`created_by` text NOT NULL,
	`change_note` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `treatment_plans_client_version_unique` ON `treatment_plans` (`client_id`,`version`);