import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../../errors';
import { runWorkerTask } from '../../workers/run-worker-task';
import { validateRecording, type ValidationOptions } from '../intake/validate-recording';
import type {
  PreprocessOptions,
  PreprocessRequest,
  PreprocessResult,
  ProgressReport,
} from './types';

export interface PreprocessCall {
  signal?: AbortSignal;
  onProgress?: (report: ProgressReport) => void;
  validation?: Omit<ValidationOptions, 'signal' | 'tailCheck'>;
}

/**
 * Validates a recording, then prepares it in a worker thread (the caller's event loop stays free):
 * 16 kHz mono s16 WAV at `output`, with the offsets that map its time back to the original.
 */
export function preprocessRecording(
  input: string,
  output: string,
  options: PreprocessOptions = {},
  call: PreprocessCall = {},
): Promise<PreprocessResult> {
  // The worker starts now and loads its code while the recording is validated here.
  return runWorkerTask('preprocess', preparedRequest(input, output, options, call), {
    signal: call.signal,
    onProgress: call.onProgress,
  });
}

async function preparedRequest(
  input: string,
  output: string,
  options: PreprocessOptions,
  call: PreprocessCall,
): Promise<PreprocessRequest> {
  // No tail check here: the task decodes everything and compares the length it got with the header's.
  const recording = await validateRecording(input, {
    ...call.validation,
    tailCheck: false,
    signal: call.signal,
  });
  const target = path.resolve(output);
  if (target === recording.path) {
    throw new ValidationError(
      'output_is_input',
      'The prepared audio cannot overwrite the original recording. Choose another output file.',
    );
  }
  await mkdir(path.dirname(target), { recursive: true });
  return {
    input: recording.path,
    output: target,
    durationSec: recording.durationSec,
    inputSampleRate: recording.audio.sampleRate,
    allowTruncated: call.validation?.allowTruncated ?? false,
    durationEstimated: recording.durationEstimated,
    options,
  };
}
