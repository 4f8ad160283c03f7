import { findModel } from '../../electron/core/diarize/diarization-models';

/**
 * The real voice encoder and segmentation model (npm run fetch:test-models builds both, and
 * `npm test` runs that first): a missing one fails loudly instead of testing the fallback.
 */
export function testDiarizationModels(): void {
  for (const model of ['voice-encoder', 'segmentation'] as const) {
    if (!findModel(model))
      throw new Error(
        `The ${model} model is missing: run npm run build:models (or fetch:test-models)`,
      );
  }
}
