import { z } from 'zod';
import {
  AppInfo,
  ClientSummary,
  Id,
  ImportRecordingInput,
  ImportRecordingResult,
  SessionDetail,
  EngineHealth,
  ProcessSessionInput,
  ProcessSessionResult,
  RiskFlag,
  RunProgress,
  RunSummary,
  SessionSummary,
  TranscriptLine,
} from './schemas';
import { RUN_STATUSES } from '../domain/enums';

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
  /** Queues the session's pipeline run (or returns the live one); never waits for the work. */
  'pipeline.process': { input: ProcessSessionInput, output: ProcessSessionResult },
  /** Engine circuit breakers and queue depth. */
  'pipeline.health': { input: z.object({}), output: EngineHealth },
  'runs.list': { input: z.object({ sessionId: Id.optional() }), output: z.array(RunSummary) },
  'runs.get': { input: z.object({ id: Id }), output: RunSummary },
  'runs.cancel': { input: z.object({ id: Id }), output: RunSummary },
  /** A failed or cancelled run again, from its failed stage; completed stages are kept. */
  'runs.retry': { input: z.object({ id: Id }), output: RunSummary },
  'riskFlags.list': { input: z.object({ sessionId: Id }), output: z.array(RiskFlag) },
  /** The clinician has read a risk flag; recorded in the audit log. */
  'riskFlags.acknowledge': { input: z.object({ id: Id }), output: RiskFlag },
  /** Refused while any risk flag is unacknowledged. */
  'sessions.approve': { input: z.object({ id: Id }), output: SessionSummary },
  /** The session's transcript segments in order, each with its speaker. */
  'sessions.transcript': { input: z.object({ id: Id }), output: z.array(TranscriptLine) },
} as const;

/** Events the core pushes to every connected renderer. */
export const events = {
  /** Something about the session list changed; the payload says which session. */
  'sessions.changed': z.object({ sessionId: Id.nullable() }),
  /** A run moved: stage, percent, a short message and the time left. */
  'runs.progress': RunProgress,
  /** A run changed status (queued, running, completed…). */
  'runs.changed': z.object({ runId: Id, sessionId: Id, status: z.enum(RUN_STATUSES) }),
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
