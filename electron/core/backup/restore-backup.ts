import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../errors';
import { applyCipher } from '../security/database-cipher';
import { resolveLibraryKey, type KeyStore } from '../security/library-key';
import { readLibraryIdentity } from '../security/library-identity';
import { rowCounts } from '../store/database-snapshot';
import { openDatabase } from '../store/open-database';
import { fsyncDirectory } from '../store/recording-files';
import { connect, type SqliteConnection } from '../store/sqlite-driver';
import { copyVerified } from '../store/verified-copy';
import { readManifest, verifyManifestMac, type Manifest } from './backup-manifest';
import { isInside, pathInside } from './backup-paths';

export interface RestoreOptions {
  /** The cairn-backup-… folder. */
  backup: string;
  /** The data directory to restore into: new or empty, or any with `replace`. */
  target: string;
  /** Move an existing library in `target` aside (never deleted) and restore in its place. */
  replace?: boolean;
  keyStores: readonly KeyStore[];
  resourcesDir?: string;
}

export interface RestoreResult {
  dataDir: string;
  sessions: number;
  files: number;
  bytes: number;
  /** Where the library that was in `target` was moved (with `replace`); else null. */
  previousMovedTo: string | null;
}

/**
 * Restores a backup into a data directory. Everything is copied into a hidden folder beside the
 * target and checked there: each file's size and SHA-256 against the manifest, the database opened
 * with the library's key (a wrong key is refused in words), the manifest's seal, every page, the
 * row counts, and a normal open (migrations; a backup from a newer Cairn is refused). Only then
 * does the folder take the target's name (after an existing library, with `replace`, is moved
 * aside): a crash leaves the target as it was, never half a library.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const backup = path.resolve(options.backup);
  const target = path.resolve(options.target);
  if (isInside(target, backup) || isInside(backup, target))
    throw new ValidationError(
      'restore_nested',
      'Restore into a folder outside the backup (and not one that contains it).',
    );
  const manifest = await readManifest(backup);
  const occupied = await occupiedTarget(target);
  if (occupied && !options.replace)
    throw new ValidationError(
      'target_not_empty',
      `${target} is not empty. Choose an empty or new folder, or add --replace to move what is there aside (it is kept, renamed) and restore in its place.`,
    );
  const identity = readLibraryIdentity(backup);
  if (identity?.libraryId !== manifest.libraryId)
    throw new ValidationError(
      'backup_damaged',
      "The backup's library.json is missing or belongs to another library. Restore another backup.",
    );
  const key = await resolveLibraryKey(identity.libraryId, options.keyStores, { create: false });

  await mkdir(path.dirname(target), { recursive: true });
  const staging = path.join(
    path.dirname(target),
    `.${path.basename(target)}.restoring-${randomUUID()}`,
  );
  try {
    const bytes = await copyChecked(manifest, backup, staging);
    const sessions = checkDatabase(manifest, path.join(staging, 'cairn.db'), key);
    // The normal open: applies this Cairn's migrations, refuses a library from a newer Cairn.
    openDatabase({
      file: path.join(staging, 'cairn.db'),
      key,
      resourcesDir: options.resourcesDir,
    }).close();
    await fsyncDirectory(staging);
    const previousMovedTo = occupied ? await moveAside(target) : await removeEmpty(target);
    await rename(staging, target);
    await fsyncDirectory(path.dirname(target));
    return { dataDir: target, sessions, files: manifest.files.length, bytes, previousMovedTo };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Every file the manifest lists, copied and compared with its size and SHA-256 there. */
async function copyChecked(manifest: Manifest, backup: string, staging: string): Promise<number> {
  let bytes = 0;
  for (const file of manifest.files) {
    const source = pathInside(backup, file.path);
    const size = (await stat(source).catch(() => undefined))?.size;
    if (size === undefined)
      throw new ValidationError(
        'backup_incomplete',
        `The backup is missing ${file.path}. Nothing was restored; restore another backup.`,
      );
    const copied = await copyVerified(source, pathInside(staging, file.path));
    if (copied.bytes !== file.sizeBytes || copied.sha256 !== file.sha256)
      throw new ValidationError(
        'backup_damaged',
        `${file.path} in the backup is not what was backed up (its SHA-256 differs). Nothing was restored; restore another backup.`,
      );
    bytes += copied.bytes;
  }
  return bytes;
}

/** Opens the copy with the key; checks the seal, every page and the rows. Returns the sessions. */
function checkDatabase(manifest: Manifest, file: string, key: Buffer): number {
  if (!manifest.files.some((f) => f.path === 'cairn.db'))
    throw new ValidationError(
      'backup_damaged',
      'The backup holds no database. Restore another backup.',
    );
  const connection: SqliteConnection = connect(file);
  try {
    applyCipher(connection, key); // a wrong key: library_key_wrong, in words
    verifyManifestMac(manifest, key);
    const pages = connection.pragma('integrity_check') as { integrity_check: string }[];
    const problems = pages.map((p) => p.integrity_check).filter((m) => m !== 'ok');
    if (problems.length > 0)
      throw new ValidationError(
        'backup_damaged',
        `The backup's database is damaged (${problems.slice(0, 3).join('; ')}). Nothing was restored; restore another backup.`,
      );
    const rows = rowCounts(connection);
    if (JSON.stringify(rows) !== JSON.stringify(sortedKeys(manifest.rows)))
      throw new ValidationError(
        'backup_damaged',
        "The backup's database does not hold the rows its manifest lists. Nothing was restored; restore another backup.",
      );
    return rows.sessions ?? 0;
  } finally {
    connection.close();
  }
}

function sortedKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}

async function occupiedTarget(target: string): Promise<boolean> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return false;
  if (!info.isDirectory())
    throw new ValidationError('not_a_folder', `${target} is a file, not a folder.`);
  return (await readdir(target)).length > 0;
}

/** The library that was there, renamed beside it with the time: kept until the user removes it. */
async function moveAside(target: string): Promise<string> {
  const stampText = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  let aside = `${target}.replaced-${stampText}`;
  for (let n = 2; existsSync(aside); n += 1) aside = `${target}.replaced-${stampText}-${n}`;
  await rename(target, aside);
  return aside;
}

/** An empty target folder makes way for the rename (which cannot replace a folder everywhere). */
async function removeEmpty(target: string): Promise<null> {
  if (existsSync(target)) await rmdir(target);
  return null;
}
