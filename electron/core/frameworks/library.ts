import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Framework } from '../../../shared/api/framework-schemas';
import { resolveResourcesDir } from '../config/resources';
import { PermanentError, ValidationError } from '../errors';

export { Framework };

/**
 * A framework file that cannot be used, named so whoever edits the library (Cairn's own files, or
 * a practice's added one) knows which file to fix. A validation error: retrying will not help,
 * the file must change.
 */
export class FrameworkFileError extends ValidationError {
  constructor(
    /** The file's name inside the frameworks folder, e.g. `cbt.json`. */
    readonly file: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super('framework_invalid', `The framework file ${file} ${problem}`, options);
  }
}

/**
 * Read once per resources folder: the library is shipped data that does not change while Cairn
 * runs, and the workflows consult it on every run. Keyed by folder so tests can load their own.
 */
const cache = new Map<string, readonly Framework[]>();

/** Where the library lives: resources/frameworks, beside the note templates. */
export function frameworksDir(resourcesDir?: string): string {
  return path.join(resolveResourcesDir(resourcesDir), 'frameworks');
}

/** Every framework in the library, sorted by id, each checked against the schema. */
export function loadFrameworks(resourcesDir?: string): readonly Framework[] {
  const dir = frameworksDir(resourcesDir);
  const cached = cache.get(dir);
  if (cached) return cached;
  if (!existsSync(dir))
    throw new PermanentError(
      'frameworks_missing',
      `Cairn's framework library was not found (${dir}). Reinstall Cairn.`,
    );
  const frameworks = Object.freeze(
    readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => readFrameworkFile(dir, file)),
  );
  cache.set(dir, frameworks);
  return frameworks;
}

/** One framework by id, or undefined when the library has none by that id. */
export function getFramework(id: string, resourcesDir?: string): Framework | undefined {
  return loadFrameworks(resourcesDir).find((framework) => framework.id === id);
}

function readFrameworkFile(dir: string, file: string): Framework {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new FrameworkFileError(file, `could not be read as JSON (${detail}).`, { cause: error });
  }
  const parsed = Framework.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new FrameworkFileError(
      file,
      `does not match the framework format (${where}${issue?.message ?? 'invalid'}).`,
      { cause: parsed.error },
    );
  }
  // The file is named after its id: ids stay unique (one file per name) and a framework is found
  // by looking at the folder.
  if (file !== `${parsed.data.id}.json`)
    throw new FrameworkFileError(
      file,
      `has the id "${parsed.data.id}"; it must be named ${parsed.data.id}.json.`,
    );
  return parsed.data;
}
