import { z } from 'zod';
import {
  AppInfo,
  ClientDetail,
  ClientName,
  ClientSummary,
  Id,
  ImportRecordingInput,
  ImportRecordingResult,
  SessionDetail,
  EngineHealth,
  ProcessSessionInput,
  ProcessSessionResult,
  RiskFlag,
  RunProgress,
  RunSummary,
  SessionSummary,
  Speaker,
  SpeakerUpdate,
  TranscriptLine,
  TranscriptRevision,
} from './schemas';
import { RUN_STATUSES } from '../domain/enums';
import {
  Note,
  NoteAddendum,
  NoteContent,
  NoteRevision,
  NoteTemplate,
  ProviderStatus,
  TemplateSummary,
} from './note-schemas';
import {
  LibraryLocation,
  LibraryMoveResult,
  ModelDownloadProgress,
  ModelName,
  ModelsListing,
} from './settings-schemas';
import { NotesModelsListing } from './notes-model-schemas';
import { groupMethods } from './contract-group';
import { workflowMethods } from './contract-workflows';
import { refineEvents, refineMethods } from './contract-refine';
import { followUpMethods } from './contract-followup';
import { voiceMethods } from './contract-voice';
import { searchMethods } from './contract-search';
import { SyncRunResult, SyncStatus } from './sync-schemas';
import {
  AuditExportInput,
  AuditExportResult,
  AuditFilter,
  AuditPage,
  LOCK_REASONS,
  LockStatus,
  Passcode,
} from './security-schemas';
import { BackupResult, RetentionSweepResult } from './data-schemas';

/**
 * The one API contract between the renderer and the core.
 * Both transports (Electron IPC and the loopback HTTP bridge) are generated from this object,
 * so adding a method here is the only step needed to expose it; no channel is written by hand.
 */
