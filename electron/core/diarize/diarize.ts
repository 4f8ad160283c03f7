import { runWorkerTask } from '../workers/run-worker-task';
import type { DiarizeRequest } from './diarize-task';
import type { SpeakerTurn } from './types';

export interface DiarizeCall {
  signal?: AbortSignal;
  onProgress?: (percent: number) => void;
}

/**
 * Who spoke when in a prepared 16 kHz mono WAV, computed in a worker thread (the caller's event
 * loop stays free; cancelling stops the worker). Speakers: a number, or 'auto' (1–6 by default).
 */
export function diarizeWav(
  wav: string,
  options: DiarizeRequest['options'] = {},
  call: DiarizeCall = {},
): Promise<SpeakerTurn[]> {
  return runWorkerTask(
    'diarize',
    { wav, options },
    { signal: call.signal, onProgress: call.onProgress, cancelGraceMs: 1000 },
  );
}
