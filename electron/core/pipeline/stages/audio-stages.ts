import { existsSync } from 'node:fs';
import path from 'node:path';
import { validateRecording } from '../../audio/intake/validate-recording';
import { preprocessRecording } from '../../audio/preprocess/preprocess-recording';
import { readSetting } from '../../config/settings';
import { PermanentError } from '../../errors';
import { findRecordingForSession } from '../../store/repositories/recordings';
import { setRunAudioSeconds } from '../../store/repositories/runs';
import { audioDeletedError } from '../../retention/retention-guard';
import type { StageContext, StageDefinition } from '../stage-definition';

export interface ValidateOutput {
  durationSec: number;
  format: string;
}

export interface PreprocessOutput {
  /** The prepared 16 kHz mono WAV, relative to the run's work folder. */
  wav: string;
  /** Where the prepared audio starts in the original (seconds). */
  offsetSec: number;
  durationSec: number;
  silent: boolean;
}

function storedRecording(context: StageContext): string {
  const recording = findRecordingForSession(context.db, context.sessionId);
  if (!recording)
    throw new PermanentError('recording_missing', 'This session has no recording to process.');
  if (recording.audioDeletedAt !== null) throw audioDeletedError(recording.audioDeletedAt);
  return path.join(context.layout.root, recording.storedPath);
}

/** Checks the stored copy again: it may have been damaged or removed since it was imported. */
export const validateStage: StageDefinition<ValidateOutput> = {
  name: 'validate',
  engine: 'ffmpeg',
  onFailure: 'fail-run',
  execute: async (context) => {
    const recording = await validateRecording(storedRecording(context), {
      maxBytes: readSetting(context.db, 'maxRecordingBytes'),
      allowTruncated: true,
      signal: context.signal,
    });
    return { durationSec: recording.durationSec, format: recording.container };
  },
  commit: (tx, context, output) => setRunAudioSeconds(tx, context.runId, output.durationSec),
  summary: (output) => output,
};

/** 16 kHz mono WAV for both engines, in a worker thread. */
export const preprocessStage: StageDefinition<PreprocessOutput> = {
  name: 'preprocess',
  engine: 'ffmpeg',
  onFailure: 'fail-run',
  execute: async (context) => {
    const result = await preprocessRecording(
      storedRecording(context),
      path.join(context.workDir, 'prepared.wav'),
      {},
      {
        signal: context.signal,
        onProgress: (report) => context.progress(report.percent, report.phase),
        validation: { allowTruncated: true },
      },
    );
    return {
      wav: 'prepared.wav',
      offsetSec: result.offsets.startSec,
      durationSec: result.durationSec,
      silent: result.silent,
    };
  },
  summary: (output) => output,
  stillValid: (context, output) => existsSync(path.join(context.workDir, output.wav)),
};

/** The prepared WAV a completed preprocess stage left for the engines. */
export function preparedWav(context: StageContext): {
  wav: string;
  offsetSec: number;
  silent: boolean;
} {
  const prepared = context.outputOf('preprocess') as PreprocessOutput | undefined;
  if (!prepared)
    throw new PermanentError('stage_order', 'The recording has not been prepared for this run.');
  return { ...prepared, wav: path.join(context.workDir, prepared.wav) };
}
