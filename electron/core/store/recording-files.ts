import { createHash, createHmac, hkdfSync, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataLayout } from '../config/data-dir';
import { encryptingStream, plaintextSize } from '../security/file-crypto';
import { plainRoot } from '../security/plain-workspace';
import { findRecordingForSession } from './repositories/recordings';
import type { DbOrTx } from './repositories/types';

export interface StoredFile {
  /** SHA-256 of the plain content: finds a re-import of the same recording. */
  contentHash: string;
  /** Of the plain content. */
  sizeBytes: number;
  /** Relative to the data directory; what the database stores. */
  relativePath: string;
  absolutePath: string;
  /** False when identical content was already on disk: nothing new was written. */
  placedNew: boolean;
}

/**
 * Copies a recording into the data directory, encrypted (AES-256-GCM, see file-crypto), so the
 * clinician's original can move or vanish and identical content is stored once. The file is named
 * by a keyed hash of its content: the plain SHA-256 would let anyone holding a copy of the
 * recording confirm it is in the library. The copy is written to a temp file, fsynced, renamed
 * into place and the folder fsynced: a crash leaves either no file or a whole one.
 */
export async function storeRecordingFile(
  layout: DataLayout,
  libraryKey: Buffer,
  source: string,
): Promise<StoredFile> {
  await mkdir(layout.tmp, { recursive: true });
  const tmpPath = path.join(layout.tmp, `${randomUUID()}.part`);
  try {
    const { contentHash, sizeBytes } = await encryptWithHash(source, tmpPath, libraryKey);
    const name = storedRecordingName(libraryKey, contentHash);
    const relativePath = path.join('recordings', name.slice(0, 2), name);
    const absolutePath = path.join(layout.root, relativePath);
    if (await isWholeCopy(absolutePath, libraryKey, sizeBytes)) {
      await rm(tmpPath, { force: true });
      return { contentHash, sizeBytes, relativePath, absolutePath, placedNew: false };
    }
    await mkdir(path.dirname(absolutePath), { recursive: true });
    await rename(tmpPath, absolutePath);
    await fsyncDirectory(path.dirname(absolutePath));
    return { contentHash, sizeBytes, relativePath, absolutePath, placedNew: true };
  } catch (error) {
    await rm(tmpPath, { force: true });
    throw error;
  }
}

/** The stored file's name: HMAC of the content hash under a key derived for naming only. */
export function storedRecordingName(libraryKey: Buffer, contentHash: string): string {
  const namingKey = Buffer.from(hkdfSync('sha256', libraryKey, '', 'cairn/recording-name/v1', 32));
  return `${createHmac('sha256', namingKey).update(contentHash).digest('hex')}${ENCRYPTED_EXTENSION}`;
}

export const ENCRYPTED_EXTENSION = '.cairnenc';

async function isWholeCopy(file: string, libraryKey: Buffer, sizeBytes: number) {
  if (!(await stat(file).catch(() => undefined))) return false;
  // A damaged copy is replaced by the new one rather than trusted.
  return (await plaintextSize(file, libraryKey).catch(() => -1)) === sizeBytes;
}

async function encryptWithHash(source: string, target: string, libraryKey: Buffer) {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  // The original is opened first: once it is open, its bytes stay readable even if it is moved or
  // deleted meanwhile, and a file that is already gone fails before any temp file exists.
  const input = await open(source, 'r');
  try {
    await pipeline(
      input.createReadStream({ highWaterMark: 1 << 20, autoClose: false }),
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          sizeBytes += chunk.length;
          done(null, chunk);
        },
      }),
      encryptingStream(libraryKey),
      // flush: fsynced before it closes, so the rename below never places a partial file.
      createWriteStream(target, { flags: 'wx', mode: 0o600, flush: true }),
    );
  } finally {
    await input.close();
  }
  return { contentHash: hash.digest('hex'), sizeBytes };
}

/** Makes a rename durable: without it a power cut can forget the new directory entry. */
export async function fsyncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync there
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A copy in progress touches its temp file continuously; one this old was left by a crash. */
const STALE_TEMP_AGE_MS = 60 * 60 * 1000;

/**
 * Removes leftovers of copies interrupted by a crash. Age-based, because the app and the CLI
 * share a data directory and one must not delete the other's copy in progress.
 */
export async function removeStaleTempFiles(layout: DataLayout, now = Date.now()): Promise<void> {
  const names = await readdir(layout.tmp).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(layout.tmp, name);
    // Decrypted audio is owned by live processes, not by age: see plain-workspace.
    if (file === plainRoot(layout)) continue;
    const info = await stat(file).catch(() => undefined);
    // Recursive: a browser upload (bridge) leaves a folder, not a file.
    if (info && now - info.mtimeMs > STALE_TEMP_AGE_MS)
      await rm(file, { force: true, recursive: true });
  }
}

const MIME_BY_FORMAT: Readonly<Record<string, string>> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  mp4: 'audio/mp4',
  mov: 'video/quicktime',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  flac: 'audio/flac',
  webm: 'audio/webm',
};

/** The stored copy of a session's recording, for the player (never the clinician's original). */
export function storedRecordingFile(
  db: DbOrTx,
  layout: DataLayout,
  sessionId: string,
): { path: string; mime: string } | undefined {
  const recording = findRecordingForSession(db, sessionId);
  // None, or deleted under the retention policy (the session page says so instead of playing).
  if (recording?.audioDeletedAt !== null) return undefined;
  return {
    path: path.join(layout.root, recording.storedPath),
    mime: MIME_BY_FORMAT[recording.format] ?? 'application/octet-stream',
  };
}
