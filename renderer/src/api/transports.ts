import type { EventMessage } from '../../../shared/api/transport';
import {
  BRIDGE_API_PREFIX,
  BRIDGE_EVENTS_PATH,
  BRIDGE_MEDIA_PREFIX,
  BRIDGE_TOKEN_HEADER,
  BRIDGE_UPLOAD_PATH,
  MEDIA_SCHEME,
} from '../../../shared/api/transport';

/** How the renderer reaches the core: Electron IPC in the app, the HTTP bridge in a browser. */
export interface Transport {
  readonly name: 'ipc' | 'http-bridge';
  invoke(method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (message: EventMessage) => void): () => void;
  /** Imports a file the user dropped or picked; resolves to the recordings.import envelope. */
  importFile(file: File, clientName?: string): Promise<unknown>;
  /** Files a voice memo for a client's session on a day; resolves to the briefs.addMemo envelope. */
  addMemo(file: File, clientId: string, date: string): Promise<unknown>;
  /** Where the player streams a session's recording from. */
  mediaUrl(sessionId: string): string;
}

export function ipcTransport(api: NonNullable<Window['cairn']>): Transport {
  return {
    name: 'ipc',
    invoke: (m, i) => api.invoke(m, i),
    onEvent: (l) => api.onEvent(l),
    importFile: (file, clientName) =>
      api.invoke('recordings.import', { path: api.pathForFile(file), clientName }),
    addMemo: (file, clientId, date) =>
      api.invoke('briefs.addMemo', { path: api.pathForFile(file), clientId, date }),
    mediaUrl: (sessionId) => `${MEDIA_SCHEME}://session/${encodeURIComponent(sessionId)}`,
  };
}

/** Same-origin URLs: Vite's dev server proxies /api and /api-events to the bridge. */
export function bridgeTransport(token: string): Transport {
  const headers = { 'content-type': 'application/json', [BRIDGE_TOKEN_HEADER]: token };
  // One event stream for every listener: each stream holds an HTTP connection open, and a
  // browser allows six per host, after which API calls would queue behind them.
  const listeners = new Set<(message: EventMessage) => void>();
  let stream: AbortController | undefined;
  const upload = async (file: File, params: Record<string, string>) => {
    const query = new URLSearchParams({ name: file.name, ...params });
    const response = await fetch(`${BRIDGE_UPLOAD_PATH}?${query.toString()}`, {
      method: 'POST',
      headers: { [BRIDGE_TOKEN_HEADER]: token, 'content-type': 'application/octet-stream' },
      body: file,
    });
    if (!response.ok) throw new Error(`Cairn's bridge answered ${response.status}`);
    return response.json() as Promise<unknown>;
  };
  return {
    name: 'http-bridge',
    async invoke(method, input) {
      const response = await fetch(`${BRIDGE_API_PREFIX}${encodeURIComponent(method)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input),
      });
      if (!response.ok) throw new Error(`Cairn's bridge answered ${response.status}`);
      return response.json() as Promise<unknown>;
    },
    mediaUrl: (sessionId) =>
      `${BRIDGE_MEDIA_PREFIX}${encodeURIComponent(sessionId)}?token=${encodeURIComponent(token)}`,
    importFile(file, clientName) {
      // A browser has no path for a dropped file: its bytes go to the bridge, which imports them.
      return upload(file, clientName ? { clientName } : {});
    },
    addMemo: (file, clientId, date) => upload(file, { memoClientId: clientId, date }),
    onEvent(listener) {
      listeners.add(listener);
      if (!stream) {
        stream = new AbortController();
        void readEventStream(headers, stream.signal, (message) => {
          for (const each of listeners) each(message);
        });
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stream?.abort();
          stream = undefined;
        }
      };
    },
  };
}

async function readEventStream(
  headers: Record<string, string>,
  signal: AbortSignal,
  listener: (message: EventMessage) => void,
): Promise<void> {
  // fetch rather than EventSource: EventSource cannot send the token header.
  try {
    const response = await fetch(BRIDGE_EVENTS_PATH, { headers, signal });
    if (!response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (frame.startsWith('data: ')) listener(JSON.parse(frame.slice(6)) as EventMessage);
        end = buffer.indexOf('\n\n');
      }
    }
  } catch (error) {
    if (!signal.aborted) console.warn('Cairn event stream ended', error);
  }
}
