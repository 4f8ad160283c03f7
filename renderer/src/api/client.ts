import type {
  EventName,
  EventPayload,
  MethodInput,
  MethodName,
  MethodOutput,
} from '../../../shared/api/contract';
import { ApiCallError, Envelope } from '../../../shared/api/envelope';
import type { ImportRecordingResult } from '../../../shared/api/schemas';
import type { EventMessage } from '../../../shared/api/transport';
import { bridgeTransport, ipcTransport, type Transport } from './transports';

/** The renderer's typed view of the contract; components never see a transport. */
export interface ApiClient {
  readonly transport: Transport['name'];
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Imports a dropped or picked file (by path in the app, by upload in a browser). */
  importFile(file: File, clientName?: string): Promise<ImportRecordingResult>;
  /** Files a voice memo for the client's session on a day (by path, or by upload in a browser). */
  addMemo(file: File, clientId: string, date: string): Promise<MethodOutput<'briefs.addMemo'>>;
  mediaUrl(sessionId: string): string;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    transport: transport.name,
    async call(method, input) {
      const envelope = Envelope.parse(await unreachableAsReadable(transport.invoke(method, input)));
      if (!envelope.ok) throw new ApiCallError(envelope.error);
      // The core validated this value against the contract's output schema before sending it.
      return envelope.value as MethodOutput<typeof method>;
    },
    mediaUrl: (sessionId) => transport.mediaUrl(sessionId),
    async importFile(file, clientName) {
      const envelope = Envelope.parse(
        await unreachableAsReadable(transport.importFile(file, clientName)),
      );
      if (!envelope.ok) throw new ApiCallError(envelope.error);
      return envelope.value as ImportRecordingResult;
    },
    async addMemo(file, clientId, date) {
      const envelope = Envelope.parse(
        await unreachableAsReadable(transport.addMemo(file, clientId, date)),
      );
      if (!envelope.ok) throw new ApiCallError(envelope.error);
      return envelope.value as MethodOutput<'briefs.addMemo'>;
    },
    on(event, listener) {
      return transport.onEvent((message) => {
        if (isEvent(message, event)) listener(message.payload);
      });
    },
  };
}

/**
 * A call that never reached the core (the bridge stopped, the app is closing) fails with words
 * and a next step instead of a browser's "Failed to fetch".
 */
async function unreachableAsReadable<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cairn's core did not answer (${detail}). What was saved before is safe; check that Cairn is still running, then try again.`,
    );
  }
}

/** The name identifies the payload type; EventBus.emit is typed by the same contract. */
function isEvent<E extends EventName>(message: EventMessage, name: E): message is EventMessage<E> {
  return message.name === name;
}

export function detectTransport(): Transport {
  if (window.cairn) return ipcTransport(window.cairn);
  const token = import.meta.env.VITE_CAIRN_BRIDGE_TOKEN;
  if (token) return bridgeTransport(token);
  throw new Error(
    'Cairn cannot reach its core: open it as the desktop app, or run `npm run dev:web`.',
  );
}
