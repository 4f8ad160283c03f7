import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DataLayout } from '../config/data-dir';
import { PermanentError } from '../errors';
import { ENCRYPTED_EXTENSION, storedRecordingName } from '../store/recording-files';
import { sealIntoLibrary } from '../store/stored-files';
import type { SqliteConnection } from '../store/sqlite-driver';
import { decryptingStream, isEncryptedFile } from './file-crypto';

interface RecordingRow {
  id: string;
  storedPath: string;
  contentHash: string;
}

/**
 * Encrypts recordings a version before file encryption stored in plain, one at a time: the
 * encrypted copy is written whole (temp file, rename), decrypted again and checked against the
 * recording's SHA-256, then the row points at it, then the plain file goes. A crash leaves the row
 * on the plain file (done again next time) or on the checked encrypted one, whose plain original
 * the next run removes. Needs the library closed by every other process (as encrypt-library does).
 */
export async function encryptPlainRecordings(
  layout: DataLayout,
  connection: SqliteConnection,
  libraryKey: Buffer,
): Promise<number> {
  const rows = connection
    // No newer columns here: a library this old may not be migrated yet. Deleted audio has no
    // file, and rows without one are skipped below.
    .prepare('SELECT id, stored_path AS storedPath, content_hash AS contentHash FROM recordings')
    .all() as RecordingRow[];
  const update = connection.prepare('UPDATE recordings SET stored_path = ? WHERE id = ?');
  let encrypted = 0;
  for (const row of rows) {
    const plainFile = path.join(layout.root, row.storedPath);
    if (!(await stat(plainFile).catch(() => undefined)) || (await isEncryptedFile(plainFile)))
      continue;
    const name = storedRecordingName(libraryKey, row.contentHash);
    const relativePath = path.join('recordings', name.slice(0, 2), name);
    const target = path.join(layout.root, relativePath);
    await mkdir(path.dirname(target), { recursive: true });
    await sealIntoLibrary(plainFile, target, libraryKey);
    if ((await sha256Of(target, libraryKey)) !== row.contentHash)
      throw new PermanentError(
        'encryption_check_failed',
        `The encrypted copy of recording ${row.id} does not match the original, which was kept. Nothing else was changed.`,
      );
    update.run(relativePath, row.id);
    await rm(plainFile, { force: true });
    encrypted += 1;
  }
  await removeUnreferencedPlainFiles(layout, connection);
  await removePlainWaveforms(layout);
  return encrypted;
}

/** Waveforms cached in plain by an earlier version: the player computes them again, encrypted. */
async function removePlainWaveforms(layout: DataLayout): Promise<void> {
  const dir = path.join(layout.cache, 'peaks');
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, name);
    if (!(await isEncryptedFile(file))) await rm(file, { force: true });
  }
}

async function sha256Of(file: string, libraryKey: Buffer): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of decryptingStream(file, libraryKey)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Plain originals a crash left after their row moved to the encrypted copy. */
async function removeUnreferencedPlainFiles(layout: DataLayout, connection: SqliteConnection) {
  const referenced = new Set(
    (connection.prepare('SELECT stored_path AS p FROM recordings').all() as { p: string }[]).map(
      (r) => path.join(layout.root, r.p),
    ),
  );
  for (const dir of await readdir(layout.recordings).catch(() => [] as string[])) {
    const folder = path.join(layout.recordings, dir);
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      const file = path.join(folder, name);
      if (name.endsWith(ENCRYPTED_EXTENSION) || referenced.has(file)) continue;
      if (await isEncryptedFile(file)) continue;
      await rm(file, { force: true });
    }
  }
}
