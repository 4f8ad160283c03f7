import { runWorkerTask } from '../workers/run-worker-task';
import type { DiarizeRequest, DiarizeResult } from './diarize-task';

export interface DiarizeCall {
  signal?: AbortSignal;
  onProgress?: (percent: number) => void;
}

/**
 * Who spoke when in a prepared 16 kHz mono WAV, computed in a child process (the caller's event
 * loop stays free; cancelling kills it). Speakers: a number, or 'auto' (1–6 by default).
 */
export function diarizeWav(
  wav: string,
  options: DiarizeRequest['options'] = {},
  call: DiarizeCall = {},
): Promise<DiarizeResult> {
  return runWorkerTask(
    'diarize',
    { wav, options },
    { signal: call.signal, onProgress: call.onProgress, cancelGraceMs: 1000 },
  );
}
