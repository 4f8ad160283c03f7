CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`note_id` text NOT NULL,
	`client_id` text NOT NULL,
	`run_id` text,
	`template_id` text NOT NULL,
	`template_version` integer NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`mode` text NOT NULL,
	`mode_note` text DEFAULT '' NOT NULL,
	`warnings_json` text DEFAULT '[]' NOT NULL,
	`exported_at` integer,
	`exported_as` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `pipeline_runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `follow_ups_session_idx` ON `follow_ups` (`session_id`);--> statement-breakpoint
CREATE TABLE `template_versions` (
	`template_id` text NOT NULL,
	`version` integer NOT NULL,
	`definition_json` text NOT NULL,
	`saved_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`template_id`, `version`),
	FOREIGN KEY (`template_id`) REFERENCES `note_templates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `note_templates` ADD `type` text DEFAULT 'summary' NOT NULL;