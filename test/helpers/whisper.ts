import { existsSync } from 'node:fs';
import path from 'node:path';
import { TEST_WHISPER_MODEL } from '../models/fetch-test-models';
import { REPO_ROOT } from './fixtures';

export const JFK_MP3 = path.join(
  REPO_ROOT,
  'node_modules/nodejs-whisper/cpp/whisper.cpp/samples/jfk.mp3',
);
export const JFK_TEXT =
  'And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country.';

/** The real Whisper base model (npm run fetch:test-models, which `npm test` runs first). */
export function testWhisperModel(): string {
  if (!existsSync(TEST_WHISPER_MODEL)) {
    throw new Error(
      `The Whisper test model is missing at ${TEST_WHISPER_MODEL}: run npm run fetch:test-models`,
    );
  }
  return TEST_WHISPER_MODEL;
}
