import path from 'node:path';
import { homedir } from 'node:os';

export const DATA_DIR_ENV = 'CAIRN_DATA_DIR';

/**
 * Where the CLI and tests keep their data: `--data-dir`, then `CAIRN_DATA_DIR`, then the same
 * per-user folder Electron's `userData` resolves to on each platform, so the CLI and the app
 * share one library by default.
 */
export function resolveDataDir(options: { flag?: string; env?: NodeJS.ProcessEnv }): string {
  const env = options.env ?? process.env;
  const chosen = options.flag ?? env[DATA_DIR_ENV];
  if (chosen !== undefined && chosen.trim() !== '') return path.resolve(chosen);
  return defaultUserDataDir(env);
}

function defaultUserDataDir(env: NodeJS.ProcessEnv): string {
  const appName = 'Cairn';
  switch (process.platform) {
    case 'darwin':
      return path.join(homedir(), 'Library', 'Application Support', appName);
    case 'win32':
      return path.join(env.APPDATA ?? path.join(homedir(), 'AppData', 'Roaming'), appName);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config'), appName);
  }
}

/** The fixed layout inside a data directory. */
export function dataLayout(dataDir: string) {
  return {
    root: dataDir,
    database: path.join(dataDir, 'cairn.db'),
    recordings: path.join(dataDir, 'recordings'),
    /** Same filesystem as `recordings`, so a finished copy is placed with an atomic rename. */
    tmp: path.join(dataDir, 'tmp'),
    /** Things computed from recordings that can be computed again (waveform peaks). */
    cache: path.join(dataDir, 'cache'),
  };
}
export type DataLayout = ReturnType<typeof dataLayout>;
