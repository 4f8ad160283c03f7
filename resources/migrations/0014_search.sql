CREATE TABLE `search_dirty` (
	`owner` text PRIMARY KEY NOT NULL,
	`stage` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `search_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`owner` text NOT NULL,
	`group_key` text NOT NULL,
	`source` text NOT NULL,
	`client_id` text,
	`session_id` text,
	`day` text,
	`segment_id` text,
	`start_ms` integer,
	`note_id` text,
	`section_key` text,
	`plan_id` text,
	`brief_id` text,
	`label` text,
	`position` integer NOT NULL,
	`text` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_documents_key_unique` ON `search_documents` (`key`);--> statement-breakpoint
CREATE INDEX `search_documents_owner_idx` ON `search_documents` (`owner`);--> statement-breakpoint
CREATE INDEX `search_documents_group_idx` ON `search_documents` (`group_key`);--> statement-breakpoint
CREATE INDEX `search_documents_session_idx` ON `search_documents` (`session_id`);--> statement-breakpoint
CREATE TABLE `search_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `search_vectors` (
	`id` integer PRIMARY KEY NOT NULL,
	`group_key` text NOT NULL,
	`owner` text NOT NULL,
	`session_id` text,
	`text_hash` text NOT NULL,
	`vector` blob NOT NULL,
	`scale` real NOT NULL,
	`embedded_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_vectors_group_key_unique` ON `search_vectors` (`group_key`);--> statement-breakpoint
CREATE INDEX `search_vectors_owner_idx` ON `search_vectors` (`owner`);--> statement-breakpoint
CREATE INDEX `search_vectors_session_idx` ON `search_vectors` (`session_id`);