import { preprocessTask } from '../audio/preprocess/preprocess-task';
import { diarizeTask } from '../diarize/diarize-task';
import { deidentifyExportTask } from '../export/bulk/deidentify-task';
import { riskMeaningTask } from '../notes/risk/semantic/risk-meaning-task';

/**
 * Every task a worker thread can run. A task gets its payload, a cancellation signal and a
 * progress callback; what it returns or throws is sent back to the caller.
 */
export const workerTasks = {
  preprocess: preprocessTask,
  diarize: diarizeTask,
  riskMeaning: riskMeaningTask,
  deidentifyExport: deidentifyExportTask,
} as const;

/**
 * Where each task runs. Diarization and the risk layer's sentence encoder get a process:
 * onnxruntime's native module registers once per process, so a second worker thread could not load it.
 */
export const taskIsolation: Record<keyof typeof workerTasks, 'thread' | 'process'> = {
  preprocess: 'thread',
  diarize: 'process',
  riskMeaning: 'process',
  deidentifyExport: 'thread',
};

export type WorkerTasks = typeof workerTasks;
export type WorkerTaskName = keyof WorkerTasks;
export type TaskPayload<T extends WorkerTaskName> = Parameters<WorkerTasks[T]>[0];
export type TaskResult<T extends WorkerTaskName> = Awaited<ReturnType<WorkerTasks[T]>>;
export type TaskProgress<T extends WorkerTaskName> = Parameters<
  Parameters<WorkerTasks[T]>[1]['progress']
>[0];
