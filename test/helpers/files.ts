import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every regular file under `dir` (relative paths), or [] when it does not exist. */
export function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory()
      ? listFiles(full).map((child) => path.join(name, child))
      : [name];
  });
}
