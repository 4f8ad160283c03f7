import type { WhisperModel } from '../../../shared/api/settings-schemas';
import { readSetting } from '../config/settings';
import { TransientError, ValidationError } from '../errors';
import type { Db } from '../store/open-database';
import { thisMachine } from '../notes/models/recommend';
import { CATALOGUE, findCatalogueModel, type CatalogueModel } from '../transcribe/models/catalogue';
import {
  downloadModel,
  listModels,
  partialDownloadBytes,
  removeModel,
} from '../transcribe/models/model-store';
import { recommendWhisperModel } from '../transcribe/models/recommend';
import type { EventBus } from './event-bus';
import type { Handlers } from './handlers';
import { RunningDownloads, type DownloadJob } from './running-downloads';

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

/** Whisper models for Settings: list, download with progress, cancel, delete. */
export function createModelHandlers(context: ModelHandlerContext): ModelHandlers {
  const { db, events, modelsDir } = context;
  const catalogue = context.catalogue ?? CATALOGUE;
  const downloads = new RunningDownloads(context.closing);

  const nameInUse = () => {
    const setting = readSetting(db, 'transcriptionModel');
    return findCatalogueModel(setting, catalogue)?.name ?? setting.replace(/^ggml-|\.bin$/g, '');
  };

  const jobFor = (entry: CatalogueModel): DownloadJob => ({
    sizeBytes: entry.sizeBytes,
    resumeFrom: () => partialDownloadBytes(modelsDir, entry.name, catalogue),
    download: (signal, onProgress) =>
      downloadModel(modelsDir, entry.name, { catalogue, signal, onProgress }),
    progress: (receivedBytes, totalBytes) =>
      events.emit('models.downloadProgress', { name: entry.name, receivedBytes, totalBytes }),
    changed: () => events.emit('models.changed', { name: entry.name }),
  });

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
      const recommendation = recommendWhisperModel(
        thisMachine(false),
        readSetting(db, 'transcriptionLanguage'),
        catalogue,
      );
      return {
        dir: modelsDir,
        inUse: readSetting(db, 'transcriptionModel'),
        models,
        recommended: { name: recommendation.model.name, reason: recommendation.reason },
      };
    },
    'models.download': async ({ name }) => {
      const entry = findCatalogueModel(name, catalogue);
      if (!entry)
        throw new ValidationError(
          'unknown_model',
          `There is no Whisper model called "${name}" to download. Choose one from the list.`,
        );
      await downloads.join(entry.name, jobFor(entry));
      return { name: entry.name };
    },
    'models.cancelDownload': async ({ name }) => ({ cancelled: await downloads.cancel(name) }),
    'models.delete': async ({ name }) => {
      if (name === nameInUse())
        throw new ValidationError(
          'model_in_use',
          `"${name}" is the Whisper model new sessions are transcribed with. Choose another model first, then delete this one.`,
        );
      await downloads.cancel(name);
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
