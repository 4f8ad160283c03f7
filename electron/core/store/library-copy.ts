import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { dataLayout, type DataLayout } from '../config/data-dir';
import { CancelledError, PermanentError } from '../errors';
import { snapshotDatabase, withAttachedDatabase } from './database-snapshot';
import { copyVerified } from './verified-copy';
import type { SqliteConnection } from './sqlite-driver';
import { libraryKeyFiles } from '../security/library-identity';

export interface LibraryCopyOptions {
  connection: SqliteConnection;
  from: DataLayout;
  /** An empty or new folder. */
  to: string;
  /** Copied too when it lives inside the library (the default); a folder elsewhere stays put. */
  modelsDir: string;
  signal?: AbortSignal;
}

export interface LibraryCopyResult {
  sessions: number;
  files: number;
  bytes: number;
}

/** What a library holds besides its database; `tmp` is scratch space and is not copied. */
const FOLDERS = ['recordings', 'cache', 'models'] as const;

/**
 * Copies a library to a new folder without losing anything: every file is copied and compared
 * by SHA-256 with its source; the database is copied with VACUUM INTO (a consistent snapshot,
 * even while the app writes, encrypted like the source) and checked; finally every recording the
 * copied database lists must be there, with its size (one imported during the copy is copied then). On any failure
 * what was copied is removed again and the source is untouched.
 */
export async function copyLibrary(options: LibraryCopyOptions): Promise<LibraryCopyResult> {
  const { from, to, signal } = options;
  const target = dataLayout(to);
  await mkdir(to, { recursive: true });
  try {
    let files = 0;
    let bytes = 0;
    for (const folder of FOLDERS) {
      if (folder === 'models' && path.resolve(options.modelsDir) !== path.join(from.root, folder))
        continue;
      for (const relative of await listFiles(path.join(from.root, folder))) {
        if (signal?.aborted) throw new CancelledError();
        bytes += (
          await copyVerified(
            path.join(from.root, folder, relative),
            path.join(to, folder, relative),
          )
        ).bytes;
        files += 1;
      }
    }
    // The identity names the key, and the wrapped copies of the key beside it open it where no
    // keyring has it: without them the copy could not be opened.
    for (const file of libraryKeyFiles(from.root)) {
      if (!existsSync(file)) continue;
      bytes += (await copyVerified(file, path.join(to, path.basename(file)))).bytes;
      files += 1;
    }
    // A consistent snapshot encrypted with the same key, with the app still running.
    snapshotDatabase(options.connection, target.database);
    const copied = inspectLibraryDatabase(options.connection, target.database);
    for (const storedPath of copied.recordings) {
      const source = path.join(from.root, storedPath);
      const copy = path.join(to, storedPath);
      const [sourceSize, copySize] = await Promise.all([sizeOf(source), sizeOf(copy)]);
      if (copySize !== undefined && copySize === sourceSize) continue;
      if (sourceSize === undefined)
        throw new PermanentError(
          'recording_missing',
          `The recording ${storedPath} is missing from the current library, so it cannot be moved. Nothing was changed.`,
        );
      bytes += (await copyVerified(source, copy)).bytes;
      files += 1;
    }
    return {
      sessions: copied.sessions,
      files: files + 1,
      bytes: bytes + (await sizeOrZero(target.database)),
    };
  } catch (error) {
    await removeCopy(to);
    throw error;
  }
}

/** A library's database reads back whole; what it holds: its session count and recording files. */
export function inspectLibraryDatabase(
  connection: SqliteConnection,
  file: string,
): { sessions: number; recordings: string[] } {
  return withAttachedDatabase(connection, file, (copy) => {
    const check = connection.pragma(`${copy}.quick_check`, { simple: true });
    if (check !== 'ok')
      throw new PermanentError(
        'copy_damaged',
        `The library database at ${file} failed its check (${String(check)}). Nothing was changed; choose another folder.`,
      );
    const sessions = connection.prepare(`SELECT count(*) AS n FROM ${copy}.sessions`).get() as {
      n: number;
    };
    const recordings = connection
      .prepare(`SELECT stored_path AS storedPath FROM ${copy}.recordings`)
      .all() as { storedPath: string }[];
    return { sessions: sessions.n, recordings: recordings.map((r) => r.storedPath) };
  });
}

/** Files under a folder, relative to it; unfinished downloads (`.part`) are left behind. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.part'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

async function sizeOf(file: string): Promise<number | undefined> {
  return stat(file).then(
    (info) => info.size,
    () => undefined,
  );
}

async function sizeOrZero(file: string): Promise<number> {
  return (await sizeOf(file)) ?? 0;
}

/** Only what a copy creates: the folder was empty before, but the user chose it. */
async function removeCopy(to: string): Promise<void> {
  const layout = dataLayout(to);
  for (const entry of [
    ...FOLDERS.map((f) => path.join(to, f)),
    layout.database,
    `${layout.database}-wal`,
    `${layout.database}-shm`,
    `${layout.database}-journal`,
  ])
    await rm(entry, { recursive: true, force: true });
}
