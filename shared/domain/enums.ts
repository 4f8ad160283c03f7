/**
 * Closed vocabularies shared by the database, the API and the UI.
 * Kept as `as const` tuples so zod, drizzle and TypeScript all derive from one list.
 */
export const SESSION_KINDS = ['individual', 'couple', 'family', 'group'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** Where a session is in its life: the pipeline moves it forward, the clinician closes it. */
export const SESSION_STATUSES = [
  /** Planned, nothing recorded yet: what a pre-session brief prepares for. */
  'scheduled',
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

/**
 * What a run does: `process` turns a recording into a note; the workflows between sessions work
 * on a client's history (a brief before a session, a plan update after one, a couples summary).
 */
export const RUN_TYPES = [
  'process',
  'pre_session',
  'post_session',
  'couples_merge',
  'refine',
  'follow_up',
  'group_summaries',
  'bulk_export',
] as const;
export type RunType = (typeof RUN_TYPES)[number];

/** A brief before a session: history → analysis → abstract → the client's guide. */
export const PRE_SESSION_STAGES = [
  'load_history',
  'analysis',
  'abstraction',
  'client_guide',
  'persist',
] as const;
/** A plan update after a signed note: what the session used, the plan so far, proposals. */
export const POST_SESSION_STAGES = ['extract', 'load_plan', 'propose', 'persist'] as const;
/** Two partners' abstracted themes matched into a joint summary, then checked for leaks. */
export const COUPLES_MERGE_STAGES = [
  'load_partners',
  'match',
  'joint_summary',
  'isolation_check',
  'persist',
] as const;
/** One summary per participant of a group or family session, each checked for crossed words. */
export const GROUP_SUMMARIES_STAGES = [
  'load_participants',
  'summarize',
  'isolation_check',
  'persist',
] as const;

/** A refinement of a note: a revision proposed (by the notes model or rules), then stored. */
export const REFINE_STAGES = ['revise', 'persist'] as const;
/** A follow-up for the client from a signed note: values gathered, drafted, checked, saved. */
export const FOLLOW_UP_STAGES = ['gather', 'draft', 'check', 'persist'] as const;
/** A bulk export of records: which records, their files in a staging folder, the manifest last. */
export const BULK_EXPORT_STAGES = ['export_select', 'export_write', 'export_manifest'] as const;

/** Every run type's stages, in order. */
export const RUN_TYPE_STAGES = {
  process: PIPELINE_STAGES,
  pre_session: PRE_SESSION_STAGES,
  post_session: POST_SESSION_STAGES,
  couples_merge: COUPLES_MERGE_STAGES,
  refine: REFINE_STAGES,
  follow_up: FOLLOW_UP_STAGES,
  group_summaries: GROUP_SUMMARIES_STAGES,
  bulk_export: BULK_EXPORT_STAGES,
} as const;

/**
 * Every stage name of every run type, in an order each type's own order follows (so a run's
 * stage rows sort by it); `persist` ends every workflow, so it comes last.
 */
export const RUN_STAGES = [
  ...PIPELINE_STAGES,
  'load_history',
  'analysis',
  'abstraction',
  'client_guide',
  'extract',
  'load_plan',
  'propose',
  'load_partners',
  'match',
  'joint_summary',
  'load_participants',
  'summarize',
  'isolation_check',
  'revise',
  'gather',
  'draft',
  'check',
  'export_select',
  'export_write',
  'export_manifest',
  'persist',
] as const;
export type RunStage = (typeof RUN_STAGES)[number];

/** A treatment-plan goal's status at a session (the plan and the brief both speak of it). */
export const GOAL_STATUSES = ['not_started', 'progressing', 'achieved', 'revised'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Retention policy for raw audio: keep it, or delete it after transcription or after approval. */
export const RAW_AUDIO_RETENTION = ['keep', 'afterTranscription', 'afterApproval'] as const;
export type RawAudioRetention = (typeof RAW_AUDIO_RETENTION)[number];

/** Retention policy for transcript text: keep it, or delete it after the note is approved. */
export const TRANSCRIPT_RETENTION = ['keep', 'afterApproval'] as const;
export type TranscriptRetention = (typeof TRANSCRIPT_RETENTION)[number];

/** Templates: a note's sections (summary), a follow-up message (email), a model's instructions. */
export const TEMPLATE_TYPES = ['summary', 'email', 'prompt'] as const;
export type TemplateType = (typeof TEMPLATE_TYPES)[number];

/** A follow-up for the client: a draft the clinician edits, then exported (Cairn never sends it). */
export const FOLLOW_UP_STATUSES = ['draft', 'exported'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const FOLLOW_UP_EXPORTS = ['eml', 'clipboard', 'mailto'] as const;
export type FollowUpExport = (typeof FOLLOW_UP_EXPORTS)[number];
