CREATE TABLE `note_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`version` integer NOT NULL,
	`definition_json` text NOT NULL,
	`built_in` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `note_revisions` ADD `version` text DEFAULT 'clinician' NOT NULL;--> statement-breakpoint
ALTER TABLE `notes` ADD `ai_draft_text` text;--> statement-breakpoint
ALTER TABLE `notes` ADD `clinician_text` text;--> statement-breakpoint
ALTER TABLE `notes` ADD `provider` text;--> statement-breakpoint
ALTER TABLE `notes` ADD `model` text;--> statement-breakpoint
ALTER TABLE `notes` ADD `prompt_version` text;--> statement-breakpoint
ALTER TABLE `notes` ADD `generation_json` text;--> statement-breakpoint
ALTER TABLE `notes` ADD `ai_updated_at` integer;--> statement-breakpoint
ALTER TABLE `notes` ADD `clinician_updated_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `notes_session_template_unique` ON `notes` (`session_id`,`template`);