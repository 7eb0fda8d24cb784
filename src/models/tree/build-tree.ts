import type { Rng } from '../../core/rng.js';
import { createSplitWorkspace, findBestSplit, packTag, type SplitInput } from './best-split.js';
import type { PresortedColumns } from './presorted-columns.js';
import { type Criterion, impurityOf } from './split-criterion.js';
import { LEAF, type TreeArrays } from './tree-arrays.js';

/** Growth limits with sklearn's meanings, already resolved to counts. */
export interface TreeGrowth {
  readonly criterion: Criterion;
  /** Infinity for no limit. */
  readonly maxDepth: number;
  readonly minSamplesSplit: number;
  readonly minSamplesLeaf: number;
  /** Features drawn per node, in [1, features]. */
  readonly maxFeatures: number;
  readonly minImpurityDecrease: number;
}

export interface TreeLabels {
  readonly codes: Int32Array;
  readonly classCount: number;
  /** Per-row weights (bootstrap counts); rows of weight 0 are left out of the tree. null: all 1. */
  readonly weights: Float64Array | null;
}

const EPSILON = 2 ** -52;

/**
 * Grows a CART classification tree depth first (sklearn's DepthFirstTreeBuilder with BestSplitter, so
 * node ids come out in sklearn's order). Each node is a range [start, end) of a per-feature sorted copy
 * of the rows (row ids, values and weight/class tags side by side); a split partitions every feature's
 * range stably, so children stay sorted and no node is ever re-sorted: O(features · rows) work per level.
 */
export function buildTree(
  data: PresortedColumns,
  labels: TreeLabels,
  growth: TreeGrowth,
  rng: Rng,
): TreeArrays {
  const { features: d } = data;
  const K = labels.classCount;
  const { order, values, tags, m } = sortedCopies(data, labels);
  const input: SplitInput = {
    m,
    features: d,
    K,
    values,
    tags,
    criterion: growth.criterion,
    minSamplesLeaf: growth.minSamplesLeaf,
    maxFeatures: growth.maxFeatures,
  };
  const ws = createSplitWorkspace(d, K);
  const nodes = createNodeStore(K, Math.min(2 * m, 1024));
  const counts = new Float64Array(K);
  const goesLeft = new Uint8Array(data.rows);
  const buffers = { rows: new Int32Array(m), values: new Float32Array(m), tags: new Int32Array(m) };
  let totalWeight = 0;
  for (let r = 0; r < m; r++) totalWeight += tags[r] >>> 16;

  // Stack of pending nodes as flat numbers: start, end, depth, parent, side (1 left, 0 right).
  const stack: number[] = [0, m, 0, -1, 0];
  while (stack.length > 0) {
    const side = stack.pop() as number;
    const parent = stack.pop() as number;
    const depth = stack.pop() as number;
    const end = stack.pop() as number;
    const start = stack.pop() as number;
    counts.fill(0);
    let wNode = 0;
    for (let r = start; r < end; r++) {
      const w = tags[r] >>> 16;
      counts[tags[r] & 0xffff] += w;
      wNode += w;
    }
    const impurity = impurityOf(growth.criterion, counts, 0, K, wNode);
    const node = nodes.add(parent, side === 1, impurity, wNode, end - start, counts);
    const size = end - start;
    let isLeaf =
      depth >= growth.maxDepth ||
      size < growth.minSamplesSplit ||
      size < 2 * growth.minSamplesLeaf ||
      impurity <= EPSILON;
    if (!isLeaf) isLeaf = !findBestSplit(input, start, end, counts, rng, ws);
    if (!isLeaf && growth.minImpurityDecrease > 0) {
      const improvement = childImprovement(
        input,
        start,
        end,
        ws.feature,
        ws.position,
        impurity,
        wNode,
        totalWeight,
      );
      isLeaf = improvement + EPSILON < growth.minImpurityDecrease;
    }
    if (isLeaf) continue;
    nodes.setSplit(node, ws.feature, ws.threshold);
    partition(order, values, tags, m, d, start, end, ws.feature, ws.position, goesLeft, buffers);
    // Right pushed first so the left child is built (and numbered) first, as in sklearn.
    stack.push(ws.position, end, depth + 1, node, 0);
    stack.push(start, ws.position, depth + 1, node, 1);
  }
  return nodes.finish();
}

/**
 * Per feature, the rows of positive weight in sorted order with their values and tags: copies, since
 * splits partition them in place.
 */
function sortedCopies(
  data: PresortedColumns,
  labels: TreeLabels,
): { order: Int32Array; values: Float32Array; tags: Int32Array; m: number } {
  const { rows: n, features: d, columns } = data;
  const { weights, codes } = labels;
  let m = n;
  if (weights !== null) {
    m = 0;
    for (let i = 0; i < n; i++) if (weights[i] > 0) m++;
  }
  const tagOf = new Int32Array(n);
  for (let i = 0; i < n; i++) tagOf[i] = packTag(weights === null ? 1 : weights[i], codes[i]);
  const order = new Int32Array(m * d);
  // Float32 holds the float32-rounded values exactly, in half the memory the scans stream through.
  const values = new Float32Array(m * d);
  const tags = new Int32Array(m * d);
  for (let f = 0; f < d; f++) {
    let r = f * m;
    for (let k = f * n; k < (f + 1) * n; k++) {
      const row = data.order[k];
      if (tagOf[row] >>> 16 === 0) continue;
      order[r] = row;
      values[r] = columns[f * n + row];
      tags[r] = tagOf[row];
      r++;
    }
  }
  return { order, values, tags, m };
}

