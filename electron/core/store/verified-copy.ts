import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { PermanentError } from '../errors';
import { hashFile } from '../transcribe/models/download';

/**
 * Copies a file byte for byte and compares both by SHA-256 (a bad disk or cable shows up here,
 * not when the copy is needed). Returns the copy's size and hash.
 */
export async function copyVerified(
  source: string,
  target: string,
): Promise<{ bytes: number; sha256: string }> {
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
  return { bytes: (await stat(target)).size, sha256: actual };
}
