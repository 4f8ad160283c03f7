import { randomUUID } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../../errors';

/**
 * Refuses a path Cairn should not write an export to, before any work: only an absolute path (a
 * page or a script cannot aim at the working directory), with the format's extension, in a
 * folder that exists (Cairn never creates folders on the clinician's behalf).
 */
export async function checkExportPath(target: string, extension: string): Promise<void> {
  if (!path.isAbsolute(target))
    throw new ValidationError(
      'export_path_relative',
      `Give the export file as a full path, for example /Users/me/Documents/note.${extension}.`,
    );
  if (path.extname(target).toLowerCase() !== `.${extension}`)
    throw new ValidationError(
      'export_path_extension',
      `This export is saved as a .${extension} file: end the file name with .${extension}.`,
    );
  const folder = await stat(path.dirname(target)).catch(() => null);
  if (!folder?.isDirectory())
    throw new ValidationError(
      'export_folder_missing',
      `The folder ${path.dirname(target)} does not exist: choose a folder that does.`,
    );
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory())
    throw new ValidationError('export_path_folder', `${target} is a folder: give a file name.`);
}

/**
 * Written beside the target, then renamed over it: a crash or a full disk leaves the old file or
 * none, never half a note. Readable by the user only (it is a clinical record).
 */
export async function writeExportFile(target: string, bytes: Buffer): Promise<void> {
  const partial = `${target}.${randomUUID()}.part`;
  try {
    await writeFile(partial, bytes, { mode: 0o600 });
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
