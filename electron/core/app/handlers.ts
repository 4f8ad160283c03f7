import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { AppInfo } from '../../../shared/api/schemas';
import path from 'node:path';
import { importRecording } from '../audio/intake/import-recording';
import { waveformPeaks } from '../audio/peaks/waveform-peaks';
import type { DataLayout } from '../config/data-dir';
import { resolveResourcesDir } from '../config/resources';
import { readSetting } from '../config/settings';
import { ValidationError } from '../errors';
import type { Db } from '../store/open-database';
import type { SqliteConnection } from '../store/sqlite-driver';
import type { CatalogueModel } from '../transcribe/models/catalogue';
import type { NotesCatalogueModel } from '../notes/models/catalogue';
import { findRecordingForSession } from '../store/repositories/recordings';
import { withPlainCopy } from '../store/stored-files';
import { getSessionSummary, listSessionSummaries } from '../store/repositories/sessions';
import type { PipelineService } from '../pipeline/pipeline-service';
import type { AppLock } from './app-lock';
import { createAuditHandlers } from './audit-handlers';
import { createVoiceHandlers } from './voice-handlers';
import { createBriefHandlers } from './brief-handlers';
import { createCouplesHandlers } from './couples-handlers';
import { createGroupHandlers } from './group-handlers';
import { createPlanHandlers } from './plan-handlers';
import { createRefineHandlers } from './refine-handlers';
import { createFollowUpHandlers } from './followup-handlers';
import { createClientHandlers } from './client-handlers';
import type { EventBus } from './event-bus';
import type { LibraryFreeze } from './library-freeze';
import { createLibraryHandlers } from './library-handlers';
import { createLockHandlers } from './lock-handlers';
import { createModelHandlers } from './model-handlers';
import { createNotesHandlers } from './notes-handlers';
import { createNotesModelHandlers } from './notes-model-handlers';
import { createPipelineHandlers } from './pipeline-handlers';
import { createReviewHandlers } from './review-handlers';
import { createSettingsHandlers } from './settings-handlers';
import { createSpeakerHandlers } from './speaker-handlers';
import { createSyncHandlers } from './sync-handlers';
import { createSearchHandlers } from './search-handlers';
import type { SyncService } from '../sync/sync-service';
import { audioDeletedError, retentionDeletions } from '../retention/retention-guard';
import { sweepRetention } from '../retention/retention-sweep';

export type Handlers = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

export interface HandlerContext {
  db: Db;
  connection: SqliteConnection;
  pipeline: PipelineService;
  /** The outbox of abstracts shared with the practice's bucket (opt-in). */
  sync: SyncService;
  layout: DataLayout;
  /** Opens the library's encrypted recordings. */
  libraryKey: Buffer;
  events: EventBus;
  actor: string;
  version: string;
  transport: AppInfo['transport'];
  modelsDir: string;
  resourcesDir?: string;
  /** Whisper models offered for download (default: whisper.cpp's catalogue). */
  modelCatalogue?: readonly CatalogueModel[];
  /** Notes models offered for download (default: Cairn's recommended GGUF models). */
  notesModelCatalogue?: readonly NotesCatalogueModel[];
  /** The pointer file a moved library is recorded in, read at the next start. */
  libraryPointer: string | null;
  /** Aborted at shutdown: long calls (a download, a library copy) stop instead of holding it up. */
  closing: AbortSignal;
  /** Stops every write while the library is copied elsewhere, and after it moved. */
  freeze: LibraryFreeze;
  /** Work that failed without failing the call (a background side effect), for the log. */
  onInternalError?: (error: unknown) => void;
  lock: AppLock;
  /** Keep the search index current in the background (the app; a CLI command only searches). */
  backgroundIndexing?: boolean;
}

