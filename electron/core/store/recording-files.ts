import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DataLayout } from '../config/data-dir';
import { findRecordingForSession } from './repositories/recordings';
import type { DbOrTx } from './repositories/types';

export interface StoredFile {
  contentHash: string;
  sizeBytes: number;
  /** Relative to the data directory; what the database stores. */
  relativePath: string;
  absolutePath: string;
  /** False when identical content was already on disk: nothing new was written. */
  placedNew: boolean;
}

/**
 * Copies a recording into the data directory under its SHA-256, so the clinician's original can
 * move or vanish and identical content is stored once. The copy is written to a temp file,
 * fsynced, renamed into place and the folder fsynced: a crash leaves either no file or a whole one.
 */
export async function storeRecordingFile(layout: DataLayout, source: string): Promise<StoredFile> {
  await mkdir(layout.tmp, { recursive: true });
  const tmpPath = path.join(layout.tmp, `${randomUUID()}.part`);
  try {
    const { contentHash, sizeBytes } = await copyWithHash(source, tmpPath);
    const extension = path.extname(source).toLowerCase();
    const relativePath = path.join('recordings', contentHash.slice(0, 2), contentHash + extension);
    const absolutePath = path.join(layout.root, relativePath);
    const existing = await stat(absolutePath).catch(() => undefined);
    if (existing?.size === sizeBytes) {
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

async function copyWithHash(source: string, target: string) {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  // The original is opened first: once it is open, its bytes stay readable even if it is moved or
  // deleted meanwhile, and a file that is already gone fails before any temp file exists.
  const input = await open(source, 'r');
  try {
    const out = await open(target, 'wx');
    try {
      for await (const chunk of input.createReadStream({
        highWaterMark: 1 << 20,
        autoClose: false,
      })) {
        const buffer = chunk as Buffer;
        hash.update(buffer);
        sizeBytes += buffer.length;
        await out.write(buffer);
      }
      await out.sync();
    } finally {
      await out.close();
    }
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
