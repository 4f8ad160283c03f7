import { parentPort, workerData } from 'node:worker_threads';
import { toCairnError } from '../errors';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';
import { workerTasks, type WorkerTaskName } from './tasks';

/** The code a worker thread starts with: run one task, report progress, answer once. */
const port = parentPort;
if (!port) throw new Error('worker-entry must run in a worker thread');

const { task, payload } = workerData as WorkerInit;
const controller = new AbortController();
const send = (message: FromWorker) => port.postMessage(message);

// Cancel is the only message a worker receives (ToWorker).
port.on('message', (_message: ToWorker) => controller.abort());

const run = workerTasks[task as WorkerTaskName] as (
  payload: unknown,
  context: { signal: AbortSignal; progress: (report: unknown) => void },
) => Promise<unknown>;

run(payload, {
  signal: controller.signal,
  progress: (report) => send({ type: 'progress', report }),
}).then(
  (value) => send({ type: 'result', value }),
  (error: unknown) => {
    const cairnError = toCairnError(error);
    send({
      type: 'error',
      error: cairnError.toApiError(),
      stack: error instanceof Error ? error.stack : undefined,
    });
  },
);
