import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import {
  ERROR_CATEGORIES,
  NOTE_STATUSES,
  RUN_STATUSES,
  SESSION_KINDS,
  SESSION_STATUSES,
  SPEAKER_ROLES,
  STAGE_STATUSES,
  TEMPLATE_TYPES,
} from '../../../shared/domain/enums';
import { createdAt, updatedAt } from './schema-columns';

/**
 * The data model (the sync outbox is in schema-sync.ts). Edit these files, then run
 * `npm run db:generate`: drizzle-kit writes the migration into resources/migrations, and
 * openDatabase() applies it at the next start.
 * Times are integer milliseconds since the epoch (UTC); durations are seconds as REAL.
 */

export const clients = sqliteTable(
  'clients',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('clients_name_unique').on(t.name)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').references(() => clients.id, { onDelete: 'restrict' }),
    /** Calendar day of the session, YYYY-MM-DD. */
    date: text('date').notNull(),
    kind: text('kind', { enum: SESSION_KINDS }).notNull().default('individual'),
    status: text('status', { enum: SESSION_STATUSES }).notNull().default('imported'),
    /** When the retention sweep deleted the transcript's text (segments are kept, blank, for citations). */
    transcriptDeletedAt: integer('transcript_deleted_at', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('sessions_client_idx').on(t.clientId), index('sessions_date_idx').on(t.date)],
);

export const recordings = sqliteTable(
  'recordings',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    /** SHA-256 of the bytes; the stored copy is named after it, so one content is stored once. */
    contentHash: text('content_hash').notNull(),
    originalName: text('original_name').notNull(),
    format: text('format').notNull(),
    durationSec: real('duration_sec'),
    sizeBytes: integer('size_bytes').notNull(),
    /** Relative to the data directory, so a moved data directory keeps working. */
    storedPath: text('stored_path').notNull(),
    /**
     * When the retention sweep deleted the audio. Set before the files go (in the transaction
     * that audits it), so a sweep interrupted after this deletes any file left over next time.
     */
    audioDeletedAt: integer('audio_deleted_at', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('recordings_content_hash_unique').on(t.contentHash),
    index('recordings_session_idx').on(t.sessionId),
  ],
);

export const speakers = sqliteTable(
  'speakers',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    /** The diarizer's label, e.g. SPEAKER_00; stable across renames. */
    label: text('label').notNull(),
    displayName: text('display_name'),
    role: text('role', { enum: SPEAKER_ROLES }).notNull().default('unknown'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('speakers_session_label_unique').on(t.sessionId, t.label)],
);

