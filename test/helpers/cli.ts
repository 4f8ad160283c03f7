import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './fixtures';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const BIN = path.join(REPO_ROOT, 'electron/core/cli/bin.mjs');

/** Runs the real `cairn` command in a child process, as a user or script would. */
export function runCairn(
  args: string[],
  options: {
    dataDir: string;
    cwd?: string;
    uid?: number;
    gid?: number;
    env?: Record<string, string>;
  },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--data-dir', options.dataDir, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, CAIRN_DATA_DIR: '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      uid: options.uid,
      gid: options.gid,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The real `cairn` in its own process group, output ignored: for tests that kill it mid-work. */
export function spawnCairnGroup(
  args: string[],
  options: { dataDir: string; env?: Record<string, string> },
): ChildProcess {
  return spawn(process.execPath, [BIN, '--data-dir', options.dataDir, ...args], {
    env: { ...process.env, CAIRN_DATA_DIR: '', ...options.env },
    stdio: 'ignore',
    detached: true,
  });
}

/** kill -9 to the whole group (the CLI and the engines it started); resolves once the CLI is gone. */
export async function killCairnGroup(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.on('exit', resolve));
  process.kill(-(child.pid as number), 'SIGKILL');
  await exited;
}

/**
 * `cairn <args>` in its own process group, SIGKILLed (a crash: no clean-up runs) `afterMs` after
 * it started; resolves when it is gone, whether the kill landed or it had already finished.
 */
export function cairnKilledAfter(dataDir: string, args: string[], afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--data-dir', dataDir, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, CAIRN_DATA_DIR: '' },
      stdio: 'ignore',
      detached: true,
    });
    child.on('error', reject);
    const timer = setTimeout(() => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        // it already finished
      }
    }, afterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
