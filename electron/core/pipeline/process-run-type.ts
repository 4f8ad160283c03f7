import type { PipelineStage } from '../../../shared/domain/enums';
import { findRecordingForSession } from '../store/repositories/recordings';
import { pastStageSpeeds } from '../store/repositories/runs';
import { ProgressModel, STEPS } from './progress';
import type { RunTypeDefinition } from './run-types';
import { preprocessStage, validateStage } from './stages/audio-stages';
import { finalizeStage } from './stages/closing-stages';
import { diarizeStage, requireTranscriptionModel, transcribeStage } from './stages/engine-stages';
import { mergeStage } from './stages/merge-stage';
import { notesStage } from './stages/notes-stage';

/** Every processing stage's definition, by name (the order and grouping live in progress.ts STEPS). */
export const STAGE_DEFINITIONS = {
  validate: validateStage,
  preprocess: preprocessStage,
  transcribe: transcribeStage,
  diarize: diarizeStage,
  merge: mergeStage,
  notes: notesStage,
  finalize: finalizeStage,
} satisfies Record<PipelineStage, unknown>;

/** `cairn process`: a recording to a transcript, speakers and a draft note. */
export const PROCESS_RUN: RunTypeDefinition = {
  type: 'process',
  steps: STEPS,
  stages: STAGE_DEFINITIONS,
  usesWorkDir: true,
  estimator: (db, run) =>
    new ProgressModel(
      run.audioSec ?? findRecordingForSession(db, run.sessionId)?.durationSec ?? 0,
      pastStageSpeeds(db),
    ),
  // A run that still has to transcribe fails here when its Whisper model is missing. One that
  // resumes past transcribe (or starts at notes) needs no model, so it is not asked for one.
  precheck: async ({ db, options, modelsDir, done }) => {
    if (!done('transcribe')) await requireTranscriptionModel({ db, options, modelsDir });
  },
  session: {
    running: 'processing',
    failed: 'failed',
    cancelled: (completed) => (completed.includes('merge') ? 'transcribed' : 'imported'),
  },
};