/**
 * Stable partition of every feature's range: rows of the chosen feature's [start, position) go first.
 * Left rows are compacted in place (the write index never passes the read index), right rows go
 * through a buffer.
 */
function partition(
  order: Int32Array,
  values: Float32Array,
  tags: Int32Array,
  m: number,
  d: number,
  start: number,
  end: number,
  feature: number,
  position: number,
  goesLeft: Uint8Array,
  buffers: { rows: Int32Array; values: Float32Array; tags: Int32Array },
): void {
  const chosen = feature * m;
  for (let r = start; r < position; r++) goesLeft[order[chosen + r]] = 1;
  for (let r = position; r < end; r++) goesLeft[order[chosen + r]] = 0;
  for (let f = 0; f < d; f++) {
    if (f === feature) continue;
    const base = f * m;
    let write = base + start;
    let buffered = 0;
    for (let r = base + start; r < base + end; r++) {
      const row = order[r];
      if (goesLeft[row] === 1) {
        order[write] = row;
        values[write] = values[r];
        tags[write++] = tags[r];
      } else {
        buffers.rows[buffered] = row;
        buffers.values[buffered] = values[r];
        buffers.tags[buffered++] = tags[r];
      }
    }
    order.set(buffers.rows.subarray(0, buffered), write);
    values.set(buffers.values.subarray(0, buffered), write);
    tags.set(buffers.tags.subarray(0, buffered), write);
  }
}

/** sklearn's impurity_improvement: (w_node / W)·(i_node − w_R/w_node·i_R − w_L/w_node·i_L). */
function childImprovement(
  input: SplitInput,
  start: number,
  end: number,
  feature: number,
  position: number,
  impurity: number,
  wNode: number,
  totalWeight: number,
): number {
  const { K, tags, m } = input;
  const both = new Float64Array(2 * K);
  let wLeft = 0;
  let wRight = 0;
  for (let r = start; r < end; r++) {
    const tag = tags[feature * m + r];
    const w = tag >>> 16;
    if (r < position) {
      both[tag & 0xffff] += w;
      wLeft += w;
    } else {
      both[K + (tag & 0xffff)] += w;
      wRight += w;
    }
  }
  const left = impurityOf(input.criterion, both, 0, K, wLeft);
  const right = impurityOf(input.criterion, both, K, K, wRight);
  return (wNode / totalWeight) * (impurity - (wRight / wNode) * right - (wLeft / wNode) * left);
}

interface NodeStore {
  add(
    parent: number,
    isLeft: boolean,
    impurity: number,
    weight: number,
    samples: number,
    counts: Float64Array,
  ): number;
  setSplit(node: number, feature: number, threshold: number): void;
  finish(): TreeArrays;
}

/** Growable node arrays (capacity doubles), trimmed to the node count at the end. */
function createNodeStore(K: number, initialCapacity: number): NodeStore {
  let capacity = Math.max(initialCapacity, 16);
  let count = 0;
  let left = new Int32Array(capacity);
  let right = new Int32Array(capacity);
  let feature = new Int32Array(capacity);
  let threshold = new Float64Array(capacity);
  let impurity = new Float64Array(capacity);
  let weighted = new Float64Array(capacity);
  let samples = new Int32Array(capacity);
  let value = new Float64Array(capacity * K);
  const grow = <T extends Int32Array | Float64Array>(array: T, size: number): T => {
    const bigger = new (array.constructor as new (length: number) => T)(size);
    bigger.set(array);
    return bigger;
  };
  return {
    add(parent, isLeft, nodeImpurity, weight, nodeSamples, counts) {
      if (count === capacity) {
        capacity *= 2;
        left = grow(left, capacity);
        right = grow(right, capacity);
        feature = grow(feature, capacity);
        threshold = grow(threshold, capacity);
        impurity = grow(impurity, capacity);
        weighted = grow(weighted, capacity);
        samples = grow(samples, capacity);
        value = grow(value, capacity * K);
      }
      const node = count++;
      left[node] = LEAF;
      right[node] = LEAF;
      feature[node] = -2;
      threshold[node] = -2;
      impurity[node] = nodeImpurity;
      weighted[node] = weight;
      samples[node] = nodeSamples;
      for (let k = 0; k < K; k++) value[node * K + k] = counts[k] / weight;
      if (parent >= 0) {
        if (isLeft) left[parent] = node;
        else right[parent] = node;
      }
      return node;
    },
    setSplit(node, splitFeature, splitThreshold) {
      feature[node] = splitFeature;
      threshold[node] = splitThreshold;
    },
    finish: () => ({
      nodeCount: count,
      classCount: K,
      left: left.slice(0, count),
      right: right.slice(0, count),
      feature: feature.slice(0, count),
      threshold: threshold.slice(0, count),
      impurity: impurity.slice(0, count),
      weightedSamples: weighted.slice(0, count),
      samples: samples.slice(0, count),
      value: value.slice(0, count * K),
    }),
  };
}
