/**
 * Closed vocabularies shared by the database, the API and the UI.
 * Kept as `as const` tuples so zod, drizzle and TypeScript all derive from one list.
 */
export const SESSION_KINDS = ['individual', 'couple', 'family', 'group'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** Where a session is in its life: the pipeline moves it forward, the clinician closes it. */
export const SESSION_STATUSES = [
  'imported',
  'processing',
  'transcribed',
  'awaiting_review',
  'approved',
  'failed',
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SPEAKER_ROLES = ['clinician', 'client', 'other', 'unknown'] as const;
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];

export const NOTE_STATUSES = ['draft', 'approved'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

export const RUN_STATUSES = [
  'queued',
  'running',
  'awaiting_review',
  'completed',
  'failed',
  'cancelled',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const STAGE_STATUSES = ['pending', 'running', 'completed', 'failed', 'skipped'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

/** The error hierarchy's categories; they decide retry (transient) versus fail-fast. */
export const ERROR_CATEGORIES = ['validation', 'transient', 'permanent'] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

/** The pipeline's stages in order; transcribe and diarize run at the same time. */
export const PIPELINE_STAGES = [
  'validate',
  'preprocess',
  'transcribe',
  'diarize',
  'merge',
  'notes',
  'finalize',
] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** Retention policy for raw audio: keep it, or delete it after transcription or after approval. */
export const RAW_AUDIO_RETENTION = ['keep', 'afterTranscription', 'afterApproval'] as const;
export type RawAudioRetention = (typeof RAW_AUDIO_RETENTION)[number];

/** Retention policy for transcript text: keep it, or delete it after the note is approved. */
export const TRANSCRIPT_RETENTION = ['keep', 'afterApproval'] as const;
export type TranscriptRetention = (typeof TRANSCRIPT_RETENTION)[number];
