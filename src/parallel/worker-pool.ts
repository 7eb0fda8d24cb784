import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { ModeldebugError } from '../core/errors.js';
import type { Features } from '../core/features.js';
import type { Labels } from '../core/labels.js';
import { startWorker } from '../core/worker-script.js';
import type { CacheFileRuntime } from '../llm/cache/cache-file.js';
import type { FoldOutcome, FoldTask, TaskExecutor } from '../selection/fold-task.js';
import type { ResultMessage, TaskMessage, WorkerStart } from './protocol.js';
import { shareDataset } from './shared-dataset.js';
import { resolveWorkerSource } from './worker-source.js';

export interface WorkerPoolOptions {
  /** Threads; default the number of cores. */
  readonly jobs?: number;
  readonly signal?: AbortSignal;
  /** The runtime every worker builds its models with (only what crosses a thread: a cache file path). */
  readonly runtime?: CacheFileRuntime;
}

export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * A fixed set of worker threads sharing one copy of the dataset (SharedArrayBuffer). Tasks go to the
 * next idle worker; outcomes land at their task's index, so a run's result is the same for any number of
 * threads. Close it when done (workers keep the process alive).
 */
export function createWorkerPool(
  features: Features,
  labels: Labels,
  options: WorkerPoolOptions = {},
): TaskExecutor {
  const jobs = options.jobs ?? defaultJobs();
  if (!Number.isInteger(jobs) || jobs < 1) {
    throw new ModeldebugError('invalid_argument', `--jobs must be a whole number >= 1, got ${jobs}`, {
      where: '--jobs',
    });
  }
  const dataset = shareDataset(features, labels);
  const source = resolveWorkerSource();
  const workers = Array.from({ length: jobs }, () =>
    startWorker(source, { dataset, runtime: options.runtime ?? {} } satisfies WorkerStart),
  );

  return {
    run(tasks, onTaskDone) {
      return new Promise<FoldOutcome[]>((resolve, reject) => {
        const outcomes: FoldOutcome[] = new Array(tasks.length);
        // Largest training sets first (stable), so the last fits to finish are short ones and no thread
        // idles on a long tail; outcomes still land at their task's index.
        const order = tasks
          .map((_, k) => k)
          .sort((a, b) => tasks[b].train.length - tasks[a].train.length || a - b);
        let next = 0;
        let done = 0;
        let failed = false;
        const cleanups: (() => void)[] = [];
        const finish = (error?: unknown) => {
          if (failed) return;
          if (error !== undefined) failed = true;
          for (const cleanup of cleanups) cleanup();
          if (error !== undefined) reject(error);
          else resolve(outcomes);
        };
        if (tasks.length === 0) {
          resolve(outcomes);
          return;
        }
        const dispatch = (worker: Worker) => {
          if (failed || next >= tasks.length) return;
          if (options.signal?.aborted) {
            finish(options.signal.reason);
            return;
          }
          const id = order[next++];
          worker.postMessage({ id, task: detached(tasks[id]) } satisfies TaskMessage);
        };
        for (const worker of workers) {
          const onMessage = (message: ResultMessage) => {
            if ('crash' in message) {
              finish(
                new ModeldebugError('internal', `a worker thread failed: ${message.crash.split('\n')[0]}`),
              );
              return;
            }
            outcomes[message.id] = message.outcome;
            done++;
            onTaskDone?.(message.id, message.outcome);
            if (done === tasks.length) finish();
            else dispatch(worker);
          };
          const onError = (error: Error) => finish(error);
          worker.on('message', onMessage);
          worker.on('error', onError);
          cleanups.push(() => {
            worker.off('message', onMessage);
            worker.off('error', onError);
          });
        }
        for (const worker of workers) dispatch(worker);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * postMessage clones a typed array's whole underlying buffer, so a subarray view (a learning-curve
 * prefix) is copied down to its own rows first.
 */
function detached(task: FoldTask): FoldTask {
  const own = (rows: Int32Array) => (rows.byteLength === rows.buffer.byteLength ? rows : rows.slice());
  return { ...task, train: own(task.train), test: own(task.test) };
}
