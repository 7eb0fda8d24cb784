import { findBestSplit, type SplitChoice, type SplitLimits } from './find-split.js';
import {
  fillHistogramFeatures,
  fillRootHistogramFeatures,
  subtractHistogramFeatures,
} from './histogram-kernels.js';

/** What one thread reads to do its features of a node: the binned columns and the split limits. */
export interface PartContext {
  readonly binned: Uint8Array;
  readonly rows: number;
  readonly offsets: Int32Array;
  readonly hasMissing: Uint8Array;
  /** Rows per histogram slot over all rows: the root's counts (binCounts). */
  readonly rootCounts: Float64Array;
  readonly limits: SplitLimits;
}

/** A node whose best split is wanted, unless `search` is false (too small or deep to split). */
export interface NodeSearch {
  readonly sumG: number;
  readonly sumH: number;
  readonly count: number;
  readonly search: boolean;
  readonly best: SplitChoice;
}

/**
 * Features [from, to) of the root: its histogram (zeroed here first) from every row (g, h in row
 * order), then its best split among those features into `node.best` (which must start with no split).
 */
export function rootPart(
  context: PartContext,
  g: Float64Array,
  h: Float64Array,
  histogram: Float64Array,
  node: NodeSearch,
  from: number,
  to: number,
): void {
  const { binned, rows, offsets, rootCounts } = context;
  // Each thread zeroes its own features: the histogram comes from the pool as it was left.
  histogram.fill(0, offsets[from] * 3, offsets[to] * 3);
  fillRootHistogramFeatures(binned, rows, offsets, rootCounts, g, h, histogram, from, to);
  search(context, histogram, node, from, to);
}

/**
 * A split's children: the smaller child's rows indices[start, start + count) with g, h their gradients
 * in that order, its histogram, and the parent's, which becomes the larger child's.
 */
export interface ChildrenWork {
  readonly indices: Int32Array;
  readonly start: number;
  readonly count: number;
  readonly g: Float64Array;
  readonly h: Float64Array;
  readonly small: Float64Array;
  readonly parent: Float64Array;
  readonly smallNode: NodeSearch;
  readonly largeNode: NodeSearch;
}

/**
 * Features [from, to) of a split's children, in one hand-off: the smaller child's histogram (zeroed
 * here first) from its rows, the larger's as parent − smaller in the parent's memory (sklearn's
 * subtraction trick), and both best splits among those features.
 */
export function childrenPart(context: PartContext, work: ChildrenWork, from: number, to: number): void {
  const { binned, rows, offsets } = context;
  const { indices, start, count, g, h, small, parent, smallNode, largeNode } = work;
  small.fill(0, offsets[from] * 3, offsets[to] * 3);
  fillHistogramFeatures(binned, rows, offsets, indices, start, count, g, h, small, from, to);
  subtractHistogramFeatures(parent, small, offsets, from, to);
  search(context, small, smallNode, from, to);
  search(context, parent, largeNode, from, to);
}

function search(
  context: PartContext,
  histogram: Float64Array,
  node: NodeSearch,
  from: number,
  to: number,
): void {
  if (node.search)
    findBestSplit(histogram, context.offsets, context.hasMissing, node, context.limits, from, to, node.best);
}
