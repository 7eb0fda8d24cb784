import type { Worker } from 'node:worker_threads';
import { ModeldebugError } from '../../core/errors.js';
import { locateWorkerScript, startWorker, type WorkerScript } from '../../core/worker-script.js';
import type { ClosableWorkspace } from './boost.js';
import type { GrowerSettings } from './grow-boosted-tree.js';
import type { HgbWorkerInput } from './hgb-worker.js';
import { type BinnedData, createGrowerWorkspace, type HistogramBackend } from './histogram-backend.js';
import {
  CHOICE,
  CONTROL,
  chunkCount,
  JOB_LENGTH,
  runNodeJob,
  type SharedNodeWork,
  stopNodeJobs,
} from './node-job.js';

/**
 * A histogram backend over `threads` threads (this one and threads − 1 workers) that share each node's
 * work by chunks of features (node-job.ts), as sklearn's OpenMP loops over features: the root's
 * histogram, or a split's smaller child's, the larger one's by subtraction, and the best splits among
 * the chunk's features, in one hand-off per split. The binned data, the node's row order and
 * gradients, and every histogram live in SharedArrayBuffers, so a node moves no data, only counters and
 * a few numbers. Each feature is summed by one thread in row order and the chunks' best splits are
 * combined in feature order with the same strict comparison, so the trees are the same as with one
 * thread, bit for bit. Undefined when the tree size is unbounded (the histograms cannot be
 * preallocated) or no worker script is found: the caller then fits in this thread.
 */
export async function startThreadedHistograms(
  data: BinnedData,
  settings: GrowerSettings,
  threads: number,
): Promise<ClosableWorkspace | undefined> {
  const script = workerSource();
  if (!script || !Number.isFinite(settings.maxLeafNodes) || threads < 2) return undefined;
  const { rows, features, offsets } = data;
  const histogramSize = offsets[features] * 3;
  // Open leaves hold a histogram each, plus the child being built.
  const capacity = settings.maxLeafNodes + 2;
  const free = Array.from({ length: capacity }, (_, k) => capacity - 1 - k);
  const binned = new Uint8Array(new SharedArrayBuffer(data.binned.length));
  binned.set(data.binned);
  const rootCounts = sharedFloat64(data.rootCounts.length);
  rootCounts.set(data.rootCounts);
  const shared: SharedNodeWork = {
    context: {
      binned,
      rows,
      offsets,
      hasMissing: data.hasMissing,
      rootCounts,
      limits: { l2: settings.l2, minSamplesLeaf: settings.minSamplesLeaf },
    },
    features,
    indices: new Int32Array(new SharedArrayBuffer(rows * 4)),
    gradients: sharedFloat64(rows),
    hessians: sharedFloat64(rows),
    slab: sharedFloat64(capacity * histogramSize),
    histogramSize,
    control: new Int32Array(new SharedArrayBuffer(CONTROL.length * 4)),
    job: sharedFloat64(JOB_LENGTH),
    results: sharedFloat64(chunkCount(features) * 2 * CHOICE),
  };
  const workers: Worker[] = [];
  const close = async () => {
    stopNodeJobs(shared.control);
    await Promise.all(workers.map((worker) => worker.terminate()));
  };
  try {
    await Promise.all(
      Array.from({ length: threads - 1 }, () => {
        const input: HgbWorkerInput = shared;
        const worker = startWorker(script, { ...input });
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          worker.once('message', () => resolve());
          worker.once('error', reject);
          worker.once('exit', (code) => reject(new Error(`HGB worker exited with code ${code}`)));
        });
      }),
    );
  } catch (error) {
    await close();
    throw new ModeldebugError('internal', 'a HistGradientBoosting worker thread failed to start', {
      hint: 'fit with n_jobs=1',
      cause: error,
    });
  }
  const { slab } = shared;
  const slotOf = (histogram: Float64Array) => histogram.byteOffset / 8 / histogramSize;
  const backend: HistogramBackend = {
    take() {
      const slot = free.pop();
      if (slot === undefined)
        throw new ModeldebugError('internal', 'HistGradientBoosting ran out of histograms');
      return slab.subarray(slot * histogramSize, (slot + 1) * histogramSize);
    },
    give(histogram) {
      free.push(slotOf(histogram));
    },
    root(g, h, histogram, node) {
      shared.gradients.set(g);
      shared.hessians.set(h);
      const job = { root: true, start: 0, count: rows, small: slotOf(histogram), parent: -1, nodes: [node] };
      runNodeJob(shared, job, [node]);
    },
    children(work) {
      const { start, count, smallNode, largeNode } = work;
      const nodes = [smallNode, largeNode];
      const small = slotOf(work.small);
      runNodeJob(shared, { root: false, start, count, small, parent: slotOf(work.parent), nodes }, nodes);
    },
  };
  const { indices, gradients: g, hessians: h } = shared;
  return { ...createGrowerWorkspace(rows, backend, { indices, g, h }), close };
}

function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * 8));
}

/** The built `hgb-worker.js` beside this module's bundle, or `hgb-worker.ts` from the sources. */
function workerSource(moduleUrl: string = import.meta.url): WorkerScript | undefined {
  return locateWorkerScript(moduleUrl, './hgb-worker.ts', [
    './hgb-worker.js',
    './models/hist-gradient-boosting/hgb-worker.js',
  ]);
}
