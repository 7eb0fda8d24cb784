import { parentPort, workerData } from 'node:worker_threads';
import { runFoldTask } from '../selection/fold-task.js';
import { createTransformCache } from '../selection/transform-cache.js';
import type { ResultMessage, TaskMessage, WorkerStart } from './protocol.js';
import { attachDataset } from './shared-dataset.js';

/** A pool worker: attaches the shared dataset once, then runs fold tasks until terminated. */
const port = parentPort;
if (port) {
  const start = workerData as WorkerStart;
  const data = { ...attachDataset(start.dataset), cache: createTransformCache(), runtime: start.runtime };
  port.on('message', (message: TaskMessage) => {
    runFoldTask(message.task, data).then(
      (outcome) => port.postMessage({ id: message.id, outcome } satisfies ResultMessage),
      (error: unknown) =>
        port.postMessage({
          id: message.id,
          crash: error instanceof Error ? (error.stack ?? error.message) : String(error),
        } satisfies ResultMessage),
    );
  });
}
