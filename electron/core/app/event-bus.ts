import { EventEmitter } from 'node:events';
import { events, type EventName, type EventPayload } from '../../../shared/api/contract';
import type { EventMessage } from '../../../shared/api/transport';

/** Typed fan-out of core events to every transport (IPC windows, bridge SSE clients). */
export class EventBus {
  private readonly emitter = new EventEmitter();

  /** Payloads are parsed with the contract's schema: what reaches a window is exactly what it declares. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const message: EventMessage<E> = {
      name,
      payload: events[name].parse(payload) as EventPayload<E>,
    };
    this.emitter.emit('event', message);
  }

  subscribe(listener: (message: EventMessage) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
