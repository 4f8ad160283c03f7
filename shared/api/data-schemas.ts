import { z } from 'zod';
import { RAW_AUDIO_RETENTION, TRANSCRIPT_RETENTION } from '../domain/enums';
import { Id } from './schemas';

/** What one retention sweep deleted (or, in a dry run, would delete). Ids and counts only. */
export const RetentionSweepResult = z.object({
  dryRun: z.boolean(),
  policy: z.object({
    rawAudio: z.enum(RAW_AUDIO_RETENTION),
    transcripts: z.enum(TRANSCRIPT_RETENTION),
    graceDays: z.number().int(),
  }),
  audioDeleted: z.array(z.object({ sessionId: Id, recordingId: Id })),
  transcriptsDeleted: z.array(
    z.object({ sessionId: Id, segments: z.number().int(), revisions: z.number().int() }),
  ),
  /** Sessions due but left alone because a queued or running run still needs them. */
  skippedBusy: z.array(Id),
  /** Files removed: this sweep's, and any an interrupted earlier sweep left behind. */
  filesRemoved: z.number().int(),
});
export type RetentionSweepResult = z.infer<typeof RetentionSweepResult>;

export const BackupResult = z.object({
  /** The finished backup folder (cairn-backup-<UTC time>). */
  folder: z.string(),
  sessions: z.number().int(),
  /** Files in the backup besides its manifest (database, library.json, recordings). */
  files: z.number().int(),
  bytes: z.number(),
});
export type BackupResult = z.infer<typeof BackupResult>;
