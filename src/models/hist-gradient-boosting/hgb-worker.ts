import { parentPort, workerData } from 'node:worker_threads';
import { serveWork } from '../mlp/thread-signals.js';
import type { SplitChoice, SplitLimits } from './find-split.js';
import { featureRange } from './histogram-kernels.js';
import { CHOICE, readNodeJob, writeChoice } from './node-job.js';
import { childrenPart, type NodeSearch, type PartContext, rootPart } from './node-parts.js';

/**
 * A worker thread of a threaded HistGradientBoosting fit: for every node the fit thread publishes, it
 * does its share of the features — the root's histogram, or a split's smaller child's and the larger's
 * by subtraction, and the best splits among them — writes its choices and reports done; see
 * threaded-histograms.ts.
 */
export interface HgbWorkerInput {
  readonly part: number;
  readonly threads: number;
  readonly binned: Uint8Array;
  readonly rows: number;
  readonly features: number;
  readonly offsets: Int32Array;
  readonly hasMissing: Uint8Array;
  readonly rootCounts: Float64Array;
  readonly limits: SplitLimits;
  readonly indices: Int32Array;
  readonly gradients: Float64Array;
  readonly hessians: Float64Array;
  /** Every histogram the fit can hold at once, `histogramSize` numbers each. */
  readonly slab: Float64Array;
  readonly histogramSize: number;
  readonly control: Int32Array;
  /** The node being built (node-job.ts). */
  readonly job: Float64Array;
  /** Two split choices per thread, CHOICE numbers each. */
  readonly results: Float64Array;
}

const input = workerData as HgbWorkerInput;
const { control, job, part, threads, results, histogramSize, slab } = input;
const context: PartContext = input;
const { from, to } = featureRange(input.features, part, threads);
const histogram = (slot: number) => slab.subarray(slot * histogramSize, (slot + 1) * histogramSize);
const choices = [emptyChoice(), emptyChoice()];
serveWork(
  control,
  part,
  () => parentPort?.postMessage('ready'),
  () => {
    const node = readNodeJob(job);
    const searches: NodeSearch[] = node.nodes.map((stats, k) => {
      Object.assign(choices[k], emptyChoice());
      return { ...stats, best: choices[k] };
    });
    const { gradients: g, hessians: h } = input;
    if (node.root) rootPart(context, g, h, histogram(node.small), searches[0], from, to);
    else {
      const [smallNode, largeNode] = searches;
      const { start, count } = node;
      const small = histogram(node.small);
      const parent = histogram(node.parent);
      const work = { indices: input.indices, start, count, g, h, small, parent, smallNode, largeNode };
      childrenPart(context, work, from, to);
    }
    searches.forEach((search, k) => {
      writeChoice(results, (part * 2 + k) * CHOICE, search.best);
    });
  },
);

function emptyChoice(): SplitChoice {
  return { feature: -1, bin: 0, gain: 0, missingLeft: false, gLeft: 0, hLeft: 0, gRight: 0, hRight: 0 };
}
