import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../app/core';

/**
 * A session's stored recording for the player (see recording-media). Loopback and token-guarded
 * like every bridge route.
 */
export async function serveRecording(
  core: Core,
  sessionId: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const media = await core.recordingMedia(sessionId, request.headers.range);
  response.writeHead(media.status, media.headers);
  if (!media.body) {
    response.end(media.status === 404 ? 'no recording' : undefined);
    return;
  }
  media.body.on('error', () => response.destroy());
  media.body.pipe(response);
}
