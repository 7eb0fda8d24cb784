import type { BoostedTree } from './boosted-tree.js';
import { MIN_HESSIAN, nodeValue, type SplitChoice } from './find-split.js';
import type { BinnedData, GrowerWorkspace } from './histogram-backend.js';
import type { NodeSearch } from './node-parts.js';

export interface GrowerSettings {
  readonly maxLeafNodes: number;
  readonly maxDepth: number;
  readonly minSamplesLeaf: number;
  readonly l2: number;
  readonly learningRate: number;
}

interface Leaf {
  node: number;
  start: number;
  end: number;
  depth: number;
  sumG: number;
  sumH: number;
  histogram: Float64Array | null;
  split: SplitChoice;
}

/**
 * Grows one tree best first, as sklearn's TreeGrower: the leaf whose best split gains most is split
 * next, until `maxLeafNodes` leaves. Each node keeps a histogram of (Σg, Σh, count) per feature and bin;
 * a split builds the smaller child's by scanning its rows and gets the larger one's by subtraction. The
 * gain of a cut is G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ); a leaf's value is −lr·G/(H+λ). Missing
 * values go where the split learned (sklearn's missing_go_to_left); for a feature with none in
 * training, to the child with more rows.
 * Adds every training row's leaf value into raw[i*K + k] and returns the tree.
 */
export function growBoostedTree(
  data: BinnedData,
  gradients: Float64Array,
  hessians: Float64Array,
  settings: GrowerSettings,
  ws: GrowerWorkspace,
  raw: Float64Array,
  K: number,
  k: number,
): BoostedTree {
  const { rows } = data;
  const { backend } = ws;
  const nodes = {
    left: [] as number[],
    right: [] as number[],
    feature: [] as number[],
    bin: [] as number[],
    value: [] as number[],
    missingLeft: [] as number[],
  };
  const addNode = (): number => {
    nodes.left.push(-1);
    nodes.right.push(-1);
    nodes.feature.push(-1);
    nodes.bin.push(0);
    nodes.value.push(0);
    nodes.missingLeft.push(0);
    return nodes.left.length - 1;
  };
  for (let i = 0; i < rows; i++) ws.indices[i] = i;
  let sumG = 0;
  let sumH = 0;
  for (let i = 0; i < rows; i++) {
    sumG += gradients[i];
    sumH += hessians[i];
  }
  const open: Leaf[] = [];
  const finished: Leaf[] = [];
  const root: Leaf = {
    node: addNode(),
    start: 0,
    end: rows,
    depth: 0,
    sumG,
    sumH,
    histogram: backend.take(),
    split: noSplit(),
  };
  backend.root(gradients, hessians, root.histogram as Float64Array, searchOf(root));
  settle(root);
  let leafCount = 1;
  while (open.length > 0 && leafCount < settings.maxLeafNodes) {
    let best = 0;
    for (let j = 1; j < open.length; j++) if (open[j].split.gain > open[best].split.gain) best = j;
    const parent = open.splice(best, 1)[0];
    const position = partition(data, ws, parent);
    const { split } = parent;
    const left = makeChild(parent, parent.start, position, split.gLeft, split.hLeft);
    const right = makeChild(parent, position, parent.end, split.gRight, split.hRight);
    nodes.feature[parent.node] = split.feature;
    nodes.bin[parent.node] = split.bin;
    nodes.left[parent.node] = left.node;
    nodes.right[parent.node] = right.node;
    const leftRows = left.end - left.start;
    const rightRows = right.end - right.start;
    const missingLeft = data.hasMissing[split.feature] === 1 ? split.missingLeft : leftRows > rightRows;
    nodes.missingLeft[parent.node] = missingLeft ? 1 : 0;
    const [small, large] = leftRows <= rightRows ? [left, right] : [right, left];
    small.histogram = backend.take();
    large.histogram = parent.histogram;
    parent.histogram = null;
    const count = small.end - small.start;
    const { indices, orderedGradients: g, orderedHessians: h } = ws;
    for (let r = 0; r < count; r++) {
      const row = indices[small.start + r];
      g[r] = gradients[row];
      h[r] = hessians[row];
    }
    backend.children({
      indices,
      start: small.start,
      count,
      g,
      h,
      small: small.histogram,
      parent: large.histogram as Float64Array,
      smallNode: searchOf(small),
      largeNode: searchOf(large),
    });
    leafCount++;
    settle(left);
    settle(right);
  }
  for (const leaf of [...open, ...finished]) {
    const value = settings.learningRate * nodeValue(leaf.sumG, leaf.sumH, settings.l2);
    nodes.value[leaf.node] = value;
    for (let r = leaf.start; r < leaf.end; r++) raw[ws.indices[r] * K + k] += value;
    if (leaf.histogram) backend.give(leaf.histogram);
  }
  return finishTree(nodes, data.thresholds);

  /** A child with the sums the split scan accumulated for it, as sklearn's grower. */
  function makeChild(parent: Leaf, start: number, end: number, g: number, h: number): Leaf {
    return {
      node: addNode(),
      start,
      end,
      depth: parent.depth + 1,
      sumG: g,
      sumH: h,
      histogram: null,
      split: noSplit(),
    };
  }

  /** The leaf's split search: skipped when it is too deep, too small or too pure to split. */
  function searchOf(leaf: Leaf): NodeSearch {
    const count = leaf.end - leaf.start;
    const search =
      leaf.depth < settings.maxDepth && count >= 2 * settings.minSamplesLeaf && leaf.sumH >= 2 * MIN_HESSIAN;
    return { sumG: leaf.sumG, sumH: leaf.sumH, count, search, best: leaf.split };
  }

  /** Open when a split was found; else a leaf for good, its histogram back at once (the threaded backend has a fixed number). */
  function settle(leaf: Leaf): void {
    if (leaf.split.feature >= 0) {
      open.push(leaf);
      return;
    }
    if (leaf.histogram) backend.give(leaf.histogram);
    leaf.histogram = null;
    finished.push(leaf);
  }
}

