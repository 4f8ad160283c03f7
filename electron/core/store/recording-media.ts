import type { Readable } from 'node:stream';
import type { DataLayout } from '../config/data-dir';
import { storedRecordingFile } from './recording-files';
import type { DbOrTx } from './repositories/types';
import { readStoredFile, storedFileSize } from './stored-files';

/** What the player's audio element gets, whichever transport serves it. */
export interface MediaResponse {
  status: number;
  headers: Record<string, string>;
  body?: Readable;
}

/**
 * A session's stored recording for the player, decrypted as it streams, with byte ranges so the
 * audio element can seek without fetching everything first (only the chunks a range covers are
 * decrypted). Only stored recordings can be reached, by session id.
 */
export async function recordingMedia(
  db: DbOrTx,
  layout: DataLayout,
  libraryKey: Buffer,
  sessionId: string,
  rangeHeader: string | null | undefined,
): Promise<MediaResponse> {
  const file = storedRecordingFile(db, layout, sessionId);
  if (!file) return { status: 404, headers: { 'content-type': 'text/plain' } };
  const size = await storedFileSize(file.path, libraryKey);
  const headers = {
    'content-type': file.mime,
    'accept-ranges': 'bytes',
    'cache-control': 'no-store',
  };
  const range = /^bytes=(\d*)-(\d*)$/.exec(rangeHeader ?? '');
  if (!range || (!range[1] && !range[2])) {
    const body = await readStoredFile(file.path, libraryKey);
    return { status: 200, headers: { ...headers, 'content-length': String(size) }, body };
  }
  const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
  const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
  if (start >= size || start > end)
    return { status: 416, headers: { 'content-range': `bytes */${size}` } };
  return {
    status: 206,
    headers: {
      ...headers,
      'content-length': String(end - start + 1),
      'content-range': `bytes ${start}-${end}/${size}`,
    },
    body: await readStoredFile(file.path, libraryKey, { start, end }),
  };
}
