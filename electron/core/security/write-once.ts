import { randomUUID } from 'node:crypto';
import { link, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDirectory } from '../store/recording-files';

/**
 * Writes `text` to `file` once, atomically: into a private part file, synced, then hard-linked into
 * place, so a crash leaves no half file and, when two processes (the app and the CLI) write at the
 * same moment, the first link wins. Resolves false when the file was there already (nothing
 * written), true when this call wrote it.
 */
export async function writeOnce(file: string, text: string, mode = 0o644): Promise<boolean> {
  const part = `${file}.${randomUUID()}.part`;
  const handle = await open(part, 'wx', mode);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  let wrote = true;
  try {
    await link(part, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    wrote = false;
  } finally {
    await rm(part, { force: true });
  }
  await fsyncDirectory(path.dirname(file));
  return wrote;
}
