import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { homedir } from 'node:os';
import { PermanentError } from '../errors';

export const DATA_DIR_ENV = 'CAIRN_DATA_DIR';

/** In the default folder: where the library lives after the user moved it in Settings. */
export const LIBRARY_POINTER_FILE = 'library-location.json';

/**
 * Where the CLI and tests keep their data: `--data-dir`, then `CAIRN_DATA_DIR`, then the folder
 * the library was moved to (the pointer file), then the same per-user folder Electron's
 * `userData` resolves to on each platform, so the CLI and the app share one library by default.
 */
export function resolveDataDir(options: { flag?: string; env?: NodeJS.ProcessEnv }): string {
  const env = options.env ?? process.env;
  const chosen = options.flag ?? env[DATA_DIR_ENV];
  if (chosen !== undefined && chosen.trim() !== '') return path.resolve(chosen);
  const defaultDir = defaultUserDataDir(env);
  return followLibraryPointer(libraryPointerFile(defaultDir)) ?? defaultDir;
}

/**
 * The pointer a library move writes, or null when this library was chosen with `--data-dir` or
 * `CAIRN_DATA_DIR`: moving it must not redirect the default library to a copy of it.
 */
export function movablePointer(options: { flag?: string; env?: NodeJS.ProcessEnv }): string | null {
  const env = options.env ?? process.env;
  const chosen = options.flag ?? env[DATA_DIR_ENV];
  if (chosen !== undefined && chosen.trim() !== '') return null;
  return libraryPointerFile(defaultUserDataDir(env));
}

export function libraryPointerFile(defaultDataDir: string): string {
  return path.join(defaultDataDir, LIBRARY_POINTER_FILE);
}

/** The folder the pointer names, or undefined when there is no (readable) pointer. */
export function readLibraryPointer(pointerFile: string): string | undefined {
  try {
    const parsed = JSON.parse(readFileSync(pointerFile, 'utf8')) as { dataDir?: unknown };
    return typeof parsed.dataDir === 'string' && path.isAbsolute(parsed.dataDir)
      ? parsed.dataDir
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The moved library's folder. A pointer to a folder without a library (a disconnected drive) is
 * refused: starting there would open an empty library and the sessions would seem lost.
 */
export function followLibraryPointer(pointerFile: string): string | undefined {
  const dataDir = readLibraryPointer(pointerFile);
  if (dataDir === undefined) return undefined;
  if (!existsSync(dataLayout(dataDir).database))
    throw new PermanentError(
      'library_unavailable',
      `Cairn's library was moved to ${dataDir}, which is not available now (is its drive connected?). Connect it and start Cairn again, or delete ${pointerFile} to use the default folder.`,
    );
  return dataDir;
}

/** Written beside, then renamed: a crash leaves the old pointer or the new one, never half. */
export async function writeLibraryPointer(pointerFile: string, dataDir: string): Promise<void> {
  await mkdir(path.dirname(pointerFile), { recursive: true });
  const partial = `${pointerFile}.part`;
  await writeFile(partial, `${JSON.stringify({ dataDir }, null, 2)}\n`);
  await rename(partial, pointerFile);
}

export function defaultUserDataDir(env: NodeJS.ProcessEnv): string {
  const appName = 'Cairn';
  switch (process.platform) {
    case 'darwin':
      return path.join(homedir(), 'Library', 'Application Support', appName);
    case 'win32':
      return path.join(env.APPDATA ?? path.join(homedir(), 'AppData', 'Roaming'), appName);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config'), appName);
  }
}

/** The fixed layout inside a data directory. */
export function dataLayout(dataDir: string) {
  return {
    root: dataDir,
    database: path.join(dataDir, 'cairn.db'),
    recordings: path.join(dataDir, 'recordings'),
    /** Same filesystem as `recordings`, so a finished copy is placed with an atomic rename. */
    tmp: path.join(dataDir, 'tmp'),
    /** Things computed from recordings that can be computed again (waveform peaks). */
    cache: path.join(dataDir, 'cache'),
  };
}
export type DataLayout = ReturnType<typeof dataLayout>;
