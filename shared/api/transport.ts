import type { EventName, EventPayload } from './contract';

/** IPC channel names, derived from the contract so the preload and the main process always agree. */
export const IPC_INVOKE_CHANNEL = 'cairn:invoke';
export const IPC_EVENT_CHANNEL = 'cairn:event';

/** HTTP bridge routes. */
export const BRIDGE_API_PREFIX = '/api/';
export const BRIDGE_EVENTS_PATH = '/api-events';
export const BRIDGE_TOKEN_HEADER = 'x-cairn-token';
/** GET a session's recording for the player (?token=…: an audio element cannot send headers). */
export const BRIDGE_MEDIA_PREFIX = '/api-media/';
/** In the app the player streams the recording from this scheme (`cairn-media://session/<id>`). */
export const MEDIA_SCHEME = 'cairn-media';
/** POST the bytes of a dropped file (?name=…); the bridge imports them (browsers have no path). */
export const BRIDGE_UPLOAD_PATH = '/api-upload';

export interface EventMessage<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}

/** What the sandboxed preload exposes on `window.cairn`; nothing else crosses the bridge. */
export interface PreloadApi {
  invoke(method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (message: EventMessage) => void): () => void;
  /** The path on disk of a file the user dropped or picked (Electron's webUtils). */
  pathForFile(file: File): string;
  readonly methods: readonly string[];
}