function noSplit(): SplitChoice {
  return { feature: -1, bin: 0, gain: 0, missingLeft: false, gLeft: 0, hLeft: 0, gRight: 0, hRight: 0 };
}

/**
 * Rows of the leaf that go left first (bin <= cut, or missing when missing goes left); returns where
 * the right child starts. Without branches on the data: each row is written to both sides and only
 * the side it belongs to advances (left or right is a coin flip a branch predictor cannot learn).
 */
function partition(data: BinnedData, ws: GrowerWorkspace, leaf: Leaf): number {
  const { feature, bin, missingLeft } = leaf.split;
  const column = feature * data.rows;
  const missingBin = data.offsets[feature + 1] - data.offsets[feature] - 1;
  // The missing bin is above every cut, so `value <= bin` sends it right; this flips it when asked.
  const missingGoesLeft = missingLeft ? 1 : 0;
  const { indices, buffer } = ws;
  const binned = data.binned;
  let write = leaf.start;
  let buffered = 0;
  for (let r = leaf.start; r < leaf.end; r++) {
    const row = indices[r];
    const value = binned[column + row];
    const left = +(value <= bin) | (+(value === missingBin) & missingGoesLeft);
    indices[write] = row;
    buffer[buffered] = row;
    write += left;
    buffered += 1 - left;
  }
  indices.set(buffer.subarray(0, buffered), write);
  return write;
}

function finishTree(
  nodes: {
    left: number[];
    right: number[];
    feature: number[];
    bin: number[];
    value: number[];
    missingLeft: number[];
  },
  thresholds: readonly Float64Array[],
): BoostedTree {
  const feature = Int32Array.from(nodes.feature);
  const binThreshold = Uint8Array.from(nodes.bin);
  const threshold = new Float64Array(feature.length);
  feature.forEach((f, k) => {
    // A cut after the last non-missing bin sends every present value left (sklearn's split on NaN).
    if (nodes.left[k] >= 0)
      threshold[k] =
        binThreshold[k] < thresholds[f].length ? thresholds[f][binThreshold[k]] : Number.POSITIVE_INFINITY;
  });
  return {
    nodeCount: feature.length,
    left: Int32Array.from(nodes.left),
    right: Int32Array.from(nodes.right),
    feature,
    threshold,
    binThreshold,
    missingLeft: Uint8Array.from(nodes.missingLeft),
    value: Float64Array.from(nodes.value),
  };
}
