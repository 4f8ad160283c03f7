import { existsSync } from 'node:fs';
import path from 'node:path';
import { validateRecording } from '../../audio/intake/validate-recording';
import { preprocessRecording } from '../../audio/preprocess/preprocess-recording';
import { readSetting } from '../../config/settings';
import { PermanentError } from '../../errors';
import { findRecordingForSession } from '../../store/repositories/recordings';
import { setRunAudioSeconds } from '../../store/repositories/runs';
import { ENCRYPTED_EXTENSION } from '../../store/recording-files';
import { sealIntoLibrary, withPlainCopy } from '../../store/stored-files';
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

/**
 * Runs `work` on a decrypted copy of the session's recording, which exists only until it returns
 * (see plain-workspace).
 */
function withPlainRecording<T>(
  context: StageContext,
  work: (plainFile: string, workspaceDir: string) => Promise<T>,
): Promise<T> {
  const recording = findRecordingForSession(context.db, context.sessionId);
  if (!recording)
    throw new PermanentError('recording_missing', 'This session has no recording to process.');
  if (recording.audioDeletedAt !== null) throw audioDeletedError(recording.audioDeletedAt);
  const stored = path.join(context.layout.root, recording.storedPath);
  const name = `recording${path.extname(recording.originalName).toLowerCase()}`;
  return withPlainCopy(context.layout, context.libraryKey, stored, name, work);
}

/** Encrypted at rest like the recording; each engine decrypts its own copy while it runs. */
const PREPARED_WAV = `prepared.wav${ENCRYPTED_EXTENSION}`;

/** Checks the stored copy again: it may have been damaged or removed since it was imported. */
export const validateStage: StageDefinition<ValidateOutput> = {
  name: 'validate',
  engine: 'ffmpeg',
  onFailure: 'fail-run',
  execute: async (context) => {
    const recording = await withPlainRecording(context, (plain) =>
      validateRecording(plain, {
        maxBytes: readSetting(context.db, 'maxRecordingBytes'),
        allowTruncated: true,
        signal: context.signal,
      }),
    );
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
    const result = await withPlainRecording(context, async (plain, workspaceDir) => {
      const preparedPlain = path.join(workspaceDir, 'prepared.wav');
      const prepared = await preprocessRecording(
        plain,
        preparedPlain,
        {},
        {
          signal: context.signal,
          onProgress: (report) => context.progress(report.percent, report.phase),
          validation: { allowTruncated: true },
        },
      );
      await sealIntoLibrary(
        preparedPlain,
        path.join(context.workDir, PREPARED_WAV),
        context.libraryKey,
      );
      return prepared;
    });
    return {
      wav: PREPARED_WAV,
      offsetSec: result.offsets.startSec,
      durationSec: result.durationSec,
      silent: result.silent,
    };
  },
  summary: (output) => output,
  // A prepared WAV left in plain by a version before encryption is made again, encrypted.
  stillValid: (context, output) =>
    output.wav === PREPARED_WAV && existsSync(path.join(context.workDir, output.wav)),
};

/**
 * Runs `work` on a decrypted copy of the prepared WAV a completed preprocess stage left for the
 * engines; the copy and anything else `work` writes in the workspace are removed afterwards.
 */
export function withPreparedWav<T>(
  context: StageContext,
  work: (prepared: { wav: string; offsetSec: number; workspaceDir: string }) => Promise<T>,
): Promise<T> {
  const prepared = context.outputOf('preprocess') as PreprocessOutput | undefined;
  if (!prepared)
    throw new PermanentError('stage_order', 'The recording has not been prepared for this run.');
  const stored = path.join(context.workDir, prepared.wav);
  return withPlainCopy(context.layout, context.libraryKey, stored, 'prepared.wav', (wav, dir) =>
    work({ wav, offsetSec: prepared.offsetSec, workspaceDir: dir }),
  );
}

/** Whether the prepared audio is silence (no engine needs to run). */
export function preparedIsSilent(context: StageContext): boolean {
  const prepared = context.outputOf('preprocess') as PreprocessOutput | undefined;
  return prepared?.silent ?? false;
}
