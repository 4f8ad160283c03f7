CREATE TABLE `note_addenda` (
	`id` text PRIMARY KEY NOT NULL,
	`note_id` text NOT NULL,
	`text` text NOT NULL,
	`author` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `note_addenda_note_idx` ON `note_addenda` (`note_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `transcript_revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`segment_id` text,
	`start_sec` real NOT NULL,
	`end_sec` real NOT NULL,
	`previous_text` text NOT NULL,
	`text` text NOT NULL,
	`author` text NOT NULL,
	`undone_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`segment_id`) REFERENCES `transcript_segments`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `transcript_revisions_session_idx` ON `transcript_revisions` (`session_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `transcript_revisions_segment_idx` ON `transcript_revisions` (`segment_id`);