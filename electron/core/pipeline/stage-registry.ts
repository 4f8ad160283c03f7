import type { PipelineStage } from '../../../shared/domain/enums';
import type { StageDefinition } from './stage-definition';
import { preprocessStage, validateStage } from './stages/audio-stages';
import { finalizeStage } from './stages/closing-stages';
import { notesStage } from './stages/notes-stage';
import { diarizeStage, transcribeStage } from './stages/engine-stages';
import { mergeStage } from './stages/merge-stage';

/** Every stage's definition, by name (the order and grouping live in progress.ts STEPS). */
export const STAGE_DEFINITIONS: Record<PipelineStage, StageDefinition> = {
  validate: validateStage,
  preprocess: preprocessStage,
  transcribe: transcribeStage,
  diarize: diarizeStage,
  merge: mergeStage,
  notes: notesStage,
  finalize: finalizeStage,
};
