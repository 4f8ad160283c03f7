import type { EventMessage } from '../../../shared/api/transport';
import {
  BRIDGE_API_PREFIX,
  BRIDGE_EVENTS_PATH,
  BRIDGE_TOKEN_HEADER,
} from '../../../shared/api/transport';

/** How the renderer reaches the core: Electron IPC in the app, the HTTP bridge in a browser. */
export interface Transport {
  readonly name: 'ipc' | 'http-bridge';
  invoke(method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (message: EventMessage) => void): () => void;
}

export function ipcTransport(api: NonNullable<Window['cairn']>): Transport {
  return { name: 'ipc', invoke: (m, i) => api.invoke(m, i), onEvent: (l) => api.onEvent(l) };
}

/** Same-origin URLs: Vite's dev server proxies /api and /api-events to the bridge. */
export function bridgeTransport(token: string): Transport {
  const headers = { 'content-type': 'application/json', [BRIDGE_TOKEN_HEADER]: token };
  // One event stream for every listener: each stream holds an HTTP connection open, and a
  // browser allows six per host, after which API calls would queue behind them.
  const listeners = new Set<(message: EventMessage) => void>();
  let stream: AbortController | undefined;
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
