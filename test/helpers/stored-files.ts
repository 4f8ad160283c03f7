import { readStoredFile } from '../../electron/core/store/stored-files';
import { testLibraryKey } from './sqlite';

/** The plain content of a file the library stores encrypted (decrypted with the test key). */
export async function plainBytesOf(file: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of await readStoredFile(file, testLibraryKey())) parts.push(part as Buffer);
  return Buffer.concat(parts);
}
