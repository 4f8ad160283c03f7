import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { MEDIA_SCHEME } from '../../../shared/api/transport';
import type { Core } from '../../core/app/core';
import { storedRecordingFile } from '../../core/store/recording-files';

/** Before the app is ready: the player's scheme streams (and seeks) like a normal URL. */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true } },
  ]);
}

/**
 * `cairn-media://session/<id>` → the session's stored recording, byte ranges included (Electron's
 * file fetch answers Range requests). Only stored recordings can be reached, by session id.
 */
export function serveMedia(core: Core): void {
  protocol.handle(MEDIA_SCHEME, (request) => {
    // Locked: nothing readable is served, the recording included.
    if (core.lock.isLocked) return new Response('Cairn is locked', { status: 423 });
    const sessionId = decodeURIComponent(new URL(request.url).pathname.replace(/^\//, ''));
    const file = storedRecordingFile(core.database.db, core.layout, sessionId);
    if (!file) return new Response('no recording', { status: 404 });
    return net.fetch(pathToFileURL(file.path).toString(), { headers: request.headers });
  });
}
