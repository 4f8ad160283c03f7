import { parentPort } from 'node:worker_threads';
import { toCairnError } from '../errors';
import type { FromWorker, ToWorker } from './protocol';
import { workerTasks, type WorkerTaskName } from './tasks';

/** The code a worker thread starts with: wait for one task, run it, report progress, answer once. */
const port = parentPort;
if (!port) throw new Error('worker-entry must run in a worker thread');

const controller = new AbortController();
const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') controller.abort();
  else run(message.task, message.payload);
});

function run(task: string, payload: unknown): void {
  const runTask = workerTasks[task as WorkerTaskName] as (
    payload: unknown,
    context: { signal: AbortSignal; progress: (report: unknown) => void },
  ) => Promise<unknown>;
  runTask(payload, {
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
}
