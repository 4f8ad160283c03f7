ALTER TABLE `recordings` ADD `audio_deleted_at` integer;--> statement-breakpoint
ALTER TABLE `sessions` ADD `transcript_deleted_at` integer;