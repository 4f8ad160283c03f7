import { z } from 'zod';
import {
  AppInfo,
  ClientSummary,
  Id,
  ImportRecordingInput,
  ImportRecordingResult,
  SessionDetail,
  SessionSummary,
} from './schemas';

/**
 * The one API contract between the renderer and the core.
 * Both transports (Electron IPC and the loopback HTTP bridge) are generated from this object,
 * so adding a method here is the only step needed to expose it; no channel is written by hand.
 */
export const methods = {
  'app.info': { input: z.object({}), output: AppInfo },
  'clients.list': { input: z.object({}), output: z.array(ClientSummary) },
  'sessions.list': { input: z.object({}), output: z.array(SessionSummary) },
  'sessions.get': { input: z.object({ id: Id }), output: SessionDetail },
  'recordings.import': { input: ImportRecordingInput, output: ImportRecordingResult },
} as const;

/** Events the core pushes to every connected renderer. */
export const events = {
  /** Something about the session list changed; the payload says which session. */
  'sessions.changed': z.object({ sessionId: Id.nullable() }),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.infer<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<Methods[M]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

export const METHOD_NAMES = Object.keys(methods) as MethodName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(methods, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
