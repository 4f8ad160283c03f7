import { parentPort } from 'node:worker_threads';
import { toCairnError } from '../errors';
import type { FromWorker, ToWorker } from './protocol';
import { workerTasks, type WorkerTaskName } from './tasks';

/**
 * The code a worker starts with: wait for one task, run it, report progress, answer once. A worker
 * is a thread (messages through parentPort) or a forked process (messages through its IPC channel).
 */
const port = parentPort ?? processPort();

function processPort() {
  const send = process.send?.bind(process);
  if (!send) throw new Error('worker-entry must run in a worker thread or a forked process');
  // An orphan has no one to answer: when the parent goes away, so does this process.
  process.on('disconnect', () => process.exit(1));
  return {
    postMessage: (message: FromWorker) => void send(message),
    on: (event: 'message', listener: (message: ToWorker) => void) => process.on(event, listener),
  };
}

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
