import { findVoiceEncoder } from '../../electron/core/diarize/embed/voice-encoder-model';

/** The real voice encoder (npm run fetch:test-models builds it, and `npm test` runs that first). */
export function testVoiceEncoder(): string {
  const model = findVoiceEncoder();
  if (!model) {
    throw new Error(
      'The voice encoder is missing: run npm run build:models (or fetch:test-models)',
    );
  }
  return model;
}
