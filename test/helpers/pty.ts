import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './fixtures';

const BIN = path.join(REPO_ROOT, 'electron/core/cli/bin.mjs');

/** A shell word: `script -c` runs its command through the shell. */
const quoted = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

export interface TerminalSession {
  /** Resolves once `text` has appeared in what the terminal showed. */
  waitFor(text: string): Promise<void>;
  type(text: string): void;
  /** Everything the terminal showed, and the command's exit code. */
  done: Promise<{ code: number | null; screen: string }>;
}

/**
 * The real `cairn` on a pseudo-terminal, as a person at a terminal runs it: util-linux `script`
 * gives it a pty (so stdin is a TTY and raw mode works); the test reads the screen and types.
 */
export function cairnOnTerminal(
  args: string[],
  options: { dataDir: string; env?: Record<string, string> },
): TerminalSession {
  const command = [process.execPath, BIN, '--data-dir', options.dataDir, ...args]
    .map(quoted)
    .join(' ');
  return onTerminal(command, { CAIRN_DATA_DIR: '', ...options.env });
}

/** A shell command line, exactly as a person would type it, on a pseudo-terminal in the repo. */
export function onTerminal(command: string, env: Record<string, string> = {}): TerminalSession {
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  const onOutput = (chunk: Buffer) => {
    screen += chunk.toString();
    for (const waiter of [...waiters]) {
      if (screen.includes(waiter.text)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  const done = new Promise<{ code: number | null; screen: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      for (const waiter of waiters) waiter.resolve();
      resolve({ code, screen });
    });
  });
  return {
    waitFor: (text) =>
      screen.includes(text)
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ text, resolve })),
    type: (text) => child.stdin.write(text),
    done,
  };
}
