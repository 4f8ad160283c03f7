import type { WhisperModel } from '../../../shared/api/settings-schemas';
import { readSetting } from '../config/settings';
import { TransientError, ValidationError } from '../errors';
import type { Db } from '../store/open-database';
import { CATALOGUE, findCatalogueModel, type CatalogueModel } from '../transcribe/models/catalogue';
import {
  downloadModel,
  listModels,
  partialDownloadBytes,
  removeModel,
} from '../transcribe/models/model-store';
import type { EventBus } from './event-bus';
import type { Handlers } from './handlers';

interface ModelHandlerContext {
  db: Db;
  events: EventBus;
  modelsDir: string;
  /** The models offered for download (tests serve their own from a loopback server). */
  catalogue?: readonly CatalogueModel[];
  /** Aborted when the core shuts down: a download must not hold up quitting. */
  closing: AbortSignal;
}

type ModelHandlers = Pick<
  Handlers,
  'models.list' | 'models.download' | 'models.cancelDownload' | 'models.delete'
>;

interface RunningDownload {
  controller: AbortController;
  done: Promise<void>;
}

/** Progress is sent about every half percent: enough for a smooth bar, not an event per chunk. */
const PROGRESS_STEPS = 200;
const MIN_PROGRESS_STEP_BYTES = 256 * 1024;

/** Whisper models for Settings: list, download with progress, cancel, delete. */
export function createModelHandlers(context: ModelHandlerContext): ModelHandlers {
  const { db, events, modelsDir } = context;
  const catalogue = context.catalogue ?? CATALOGUE;
  const downloads = new Map<string, RunningDownload>();
  context.closing.addEventListener('abort', () => {
    for (const download of downloads.values()) download.controller.abort();
  });

  const nameInUse = () => {
    const setting = readSetting(db, 'transcriptionModel');
    return findCatalogueModel(setting, catalogue)?.name ?? setting.replace(/^ggml-|\.bin$/g, '');
  };

  const startDownload = (entry: CatalogueModel): RunningDownload => {
    const controller = new AbortController();
    let lastSent = -Infinity;
    const report = (receivedBytes: number, totalBytes: number | undefined) => {
      const step = Math.max(MIN_PROGRESS_STEP_BYTES, (totalBytes ?? 0) / PROGRESS_STEPS);
      if (receivedBytes - lastSent < step && receivedBytes !== totalBytes) return;
      lastSent = receivedBytes;
      events.emit('models.downloadProgress', {
        name: entry.name,
        receivedBytes,
        totalBytes: totalBytes ?? null,
      });
    };
    const done = partialDownloadBytes(modelsDir, entry.name, catalogue)
      .then((resumeFrom) => {
        report(resumeFrom, entry.sizeBytes);
        return downloadModel(modelsDir, entry.name, {
          catalogue,
          signal: controller.signal,
          onProgress: report,
        });
      })
      .then(() => undefined)
      .finally(() => {
        downloads.delete(entry.name);
        events.emit('models.changed', { name: entry.name });
      });
    // Whoever awaits `done` sees a failure; this keeps an unawaited one from being "unhandled".
    done.catch(() => undefined);
    return { controller, done };
  };

  const cancel = async (name: string): Promise<boolean> => {
    const download = downloads.get(name);
    if (!download) return false;
    download.controller.abort();
    await download.done.catch(() => undefined);
    return true;
  };

  return {
    'models.list': async () => {
      const listing = await listModels(modelsDir, catalogue);
      const inUse = nameInUse();
      const installed = new Map(listing.installed.map((m) => [m.name, m]));
      const describe = async (
        name: string,
        sizeBytes: number,
        source: WhisperModel['source'],
        englishOnly: boolean,
      ): Promise<WhisperModel> => ({
        name,
        sizeBytes: installed.get(name)?.sizeBytes ?? sizeBytes,
        installed: installed.has(name),
        inUse: name === inUse,
        source,
        englishOnly,
        downloading: downloads.has(name),
        partialBytes: installed.has(name)
          ? 0
          : await partialDownloadBytes(modelsDir, name, catalogue),
      });
      const models = await Promise.all([
        ...listing.available.map((m) => describe(m.name, m.sizeBytes, 'catalogue', m.englishOnly)),
        ...listing.installed
          .filter((m) => m.source === 'imported')
          .map((m) => describe(m.name, m.sizeBytes, 'imported', m.name.includes('.en'))),
      ]);
      return { dir: modelsDir, inUse: readSetting(db, 'transcriptionModel'), models };
    },
    'models.download': async ({ name }) => {
      const entry = findCatalogueModel(name, catalogue);
      if (!entry)
        throw new ValidationError(
          'unknown_model',
          `There is no Whisper model called "${name}" to download. Choose one from the list.`,
        );
      let download = downloads.get(entry.name);
      if (!download) {
        download = startDownload(entry);
        downloads.set(entry.name, download);
        events.emit('models.changed', { name: entry.name });
      }
      await download.done;
      return { name: entry.name };
    },
    'models.cancelDownload': async ({ name }) => ({ cancelled: await cancel(name) }),
    'models.delete': async ({ name }) => {
      if (name === nameInUse())
        throw new ValidationError(
          'model_in_use',
          `"${name}" is the Whisper model new sessions are transcribed with. Choose another model first, then delete this one.`,
        );
      await cancel(name);
      try {
        await removeModel(modelsDir, name, catalogue);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EBUSY' || code === 'EPERM')
          throw new TransientError(
            'model_busy',
            `"${name}" is being used by a transcription right now. Try again when it has finished.`,
            { cause: error },
          );
        throw error;
      }
      events.emit('models.changed', { name });
      return { deleted: true };
    },
  };
}
