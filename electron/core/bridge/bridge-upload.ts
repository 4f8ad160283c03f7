import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Envelope } from '../../../shared/api/envelope';
import type { Core } from '../app/core';
import { readSetting } from '../config/settings';
import { ValidationError } from '../errors';

/**
 * A file dropped on the page in a browser has no path on disk (only the Electron app can ask for
 * one), so the bridge receives its bytes, keeps them under the library's private tmp folder with
 * the file's own name (its extension and name appear in validation messages), imports them like
 * any other file (or files it as a brief's voice memo), and deletes the copy whatever happens.
 */
export async function importUpload(
  core: Core,
  request: IncomingMessage,
  url: URL,
): Promise<Envelope> {
  const name = path.basename(url.searchParams.get('name') ?? '');
  if (name === '' || name === '.' || name === '..')
    return refusal(new ValidationError('upload_name', 'The dropped file has no name.'));
  const limit = readSetting(core.database.db, 'maxRecordingBytes');
  const folder = path.join(core.layout.tmp, `upload-${randomUUID()}`);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  try {
    const file = path.join(folder, name);
    let received = 0;
    await pipeline(
      request,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          received += chunk.length;
          if (received > limit)
            throw new ValidationError(
              'recording_too_large',
              `${name} is larger than the ${Math.round(limit / 1e9)} GB Cairn accepts.`,
            );
          yield chunk;
        }
      },
      createWriteStream(file, { mode: 0o600 }),
    );
    // The same upload files a voice memo for a client's brief when the page says so.
    const memoClientId = url.searchParams.get('memoClientId');
    if (memoClientId !== null)
      return await core.invoke('briefs.addMemo', {
        clientId: memoClientId,
        date: url.searchParams.get('date') ?? undefined,
        path: file,
      });
    const clientName = url.searchParams.get('clientName') ?? undefined;
    return await core.invoke('recordings.import', { path: file, clientName });
  } catch (error) {
    if (error instanceof ValidationError) return refusal(error);
    throw error;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function refusal(error: ValidationError): Envelope {
  return { ok: false, error: error.toApiError() };
}
