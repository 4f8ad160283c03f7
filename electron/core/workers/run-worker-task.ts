import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CancelledError, fromApiError, toCairnError, TransientError } from '../errors';
import type { FromWorker, ToWorker } from './protocol';
import {
  taskIsolation,
  type TaskPayload,
  type TaskProgress,
  type TaskResult,
  type WorkerTaskName,
} from './tasks';

export interface WorkerTaskOptions<T extends WorkerTaskName> {
  signal?: AbortSignal;
  onProgress?: (report: TaskProgress<T>) => void;
  /** How long a cancelled task may take to kill its children and clean up before the thread is terminated. */
  cancelGraceMs?: number;
}

/**
 * Runs a task in its own worker thread (or child process, for tasks that need one), off the
 * caller's event loop. The thread starts at once;
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
    const worker = taskIsolation[task] === 'process' ? forkWorker() : threadWorker();
    let settled = false;
    let graceTimer: NodeJS.Timeout | undefined;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(graceTimer);
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
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
    worker.on('message', (message) => {
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

/** What runWorkerTask needs of a worker, whether a thread or a process. */
interface WorkerHandle {
  postMessage(message: ToWorker): void;
  on(event: 'message', listener: (message: FromWorker) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'exit', listener: (code: number | null) => void): void;
  terminate(): void;
}

function threadWorker(): WorkerHandle {
  const worker = new Worker(workerScript());
  return {
    postMessage: (message) => worker.postMessage(message),
    on: ((event: string, listener: (...args: unknown[]) => void) => {
      worker.on(event, listener);
    }) as WorkerHandle['on'],
    terminate: () => void worker.terminate(),
  };
}

/** A child process speaking the same protocol over IPC; in Electron, its binary acting as Node. */
function forkWorker(): WorkerHandle {
  const child = fork(workerScript(), [], {
    serialization: 'advanced',
    // The child's output goes to stderr: the CLI's stdout carries only its answer (e.g. --json).
    stdio: ['ignore', 2, 2, 'ipc'],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  return {
    postMessage: (message) => child.send(message),
    on: ((event: string, listener: (...args: unknown[]) => void) => {
      child.on(event, listener);
    }) as WorkerHandle['on'],
    terminate: () => child.kill('SIGKILL'),
  };
}
