import { existsSync } from 'node:fs';
import path from 'node:path';

export const RESOURCES_DIR_ENV = 'CAIRN_RESOURCES_DIR';

/**
 * Finds the project's resources/ folder (migrations, later templates and binaries).
 * The Electron shell passes its own location explicitly; under plain Node (CLI, tests) we walk up
 * from this module, which works from the sources and from any bundle inside the project tree.
 */
export function resolveResourcesDir(explicit?: string): string {
  const candidate = explicit ?? process.env[RESOURCES_DIR_ENV];
  if (candidate) return path.resolve(candidate);
  let dir = __dirname;
  for (;;) {
    const resources = path.join(dir, 'resources');
    if (existsSync(path.join(resources, 'migrations'))) return resources;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`Cairn's resources folder was not found above ${__dirname}`);
}
