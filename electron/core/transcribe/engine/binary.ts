import { existsSync } from 'node:fs';
import path from 'node:path';
import { PermanentError } from '../../errors';
import { resolveResourcesDir } from '../../config/resources';

export const WHISPER_CLI_ENV = 'CAIRN_WHISPER_CLI';

/** resources/bin/<platform>-<arch>/: where build:native puts whisper-cli and the app ships it from. */
export function whisperBinaryDir(resourcesDir?: string): string {
  return path.join(resolveResourcesDir(resourcesDir), 'bin', `${process.platform}-${process.arch}`);
}

export function whisperCliPath(resourcesDir?: string): string {
  const override = process.env[WHISPER_CLI_ENV];
  if (override) return override;
  return path.join(
    whisperBinaryDir(resourcesDir),
    process.platform === 'win32' ? 'whisper-cli.exe' : 'whisper-cli',
  );
}

/** The engine binary, or a clear error saying how to get it. */
export function requireWhisperCli(resourcesDir?: string): string {
  const binary = whisperCliPath(resourcesDir);
  if (!existsSync(binary)) {
    throw new PermanentError(
      'engine_missing',
      `Cairn's transcription engine (whisper-cli) is missing at ${binary}. Reinstall Cairn, or from a source checkout run: npm run build:native`,
    );
  }
  return binary;
}
