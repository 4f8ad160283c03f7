import { protocol } from 'electron';
import { Readable } from 'node:stream';
import { MEDIA_SCHEME } from '../../../shared/api/transport';
import type { Core } from '../../core/app/core';

/** Before the app is ready: the player's scheme streams (and seeks) like a normal URL. */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true } },
  ]);
}

/**
 * `cairn-media://session/<id>` → the session's stored recording, decrypted as it streams, byte
 * ranges included (see recording-media). Only stored recordings can be reached, by session id.
 */
export function serveMedia(core: Core): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const sessionId = decodeURIComponent(new URL(request.url).pathname.replace(/^\//, ''));
    const media = await core.recordingMedia(sessionId, request.headers.get('range'));
    const body = media.body ? (Readable.toWeb(media.body) as ReadableStream<Uint8Array>) : null;
    return new Response(body, { status: media.status, headers: media.headers });
  });
}
