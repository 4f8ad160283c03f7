import type { Envelope } from '../../../shared/api/envelope';
import type { AppInfo } from '../../../shared/api/schemas';
import {
  dataLayout,
  defaultUserDataDir,
  libraryPointerFile,
  type DataLayout,
} from '../config/data-dir';
import { TransientError } from '../errors';
import type { KeyStore } from '../security/library-key';
import { finishInterrupted } from '../security/encrypt-library';
import { libraryKeyFor } from '../security/library-key-for';
import { nodeKeyStores } from '../security/node-key-stores';
import { openDatabase, type Database } from '../store/open-database';
import { removeStaleTempFiles } from '../store/recording-files';
import { recordingMedia, type MediaResponse } from '../store/recording-media';
import { wipeOrphanedPlainWorkspaces } from '../security/plain-workspace';
import { readSetting } from '../config/settings';
import { PipelineService } from '../pipeline/pipeline-service';
import { sweepRetention } from '../retention/retention-sweep';
import { EngineGuard, type ResilienceOptions } from '../pipeline/resilience';
import type { CatalogueModel } from '../transcribe/models/catalogue';
import type { NotesCatalogueModel } from '../notes/models/catalogue';
import { resolveModelsDir } from '../transcribe/models/model-store';
import { SyncService } from '../sync/sync-service';
import type { OutboxRetryOptions } from '../sync/outbox/run-outbox';
import { AppLock, type SystemUnlock } from './app-lock';
import { EventBus } from './event-bus';
import { invokeThroughGate } from './gate';
import { LibraryFreeze } from './library-freeze';
import { createHandlers, type Handlers } from './handlers';
import { ViewLog, withViewAudit } from './view-audit';
import { CAIRN_VERSION } from './version';

export interface CoreOptions {
  dataDir: string;
  /** Who is acting, for the audit log (the OS user in the CLI, the signed-in clinician in the app). */
  actor: string;
  transport: AppInfo['transport'];
  resourcesDir?: string;
  /**
   * Where the library's key is kept: the app passes Electron's safeStorage (and the keyring);
   * default: CAIRN_DB_KEY, then the OS keyring.
   */
  keyStores?: KeyStore[];
  /** Electron passes a better-sqlite3 binary built for its own ABI. */
  sqliteNativeBinding?: string;
  onInternalError?: (method: string, error: unknown) => void;
  /**
   * Where a library moved in Settings is recorded for the next start (default: the pointer in
   * the per-user default folder, which the CLI and the app both read); null: this library was
   * chosen explicitly and moving it from Cairn is refused.
   */
  libraryPointer?: string | null;
  /** Whisper models offered for download (default: whisper.cpp's; tests serve their own). */
  modelCatalogue?: readonly CatalogueModel[];
  /**
   * Notes models (GGUF) offered for download (default: Cairn's catalogue); tests serve their own
   * and point downloads at a loopback server with CAIRN_NOTES_MODEL_HOST.
   */
  notesModelCatalogue?: readonly NotesCatalogueModel[];
  /** Milliseconds since 1970, for the lock's inactivity timeouts (tests pass their own). */
  clock?: () => number;
  /** Touch ID and the like, where the shell has it: an alternative to the passcode. */
  systemUnlock?: SystemUnlock;
  pipeline?: {
    /**
     * Resume queued runs and runs a crash left behind, and sweep for failed notes every
     * `notesSweepMs` (the app: yes; a CLI command only runs what it was asked to).
     */
    recover?: boolean;
    notesSweepMs?: number;
    /** How often the retention sweep runs when `recover` is set (it also runs at start-up). */
    retentionSweepMs?: number;
    resilience?: ResilienceOptions;
  };
  /** Sharing's outbox (it runs in the background only with `pipeline.recover`, i.e. in the app). */
  sync?: {
    /** Between background passes (default a minute); an approval starts one at once. */
    intervalMs?: number;
    retry?: OutboxRetryOptions;
  };
}

export interface Core {
  layout: DataLayout;
  database: Database;
  events: EventBus;
  handlers: Handlers;
  pipeline: PipelineService;
  sync: SyncService;
  /** The app lock: while it is locked nothing readable is served (media routes check it too). */
  lock: AppLock;
  /** `method` is untrusted (it comes over a transport); the gate checks it against the contract. */
  invoke(method: string, input: unknown): Promise<Envelope>;
  /** A session's recording for the player, decrypted; `range` is the HTTP Range header. */
  recordingMedia(sessionId: string, range: string | null | undefined): Promise<MediaResponse>;
  /** Lets running work checkpoint, then closes the database. Safe to call twice. */
  shutdown(): Promise<void>;
}

