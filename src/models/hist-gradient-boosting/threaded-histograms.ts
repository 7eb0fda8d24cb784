import type { Worker } from 'node:worker_threads';
import { ModeldebugError } from '../../core/errors.js';
import { locateWorkerScript, startWorker, type WorkerScript } from '../../core/worker-script.js';
import { controlLength, doneSlot, FAILED, GO, publish, STOP, waitForValue } from '../mlp/thread-signals.js';
import type { ClosableWorkspace } from './boost.js';
import type { GrowerSettings } from './grow-boosted-tree.js';
import type { HgbWorkerInput } from './hgb-worker.js';
import { type BinnedData, createGrowerWorkspace, type HistogramBackend } from './histogram-backend.js';
import { featureRange } from './histogram-kernels.js';
import { CHOICE, JOB_LENGTH, mergeChoice, type NodeJob, writeNodeJob } from './node-job.js';
import { childrenPart, type NodeSearch, type PartContext, rootPart } from './node-parts.js';

/**
 * A histogram backend over `threads` threads (this one and threads − 1 workers): each does a fixed
 * range of features of every node, as sklearn's OpenMP loops over features — the root's histogram, or a
 * split's smaller child's, the larger one's by subtraction, and the best splits among its features —
 * in one hand-off per split. The binned data, the node's row order and gradients, and every histogram
 * live in SharedArrayBuffers, so a node moves no data, only a counter and a few numbers. Each feature is
 * summed by one thread in row order and the threads' best splits are combined in feature order with
 * the same strict comparison, so the trees are the same as with one thread, bit for bit. Undefined when
 * the tree size is unbounded (the histograms cannot be preallocated) or no worker script is found: the
 * caller then fits in this thread.
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
  const slab = sharedFloat64(capacity * histogramSize);
  const free = Array.from({ length: capacity }, (_, k) => capacity - 1 - k);
  const binned = new Uint8Array(new SharedArrayBuffer(data.binned.length));
  binned.set(data.binned);
  const rootCounts = sharedFloat64(data.rootCounts.length);
  rootCounts.set(data.rootCounts);
  const indices = new Int32Array(new SharedArrayBuffer(rows * 4));
  const gradients = sharedFloat64(rows);
  const hessians = sharedFloat64(rows);
  const control = new Int32Array(new SharedArrayBuffer(controlLength(threads) * 4));
  const job = sharedFloat64(JOB_LENGTH);
  const results = sharedFloat64(threads * 2 * CHOICE);
  const workers: Worker[] = [];
  const close = async () => {
    publish(control, STOP, 1);
    publish(control, GO, Atomics.load(control, GO) + 1);
    await Promise.all(workers.map((worker) => worker.terminate()));
  };
  try {
    await Promise.all(
      Array.from({ length: threads - 1 }, (_, w) => {
        const input: HgbWorkerInput = {
          part: w + 1,
          threads,
          binned,
          rows,
          features,
          offsets,
          hasMissing: data.hasMissing,
          rootCounts,
          limits: { l2: settings.l2, minSamplesLeaf: settings.minSamplesLeaf },
          indices,
          gradients,
          hessians,
          slab,
          histogramSize,
          control,
          job,
          results,
        };
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
  const context: PartContext = { ...data, binned, rootCounts, limits: settings };
  const own = featureRange(features, 0, threads);
  let sequence = Atomics.load(control, GO);
  const slotOf = (histogram: Float64Array) => histogram.byteOffset / 8 / histogramSize;
  const post = (node: NodeJob) => {
    writeNodeJob(job, node);
    publish(control, GO, ++sequence);
  };
  const collect = (nodes: NodeSearch[]) => {
    for (let part = 1; part < threads; part++) waitForValue(control, doneSlot(part), sequence);
    if (Atomics.load(control, FAILED) === 1) {
      throw new ModeldebugError('internal', 'a HistGradientBoosting worker thread failed', {
        hint: 'fit with n_jobs=1',
      });
    }
    // Parts in feature order, each replacing the best only when strictly better: the first best
    // feature wins, as in one scan over all features.
    for (let part = 1; part < threads; part++)
      nodes.forEach((node, k) => {
        mergeChoice(results, (part * 2 + k) * CHOICE, node.best);
      });
  };
  const backend: HistogramBackend = {
    take() {
      const slot = free.pop();
      if (slot === undefined)
        throw new ModeldebugError('internal', 'HistGradientBoosting ran out of histograms');
      const histogram = slab.subarray(slot * histogramSize, (slot + 1) * histogramSize);
      histogram.fill(0);
      return histogram;
    },
    give(histogram) {
      free.push(slotOf(histogram));
    },
    root(g, h, histogram, node) {
      gradients.set(g);
      hessians.set(h);
      post({ root: true, start: 0, count: rows, small: slotOf(histogram), parent: -1, nodes: [node] });
      rootPart(context, gradients, hessians, histogram, node, own.from, own.to);
      collect([node]);
    },
    children(work) {
      const { start, count, smallNode, largeNode } = work;
      const nodes = [smallNode, largeNode];
      post({ root: false, start, count, small: slotOf(work.small), parent: slotOf(work.parent), nodes });
      childrenPart(context, work, own.from, own.to);
      collect(nodes);
    },
  };
  return { ...createGrowerWorkspace(rows, backend, { indices, g: gradients, h: hessians }), close };
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
