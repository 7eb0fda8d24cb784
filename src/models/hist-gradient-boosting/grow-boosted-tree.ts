import type { BoostedTree } from './boosted-tree.js';

/** sklearn's min_hessian_to_split. */
const MIN_HESSIAN = 1e-3;

export interface GrowerSettings {
  readonly maxLeafNodes: number;
  readonly maxDepth: number;
  readonly minSamplesLeaf: number;
  readonly l2: number;
  readonly learningRate: number;
}

/** Binned training data and the per-feature bin thresholds. */
export interface BinnedData {
  /** Column-major: `binned[f * rows + i]`. */
  readonly binned: Uint8Array;
  readonly rows: number;
  readonly features: number;
  readonly thresholds: readonly Float64Array[];
  /** Feature f's bins sit at histogram slots offsets[f] .. offsets[f+1] (only the bins it uses). */
  readonly offsets: Int32Array;
}

export function binOffsets(thresholds: readonly Float64Array[]): Int32Array {
  const offsets = new Int32Array(thresholds.length + 1);
  thresholds.forEach((t, f) => {
    offsets[f + 1] = offsets[f] + t.length + 1;
  });
  return offsets;
}

/** Scratch reused across trees. */
export interface GrowerWorkspace {
  readonly indices: Int32Array;
  readonly buffer: Int32Array;
  /** A node's gradients and hessians in its row order, so the per-feature loops read them in sequence. */
  readonly orderedGradients: Float64Array;
  readonly orderedHessians: Float64Array;
  readonly pool: Float64Array[];
}

export function createGrowerWorkspace(rows: number): GrowerWorkspace {
  return {
    indices: new Int32Array(rows),
    buffer: new Int32Array(rows),
    orderedGradients: new Float64Array(rows),
    orderedHessians: new Float64Array(rows),
    pool: [],
  };
}

interface Leaf {
  node: number;
  start: number;
  end: number;
  depth: number;
  sumG: number;
  sumH: number;
  histogram: Float64Array;
  gain: number;
  feature: number;
  bin: number;
}

/**
 * Grows one tree best first, as sklearn's TreeGrower: the leaf whose best split gains most is split
 * next, until `maxLeafNodes` leaves. Each node keeps a histogram of (Σg, Σh, count) per feature and bin;
 * a split builds the smaller child's by scanning its rows and gets the larger one's by subtraction. The
 * gain of a cut is G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ); a leaf's value is −lr·G/(H+λ).
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
  const nodes = {
    left: [] as number[],
    right: [] as number[],
    feature: [] as number[],
    bin: [] as number[],
    value: [] as number[],
  };
  const addNode = (): number => {
    nodes.left.push(-1);
    nodes.right.push(-1);
    nodes.feature.push(-1);
    nodes.bin.push(0);
    nodes.value.push(0);
    return nodes.left.length - 1;
  };
  for (let i = 0; i < rows; i++) ws.indices[i] = i;
  const rootHistogram = takeHistogram(ws.pool, data.offsets);
  let sumG = 0;
  let sumH = 0;
  for (let i = 0; i < rows; i++) {
    sumG += gradients[i];
    sumH += hessians[i];
  }
  fillHistogram(data, ws, 0, rows, gradients, hessians, rootHistogram);
  const open: Leaf[] = [];
  const finished: Leaf[] = [];
  const root: Leaf = {
    node: addNode(),
    start: 0,
    end: rows,
    depth: 0,
    sumG,
    sumH,
    histogram: rootHistogram,
    gain: 0,
    feature: -1,
    bin: 0,
  };
  consider(root);
  let leafCount = 1;
  while (open.length > 0 && leafCount < settings.maxLeafNodes) {
    let best = 0;
    for (let j = 1; j < open.length; j++) if (open[j].gain > open[best].gain) best = j;
    const parent = open.splice(best, 1)[0];
    const position = partition(data, ws, parent);
    const left: Leaf = makeChild(parent, parent.start, position);
    const right: Leaf = makeChild(parent, position, parent.end);
    nodes.feature[parent.node] = parent.feature;
    nodes.bin[parent.node] = parent.bin;
    nodes.left[parent.node] = left.node;
    nodes.right[parent.node] = right.node;
    const [small, large] = left.end - left.start <= right.end - right.start ? [left, right] : [right, left];
    small.histogram = takeHistogram(ws.pool, data.offsets);
    fillHistogram(data, ws, small.start, small.end, gradients, hessians, small.histogram);
    large.histogram = parent.histogram;
    for (let b = 0; b < large.histogram.length; b++) large.histogram[b] -= small.histogram[b];
    leafCount++;
    consider(left);
    consider(right);
  }
  for (const leaf of [...open, ...finished]) {
    const value = (-settings.learningRate * leaf.sumG) / (leaf.sumH + settings.l2 + 1e-15);
    nodes.value[leaf.node] = value;
    for (let r = leaf.start; r < leaf.end; r++) raw[ws.indices[r] * K + k] += value;
    if (leaf.histogram.length > 0) ws.pool.push(leaf.histogram);
  }
  return finishTree(nodes, data.thresholds);

  function makeChild(parent: Leaf, start: number, end: number): Leaf {
    let g = 0;
    let h = 0;
    for (let r = start; r < end; r++) {
      g += gradients[ws.indices[r]];
      h += hessians[ws.indices[r]];
    }
    const empty = new Float64Array(0);
    return {
      node: addNode(),
      start,
      end,
      depth: parent.depth + 1,
      sumG: g,
      sumH: h,
      histogram: empty,
      gain: 0,
      feature: -1,
      bin: 0,
    };
  }

  function consider(leaf: Leaf): void {
    const count = leaf.end - leaf.start;
    const splittable =
      leaf.depth < settings.maxDepth && count >= 2 * settings.minSamplesLeaf && leaf.sumH >= 2 * MIN_HESSIAN;
    if (splittable && findSplit(leaf, data.offsets, settings)) open.push(leaf);
    else finished.push(leaf);
  }
}

/** Best cut of a leaf over every feature's bins; false when none satisfies the leaf-size limits. */
function findSplit(leaf: Leaf, offsets: Int32Array, settings: GrowerSettings): boolean {
  const { histogram, sumG, sumH } = leaf;
  const count = leaf.end - leaf.start;
  const { l2, minSamplesLeaf } = settings;
  const parentScore = (sumG * sumG) / (sumH + l2);
  let bestGain = 0;
  leaf.feature = -1;
  for (let f = 0; f < offsets.length - 1; f++) {
    const bins = offsets[f + 1] - offsets[f];
    let gLeft = 0;
    let hLeft = 0;
    let nLeft = 0;
    const base = offsets[f] * 3;
    for (let b = 0; b < bins - 1; b++) {
      gLeft += histogram[base + 3 * b];
      hLeft += histogram[base + 3 * b + 1];
      nLeft += histogram[base + 3 * b + 2];
      const nRight = count - nLeft;
      if (nLeft < minSamplesLeaf) continue;
      if (nRight < minSamplesLeaf) break;
      const hRight = sumH - hLeft;
      if (hLeft < MIN_HESSIAN || hRight < MIN_HESSIAN) continue;
      const gRight = sumG - gLeft;
      const gain = (gLeft * gLeft) / (hLeft + l2) + (gRight * gRight) / (hRight + l2) - parentScore;
      if (gain > bestGain) {
        bestGain = gain;
        leaf.feature = f;
        leaf.bin = b;
      }
    }
  }
  leaf.gain = bestGain;
  return leaf.feature >= 0;
}

