import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { CancelledError, PermanentError, TransientError } from '../../errors';
import { WhisperJson } from './whisper-json';

export interface WhisperRun {
  binary: string;
  model: string;
  wav: string;
  durationSec: number;
  language: string;
  prompt?: string;
  threads?: number;
  vadModel?: string;
  timeoutMs?: number;
  tempDir?: string;
  signal?: AbortSignal;
  onProgress?: (percent: number) => void;
}

const PROGRESS_LINE = /progress\s*=\s*(\d+)%/;

/**
 * Runs whisper-cli as a child process (its own memory and crash domain), with full JSON output,
 * progress from `-pp`, and every way it can end mapped to a typed error: cancelled (killed),
 * timed out, crashed (a signal), or failed (non-zero exit; a model it cannot load is permanent).
 */
export async function runWhisper(run: WhisperRun): Promise<WhisperJson> {
  if (run.signal?.aborted) throw new CancelledError();
  const work = await mkdtemp(path.join(run.tempDir ?? tmpdir(), 'cairn-whisper-'));
  const outBase = path.join(work, 'out');
  const args = [
    '-m',
    run.model,
    '-f',
    run.wav,
    '-t',
    String(run.threads ?? availableParallelism()),
    '-l',
    run.language,
    '-ojf',
    '-of',
    outBase,
    '-pp',
    '-np',
    // Long sessions: do not condition on earlier text, which is what sends Whisper into loops.
    '-mc',
    '0',
  ];
  if (run.prompt) args.push('--prompt', run.prompt);
  if (run.vadModel) args.push('--vad', '-vm', run.vadModel);
  try {
    await execute(run, args);
    const raw = await readFile(`${outBase}.json`, 'utf8').catch(() => {
      throw new PermanentError(
        'engine_failed',
        'The transcription engine finished without writing a result.',
      );
    });
    return WhisperJson.parse(JSON.parse(raw));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function execute(run: WhisperRun, args: string[]): Promise<void> {
  const timeoutMs = run.timeoutMs ?? 15 * 60_000 + 6 * run.durationSec * 1000;
  return new Promise((resolve, reject) => {
    const child = spawn(run.binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderrTail = '';
    let progress = 0;
    let timedOut = false;
    const kill = () => child.kill('SIGKILL');
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    run.signal?.addEventListener('abort', kill, { once: true });

    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      stderrTail = (stderrTail + text).slice(-4000);
      for (const match of text.matchAll(new RegExp(PROGRESS_LINE, 'g'))) {
        const percent = Math.min(100, Number(match[1]));
        if (percent > progress) {
          progress = percent;
          run.onProgress?.(percent);
        }
      }
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ENOENT'
          ? new PermanentError(
              'engine_missing',
              `Cairn's transcription engine is missing at ${run.binary}. Run: npm run build:native`,
            )
          : new TransientError(
              'engine_failed',
              `The transcription engine could not start: ${error.message}`,
              { cause: error },
            ),
      );
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', kill);
      if (run.signal?.aborted) return reject(new CancelledError());
      if (timedOut) {
        return reject(
          new TransientError(
            'engine_timeout',
            `Transcription took longer than ${Math.round(timeoutMs / 60_000)} minutes and was stopped.`,
          ),
        );
      }
      if (signal) {
        return reject(
          new TransientError(
            'engine_crashed',
            `The transcription engine stopped unexpectedly (${signal}).`,
          ),
        );
      }
      // whisper-cli exits 0 after some failures (unreadable audio), so its words are checked too.
      const failure =
        knownFailure(stderrTail) ?? (code !== 0 ? unknownFailure(code, stderrTail) : undefined);
      if (failure) return reject(failure);
      if (progress < 100) run.onProgress?.(100);
      resolve();
    });
  });
}

function knownFailure(stderr: string): Error | undefined {
  // whisper-cli's own words: "failed to initialize whisper context", "failed to load model".
  if (
    /failed to (load|initialize) (whisper )?(model|context)|invalid model|bad magic/i.test(stderr)
  ) {
    return new PermanentError(
      'model_invalid',
      'The Whisper model could not be loaded: the file is damaged or not a Whisper model. Download it again.',
    );
  }
  // "failed to read audio file", "input file not found"
  if (/failed to read audio|input file not found/i.test(stderr)) {
    return new PermanentError(
      'audio_unreadable',
      'The transcription engine could not read the prepared audio.',
    );
  }
  return undefined;
}

function unknownFailure(code: number | null, stderr: string): Error {
  const last = stderr.trim().split('\n').at(-1) ?? '';
  return new TransientError(
    'engine_failed',
    `The transcription engine failed (exit ${code}): ${last}`,
  );
}
