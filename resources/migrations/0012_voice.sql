CREATE TABLE `voice_examples` (
	`id` text PRIMARY KEY NOT NULL,
	`note_id` text NOT NULL,
	`session_id` text NOT NULL,
	`template_id` text NOT NULL,
	`section_key` text NOT NULL,
	`ai_text` text NOT NULL,
	`final_text` text NOT NULL,
	`author` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `voice_examples_note_section_unique` ON `voice_examples` (`note_id`,`section_key`);--> statement-breakpoint
CREATE INDEX `voice_examples_template_section_idx` ON `voice_examples` (`template_id`,`section_key`);