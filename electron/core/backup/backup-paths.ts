import path from 'node:path';
import { ValidationError } from '../errors';

/** Whether `child` is `parent` or lies inside it. */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A full path, or a refusal that says how to give one. */
export function absoluteFolder(requested: string, what: string): string {
  if (!path.isAbsolute(requested))
    throw new ValidationError(
      'path_not_absolute',
      `Give the full path of the ${what}, for example /Volumes/Backup/Cairn.`,
    );
  return path.resolve(requested);
}

/**
 * A path the manifest or the database names, as a path inside `root`: one that climbs out (a
 * tampered manifest, a damaged row) is refused rather than followed.
 */
export function pathInside(root: string, relative: string): string {
  const resolved = path.resolve(root, ...relative.split(/[\\/]/));
  if (!isInside(resolved, root) || resolved === root)
    throw new ValidationError(
      'backup_damaged',
      'The backup names a file outside its own folder, so it cannot be trusted. Restore another backup.',
    );
  return resolved;
}

/** Forward slashes in the manifest, whatever the platform. */
export function portable(relative: string): string {
  return relative.split(path.sep).join('/');
}