/** The core's implementation of every contract method; the mapped type makes a missing one a type error. */
export function createHandlers(context: HandlerContext): Handlers {
  const { db, layout, events, actor } = context;
  return {
    ...createPipelineHandlers({
      db,
      pipeline: context.pipeline,
      events,
      actor,
      onSyncQueued: (sessionId) => {
        events.emit('sync.changed', { sessionId });
        context.sync.kick();
      },
      onError: context.onInternalError,
    }),
    ...createSyncHandlers({ db, sync: context.sync }),
    ...createSpeakerHandlers({ db, events, actor }),
    ...createReviewHandlers({ db, events, actor }),
    ...createClientHandlers({ db, events, actor }),
    ...createBriefHandlers({
      db,
      layout,
      libraryKey: context.libraryKey,
      actor,
      events,
      pipeline: context.pipeline,
    }),
    ...createCouplesHandlers({ db, events, actor, pipeline: context.pipeline }),
    ...createGroupHandlers({ db, events, actor, pipeline: context.pipeline }),
    ...createPlanHandlers({ db, events, actor, pipeline: context.pipeline }),
    ...createRefineHandlers({
      db,
      events,
      actor,
      pipeline: context.pipeline,
      resourcesDir: context.resourcesDir,
    }),
    ...createFollowUpHandlers({
      db,
      actor,
      pipeline: context.pipeline,
      resourcesDir: context.resourcesDir,
    }),
    ...createNotesHandlers({
      db,
      events,
      actor,
      modelsDir: context.modelsDir,
      resourcesDir: context.resourcesDir,
    }),
    ...createSettingsHandlers({
      db,
      pipeline: context.pipeline,
      actor,
      onSyncSettingChanged: () => context.sync.kick(),
    }),
    ...createLockHandlers(context.lock),
    ...createVoiceHandlers({ db, actor }),
    ...createSearchHandlers({
      db,
      connection: context.connection,
      actor,
      closing: context.closing,
      background: context.backgroundIndexing ?? false,
      onError: context.onInternalError,
    }),
    ...createAuditHandlers({ db, actor }),
    ...createModelHandlers({
      db,
      events,
      modelsDir: context.modelsDir,
      catalogue: context.modelCatalogue,
      closing: context.closing,
    }),
    ...createNotesModelHandlers({
      db,
      events,
      modelsDir: context.modelsDir,
      catalogue: context.notesModelCatalogue,
      closing: context.closing,
    }),
    ...createLibraryHandlers({
      db,
      connection: context.connection,
      layout,
      modelsDir: context.modelsDir,
      libraryPointer: context.libraryPointer,
      actor,
      closing: context.closing,
      freeze: context.freeze,
      libraryKey: context.libraryKey,
      version: context.version,
    }),
    'retention.sweep': ({ dryRun }) =>
      sweepRetention({ db, layout, actor, events }, { dryRun: dryRun ?? false }),
    'app.info': () => ({
      version: context.version,
      dataDir: layout.root,
      transport: context.transport,
    }),
    'sessions.list': () => listSessionSummaries(db),
    'sessions.get': ({ id }) => {
      const summary = getSessionSummary(db, id);
      if (!summary)
        throw new ValidationError('session_not_found', `There is no session with id ${id}.`);
      return {
        ...summary,
        recording: findRecordingForSession(db, id) ?? null,
        transcriptDeletedAt: retentionDeletions(db, id).transcriptDeletedAt,
      };
    },
    'recordings.peaks': async ({ sessionId }) => {
      const recording = findRecordingForSession(db, sessionId);
      if (!recording)
        throw new ValidationError('recording_not_found', 'This session has no recording.');
      if (recording.audioDeletedAt !== null) throw audioDeletedError(recording.audioDeletedAt);
      const stored = path.join(layout.root, recording.storedPath);
      const name = `recording${path.extname(recording.originalName).toLowerCase()}`;
      return waveformPeaks(
        (decode) => withPlainCopy(layout, context.libraryKey, stored, name, decode),
        path.join(layout.cache, 'peaks'),
        // Not the content hash: the cache's file names must not identify the recording.
        recording.id,
        { libraryKey: context.libraryKey },
      );
    },
    'recordings.import': async (input) => {
      const validation = { maxBytes: readSetting(db, 'maxRecordingBytes') };
      const result = await importRecording(
        { db, layout, libraryKey: context.libraryKey, actor, validation },
        input,
      );
      if (!result.alreadyImported) events.emit('sessions.changed', { sessionId: result.sessionId });
      return result;
    },
    'recordings.importSample': async () => {
      const validation = { maxBytes: readSetting(db, 'maxRecordingBytes') };
      const sample = { path: sampleSessionPath(), clientName: 'Sample client (fictional)' };
      const result = await importRecording(
        { db, layout, libraryKey: context.libraryKey, actor, validation },
        sample,
      );
      if (!result.alreadyImported) events.emit('sessions.changed', { sessionId: result.sessionId });
      return result;
    },
  };
}

/** The sample session shipped in resources/samples (see its README): fictional, for a first try. */
export function sampleSessionPath(): string {
  return path.join(resolveResourcesDir(), 'samples', 'sample-session.mp3');
}
