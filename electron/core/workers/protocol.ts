import type { ApiError } from '../../../shared/api/schemas';

/** Messages between a task's caller and its worker thread. */
export type ToWorker = { type: 'cancel' };

export type FromWorker =
  | { type: 'progress'; report: unknown }
  | { type: 'result'; value: unknown }
  | { type: 'error'; error: ApiError; stack?: string };

export interface WorkerInit {
  task: string;
  payload: unknown;
}
