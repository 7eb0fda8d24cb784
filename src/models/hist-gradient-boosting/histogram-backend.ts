import { findBestSplit, type SplitChoice, type SplitLimits } from './find-split.js';
import { fillHistogramFeatures } from './histogram-kernels.js';

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
 * over worker threads (threaded-histograms.ts). Either gives the same histogram and the same split.
 */
export interface HistogramBackend {
  /** A zeroed histogram from the backend's memory. */
  take(): Float64Array;
  give(histogram: Float64Array): void;
  /** Fills the histogram of rows indices[start, start + count); g, h are their gradients in that order. */
  fill(
    indices: Int32Array,
    start: number,
    count: number,
    g: Float64Array,
    h: Float64Array,
    histogram: Float64Array,
  ): void;
  findSplit(
    histogram: Float64Array,
    node: { sumG: number; sumH: number; count: number },
    best: SplitChoice,
  ): void;
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
  return {
    take() {
      const histogram = pool.pop() ?? new Float64Array(size);
      histogram.fill(0);
      return histogram;
    },
    give: (histogram) => pool.push(histogram),
    fill(indices, start, count, g, h, histogram) {
      fillHistogramFeatures(
        data.binned,
        data.rows,
        data.offsets,
        indices,
        start,
        count,
        g,
        h,
        histogram,
        0,
        data.features,
      );
    },
    findSplit(histogram, node, best) {
      findBestSplit(histogram, data.offsets, data.hasMissing, node, limits, 0, data.features, best);
    },
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