export const methods = {
  'app.info': { input: z.object({}), output: AppInfo },
  /** Every client with their session count, last session date and open risk flags. */
  'clients.list': { input: z.object({}), output: z.array(ClientSummary) },
  /** One client and their sessions, oldest first. */
  'clients.get': { input: z.object({ id: Id }), output: ClientDetail },
  /** Refused when another client has the same name (ignoring case and extra spaces). */
  'clients.create': { input: z.object({ name: ClientName }), output: ClientSummary },
  'clients.rename': { input: z.object({ id: Id, name: ClientName }), output: ClientSummary },
  /** Assigns a session to a client, or to none (null); refused once the session is signed. */
  'sessions.setClient': {
    input: z.object({ sessionId: Id, clientId: Id.nullable() }),
    output: SessionSummary,
  },
  'sessions.list': { input: z.object({}), output: z.array(SessionSummary) },
  'sessions.get': { input: z.object({ id: Id }), output: SessionDetail },
  'recordings.import': { input: ImportRecordingInput, output: ImportRecordingResult },
  /** The fictional sample session Cairn ships (resources/samples), for a first try. */
  'recordings.importSample': { input: z.object({}), output: ImportRecordingResult },
  /** Queues the session's pipeline run (or returns the live one); never waits for the work. */
  'pipeline.process': { input: ProcessSessionInput, output: ProcessSessionResult },
  /** Engine circuit breakers and queue depth. */
  'pipeline.health': { input: z.object({}), output: EngineHealth },
  'runs.list': { input: z.object({ sessionId: Id.optional() }), output: z.array(RunSummary) },
  'runs.get': { input: z.object({ id: Id }), output: RunSummary },
  'runs.cancel': { input: z.object({ id: Id }), output: RunSummary },
  /** A failed or cancelled run again, from its failed stage; completed stages are kept. */
  'runs.retry': { input: z.object({ id: Id }), output: RunSummary },
  ...workflowMethods,
  ...refineMethods,
  ...followUpMethods,
  ...voiceMethods,
  ...groupMethods,
  ...searchMethods,
  'riskFlags.list': { input: z.object({ sessionId: Id }), output: z.array(RiskFlag) },
  /** The clinician has read a risk flag; recorded in the audit log. */
  'riskFlags.acknowledge': { input: z.object({ id: Id }), output: RiskFlag },
  /** Refused while any risk flag is unacknowledged. */
  'sessions.approve': { input: z.object({ id: Id }), output: SessionSummary },
  /** The session's transcript segments in order, each with its speaker. */
  'sessions.transcript': { input: z.object({ id: Id }), output: z.array(TranscriptLine) },
  /** The session's speakers: name, role, diarization's suggestion, talk-time statistics. */
  'speakers.list': { input: z.object({ sessionId: Id }), output: z.array(Speaker) },
  /** Rename a speaker or set their role. */
  'speakers.update': { input: SpeakerUpdate, output: z.array(Speaker) },
  /** Two labels that are one person. */
  'speakers.merge': { input: z.object({ from: Id, into: Id }), output: z.array(Speaker) },
  /** A turn said by someone else: its segments get that speaker. */
  'transcript.reassign': {
    input: z.object({ segmentIds: z.array(Id).min(1).max(5000), speakerId: Id }),
    output: z.array(Speaker),
  },
  /**
   * The clinician's text for one transcript line, saved as a revision at once (saves while they
   * keep typing extend one revision, so undo steps back over a whole edit).
   */
  'transcript.correct': {
    input: z.object({ segmentId: Id, text: z.string().max(10_000) }),
    output: TranscriptLine,
  },
  /** Steps back the latest correction in the session, or among `segmentIds`; null: none left. */
  'transcript.undo': {
    input: z.object({ sessionId: Id, segmentIds: z.array(Id).min(1).max(5000).optional() }),
    output: z.object({ line: TranscriptLine.nullable() }),
  },
  /** Every correction of one line, newest first, undone ones included. */
  'transcript.revisions': {
    input: z.object({ segmentId: Id }),
    output: z.array(TranscriptRevision),
  },
  /** The recording's waveform (the loudest level per stretch, 0–1), for the player. */
  'recordings.peaks': {
    input: z.object({ sessionId: Id }),
    output: z.object({ durationSec: z.number(), peaks: z.array(z.number()) }),
  },
  /** The session's notes (one per template), each with its AI draft and clinician version. */
  'notes.list': { input: z.object({ sessionId: Id }), output: z.array(Note) },
  'notes.get': { input: z.object({ id: Id }), output: Note },
  /** Every version the note went through, oldest first. */
  'notes.revisions': { input: z.object({ id: Id }), output: z.array(NoteRevision) },
  /** The clinician's version, saved as a new revision (the AI draft is kept as it was). */
  'notes.saveClinicianVersion': {
    input: z.object({ id: Id, content: NoteContent }),
    output: Note,
  },
  /** What was added to a signed note, oldest first. */
  'notes.addenda': { input: z.object({ id: Id }), output: z.array(NoteAddendum) },
  /** A signed note changes only this way: text appended with who and when, never edited. */
  'notes.addAddendum': {
    input: z.object({ id: Id, text: z.string().trim().min(1).max(20_000) }),
    output: NoteAddendum,
  },
  /** One section written again by the notes model; the other sections and edits stay. */
  'notes.regenerateSection': {
    input: z.object({ id: Id, section: z.string().min(1).max(100) }),
    output: Note,
  },
  /** Whether notes can be written now, and what to do if not (Ollama down: use embedded). */
  'notes.providerStatus': { input: z.object({}), output: ProviderStatus },
  /** Models installed in the configured Ollama. */
  'ollama.models': {
    input: z.object({}),
    output: z.array(z.object({ name: z.string(), sizeBytes: z.number() })),
  },
  /** Ollama downloads a model (the one time it goes online, because the user asked); progress as events. */
  'ollama.pull': {
    input: z.object({ model: z.string().min(1).max(200) }),
    output: z.object({ model: z.string() }),
  },
  'templates.list': { input: z.object({}), output: z.array(TemplateSummary) },
  'templates.get': { input: z.object({ id: z.string().min(1).max(100) }), output: NoteTemplate },
  /** A practice's own template (built-ins cannot be changed: copy one under a new id). */
  'templates.save': { input: NoteTemplate, output: TemplateSummary },
  'templates.delete': {
    input: z.object({ id: z.string().min(1).max(100) }),
    output: z.object({ deleted: z.boolean() }),
  },
  /** Settings by name (notes provider, Ollama host and model, embedded model, template…). */
  'settings.get': { input: z.object({}), output: z.record(z.string(), z.unknown()) },
  'settings.set': {
    input: z.object({ name: z.string().min(1).max(100), value: z.unknown() }),
    output: z.record(z.string(), z.unknown()),
  },
  /** Whisper models: installed, downloadable (with size), and the one new runs use. */
  'models.list': { input: z.object({}), output: ModelsListing },
  /**
   * Downloads a catalogue model (resumable, checksum-verified) and answers when it is installed;
   * progress as `models.downloadProgress` events. Asking again while it runs joins that download.
   */
  'models.download': {
    input: z.object({ name: ModelName }),
    output: z.object({ name: z.string() }),
  },
  /** Stops a running download; the part already downloaded is kept to resume. */
  'models.cancelDownload': {
    input: z.object({ name: ModelName }),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** Refused for the model in use: choose another first. */
  'models.delete': {
    input: z.object({ name: ModelName }),
    output: z.object({ deleted: z.boolean() }),
  },
  /**
   * Notes models (GGUF) for the embedded engine: the catalogue and every installed file, the one
   * recommended for this computer and why, and the models of an Ollama running at ollamaHost
   * (not running: said so, never an error).
   */
  'notesModels.list': { input: z.object({}), output: NotesModelsListing },
  /**
   * Downloads a catalogue notes model into `<models>/llm/` (resumable, verified) and answers when
   * it is installed; progress as `notesModels.downloadProgress` events. Asking again joins it.
   */
  'notesModels.download': {
    input: z.object({ name: ModelName }),
    output: z.object({ name: z.string() }),
  },
  /** Stops a running download; the part already downloaded is kept to resume. */
  'notesModels.cancelDownload': {
    input: z.object({ name: ModelName }),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** A catalogue name or an installed GGUF file; refused for the model in use. */
  'notesModels.delete': {
    input: z.object({ name: ModelName }),
    output: z.object({ deleted: z.boolean() }),
  },
  /** The library folder in use, and the one the next start will use after a move. */
  'library.location': { input: z.object({}), output: LibraryLocation },
  /**
   * Copies the library (database, recordings, models) to an empty folder and verifies it, or
   * adopts a folder that already holds a Cairn library; used from the next start. Refused while
   * sessions are being processed.
   */
  'library.move': {
    input: z.object({ target: z.string().min(1).max(4096) }),
    output: LibraryMoveResult,
  },
  /**
   * Sharing with the practice's S3 bucket: counts of pending, uploaded and blocked abstracts, the
   * latest error and what to do; with `sessionId`, that session's item too.
   */
  'sync.status': { input: z.object({ sessionId: Id.optional() }), output: SyncStatus },
  /** Uploads every pending abstract now (ignoring backoff) and answers when done. */
  'sync.run': { input: z.object({}), output: SyncRunResult },
  /** Asks the bucket whether it exists and accepts these keys (refused while sharing is off). */
  'sync.testConnection': {
    input: z.object({}),
    output: z.object({ ok: z.boolean(), message: z.string() }),
  },
  /** Whether Cairn is locked, and how it unlocks; answered while locked. */
  'lock.status': { input: z.object({}), output: LockStatus },
  /**
   * Sets, changes or (null) removes the passcode; the current one is needed when one is set.
   * Only its scrypt hash is stored, and no method returns it.
   */
  'lock.setPasscode': {
    input: z.object({ current: z.string().max(200).optional(), passcode: Passcode.nullable() }),
    output: LockStatus,
  },
  /** Locks now (refused without a passcode: nothing could unlock it). */
  'lock.lock': { input: z.object({}), output: LockStatus },
  /** Answered while locked; repeated wrong passcodes make the next try wait, never for good. */
  'lock.unlock': { input: z.object({ passcode: z.string().max(200) }), output: LockStatus },
  /** The system's own unlock (Touch ID on a Mac), where the app offers it. */
  'lock.unlockWithSystem': { input: z.object({}), output: LockStatus },
  /** The clinician is active (the renderer reports pointer and keys, throttled). */
  'lock.touch': { input: z.object({}), output: LockStatus },
  /** Audit entries, newest first, filtered and paged. Viewing it is not itself logged. */
  'audit.list': {
    input: AuditFilter.extend({
      /** Default 100. */
      limit: z.number().int().min(1).max(500).optional(),
      offset: z.number().int().min(0).optional(),
    }),
    output: AuditPage,
  },
  /** Every matching entry as CSV or JSON Lines, to a file or returned as text; audited itself. */
  'audit.export': { input: AuditExportInput, output: AuditExportResult },
  /**
   * Backs the library up, while it is in use, into a new `cairn-backup-<UTC time>` folder inside
   * `destination` (a full path outside the library): the encrypted database, library.json, the
   * recordings and a sealed manifest, each checked. Restore with `cairn restore`.
   */
  'library.backup': {
    input: z.object({ destination: z.string().min(1).max(4096) }),
    output: BackupResult,
  },
  /**
   * Applies the retention policy now (it also runs at start-up and hourly in the app): deletes
   * the audio and transcripts it says are due, skipping sessions a run still needs. `dryRun`
   * only reports what would go.
   */
  'retention.sweep': {
    input: z.object({ dryRun: z.boolean().optional() }),
    output: RetentionSweepResult,
  },
} as const;

/** Events the core pushes to every connected renderer. */
export const events = {
  ...refineEvents,
  /** Something about the session list changed; the payload says which session. */
  'sessions.changed': z.object({ sessionId: Id.nullable() }),
  /** A client was created or renamed (session counts move with `sessions.changed`). */
  'clients.changed': z.object({ clientId: Id }),
  /** A run moved: stage, percent, a short message and the time left. */
  'runs.progress': RunProgress,
  /** An Ollama model download moved on: bytes done and total while a layer downloads. */
  'ollama.pullProgress': z.object({
    model: z.string(),
    status: z.string(),
    completed: z.number().optional(),
    total: z.number().optional(),
  }),
  /** A transcript line's text changed (a correction or an undo). */
  'transcript.changed': z.object({ sessionId: Id, segmentId: Id }),
  /** A Whisper model download moved on (also sent once at its start and at its end). */
  'models.downloadProgress': ModelDownloadProgress,
  /** A Whisper model was downloaded, cancelled, failed or deleted: the listing changed. */
  'models.changed': z.object({ name: z.string() }),
  /** A notes model download moved on (also sent once at its start and at its end). */
  'notesModels.downloadProgress': ModelDownloadProgress,
  /** A notes model was downloaded, cancelled, failed or deleted: the listing changed. */
  'notesModels.changed': z.object({ name: z.string() }),
  /** A sharing pass ended or an abstract was queued: counts and statuses may have moved. */
  'sync.changed': z.object({ sessionId: Id.nullable() }),
  /** A client's plan or its proposals changed (a decision; a run's proposals come with runs.changed). */
  'plans.changed': z.object({ clientId: Id }),
  /** A run changed status (queued, running, completed…). */
  'runs.changed': z.object({ runId: Id, sessionId: Id, status: z.enum(RUN_STATUSES) }),
  /** Cairn locked or unlocked; `logoff`: the renderer drops what it holds and starts again. */
  'lock.changed': z.object({ locked: z.boolean(), reason: z.enum(LOCK_REASONS) }),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.infer<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<Methods[M]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

export const METHOD_NAMES = Object.keys(methods) as MethodName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(methods, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
