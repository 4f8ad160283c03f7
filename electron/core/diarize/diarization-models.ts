import { existsSync } from 'node:fs';
import path from 'node:path';
import { resolveResourcesDir } from '../config/resources';

/** The two neural models diarization uses; both are built by `npm run build:models`. */
export type DiarizationModel = 'voice-encoder' | 'segmentation';

const FILES: Record<DiarizationModel, string> = {
  'voice-encoder': 'voice-encoder-ge2e.onnx',
  segmentation: 'speaker-segmentation.onnx',
};

/** Environment variables that point at another copy (tests, development). */
export const MODEL_ENV: Record<DiarizationModel, string> = {
  'voice-encoder': 'CAIRN_VOICE_ENCODER',
  segmentation: 'CAIRN_SEGMENTATION_MODEL',
};

/** Where the build puts the model; the packaged app ships it there. */
export function bundledModelPath(model: DiarizationModel): string {
  return path.join(resolveResourcesDir(), 'models', FILES[model]);
}

/** The model to use: its environment variable, else the bundled file; undefined when absent. */
export function findModel(model: DiarizationModel): string | undefined {
  const candidate = process.env[MODEL_ENV[model]] ?? bundledModelPath(model);
  return existsSync(candidate) ? candidate : undefined;
}
