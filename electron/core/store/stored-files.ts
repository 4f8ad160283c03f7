import { randomUUID } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { DataLayout } from '../config/data-dir';
import {
  decryptFile,
  decryptingStream,
  encryptFile,
  isEncryptedFile,
  plaintextSize,
} from '../security/file-crypto';
import { withPlainWorkspace } from '../security/plain-workspace';
import { fsyncDirectory } from './recording-files';

/**
 * Reading and writing the library's audio files at rest. Everything Cairn writes is encrypted; a
 * recording stored by a version before encryption is still read as it is (plain) until
 * `cairn encrypt-library` encrypts it, so an upgrade never makes a session unplayable.
 */

/** The size of the file's content (what the player sees). */
export async function storedFileSize(file: string, libraryKey: Buffer): Promise<number> {
  if (await isEncryptedFile(file)) return plaintextSize(file, libraryKey);
  return (await stat(file)).size;
}

/** The content, or the bytes `start`…`end` of it (inclusive), decrypted as it streams. */
export async function readStoredFile(
  file: string,
  libraryKey: Buffer,
  range: { start?: number; end?: number } = {},
): Promise<Readable> {
  if (await isEncryptedFile(file)) return decryptingStream(file, libraryKey, range);
  return createReadStream(file, range);
}

/** Encrypts a plain file a stage produced into its place in the library, whole or not at all. */
export async function sealIntoLibrary(
  plainFile: string,
  target: string,
  libraryKey: Buffer,
): Promise<void> {
  const partial = `${target}.${randomUUID()}.part`;
  try {
    await encryptFile(plainFile, partial, libraryKey);
    await rename(partial, target);
    await fsyncDirectory(path.dirname(target));
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/**
 * Runs `work` on a decrypted copy of a stored file, in a private workspace removed afterwards.
 * `name` keeps the extension tools like ffprobe use to guess the format.
 */
export function withPlainCopy<T>(
  layout: DataLayout,
  libraryKey: Buffer,
  file: string,
  name: string,
  work: (plainFile: string, workspaceDir: string) => Promise<T>,
): Promise<T> {
  return withPlainWorkspace(layout, async (workspace) => {
    // A legacy plain file is used where it is: copying it would only add plaintext.
    if (!(await isEncryptedFile(file))) return work(file, workspace.dir);
    const plain = workspace.file(name);
    await decryptFile(file, plain, libraryKey);
    return work(plain, workspace.dir);
  });
}
