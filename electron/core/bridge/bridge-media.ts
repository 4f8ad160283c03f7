import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../app/core';
import { storedRecordingFile } from '../store/recording-files';

/**
 * A session's stored recording for the player, with byte ranges so the audio element can seek
 * without downloading everything first. Loopback and token-guarded like every bridge route.
 */
export async function serveRecording(
  core: Core,
  sessionId: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const file = storedRecordingFile(core.database.db, core.layout, sessionId);
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('no recording');
    return;
  }
  const { size } = await stat(file.path);
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
  const headers = {
    'content-type': file.mime,
    'accept-ranges': 'bytes',
    'cache-control': 'no-store',
  };
  if (!range) {
    response.writeHead(200, { ...headers, 'content-length': size });
    createReadStream(file.path).pipe(response);
    return;
  }
  const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
  const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
  if (start >= size || start > end) {
    response.writeHead(416, { 'content-range': `bytes */${size}` }).end();
    return;
  }
  response.writeHead(206, {
    ...headers,
    'content-length': end - start + 1,
    'content-range': `bytes ${start}-${end}/${size}`,
  });
  createReadStream(file.path, { start, end }).pipe(response);
}
