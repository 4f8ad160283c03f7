import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CancelledError, fromApiError, toCairnError, TransientError } from '../errors';
import type { FromWorker, ToWorker } from './protocol';
import type { TaskPayload, TaskProgress, TaskResult, WorkerTaskName } from './tasks';

export interface WorkerTaskOptions<T extends WorkerTaskName> {
  signal?: AbortSignal;
  onProgress?: (report: TaskProgress<T>) => void;
  /** How long a cancelled task may take to kill its children and clean up before the thread is terminated. */
  cancelGraceMs?: number;
}

/**
 * Runs a task in its own worker thread, off the caller's event loop. The thread starts at once;
 * `payload` may still be a promise (e.g. validation in progress), so module loading overlaps it.
 * Settles once: with the task's result, its typed error, or CancelledError after the task has
 * cleaned up (or the grace period ran out and the thread was terminated).
 */
export function runWorkerTask<T extends WorkerTaskName>(
  task: T,
  payload: TaskPayload<T> | Promise<TaskPayload<T>>,
  options: WorkerTaskOptions<T> = {},
): Promise<TaskResult<T>> {
  const { signal, onProgress, cancelGraceMs = 10_000 } = options;
  if (signal?.aborted) return Promise.reject(new CancelledError());
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript());
    let settled = false;
    let graceTimer: NodeJS.Timeout | undefined;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(graceTimer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const send = (message: ToWorker) => worker.postMessage(message);
    const onAbort = () => {
      send({ type: 'cancel' });
      graceTimer = setTimeout(() => finish(() => reject(new CancelledError())), cancelGraceMs);
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    Promise.resolve(payload).then(
      (ready) => {
        if (!settled) send({ type: 'run', task, payload: ready });
      },
      (error: unknown) => finish(() => reject(toCairnError(error))),
    );
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') onProgress?.(message.report as TaskProgress<T>);
      else if (message.type === 'result') finish(() => resolve(message.value as TaskResult<T>));
      else finish(() => reject(fromApiError(message.error)));
    });
    worker.on('error', (error) => {
      finish(() =>
        reject(
          new TransientError(
            'worker_crashed',
            `A background task stopped unexpectedly: ${error.message}`,
            { cause: error },
          ),
        ),
      );
    });
    worker.on('exit', (code) => {
      finish(() =>
        reject(
          new TransientError(
            'worker_exited',
            `A background task ended without an answer (exit ${code}).`,
          ),
        ),
      );
    });
  });
}

/** The bundled worker beside the app's main bundle, or the sources through tsx. */
function workerScript(): string {
  const bundled = path.join(__dirname, 'worker.js');
  return existsSync(bundled) ? bundled : path.join(__dirname, 'worker-bootstrap.cjs');
}
