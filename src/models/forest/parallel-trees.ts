import type { Worker } from 'node:worker_threads';
import { locateWorkerScript, startWorker, type WorkerScript } from '../../core/worker-script.js';
import type { TreeArrays } from '../tree/index.js';
import { type ForestJob, growTrees, treesForWorker } from './grow-trees.js';

export interface GrownForest {
  readonly trees: TreeArrays[];
  /** Threads that grew trees (1: this thread). */
  readonly threads: number;
  /** Why fewer threads than asked, if so. */
  readonly note?: string;
}

/**
 * Grows a forest's trees on `threads` worker threads (the data shared, not copied), or in this thread
 * when threads is 1 or no worker script can be found. Results do not depend on the thread count.
 */
export async function growForest(
  job: ForestJob,
  threads: number,
  signal?: AbortSignal,
): Promise<GrownForest> {
  const treeCount = job.seeds.length;
  const indices = Array.from({ length: treeCount }, (_, t) => t);
  if (threads <= 1) return { trees: growTrees(job, indices, signal), threads: 1 };
  const source = workerSource();
  if (!source) {
    return {
      trees: growTrees(job, indices, signal),
      threads: 1,
      note: 'the forest worker script is missing from this build; trees were grown in one thread',
    };
  }
  const trees: TreeArrays[] = new Array(treeCount);
  const workers: Worker[] = [];
  const stopAll = () => {
    for (const worker of workers) void worker.terminate();
  };
  signal?.addEventListener('abort', stopAll, { once: true });
  try {
    await Promise.all(
      Array.from({ length: threads }, (_, w) => {
        const input = { job, indices: treesForWorker(treeCount, w, threads) };
        const worker = startWorker(source, input);
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          worker.once('message', (message: { indices: number[]; trees: TreeArrays[] }) => {
            message.indices.forEach((t, k) => {
              trees[t] = message.trees[k];
            });
            resolve();
          });
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(signal?.reason ?? new Error(`forest worker exited with code ${code}`));
          });
        });
      }),
    );
  } finally {
    signal?.removeEventListener('abort', stopAll);
    stopAll();
  }
  signal?.throwIfAborted();
  return { trees, threads };
}

/** The built `forest-worker.js` beside this module's bundle, or `forest-worker.ts` from the sources. */
function workerSource(moduleUrl: string = import.meta.url): WorkerScript | undefined {
  return locateWorkerScript(moduleUrl, './forest-worker.ts', [
    './forest-worker.js',
    './models/forest/forest-worker.js',
  ]);
}
