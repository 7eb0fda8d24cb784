import type { SplitChoice } from './find-split.js';

/**
 * The hand-off of one node between the fit thread and the HistGradientBoosting workers, through
 * shared Float64Arrays: the job (which histograms, which rows, the nodes' sums) and each thread's best
 * split choices (see threaded-histograms.ts).
 */
export interface NodeJob {
  /** The root (from every row), or a split's children. */
  readonly root: boolean;
  readonly start: number;
  readonly count: number;
  /** Histogram slots in the shared slab: the node built from rows, and the parent (−1 for the root). */
  readonly small: number;
  readonly parent: number;
  /** The root, or the smaller child then the larger. */
  readonly nodes: readonly { sumG: number; sumH: number; count: number; search: boolean }[];
}

const NODES_AT = 5;
export const JOB_LENGTH = NODES_AT + 2 * 4;
/** Numbers per split choice: feature, bin, gain, missingLeft, gLeft, hLeft, gRight, hRight. */
export const CHOICE = 8;

export function writeNodeJob(job: Float64Array, node: NodeJob): void {
  job[0] = node.root ? 1 : 0;
  job[1] = node.start;
  job[2] = node.count;
  job[3] = node.small;
  job[4] = node.parent;
  node.nodes.forEach((n, k) => {
    const at = NODES_AT + 4 * k;
    job[at] = n.sumG;
    job[at + 1] = n.sumH;
    job[at + 2] = n.count;
    job[at + 3] = n.search ? 1 : 0;
  });
}

export function readNodeJob(job: Float64Array): NodeJob {
  const root = job[0] === 1;
  const nodes = Array.from({ length: root ? 1 : 2 }, (_, k) => {
    const at = NODES_AT + 4 * k;
    return { sumG: job[at], sumH: job[at + 1], count: job[at + 2], search: job[at + 3] === 1 };
  });
  return { root, start: job[1], count: job[2], small: job[3], parent: job[4], nodes };
}

/** Writes a split choice at results[at …] (what mergeChoice reads). */
export function writeChoice(results: Float64Array, at: number, choice: SplitChoice): void {
  results[at] = choice.feature;
  results[at + 1] = choice.bin;
  results[at + 2] = choice.gain;
  results[at + 3] = choice.missingLeft ? 1 : 0;
  results[at + 4] = choice.gLeft;
  results[at + 5] = choice.hLeft;
  results[at + 6] = choice.gRight;
  results[at + 7] = choice.hRight;
}

/** Reads the split choice at results[at …] into `best` when its gain is strictly higher. */
export function mergeChoice(results: Float64Array, at: number, best: SplitChoice): void {
  if (!(results[at + 2] > best.gain)) return;
  best.feature = results[at];
  best.bin = results[at + 1];
  best.gain = results[at + 2];
  best.missingLeft = results[at + 3] === 1;
  best.gLeft = results[at + 4];
  best.hLeft = results[at + 5];
  best.gRight = results[at + 6];
  best.hRight = results[at + 7];
}
