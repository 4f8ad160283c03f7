import type { ApiError } from '../../../shared/api/schemas';

/**
 * Messages between a task's caller and its worker thread. The task arrives by message, not in
 * workerData, so a worker can start (and load its modules) while the caller still prepares it.
 */
export type ToWorker = { type: 'run'; task: string; payload: unknown } | { type: 'cancel' };

export type FromWorker =
  | { type: 'progress'; report: unknown }
  | { type: 'result'; value: unknown }
  | { type: 'error'; error: ApiError; stack?: string };
