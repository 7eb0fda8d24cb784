import type { Worker } from 'node:worker_threads';
import { ModeldebugError } from '../../core/errors.js';
import { locateWorkerScript, startWorker, type WorkerScript } from '../../core/worker-script.js';
import { controlLength, doneSlot, FAILED, GO, publish, STOP, waitForValue } from '../mlp/thread-signals.js';
import type { ClosableWorkspace } from './boost.js';
import { findBestSplit } from './find-split.js';
import type { GrowerSettings } from './grow-boosted-tree.js';
import type { HgbWorkerInput } from './hgb-worker.js';
import { type BinnedData, createGrowerWorkspace, type HistogramBackend } from './histogram-backend.js';
import { featureRange, fillHistogramFeatures } from './histogram-kernels.js';

/**
 * Below this many (row, feature) cells a node's histogram is built in the fit thread: waking the
 * workers costs tens of microseconds, about what 20,000 cells take.
 */
const THREADED_CELLS = 20_000;

/**
 * A histogram backend over `threads` threads (this one and threads − 1 workers): each builds a fixed
 * range of features of a node's histogram, as sklearn's OpenMP loop over features. The binned data, the
 * node's row order and gradients, and every histogram live in SharedArrayBuffers, so a node moves no
 * data, only a counter. Each feature is summed by one thread in row order, so the trees are the same as
 * with one thread, bit for bit. Split finding stays in this thread (a few microseconds a node).
 * Undefined when the tree size is unbounded (the histograms cannot be preallocated) or no worker
 * script is found: the caller then fits in this thread.
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
  const indices = new Int32Array(new SharedArrayBuffer(rows * 4));
  const gradients = sharedFloat64(rows);
  const hessians = sharedFloat64(rows);
  const control = new Int32Array(new SharedArrayBuffer(controlLength(threads) * 4));
  const job = new Int32Array(new SharedArrayBuffer(3 * 4));
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
          indices,
          gradients,
          hessians,
          slab,
          histogramSize,
          control,
          job,
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
  const own = featureRange(features, 0, threads);
  let sequence = Atomics.load(control, GO);
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
      free.push(histogram.byteOffset / 8 / histogramSize);
    },
    fill(order, start, count, g, h, histogram) {
      if (count * features < THREADED_CELLS) {
        fillHistogramFeatures(binned, rows, offsets, order, start, count, g, h, histogram, 0, features);
        return;
      }
      job[0] = start;
      job[1] = count;
      job[2] = histogram.byteOffset / 8 / histogramSize;
      publish(control, GO, ++sequence);
      fillHistogramFeatures(binned, rows, offsets, order, start, count, g, h, histogram, own.from, own.to);
      for (let part = 1; part < threads; part++) waitForValue(control, doneSlot(part), sequence);
      if (Atomics.load(control, FAILED) === 1) {
        throw new ModeldebugError('internal', 'a HistGradientBoosting worker thread failed', {
          hint: 'fit with n_jobs=1',
        });
      }
    },
    findSplit(histogram, node, best) {
      findBestSplit(histogram, offsets, data.hasMissing, node, settings, 0, features, best);
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
