import { createHash, randomBytes } from 'node:crypto';
import type { NotesCatalogueModel } from '../../electron/core/notes/models/catalogue';

/**
 * A made-up notes model (the GGUF magic, then random bytes) to offer in a test catalogue and
 * serve from a loopback model server with CAIRN_NOTES_MODEL_HOST pointing at it: the download
 * path is the real one, the bytes never come from the internet. `verified: false` makes an entry
 * without a sha256, checked by size only, as some real catalogue entries are.
 */
export function servedNotesModel(
  name: string,
  sizeBytes: number,
  options: { ramBytes: number; verified?: boolean },
): { entry: NotesCatalogueModel; file: string; bytes: Buffer } {
  const bytes = Buffer.concat([Buffer.from('GGUF'), randomBytes(sizeBytes - 4)]);
  const file = `${name}.gguf`;
  const entry: NotesCatalogueModel = {
    name,
    label: `${name} (test model)`,
    file,
    sizeBytes,
    ramBytes: options.ramBytes,
    contextLength: 4096,
    licence: 'Apache-2.0',
    sha256: options.verified === false ? null : createHash('sha256').update(bytes).digest('hex'),
    // Never fetched: CAIRN_NOTES_MODEL_HOST replaces host and path.
    url: `http://never.invalid/${file}`,
  };
  return { entry, file, bytes };
}
