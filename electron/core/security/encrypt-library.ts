import { existsSync } from 'node:fs';
import { copyFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { dataLayout, type DataLayout } from '../config/data-dir';
import { PermanentError, ValidationError } from '../errors';
import { fsyncDirectory } from '../store/recording-files';
import { rowCounts } from '../store/database-snapshot';
import { connect, type SqliteConnection } from '../store/sqlite-driver';
import { applyCipher, databaseIntegrityProblems, isPlaintextDatabase } from './database-cipher';
import { encryptPlainRecordings } from './encrypt-recordings';
import { resolveLibraryKey, type KeyStore } from './library-key';
import { createLibraryIdentity, readLibraryIdentity } from './library-identity';

export interface EncryptionResult {
  /** False: the database was encrypted already (or there was none yet). */
  encrypted: boolean;
  tables: number;
  rows: number;
  /** Recordings stored in plain by an earlier version that are now encrypted. */
  recordings: number;
}

const STAGING = '.encrypting';
/** Making a new database file takes milliseconds; one this old was left by a crash. */
const ABANDONED_AFTER_MS = 60_000;
const PLAINTEXT_ASIDE = '.unencrypted';

/**
 * Encrypts a library made before encryption, losing nothing: the database is copied, the copy is
 * encrypted in place (SQLite3 Multiple Ciphers' rekey), opened with the key and compared table by
 * table with the original, and only then swapped in. The plain file is then deleted. A crash at
 * any step leaves either the old library or the encrypted one whole (see `finishInterrupted`).
 * Must run while no other process has the library open.
 */
export async function encryptLibrary(
  dataDir: string,
  stores: readonly KeyStore[],
): Promise<EncryptionResult> {
  const layout = dataLayout(dataDir);
  await finishInterrupted(layout);
  if (!existsSync(layout.database)) return { encrypted: false, tables: 0, rows: 0, recordings: 0 };
  const identity = readLibraryIdentity(dataDir) ?? (await createLibraryIdentity(dataDir));
  const key = await resolveLibraryKey(identity.libraryId, stores, { create: true });
  const database = isPlaintextDatabase(layout.database)
    ? await encryptDatabase(layout, key)
    : { encrypted: false, tables: 0, rows: 0 };
  const connection = connect(layout.database);
  try {
    applyCipher(connection, key);
    return { ...database, recordings: await encryptPlainRecordings(layout, connection, key) };
  } finally {
    connection.close();
  }
}

async function encryptDatabase(
  layout: DataLayout,
  key: Buffer,
): Promise<Omit<EncryptionResult, 'recordings'>> {
  const before = withConnection(connect(layout.database), (plain) => {
    // Everything in the WAL goes into the main file, which is what gets copied; a process that
    // still has the library open keeps the checkpoint from finishing.
    const [checkpoint] = plain.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (checkpoint?.busy) throw libraryInUse();
    return rowCounts(plain);
  });
  // Closed cleanly by the last user, SQLite removes the WAL; one left with content means another
  // process is writing, and after the swap it would be replayed onto the encrypted file.
  if ((await sizeOf(`${layout.database}-wal`)) > 0) throw libraryInUse();
  await rm(`${layout.database}-wal`, { force: true });
  await rm(`${layout.database}-shm`, { force: true });
  const staging = layout.database + STAGING;
  await rm(staging, { force: true });
  await copyFile(layout.database, staging);
  withConnection(connect(staging), (copy) => {
    // Rekeying is done in rollback-journal mode; the library goes back to WAL when opened.
    copy.pragma('journal_mode = DELETE');
    copy.pragma(`cipher = 'sqlcipher'`);
    copy.pragma('legacy = 4');
    copy.pragma(`rekey = "x'${key.toString('hex')}'"`);
  });
  const after = withConnection(connect(staging), (copy) => {
    applyCipher(copy, key);
    const problems = databaseIntegrityProblems(copy);
    if (problems.length > 0)
      throw new PermanentError(
        'encryption_check_failed',
        `The encrypted copy did not check out (${problems.join('; ')}). The library was not changed.`,
      );
    return rowCounts(copy);
  });
  if (JSON.stringify(after) !== JSON.stringify(before)) {
    await rm(staging, { force: true });
    throw new PermanentError(
      'encryption_check_failed',
      'The encrypted copy does not hold the same rows as the library. The library was not changed.',
    );
  }
  // The swap: the plain file steps aside, the encrypted one takes its name, then the plain one
  // (and its WAL files) go. Each rename is made durable before the next step.
  await rename(layout.database, layout.database + PLAINTEXT_ASIDE);
  await fsyncDirectory(layout.root);
  await rename(staging, layout.database);
  await fsyncDirectory(layout.root);
  await removePlaintext(layout);
  const counts = Object.values(after);
  return { encrypted: true, tables: counts.length, rows: counts.reduce((a, b) => a + b, 0) };
}

/**
 * Leftovers of an encryption a crash interrupted: with the encrypted file in place the plain one
 * is deleted; with no database at all the plain one is put back; a staging copy is removed, and
 * so is a new database a crash caught before it was linked into place (see openDatabase) — only
 * an old one: a fresh one may be another process creating the library right now.
 */
export async function finishInterrupted(layout: DataLayout): Promise<void> {
  const base = path.basename(layout.database);
  for (const name of await readdir(layout.root).catch(() => [] as string[])) {
    if (!name.startsWith(`${base}.`) || !name.endsWith('.new')) continue;
    const file = path.join(layout.root, name);
    const modified = (await stat(file).catch(() => undefined))?.mtimeMs ?? Date.now();
    if (Date.now() - modified > ABANDONED_AFTER_MS) await rm(file, { force: true });
  }
  const aside = layout.database + PLAINTEXT_ASIDE;
  if (existsSync(aside)) {
    if (existsSync(layout.database)) await removePlaintext(layout);
    else await rename(aside, layout.database);
  }
  await rm(layout.database + STAGING, { force: true });
}

/**
 * Deleting is all a program can do: on an SSD or a journalling file system the old blocks may
 * survive until reused, which is why the library should be encrypted before it holds much.
 */
async function removePlaintext(layout: DataLayout): Promise<void> {
  await rm(layout.database + PLAINTEXT_ASIDE, { force: true });
  await fsyncDirectory(path.dirname(layout.database));
}

function libraryInUse(): ValidationError {
  return new ValidationError(
    'library_in_use',
    'Another program has this library open. Quit Cairn (and any cairn command still running), then encrypt it.',
  );
}

async function sizeOf(file: string): Promise<number> {
  return (await stat(file).catch(() => undefined))?.size ?? 0;
}

function withConnection<T>(connection: SqliteConnection, work: (c: SqliteConnection) => T): T {
  try {
    return work(connection);
  } finally {
    connection.close();
  }
}
