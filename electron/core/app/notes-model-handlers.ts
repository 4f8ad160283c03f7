import path from 'node:path';
import type { NotesModel, NotesModelsListing } from '../../../shared/api/notes-model-schemas';
import { readSetting, SETTINGS } from '../config/settings';
import { setSetting } from '../store/repositories/settings';
import { CairnError, TransientError, ValidationError } from '../errors';
import { installedGgufModels, llmModelsDir, resolveGgufPath } from '../notes/llm/choose-provider';
import { listOllamaModels } from '../notes/llm/ollama-provider';
import {
  findNotesModel,
  NOTES_CATALOGUE,
  type NotesCatalogueModel,
} from '../notes/models/catalogue';
import {
  downloadNotesModel,
  listNotesModels,
  partialNotesModelBytes,
  removeNotesModel,
} from '../notes/models/notes-model-store';
import { recommendNotesModel, thisMachine } from '../notes/models/recommend';
import type { Db } from '../store/open-database';
import type { EventBus } from './event-bus';
import type { Handlers } from './handlers';
import { RunningDownloads, type DownloadJob } from './running-downloads';

interface NotesModelHandlerContext {
  db: Db;
  events: EventBus;
  modelsDir: string;
  /** The notes models offered for download (tests serve their own from a loopback server). */
  catalogue?: readonly NotesCatalogueModel[];
  /** Aborted when the core shuts down: a download must not hold up quitting. */
  closing: AbortSignal;
}

type NotesModelHandlers = Pick<
  Handlers,
  'notesModels.list' | 'notesModels.download' | 'notesModels.cancelDownload' | 'notesModels.delete'
>;

/** Notes models (GGUF) for Settings: list, download with progress, cancel, delete. */
export function createNotesModelHandlers(context: NotesModelHandlerContext): NotesModelHandlers {
  const { db, events, modelsDir } = context;
  const catalogue = context.catalogue ?? NOTES_CATALOGUE;
  const downloads = new RunningDownloads(context.closing);

  /** The file in `<models>/llm/` the embedded engine would write notes with now, if any. */
  const fileInUse = (): string | null => {
    const setting = readSetting(db, 'embeddedModel');
    if (setting === '') return installedGgufModels(modelsDir)[0] ?? null;
    const file = path.resolve(resolveGgufPath(modelsDir, setting));
    // A setting naming a file elsewhere (a full path) uses none of the files listed here.
    return path.dirname(file) === path.resolve(llmModelsDir(modelsDir))
      ? path.basename(file)
      : null;
  };

  const jobFor = (entry: NotesCatalogueModel): DownloadJob => ({
    sizeBytes: entry.sizeBytes,
    resumeFrom: () => partialNotesModelBytes(modelsDir, entry.name, catalogue),
    download: (signal, onProgress) =>
      downloadNotesModel(modelsDir, entry.name, { catalogue, signal, onProgress }),
    progress: (receivedBytes, totalBytes) =>
      events.emit('notesModels.downloadProgress', { name: entry.name, receivedBytes, totalBytes }),
    changed: () => events.emit('notesModels.changed', { name: entry.name }),
  });

  return {
    'notesModels.list': async () => {
      // Ollama is asked while the folder is read; its answer (or silence) never fails the listing.
      const ollama = ollamaStatus(readSetting(db, 'ollamaHost'));
      const listing = await listNotesModels(modelsDir, { catalogue });
      const inUse = fileInUse();
      const sizes = new Map(listing.installed.map((f) => [f.file, f.sizeBytes]));
      const catalogueFiles = new Set(listing.available.map((m) => m.file));
      const models: NotesModel[] = [
        ...listing.available.map((m) => ({
          name: m.name,
          label: m.label,
          file: m.file,
          sizeBytes: sizes.get(m.file) ?? m.sizeBytes,
          ramBytes: m.ramBytes,
          contextLength: m.contextLength,
          licence: m.licence,
          source: 'catalogue' as const,
          installed: m.installed,
          inUse: m.file === inUse,
          downloading: downloads.has(m.name),
          partialBytes: m.installed ? 0 : m.partialBytes,
        })),
        ...listing.installed
          .filter((f) => !catalogueFiles.has(f.file))
          .map((f) => ({
            name: f.file,
            label: f.file,
            file: f.file,
            sizeBytes: f.sizeBytes,
            ramBytes: null,
            contextLength: null,
            licence: null,
            source: 'other' as const,
            installed: true,
            inUse: f.file === inUse,
            downloading: false,
            partialBytes: 0,
          })),
      ];
      // The embedded engine runs llama.cpp on the CPU only (see embedded-provider.ts), so a
      // graphics processor would not make it faster: the recommendation does not count one.
      const recommendation = recommendNotesModel(thisMachine(false), catalogue);
      return {
        dir: listing.dir,
        inUse: readSetting(db, 'embeddedModel'),
        models,
        recommended: { name: recommendation.model.name, reason: recommendation.reason },
        ollama: await ollama,
      };
    },
    'notesModels.download': async ({ name }) => {
      const entry = findNotesModel(name, catalogue);
      if (!entry)
        throw new ValidationError(
          'unknown_model',
          `There is no notes model called "${name}" to download. Choose one from the list.`,
        );
      // The model notes are written with now (the first file by name, when none is chosen):
      // a download must not quietly replace it, so it is pinned once the new file is in place.
      const before = fileInUse();
      await downloads.join(entry.name, jobFor(entry));
      if (readSetting(db, 'embeddedModel') === '')
        setSetting(db, SETTINGS.embeddedModel.key, before ?? entry.file);
      return { name: entry.name };
    },
    'notesModels.cancelDownload': async ({ name }) => ({
      cancelled: await downloads.cancel(findNotesModel(name, catalogue)?.name ?? name),
    }),
    'notesModels.delete': async ({ name }) => {
      const entry = findNotesModel(name, catalogue);
      if ((entry?.file ?? name) === fileInUse())
        throw new ValidationError(
          'model_in_use',
          `"${entry?.label ?? name}" is the model notes are written with. Choose another notes model first, then delete this one.`,
        );
      if (entry) await downloads.cancel(entry.name);
      try {
        await removeNotesModel(modelsDir, name, catalogue);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EBUSY' || code === 'EPERM')
          throw new TransientError(
            'model_busy',
            `"${entry?.label ?? name}" is being used to write a note right now. Try again when it has finished.`,
            { cause: error },
          );
        throw error;
      }
      events.emit('notesModels.changed', { name: entry?.name ?? name });
      return { deleted: true };
    },
  };
}

const OLLAMA_LIST_MS = 3000;

/** The Ollama at `host`: its models, or why it did not answer (it is optional, never an error). */
async function ollamaStatus(host: string): Promise<NotesModelsListing['ollama']> {
  try {
    // Something that accepts the connection but never answers must not hold the page for
    // fetch's own five minutes: a local Ollama lists its models in milliseconds.
    const patient: typeof fetch = (input, init) =>
      fetch(input, {
        ...init,
        signal: init?.signal
          ? AbortSignal.any([init.signal, AbortSignal.timeout(OLLAMA_LIST_MS)])
          : AbortSignal.timeout(OLLAMA_LIST_MS),
      });
    return { host, running: true, models: await listOllamaModels(host, patient), message: '' };
  } catch (error) {
    const message =
      error instanceof CairnError ? error.userMessage : `Ollama did not answer at ${host}.`;
    return { host, running: false, models: [], message };
  }
}
