import ffmpeg, { type FfmpegCommand } from 'fluent-ffmpeg';
import { CancelledError, PermanentError, TransientError } from '../../errors';
import { ffmpegPath } from './binaries';

export interface RunOptions {
  signal?: AbortSignal;
  /** Seconds of output written so far, from ffmpeg's own time reports. */
  onProgress?: (seconds: number) => void;
}

/**
 * Runs one ffmpeg command through fluent-ffmpeg and settles exactly once: resolved on success,
 * rejected with a typed error on failure, and on cancellation the child is killed (SIGKILL, so a
 * stuck decoder cannot ignore it) before the promise rejects with CancelledError.
 */
export function runFfmpeg(
  input: string,
  build: (command: FfmpegCommand) => FfmpegCommand,
  options: RunOptions = {},
) {
  const { signal, onProgress } = options;
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new CancelledError());
      return;
    }
    const command = build(ffmpeg(input).setFfmpegPath(ffmpegPath()));
    const onAbort = () => command.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = (error?: Error) => {
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    command
      .on('progress', (progress: { timemark?: string }) => {
        const seconds = parseTimemark(progress.timemark);
        if (seconds !== undefined) onProgress?.(seconds);
      })
      .on('error', (error: Error, _stdout: string | null, stderr: string | null) => {
        settle(signal?.aborted ? new CancelledError() : classify(error, stderr ?? ''));
      })
      .on('end', () => settle())
      .run();
  });
}

/** "01:02:03.45" → 3723.45 */
export function parseTimemark(timemark: string | undefined): number | undefined {
  const match = timemark ? /^(-?\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(timemark) : null;
  if (!match) return undefined;
  const [, h, m, s] = match;
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}

function classify(error: Error, stderr: string): Error {
  const detail = lastMeaningfulLine(stderr) ?? error.message;
  if (/ENOENT|Cannot find ffmpeg/i.test(error.message)) {
    return new PermanentError(
      'ffmpeg_missing',
      "Cairn's audio converter (ffmpeg) is missing. Reinstall Cairn.",
      { cause: error },
    );
  }
  if (/killed with signal/i.test(error.message)) {
    return new TransientError(
      'ffmpeg_crashed',
      `The audio converter stopped unexpectedly (${detail}).`,
      { cause: error },
    );
  }
  return new PermanentError('decode_failed', `Cairn could not convert this recording: ${detail}`, {
    cause: error,
  });
}

function lastMeaningfulLine(stderr: string): string | undefined {
  return stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('frame=') && !line.startsWith('size='))
    .at(-1);
}

export type { FfmpegCommand };
