import { createHash, randomBytes } from 'node:crypto';
import type { CatalogueModel } from '../../electron/core/transcribe/models/catalogue';

/**
 * A made-up Whisper model with its checksum, to offer in a test catalogue and serve from a
 * loopback model server: the download path is the real one, the bytes never come from the internet.
 */
export function servedModel(
  name: string,
  sizeBytes: number,
): { entry: CatalogueModel; file: string; bytes: Buffer } {
  const bytes = randomBytes(sizeBytes);
  const file = `ggml-${name}.bin`;
  const entry: CatalogueModel = {
    name,
    file,
    sizeBytes,
    checksum: { algorithm: 'sha256', hex: createHash('sha256').update(bytes).digest('hex') },
    englishOnly: name.includes('.en'),
    quantised: false,
  };
  return { entry, file, bytes };
}
