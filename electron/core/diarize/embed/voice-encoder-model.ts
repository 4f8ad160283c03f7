import { existsSync } from 'node:fs';
import path from 'node:path';
import { resolveResourcesDir } from '../../config/resources';

export const VOICE_ENCODER_ENV = 'CAIRN_VOICE_ENCODER';

/** Where the build puts the speaker-embedding model (npm run build:models); the app ships it. */
export function bundledVoiceEncoderPath(): string {
  return path.join(resolveResourcesDir(), 'models', 'voice-encoder-ge2e.onnx');
}

/** The voice encoder to use: CAIRN_VOICE_ENCODER, else the bundled one; undefined when absent. */
export function findVoiceEncoder(): string | undefined {
  const candidate = process.env[VOICE_ENCODER_ENV] ?? bundledVoiceEncoderPath();
  return existsSync(candidate) ? candidate : undefined;
}
