import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../../errors';
import { downloadFile, type DownloadOptions } from '../../transcribe/models/download';
import { installedGgufModels, llmModelsDir } from '../llm/choose-provider';
import {
  findNotesModel,
  NOTES_CATALOGUE,
  notesModelUrl,
  type NotesCatalogueModel,
} from './catalogue';

/** Notes models (GGUF) in `<models>/llm/`: the Whisper store's twin, on the same downloader. */

export interface NotesModelListing {
  dir: string;
  available: (NotesCatalogueModel & { installed: boolean; partialBytes: number })[];
  /** Every GGUF file in the folder, catalogue or not. */
  installed: { file: string; sizeBytes: number }[];
}

export interface NotesStoreOptions {
  /** Tests pass their own catalogue served from a loopback server. */
  catalogue?: readonly NotesCatalogueModel[];
  host?: string;
}

export async function listNotesModels(
  modelsDir: string,
  options: NotesStoreOptions = {},
): Promise<NotesModelListing> {
  const dir = llmModelsDir(modelsDir);
  const files = installedGgufModels(modelsDir);
  const installed = await Promise.all(
    files.map(async (file) => ({ file, sizeBytes: (await stat(path.join(dir, file))).size })),
  );
  const available = await Promise.all(
    (options.catalogue ?? NOTES_CATALOGUE).map(async (entry) => ({
      ...entry,
      installed: files.includes(entry.file),
      partialBytes: await sizeOf(path.join(dir, `${entry.file}.part`)),
    })),
  );
  return { dir, available, installed };
}

function entryFor(name: string, catalogue?: readonly NotesCatalogueModel[]): NotesCatalogueModel {
  const entry = findNotesModel(name, catalogue);
  if (!entry)
    throw new ValidationError(
      'unknown_model',
      `There is no notes model called "${name}". See the choices with: cairn models list --kind notes`,
    );
  return entry;
}

/** Downloads a catalogue model; resumes a partial one; already installed → nothing to do. */
export async function downloadNotesModel(
  modelsDir: string,
  name: string,
  options: NotesStoreOptions &
    Pick<DownloadOptions, 'signal' | 'onProgress' | 'retries' | 'retryDelayMs'> = {},
): Promise<string> {
  const { catalogue, host, ...download } = options;
  const entry = entryFor(name, catalogue);
  const target = path.join(llmModelsDir(modelsDir), entry.file);
  if ((await sizeOf(target)) > 0) return target;
  await downloadFile({
    url: notesModelUrl(entry, host),
    target,
    // See catalogue.ts: without a verified hash, the server's declared length is the check.
    ...(entry.sha256
      ? { checksum: { algorithm: 'sha256', hex: entry.sha256 } }
      : { sizeOnly: true }),
    ...download,
  });
  return target;
}

/** Bytes of an unfinished download of a catalogue model, kept to resume (0: none). */
export function partialNotesModelBytes(
  modelsDir: string,
  name: string,
  catalogue?: readonly NotesCatalogueModel[],
): Promise<number> {
  const entry = entryFor(name, catalogue);
  return sizeOf(path.join(llmModelsDir(modelsDir), `${entry.file}.part`));
}

/** Deletes an installed notes model (a catalogue name or a GGUF file name) and any partial. */
export async function removeNotesModel(
  modelsDir: string,
  name: string,
  catalogue?: readonly NotesCatalogueModel[],
): Promise<string> {
  const file = findNotesModel(name, catalogue)?.file ?? name;
  if (path.basename(file) !== file || file.startsWith('.') || !file.endsWith('.gguf'))
    throw new ValidationError('invalid_model_name', `"${name}" is not a notes model name.`);
  const target = path.join(llmModelsDir(modelsDir), file);
  if ((await sizeOf(target)) === 0 && (await sizeOf(`${target}.part`)) === 0)
    throw new ValidationError('model_missing', `The notes model "${name}" is not installed.`);
  await rm(target, { force: true });
  await rm(`${target}.part`, { force: true });
  return file;
}

async function sizeOf(file: string): Promise<number> {
  return stat(file).then(
    (info) => (info.isFile() ? info.size : 0),
    () => 0,
  );
}
