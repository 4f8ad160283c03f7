import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../../errors';
import { runWorkerTask } from '../../workers/run-worker-task';
import { validateRecording, type ValidationOptions } from '../intake/validate-recording';
import type { PreprocessOptions, PreprocessResult, ProgressReport } from './types';

export interface PreprocessCall {
  signal?: AbortSignal;
  onProgress?: (report: ProgressReport) => void;
  validation?: Omit<ValidationOptions, 'signal'>;
}

/**
 * Validates a recording, then prepares it in a worker thread (the caller's event loop stays free):
 * 16 kHz mono s16 WAV at `output`, with the offsets that map its time back to the original.
 */
export async function preprocessRecording(
  input: string,
  output: string,
  options: PreprocessOptions = {},
  call: PreprocessCall = {},
): Promise<PreprocessResult> {
  const recording = await validateRecording(input, { ...call.validation, signal: call.signal });
  const target = path.resolve(output);
  if (target === recording.path) {
    throw new ValidationError(
      'output_is_input',
      'The prepared audio cannot overwrite the original recording. Choose another output file.',
    );
  }
  await mkdir(path.dirname(target), { recursive: true });
  return runWorkerTask(
    'preprocess',
    {
      input: recording.path,
      output: target,
      durationSec: recording.durationSec,
      inputSampleRate: recording.audio.sampleRate,
      options,
    },
    { signal: call.signal, onProgress: call.onProgress },
  );
}
