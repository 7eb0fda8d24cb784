import type { Worker } from 'node:worker_threads';
import { ModeldebugError } from '../core/errors.js';
import { startWorker } from '../core/worker-script.js';
import type { ResultMessage, TaskMessage } from '../parallel/protocol.js';
import { shareDataset } from '../parallel/shared-dataset.js';
import { resolveWorkerSource } from '../parallel/worker-source.js';
import type { FoldOutcome, FoldTask, TaskData } from '../selection/fold-task.js';

/** A worker process's threads for one dataset: each runs one fold task at a time. */
export interface DatasetThreads {
  run(task: FoldTask): Promise<FoldOutcome>;
  /** Tasks running or waiting for a thread. */
  readonly busy: number;
  close(): Promise<void>;
}

/**
 * The local pool's threads (parallel/worker-entry.ts, the same code and the same per-thread transform
 * cache), fed one task at a time as BullMQ hands out jobs. Fits run off the main thread so that it
 * stays free to renew the jobs' locks: a long synchronous fit there would look like a dead worker.
 */
export function createDatasetThreads(data: TaskData, threads: number): DatasetThreads {
  const dataset = shareDataset(data.features, data.labels);
  const source = resolveWorkerSource();
  const idle: Worker[] = Array.from({ length: threads }, () => startWorker(source, { dataset }));
  const all = [...idle];
  const waiting: (() => void)[] = [];
  let nextId = 0;
  let busy = 0;
  let drained: (() => void) | undefined;

  const acquire = async (): Promise<Worker> => {
    const free = idle.pop();
    if (free) return free;
    await new Promise<void>((resolve) => waiting.push(resolve));
    return acquire();
  };
  const release = (worker: Worker) => {
    idle.push(worker);
    waiting.shift()?.();
  };

  return {
    get busy() {
      return busy;
    },
    async run(task) {
      busy++;
      try {
        const worker = await acquire();
        try {
          return await runOn(worker, nextId++, task);
        } finally {
          release(worker);
        }
      } finally {
        busy--;
        if (busy === 0) drained?.();
      }
    },
    async close() {
      // Running fits finish first: terminating a thread mid-task would leave its job hanging.
      if (busy > 0) await new Promise<void>((resolve) => (drained = resolve));
      await Promise.all(all.map((worker) => worker.terminate()));
    },
  };
}

function runOn(worker: Worker, id: number, task: FoldTask): Promise<FoldOutcome> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ResultMessage) => {
      if (message.id !== id) return;
      cleanup();
      if ('crash' in message) {
        reject(new ModeldebugError('internal', `a fit crashed: ${message.crash.split('\n')[0]}`));
      } else resolve(message.outcome);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage({ id, task } satisfies TaskMessage);
  });
}