export const transcriptSegments = sqliteTable(
  'transcript_segments',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    /** Order within the session; segments are read back sorted by it. */
    seq: integer('seq').notNull(),
    startSec: real('start_sec').notNull(),
    endSec: real('end_sec').notNull(),
    speakerId: text('speaker_id').references(() => speakers.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    /** JSON array of {word, start, end, probability}; read whole, never queried inside. */
    wordsJson: text('words_json').notNull().default('[]'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('segments_session_seq_unique').on(t.sessionId, t.seq)],
);

/**
 * The clinician's corrections of transcript text, one row per edit, never deleted: the segment
 * holds the current text, these rows hold how it got there. Undo marks a row undone and puts
 * its `previousText` back. A typing burst updates its own row rather than adding one per pause.
 */
export const transcriptRevisions = sqliteTable(
  'transcript_revisions',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    /** Null only if a forced re-transcription found no segment at the same time span. */
    segmentId: text('segment_id').references(() => transcriptSegments.id, {
      onDelete: 'set null',
    }),
    /** The segment's span, so a re-transcription can carry the correction over. */
    startSec: real('start_sec').notNull(),
    endSec: real('end_sec').notNull(),
    previousText: text('previous_text').notNull(),
    text: text('text').notNull(),
    author: text('author').notNull(),
    undoneAt: integer('undone_at', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('transcript_revisions_session_idx').on(t.sessionId, t.createdAt),
    index('transcript_revisions_segment_idx').on(t.segmentId),
  ],
);

/**
 * Note templates, read by id. Built-ins are copied from resources/templates at start-up (so a
 * newer Cairn's built-in replaces the older copy); a practice's own templates live only here, so
 * they travel with the library and its backups.
 */
export const noteTemplates = sqliteTable('note_templates', {
  /** The template's own id, e.g. "soap"; notes refer to it by this. */
  id: text('id').primaryKey(),
  /** summary (a note's sections), email (a follow-up) or prompt (a notes model's instructions). */
  type: text('type', { enum: TEMPLATE_TYPES }).notNull().default('summary'),
  name: text('name').notNull(),
  description: text('description').notNull(),
  version: integer('version').notNull(),
  /** The whole NoteTemplate as JSON; name, description and version are copies for listing. */
  definitionJson: text('definition_json').notNull(),
  builtIn: integer('built_in', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const notes = sqliteTable(
  'notes',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    template: text('template').notNull(),
    /** The model's draft as JSON; never overwritten by the clinician's edits. */
    aiDraftJson: text('ai_draft_json'),
    /** The AI draft rendered as plain text, as it would be pasted into a record. */
    aiDraftText: text('ai_draft_text'),
    /** The clinician's current version as JSON; null until they first edit. */
    clinicianJson: text('clinician_json'),
    clinicianText: text('clinician_text'),
    /** Which engine wrote the AI draft; copies of generation_json fields, for querying. */
    provider: text('provider'),
    model: text('model'),
    promptVersion: text('prompt_version'),
    /** How the AI draft was made (NoteGeneration as JSON): timings, tokens, mode. */
    generationJson: text('generation_json'),
    aiUpdatedAt: integer('ai_updated_at', { mode: 'number' }),
    clinicianUpdatedAt: integer('clinician_updated_at', { mode: 'number' }),
    status: text('status', { enum: NOTE_STATUSES }).notNull().default('draft'),
    approvedAt: integer('approved_at', { mode: 'number' }),
    approvedBy: text('approved_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('notes_session_idx').on(t.sessionId),
    // One note per session per template: a new draft replaces the AI version, never duplicates.
    uniqueIndex('notes_session_template_unique').on(t.sessionId, t.template),
  ],
);

export const noteRevisions = sqliteTable(
  'note_revisions',
  {
    id: text('id').primaryKey(),
    noteId: text('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    contentJson: text('content_json').notNull(),
    author: text('author').notNull(),
    /** Which version this revision is of: the model's draft or the clinician's. */
    version: text('version', { enum: ['ai', 'clinician'] })
      .notNull()
      .default('clinician'),
    /** Why this revision exists: ai_draft, edit, addendum, regenerate_section… */
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('note_revisions_note_idx').on(t.noteId, t.createdAt)],
);

/**
 * What the clinician adds to a signed note. The signed text never changes; later additions are
 * appended here with who and when, and are never edited or deleted.
 */
export const noteAddenda = sqliteTable(
  'note_addenda',
  {
    id: text('id').primaryKey(),
    noteId: text('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    author: text('author').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('note_addenda_note_idx').on(t.noteId, t.createdAt)],
);

export const pipelineRuns = sqliteTable(
  'pipeline_runs',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    status: text('status', { enum: RUN_STATUSES }).notNull().default('queued'),
    currentStage: text('current_stage'),
    /** 0–100 over the whole run. */
    progress: real('progress').notNull().default(0),
    priority: integer('priority').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    errorCategory: text('error_category', { enum: ERROR_CATEGORIES }),
    errorMessage: text('error_message'),
    /** The run's options (force, startFrom, skipNotes, template, model) as JSON. */
    optionsJson: text('options_json').notNull().default('{}'),
    /** The process working on the run (host:pid:nonce) and when it last said so. */
    owner: text('owner'),
    heartbeatAt: integer('heartbeat_at', { mode: 'number' }),
    /** Metrics, set when the run ends: audio length, wall time, audio seconds per wall second. */
    audioSec: real('audio_sec'),
    wallMs: integer('wall_ms'),
    speedRatio: real('speed_ratio'),
    createdAt: createdAt(),
    startedAt: integer('started_at', { mode: 'number' }),
    finishedAt: integer('finished_at', { mode: 'number' }),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('runs_session_idx').on(t.sessionId),
    index('runs_status_idx').on(t.status, t.priority, t.createdAt),
    // At most one live run per session: a second runner cannot even enqueue.
    uniqueIndex('runs_one_live_per_session')
      .on(t.sessionId)
      .where(sql`status in ('queued', 'running')`),
  ],
);

export const pipelineStages = sqliteTable(
  'pipeline_stages',
  {
    id: text('id').primaryKey(),
    runId: text('run_id')
      .notNull()
      .references((): AnySQLiteColumn => pipelineRuns.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    status: text('status', { enum: STAGE_STATUSES }).notNull().default('pending'),
    progress: real('progress').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    startedAt: integer('started_at', { mode: 'number' }),
    finishedAt: integer('finished_at', { mode: 'number' }),
    durationMs: integer('duration_ms'),
    /** Time inside the engine call itself (durationMs minus bookkeeping). */
    engineMs: integer('engine_ms'),
    errorCategory: text('error_category', { enum: ERROR_CATEGORIES }),
    errorMessage: text('error_message'),
    /** JSON of the stage's own outputs (paths, offsets), persisted before the run advances. */
    outputJson: text('output_json'),
  },
  (t) => [uniqueIndex('stages_run_stage_unique').on(t.runId, t.stage)],
);

/**
 * Safety concerns the notes stage found (self-harm, harm to others, abuse…). A session cannot be
 * approved until a clinician has acknowledged every one.
 */
export const riskFlags = sqliteTable(
  'risk_flags',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    runId: text('run_id').references((): AnySQLiteColumn => pipelineRuns.id, {
      onDelete: 'set null',
    }),
    /** e.g. self_harm, harm_to_others, abuse, substance. */
    kind: text('kind').notNull(),
    /** What was said and where (segment ids), for the clinician; PHI, so never in the audit log. */
    evidenceJson: text('evidence_json').notNull().default('{}'),
    acknowledgedAt: integer('acknowledged_at', { mode: 'number' }),
    acknowledgedBy: text('acknowledged_by'),
    createdAt: createdAt(),
  },
  (t) => [index('risk_flags_session_idx').on(t.sessionId)],
);

/**
 * Who did what to which entity, and when. Never the PHI itself: entity ids and a
 * non-identifying detail (e.g. a field name), not names, text or transcripts.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'number' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    detailJson: text('detail_json'),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId), index('audit_at_idx').on(t.at)],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  valueJson: text('value_json').notNull(),
  updatedAt: updatedAt(),
});