/** Everything Cairn is, minus the window: the CLI, the bridge, tests and the Electron shell all start here. */
export async function startCore(options: CoreOptions): Promise<Core> {
  const layout = dataLayout(options.dataDir);
  // An encryption (cairn encrypt-library) a crash interrupted is finished or undone first.
  await finishInterrupted(layout);
  const key = await libraryKeyFor(options.dataDir, options.keyStores ?? nodeKeyStores());
  const database = openDatabase({
    key,
    file: layout.database,
    resourcesDir: options.resourcesDir,
    nativeBinding: options.sqliteNativeBinding,
  });
  await removeStaleTempFiles(layout);
  // Decrypted audio a crashed process left behind exists only until the next start.
  await wipeOrphanedPlainWorkspaces(layout);
  const events = new EventBus();
  const pipeline = new PipelineService(
    {
      db: database.db,
      layout,
      libraryKey: key,
      events,
      guard: new EngineGuard(options.pipeline?.resilience),
      actor: options.actor,
      modelsDir: resolveModelsDir(options.dataDir),
      resourcesDir: options.resourcesDir,
      onError: (error) => options.onInternalError?.('pipeline', error),
    },
    {
      concurrency: readSetting(database.db, 'pipelineConcurrency'),
      maxBacklog: readSetting(database.db, 'pipelineMaxBacklog'),
    },
  );
  let sweep: NodeJS.Timeout | undefined;
  if (options.pipeline?.recover) {
    // Queued and orphaned runs are back in the queue first, so the sweep sees them as live.
    pipeline.recover();
    sweep = setInterval(
      () => {
        if (!freeze.frozen) pipeline.sweepNotes();
      },
      options.pipeline.notesSweepMs ?? 15 * 60_000,
    );
    sweep.unref();
  }
  const closing = new AbortController();
  const inFlight = new Set<Promise<Envelope>>();
  // Waits for every other call: the move itself is one of those in flight, so it is left out.
  const freeze = new LibraryFreeze(async () => {
    while (inFlight.size > 1) await Promise.race([...inFlight].map((c) => c.then(() => c)));
  });
  const sync = new SyncService({
    db: database.db,
    actor: options.actor,
    retry: options.sync?.retry,
    onError: (error) => options.onInternalError?.('sync', error),
    onPassEnd: () => events.emit('sync.changed', { sessionId: null }),
    // A library being moved takes no writes, the outbox's included.
    paused: () => freeze.frozen,
  });
  // The app uploads in the background; a CLI command only when asked (cairn sync run).
  if (options.pipeline?.recover) sync.start(options.sync?.intervalMs ?? 60_000);
  const now = options.clock ?? Date.now;
  const views = new ViewLog(database.db, options.actor, now);
  const lock = new AppLock({
    db: database.db,
    events,
    actor: options.actor,
    // The CLI is run by the OS user at a terminal, with the library's key: it is not locked.
    enforced: options.transport !== 'in-process',
    now,
    systemUnlock: options.systemUnlock,
    onAccessEnded: () => views.forget(),
  });
  // Locks and logs off on time even when no call comes in to notice.
  const lockTimer = setInterval(() => lock.evaluate(), 15_000);
  lockTimer.unref();
  const baseHandlers = createHandlers({
    pipeline,
    db: database.db,
    connection: database.connection,
    layout,
    libraryKey: key,
    events,
    actor: options.actor,
    version: CAIRN_VERSION,
    transport: options.transport,
    modelsDir: resolveModelsDir(options.dataDir),
    resourcesDir: options.resourcesDir,
    modelCatalogue: options.modelCatalogue,
    notesModelCatalogue: options.notesModelCatalogue,
    libraryPointer:
      options.libraryPointer === undefined
        ? libraryPointerFile(defaultUserDataDir(process.env))
        : options.libraryPointer,
    closing: closing.signal,
    freeze,
    sync,
    onInternalError: (error) => options.onInternalError?.('approve', error),
    lock,
    backgroundIndexing: options.pipeline?.recover ?? false,
  });
  const handlers = withViewAudit(baseHandlers, views);
  let shutdown: Promise<void> | undefined;
  let retentionTimer: NodeJS.Timeout | undefined;
  let retentionSweep: Promise<unknown> = Promise.resolve();
  // One sweep at a time; a failure is reported and the next sweep tries again.
  const sweepRetentionNow = () => {
    if (freeze.frozen || shutdown) return;
    retentionSweep = retentionSweep
      .then(() => sweepRetention({ db: database.db, layout, actor: 'retention', events }))
      .catch((error: unknown) => options.onInternalError?.('retention.sweep', error));
  };
  if (options.pipeline?.recover) {
    sweepRetentionNow();
    retentionTimer = setInterval(
      sweepRetentionNow,
      options.pipeline.retentionSweepMs ?? 60 * 60_000,
    );
    retentionTimer.unref();
  }

  return {
    layout,
    database,
    events,
    handlers,
    pipeline,
    sync,
    lock,
    invoke: (method, input) => {
      if (shutdown) return Promise.resolve(SHUTTING_DOWN);
      const refusal = freeze.refusal(method);
      if (refusal) return Promise.resolve(frozenEnvelope(refusal));
      const call = invokeThroughGate(handlers, method, input, options.onInternalError, (m) =>
        lock.admit(m),
      );
      inFlight.add(call);
      void call.finally(() => inFlight.delete(call));
      return call;
    },
    recordingMedia: (sessionId, range) =>
      // Locked: nothing readable is served, the recording included, whatever the transport.
      lock.isLocked
        ? Promise.resolve({ status: 423, headers: { 'content-type': 'text/plain' } })
        : recordingMedia(database.db, layout, key, sessionId, range),
    shutdown: () => {
      // New calls are refused at once; calls already running (an import mid-copy) finish and
      // commit first, so quitting never leaves half-done work behind.
      clearInterval(sweep);
      clearInterval(lockTimer);
      clearInterval(retentionTimer);
      closing.abort();
      shutdown ??= Promise.allSettled([...inFlight, retentionSweep])
        .then(() => sync.stop())
        .then(() => pipeline.shutdown())
        .then(() => database.close());
      return shutdown;
    },
  };
}

function frozenEnvelope(reason: string): Envelope {
  return { ok: false, error: new TransientError('library_frozen', reason).toApiError() };
}

const SHUTTING_DOWN: Envelope = {
  ok: false,
  error: new TransientError(
    'shutting_down',
    'Cairn is closing. Try again after it restarts.',
  ).toApiError(),
};
