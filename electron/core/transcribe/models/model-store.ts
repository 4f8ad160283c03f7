import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { PermanentError, ValidationError } from '../../errors';
import { CATALOGUE, findCatalogueModel, modelUrl, type CatalogueModel } from './catalogue';
import { downloadFile, hashFile, type DownloadOptions } from './download';
import { readGgmlHeader } from './ggml-header';

export const MODELS_DIR_ENV = 'CAIRN_MODELS_DIR';

/** Models live in `<data dir>/models` unless CAIRN_MODELS_DIR says otherwise (they hold no PHI). */
export function resolveModelsDir(dataDir: string): string {
  return process.env[MODELS_DIR_ENV] ?? path.join(dataDir, 'models');
}

export interface InstalledModel {
  name: string;
  file: string;
  sizeBytes: number;
  /** Part of the catalogue (downloadable), or a file the user imported. */
  source: 'catalogue' | 'imported';
}

export interface ModelListing {
  installed: InstalledModel[];
  available: (CatalogueModel & { installed: boolean })[];
}

export async function listModels(
  dir: string,
  catalogue: readonly CatalogueModel[] = CATALOGUE,
): Promise<ModelListing> {
  // Silero VAD models (ggml-silero-*) live here too, but they are not Whisper models.
  const files = (await readdir(dir).catch(() => [] as string[])).filter(
    (f) => f.endsWith('.bin') && !f.startsWith('ggml-silero-'),
  );
  const installed = await Promise.all(
    files.map(async (file) => {
      const name = file.replace(/^ggml-/, '').replace(/\.bin$/, '');
      const source: InstalledModel['source'] = findCatalogueModel(name, catalogue)
        ? 'catalogue'
        : 'imported';
      return { name, file, sizeBytes: (await stat(path.join(dir, file))).size, source };
    }),
  );
  return {
    installed,
    available: catalogue.map((entry) => ({ ...entry, installed: files.includes(entry.file) })),
  };
}

/**
 * Finds the model to run: a path to a file, or a name installed in the models folder. Missing and
 * damaged models are refused here, with the command that fixes it, before any engine starts.
 */
export async function resolveModel(dir: string, nameOrPath: string): Promise<string> {
  const isPath = nameOrPath.includes('/') || nameOrPath.includes('\\');
  const candidate = isPath ? path.resolve(nameOrPath) : path.join(dir, fileNameFor(nameOrPath));
  const exists = await fileExists(candidate);
  if (!exists) {
    const entry = findCatalogueModel(nameOrPath);
    throw new PermanentError(
      'model_missing',
      isPath
        ? `There is no model file at ${candidate}.`
        : entry
          ? `The Whisper model "${entry.name}" is not installed. Download it with: cairn models download ${entry.name} (${Math.round(entry.sizeBytes / 1024 ** 2)} MB), or choose another model.`
          : `There is no Whisper model called "${nameOrPath}". See the choices with: cairn models list`,
    );
  }
  if (!(await readGgmlHeader(candidate))) {
    throw new PermanentError(
      'model_invalid',
      `${path.basename(candidate)} is not a usable Whisper model (damaged or a different format). Remove it and download it again.`,
    );
  }
  return candidate;
}

function fileNameFor(name: string, catalogue: readonly CatalogueModel[] = CATALOGUE): string {
  const entry = findCatalogueModel(name, catalogue);
  if (entry) return entry.file;
  if (path.basename(name) !== name || name.startsWith('.')) {
    throw new ValidationError('invalid_model_name', `"${name}" is not a model name.`);
  }
  return name.endsWith('.bin') ? name : `ggml-${name}.bin`;
}

/** Downloads a catalogue model into the folder; already installed and verified → nothing to do. */
export async function downloadModel(
  dir: string,
  name: string,
  options: Pick<DownloadOptions, 'signal' | 'onProgress' | 'retries' | 'retryDelayMs'> & {
    host?: string;
    catalogue?: readonly CatalogueModel[];
  } = {},
): Promise<string> {
  const { catalogue, ...download } = options;
  const entry = findCatalogueModel(name, catalogue);
  if (!entry) {
    throw new ValidationError(
      'unknown_model',
      `There is no Whisper model called "${name}". See the choices with: cairn models list`,
    );
  }
  const target = path.join(dir, entry.file);
  if (await fileExists(target)) return target;
  await downloadFile({
    url: modelUrl(entry, download.host),
    target,
    checksum: entry.checksum,
    ...download,
  });
  return target;
}

/**
 * Copies a model file from disk into the folder (checked first: a ggml Whisper model). A file whose
 * content is a catalogue model takes that model's name.
 */
export async function importModel(dir: string, file: string): Promise<InstalledModel> {
  const source = path.resolve(file);
  const info = await stat(source).catch(() => undefined);
  if (!info?.isFile())
    throw new ValidationError('file_not_found', `There is no model file at ${source}.`);
  if (!(await readGgmlHeader(source))) {
    throw new ValidationError(
      'model_invalid',
      `${path.basename(source)} is not a whisper.cpp (ggml) Whisper model.`,
    );
  }
  const sha256 = await hashFile(source, 'sha256');
  const known = CATALOGUE.find(
    (entry) => entry.checksum.algorithm === 'sha256' && entry.checksum.hex === sha256,
  );
  // A file that is not the published model must not pass for it, whatever it is called.
  const base = path
    .basename(source)
    .replace(/^ggml-/, '')
    .replace(/\.bin$/, '');
  const fileName =
    known?.file ?? `ggml-${findCatalogueModel(base) ? `${base}-imported` : base}.bin`;
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, fileName);
  const partial = `${target}.part`;
  await copyFile(source, partial);
  await rename(partial, target);
  return {
    name: fileName.replace(/^ggml-/, '').replace(/\.bin$/, ''),
    file: fileName,
    sizeBytes: info.size,
    source: known ? 'catalogue' : 'imported',
  };
}

/** Deletes an installed model, and any unfinished download of it. */
export async function removeModel(
  dir: string,
  name: string,
  catalogue: readonly CatalogueModel[] = CATALOGUE,
): Promise<void> {
  const target = path.join(dir, fileNameFor(name, catalogue));
  const partial = await fileExists(`${target}.part`);
  if (!(await fileExists(target)) && !partial) {
    throw new ValidationError('model_missing', `The model "${name}" is not installed.`);
  }
  await rm(target, { force: true });
  await rm(`${target}.part`, { force: true });
}

/** Bytes of an unfinished (resumable) download of the model, 0 when there is none. */
export async function partialDownloadBytes(
  dir: string,
  name: string,
  catalogue: readonly CatalogueModel[] = CATALOGUE,
): Promise<number> {
  const file = path.join(dir, `${fileNameFor(name, catalogue)}.part`);
  return stat(file).then(
    (info) => info.size,
    () => 0,
  );
}

/** A regular file is there (a folder or nothing is not). */
async function fileExists(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}
