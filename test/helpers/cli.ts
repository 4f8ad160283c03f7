import { spawn } from 'node:child_process';
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
