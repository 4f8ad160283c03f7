import { existsSync } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BackupResult } from '../../../shared/api/data-schemas';
import type { DataLayout } from '../config/data-dir';
import { PermanentError, ValidationError } from '../errors';
import { libraryKeyFiles, readLibraryIdentity } from '../security/library-identity';
import { inspectSnapshot, snapshotDatabase } from '../store/database-snapshot';
import { fsyncDirectory } from '../store/recording-files';
import type { SqliteConnection } from '../store/sqlite-driver';
import { copyVerified } from '../store/verified-copy';
import { hashFile } from '../transcribe/models/download';
import { MANIFEST_FILE, sealManifest, type ManifestFile } from './backup-manifest';
import { absoluteFolder, isInside, pathInside, portable } from './backup-paths';

export interface BackupOptions {
  /** The library's open connection: the snapshot is read through it (and its key). */
  connection: SqliteConnection;
  layout: DataLayout;
  /** The folder the backup folder is made in. */
  destination: string;
  libraryKey: Buffer;
  cairnVersion: string;
  now?: Date;
}

/**
 * Backs the library up while it is in use: a `cairn-backup-<UTC time>` folder with the database
 * (a snapshot encrypted with the library's key), library.json, the app's wrapped key when there is
 * one, the stored recordings as they are on disk, and a sealed manifest. Everything is written
 * under a hidden `.partial` name and checked (the database's every page through the key, each
 * file's SHA-256 against its source) before the folder takes its real name, so a backup folder
 * that exists is whole. Deleted audio (retention) is not in it.
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const { connection, layout } = options;
  const destination = await checkDestination(options.destination, layout.root);
  const identity = readLibraryIdentity(layout.root);
  if (!identity)
    throw new PermanentError(
      'library_identity_missing',
      'This library has no library.json, so a backup could not be restored. Restart Cairn, then back up again.',
    );
  const final = uniqueFolder(destination, `cairn-backup-${stamp(options.now ?? new Date())}`);
  const partial = path.join(destination, `.${path.basename(final)}.partial`);
  await mkdir(partial, { recursive: true });
  try {
    const files: ManifestFile[] = [];
    const add = (relative: string, copied: { bytes: number; sha256: string }) =>
      files.push({ path: portable(relative), sizeBytes: copied.bytes, sha256: copied.sha256 });
    const database = path.join(partial, path.basename(layout.database));
    snapshotDatabase(connection, database);
    const snapshot = inspectSnapshot(connection, database);
    if (snapshot.problems.length > 0)
      throw new PermanentError(
        'backup_check_failed',
        `The backup's database did not check out (${snapshot.problems.join('; ')}). Nothing was backed up; check the destination disk and try again.`,
      );
    add(path.basename(database), {
      bytes: (await stat(database)).size,
      sha256: await hashFile(database, 'sha256'),
    });
    for (const file of libraryKeyFiles(layout.root)) {
      if (!existsSync(file)) continue;
      add(path.basename(file), await copyVerified(file, path.join(partial, path.basename(file))));
    }
    for (const storedPath of snapshot.recordings) {
      const source = pathInside(layout.root, storedPath);
      if (!existsSync(source))
        throw new PermanentError(
          'recording_missing',
          `The recording ${portable(storedPath)} is missing from the library, so the backup would be incomplete. Nothing was backed up.`,
        );
      add(storedPath, await copyVerified(source, pathInside(partial, storedPath)));
    }
    const manifest = sealManifest(
      {
        format: 'cairn-backup',
        formatVersion: 1,
        cairnVersion: options.cairnVersion,
        libraryId: identity.libraryId,
        createdAt: (options.now ?? new Date()).toISOString(),
        schema: snapshot.schema,
        rows: snapshot.rows,
        files,
      },
      options.libraryKey,
    );
    await writeDurably(path.join(partial, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await fsyncDirectory(partial);
    await rename(partial, final);
    await fsyncDirectory(destination);
    return {
      folder: final,
      sessions: snapshot.rows.sessions ?? 0,
      files: files.length,
      bytes: files.reduce((sum, f) => sum + f.sizeBytes, 0),
    };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

/** A full path outside the library (a backup inside it would be backed up into itself). */
async function checkDestination(requested: string, libraryRoot: string): Promise<string> {
  const destination = absoluteFolder(requested, 'backup folder');
  if (isInside(destination, libraryRoot))
    throw new ValidationError(
      'backup_inside_library',
      'Choose a backup folder outside the library folder, ideally on another disk.',
    );
  const info = await stat(destination).catch(() => undefined);
  if (info && !info.isDirectory())
    throw new ValidationError('not_a_folder', `${destination} is a file, not a folder.`);
  await mkdir(destination, { recursive: true });
  return destination;
}

/** e.g. 20250314T093000Z: sorts by time, and is a valid file name everywhere. */
function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

function uniqueFolder(parent: string, name: string): string {
  for (let n = 1; ; n += 1) {
    const candidate = path.join(parent, n === 1 ? name : `${name}-${n}`);
    if (
      !existsSync(candidate) &&
      !existsSync(path.join(parent, `.${path.basename(candidate)}.partial`))
    )
      return candidate;
  }
}

async function writeDurably(file: string, text: string): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
