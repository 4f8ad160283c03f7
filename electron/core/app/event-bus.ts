import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../../shared/api/contract';
import type { EventMessage } from '../../../shared/api/transport';

/** Typed fan-out of core events to every transport (IPC windows, bridge SSE clients). */
export class EventBus {
  private readonly emitter = new EventEmitter();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.emitter.emit('event', { name, payload } satisfies EventMessage<E>);
  }

  subscribe(listener: (message: EventMessage) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
