import type { SplitLimits } from './find-split.js';
import { binCounts } from './histogram-kernels.js';
import {
  type ChildrenWork,
  childrenPart,
  type NodeSearch,
  type PartContext,
  rootPart,
} from './node-parts.js';

/** Binned training data and the per-feature bin thresholds. */
export interface BinnedData {
  /** Column-major: `binned[f * rows + i]`; a missing value has bin thresholds[f].length + 1. */
  readonly binned: Uint8Array;
  readonly rows: number;
  readonly features: number;
  readonly thresholds: readonly Float64Array[];
  /**
   * Feature f's histogram slots: offsets[f] .. offsets[f+1] − 2 for its non-missing bins (only the bins
   * it uses), offsets[f+1] − 1 for its missing values.
   */
  readonly offsets: Int32Array;
  /** 1 where the feature has a missing value among the training rows. */
  readonly hasMissing: Uint8Array;
  /** Rows per histogram slot over all training rows: the root's counts, the same in every tree. */
  readonly rootCounts: Float64Array;
}

/** BinnedData of column-major bins, with the histogram layout and root counts derived from them. */
export function binnedData(
  binned: Uint8Array,
  rows: number,
  thresholds: readonly Float64Array[],
  hasMissing: Uint8Array,
): BinnedData {
  const features = thresholds.length;
  const offsets = binOffsets(thresholds);
  const rootCounts = new Float64Array(offsets[features]);
  binCounts(binned, rows, offsets, rootCounts, 0, features);
  return { binned, rows, features, thresholds, offsets, hasMissing, rootCounts };
}

export function binOffsets(thresholds: readonly Float64Array[]): Int32Array {
  const offsets = new Int32Array(thresholds.length + 1);
  thresholds.forEach((t, f) => {
    offsets[f + 1] = offsets[f] + t.length + 2;
  });
  return offsets;
}

/**
 * Where a node's histogram is built and its best split searched: in this thread, or split by feature
 * over worker threads (threaded-histograms.ts). Either gives the same histograms and the same splits.
 */
export interface HistogramBackend {
  /** A histogram from the backend's memory, not zeroed: root and children zero what they fill. */
  take(): Float64Array;
  give(histogram: Float64Array): void;
  /** Fills the root's histogram from every row (g, h: the gradients in row order) and searches it. */
  root(g: Float64Array, h: Float64Array, histogram: Float64Array, node: NodeSearch): void;
  /** Fills the smaller child's histogram, turns the parent's into the larger's, and searches both. */
  children(work: ChildrenWork): void;
}

/** Scratch reused across trees. */
export interface GrowerWorkspace {
  readonly indices: Int32Array;
  readonly buffer: Int32Array;
  /** A node's gradients and hessians in its row order, so the per-feature loops read them in sequence. */
  readonly orderedGradients: Float64Array;
  readonly orderedHessians: Float64Array;
  readonly backend: HistogramBackend;
}

/** The in-thread backend. */
export function localHistogramBackend(data: BinnedData, limits: SplitLimits): HistogramBackend {
  const pool: Float64Array[] = [];
  const size = data.offsets[data.features] * 3;
  const context: PartContext = { ...data, limits };
  const all = data.features;
  return {
    take: () => pool.pop() ?? new Float64Array(size),
    give: (histogram) => pool.push(histogram),
    root: (g, h, histogram, node) => rootPart(context, g, h, histogram, node, 0, all),
    children: (work) => childrenPart(context, work, 0, all),
  };
}

export function createGrowerWorkspace(
  rows: number,
  backend: HistogramBackend,
  buffers?: { indices: Int32Array; g: Float64Array; h: Float64Array },
): GrowerWorkspace {
  return {
    indices: buffers?.indices ?? new Int32Array(rows),
    buffer: new Int32Array(rows),
    orderedGradients: buffers?.g ?? new Float64Array(rows),
    orderedHessians: buffers?.h ?? new Float64Array(rows),
    backend,
  };
}
