import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { DataLayout } from '../config/data-dir';

/**
 * The only place decrypted audio exists: `<data>/tmp/plain/<pid>-<id>/`, private to the user
 * (0700), made for one stage and removed when the stage ends, however it ends. A folder whose
 * process is gone (a crash, kill -9, power cut) is removed at the next start-up. The owning pid is
 * in the name because the app and the CLI share a library: neither may wipe the other's live
 * folder, and an age threshold would leave plaintext behind for that long.
 */
export interface PlainWorkspace {
  dir: string;
  /** A path inside the workspace for a file of this name. */
  file(name: string): string;
  dispose(): Promise<void>;
}

export function plainRoot(layout: DataLayout): string {
  return path.join(layout.tmp, 'plain');
}

export async function openPlainWorkspace(layout: DataLayout): Promise<PlainWorkspace> {
  const root = plainRoot(layout);
  await mkdir(root, { recursive: true, mode: 0o700 });
  const dir = path.join(root, `${process.pid}-${randomUUID()}`);
  // mkdir's mode is masked by the umask; 0o700 has no bits a umask would add back.
  await mkdir(dir, { mode: 0o700 });
  return {
    dir,
    file: (name) => path.join(dir, path.basename(name)),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Runs `work` with a fresh workspace and always removes it afterwards. */
export async function withPlainWorkspace<T>(
  layout: DataLayout,
  work: (workspace: PlainWorkspace) => Promise<T>,
): Promise<T> {
  const workspace = await openPlainWorkspace(layout);
  try {
    return await work(workspace);
  } finally {
    await workspace.dispose();
  }
}

/** Removes every workspace whose process is no longer running. Returns how many were removed. */
export async function wipeOrphanedPlainWorkspaces(layout: DataLayout): Promise<number> {
  const root = plainRoot(layout);
  const names = await readdir(root).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && processIsAlive(pid)) continue;
    await rm(path.join(root, name), { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else; it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