function takeHistogram(pool: Float64Array[], offsets: Int32Array): Float64Array {
  const histogram = pool.pop() ?? new Float64Array(offsets[offsets.length - 1] * 3);
  histogram.fill(0);
  return histogram;
}

/**
 * histogram[(offsets[f] + bin)·3 + {0,1,2}] += (g, h, 1) over the rows indices[start, end), feature by
 * feature as sklearn builds them: one feature's histogram stays in L1 cache while its bins are read.
 */
function fillHistogram(
  data: BinnedData,
  ws: GrowerWorkspace,
  start: number,
  end: number,
  gradients: Float64Array,
  hessians: Float64Array,
  histogram: Float64Array,
): void {
  const { binned, rows, features: d, offsets } = data;
  const { indices, orderedGradients: g, orderedHessians: h } = ws;
  const count = end - start;
  for (let r = 0; r < count; r++) {
    const row = indices[start + r];
    g[r] = gradients[row];
    h[r] = hessians[row];
  }
  for (let f = 0; f < d; f++) {
    const column = f * rows;
    const base = offsets[f] * 3;
    for (let r = 0; r < count; r++) {
      const slot = base + 3 * binned[column + indices[start + r]];
      histogram[slot] += g[r];
      histogram[slot + 1] += h[r];
      histogram[slot + 2] += 1;
    }
  }
}

/** Rows of the leaf with bin <= cut first; returns where the right child starts. */
function partition(data: BinnedData, ws: GrowerWorkspace, leaf: Leaf): number {
  const column = leaf.feature * data.rows;
  let write = leaf.start;
  let buffered = 0;
  for (let r = leaf.start; r < leaf.end; r++) {
    const row = ws.indices[r];
    if (data.binned[column + row] <= leaf.bin) ws.indices[write++] = row;
    else ws.buffer[buffered++] = row;
  }
  ws.indices.set(ws.buffer.subarray(0, buffered), write);
  return write;
}

function finishTree(
  nodes: { left: number[]; right: number[]; feature: number[]; bin: number[]; value: number[] },
  thresholds: readonly Float64Array[],
): BoostedTree {
  const feature = Int32Array.from(nodes.feature);
  const binThreshold = Uint8Array.from(nodes.bin);
  const threshold = new Float64Array(feature.length);
  feature.forEach((f, k) => {
    if (nodes.left[k] >= 0) threshold[k] = thresholds[f][binThreshold[k]];
  });
  return {
    nodeCount: feature.length,
    left: Int32Array.from(nodes.left),
    right: Int32Array.from(nodes.right),
    feature,
    threshold,
    binThreshold,
    value: Float64Array.from(nodes.value),
  };
}
