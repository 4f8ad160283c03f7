import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { dataLayout, type DataLayout } from '../config/data-dir';
import { CancelledError, PermanentError } from '../errors';
import { hashFile } from '../transcribe/models/download';
import type { SqliteConnection } from './sqlite-driver';
import { identityFile, safeStorageKeyFile } from '../security/library-identity';

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
        bytes += await copyVerified(
          path.join(from.root, folder, relative),
          path.join(to, folder, relative),
        );
        files += 1;
      }
    }
    // The identity names the key in the keyring, and the app keeps its own wrapped copy of the
    // key beside it: without them the copy could not be opened.
    for (const file of [identityFile(from.root), safeStorageKeyFile(from.root)]) {
      if (!existsSync(file)) continue;
      bytes += await copyVerified(file, path.join(to, path.basename(file)));
      files += 1;
    }
    // VACUUM INTO, not the backup API: SQLite3 Multiple Ciphers refuses to back up an encrypted
    // database into a target it cannot key, while VACUUM INTO writes a consistent snapshot that
    // is encrypted with the same key, with the app still running.
    options.connection.prepare('VACUUM INTO ?').run(target.database);
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
      bytes += await copyVerified(source, copy);
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
  connection.prepare('ATTACH DATABASE ? AS library_copy').run(file);
  try {
    const check = connection.pragma('library_copy.quick_check', { simple: true });
    if (check !== 'ok')
      throw new PermanentError(
        'copy_damaged',
        `The library database at ${file} failed its check (${String(check)}). Nothing was changed; choose another folder.`,
      );
    const sessions = connection
      .prepare('SELECT count(*) AS n FROM library_copy.sessions')
      .get() as { n: number };
    const recordings = connection
      .prepare('SELECT stored_path AS storedPath FROM library_copy.recordings')
      .all() as { storedPath: string }[];
    return { sessions: sessions.n, recordings: recordings.map((r) => r.storedPath) };
  } finally {
    connection.prepare('DETACH DATABASE library_copy').run();
  }
}

/** Copies a file and compares both by SHA-256; returns its size. */
async function copyVerified(source: string, target: string): Promise<number> {
  await mkdir(path.dirname(target), { recursive: true });
  await copyFile(source, target);
  const [expected, actual] = await Promise.all([
    hashFile(source, 'sha256'),
    hashFile(target, 'sha256'),
  ]);
  if (expected !== actual)
    throw new PermanentError(
      'copy_mismatch',
      `${path.basename(source)} did not copy correctly (the copy differs from the original). Nothing was changed; check the new folder's disk and try again.`,
    );
  return (await stat(target)).size;
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
