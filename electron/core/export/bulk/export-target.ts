import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../../errors';

/**
 * Where an export goes. It is written into a staging folder beside the target and renamed into
 * place only when complete, manifest last; so a folder at the target is always a finished export.
 * An existing target is accepted only if it is an empty folder: an export never mixes with older
 * files, and nothing is overwritten (there is deliberately no --force; choose a new folder).
 */
export function checkTarget(target: string, libraryRoot: string): string {
  if (!path.isAbsolute(target))
    throw new ValidationError(
      'export_target_invalid',
      `Choose the export folder by its full path (got "${target}").`,
    );
  const resolved = path.resolve(target);
  const root = path.resolve(libraryRoot);
  if (
    resolved === root ||
    resolved.startsWith(root + path.sep) ||
    root.startsWith(resolved + path.sep)
  )
    throw new ValidationError(
      'export_target_in_library',
      'Choose an export folder outside the Cairn library folder (and not one that contains it).',
    );
  const parent = path.dirname(resolved);
  if (!isDirectory(parent))
    throw new ValidationError(
      'export_target_parent_missing',
      `The folder to put the export in does not exist: ${parent}. Create it first, or choose another.`,
    );
  if (!targetFree(resolved))
    throw new ValidationError(
      'export_target_not_empty',
      `${resolved} already exists and is not an empty folder. Choose a new folder for the export: Cairn never mixes an export with other files.`,
    );
  return resolved;
}

/** Nothing there yet, or an empty folder. */
export function targetFree(target: string): boolean {
  try {
    const stat = statSync(target);
    return stat.isDirectory() && readdirSync(target).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

function isDirectory(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The run's staging folder, beside the target (same file system, so the final rename is atomic):
 * hidden, and named as unfinished. It holds no manifest until the export is complete.
 */
export function stagingFolder(target: string, runId: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.cairn-export-partial-${runId.slice(0, 8)}`,
  );
}
