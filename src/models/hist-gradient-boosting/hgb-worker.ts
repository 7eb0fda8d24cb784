import { parentPort, workerData } from 'node:worker_threads';
import { serveWork } from '../mlp/thread-signals.js';
import { featureRange, fillHistogramFeatures } from './histogram-kernels.js';

/**
 * A worker thread of a threaded HistGradientBoosting fit: for every node the fit thread publishes, it
 * fills its share of the features of the node's histogram (binned data, row order, gradients and the
 * histograms all in shared memory) and reports done; see threaded-histograms.ts.
 */
export interface HgbWorkerInput {
  readonly part: number;
  readonly threads: number;
  readonly binned: Uint8Array;
  readonly rows: number;
  readonly features: number;
  readonly offsets: Int32Array;
  readonly indices: Int32Array;
  readonly gradients: Float64Array;
  readonly hessians: Float64Array;
  /** Every histogram the fit can hold at once, `histogramSize` numbers each. */
  readonly slab: Float64Array;
  readonly histogramSize: number;
  readonly control: Int32Array;
  /** [start, count, histogram index] of the node being built. */
  readonly job: Int32Array;
}

const input = workerData as HgbWorkerInput;
const { control, job, part, threads } = input;
const { from, to } = featureRange(input.features, part, threads);
serveWork(
  control,
  part,
  () => parentPort?.postMessage('ready'),
  () => {
    const slot = job[2] * input.histogramSize;
    fillHistogramFeatures(
      input.binned,
      input.rows,
      input.offsets,
      input.indices,
      job[0],
      job[1],
      input.gradients,
      input.hessians,
      input.slab.subarray(slot, slot + input.histogramSize),
      from,
      to,
    );
  },
);
