CREATE TABLE `note_refinements` (
	`id` text PRIMARY KEY NOT NULL,
	`note_id` text NOT NULL,
	`run_id` text,
	`request` text NOT NULL,
	`section_key` text,
	`base_json` text NOT NULL,
	`proposed_json` text,
	`status` text DEFAULT 'drafting' NOT NULL,
	`mode` text,
	`provider` text,
	`model` text,
	`message` text DEFAULT '' NOT NULL,
	`requested_by` text NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `pipeline_runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `note_refinements_note_idx` ON `note_refinements` (`note_id`);--> statement-breakpoint
CREATE INDEX `note_refinements_run_idx` ON `note_refinements` (`run_id`);