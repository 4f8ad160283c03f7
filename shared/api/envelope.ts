import { z } from 'zod';
import { ApiError } from './schemas';

/**
 * Every call answers with an envelope instead of throwing across a transport:
 * IPC and HTTP both lose error classes, so the category and user message travel as data.
 */
export const Envelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiError }),
]);
export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Raised in the renderer when a call comes back with an error envelope. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}
