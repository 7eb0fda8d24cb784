import type { Rng } from '../../core/rng.js';
import { type Criterion, impurityOf } from './split-criterion.js';

/** Values closer than this are not split apart (sklearn's FEATURE_THRESHOLD). */
export const FEATURE_THRESHOLD = 1e-7;

/**
 * What the split search reads: one node's rows as a range [start, end) of every feature's sorted copy
 * (see build-tree.ts). Values and tags travel with the rows, so the scan reads memory in order.
 */
export interface SplitInput {
  /** Rows in the tree (those of positive weight): the stride of the per-feature arrays. */
  readonly m: number;
  readonly features: number;
  readonly K: number;
  /** `values[f * m + r]`: the float32-rounded value of feature f at rank r. */
  readonly values: Float32Array;
  /** `tags[f * m + r]`: (weight << 16) | class code of the row at rank r. */
  readonly tags: Int32Array;
  readonly criterion: Criterion;
  readonly minSamplesLeaf: number;
  readonly maxFeatures: number;
}

/** Packs a row's weight (a bootstrap count < 2^15) and class code (< 2^16) into one int. */
export function packTag(weight: number, code: number): number {
  return (weight << 16) | code;
}

/** Scratch reused across nodes (no per-node allocation). */
export interface SplitWorkspace {
  readonly left: Float64Array;
  readonly right: Float64Array;
  readonly permutation: Int32Array;
  /** Out: feature, position (first row of the right child), threshold, proxy. */
  feature: number;
  position: number;
  threshold: number;
  proxy: number;
}

export function createSplitWorkspace(features: number, K: number): SplitWorkspace {
  return {
    left: new Float64Array(K),
    right: new Float64Array(K),
    permutation: Int32Array.from({ length: features }, (_, j) => j),
    feature: -1,
    position: -1,
    threshold: 0,
    proxy: Number.NEGATIVE_INFINITY,
  };
}

/**
 * sklearn's BestSplitter over rows [start, end): features are drawn in random order until `maxFeatures`
 * have been visited (and at least one was not constant on the node); each is scanned in sorted order,
 * and a cut between two distinct values is scored by the proxy −w_R·i_R − w_L·i_L (the impurity
 * decrease up to terms fixed at the node), both children holding at least `minSamplesLeaf` rows. The
 * first strictly best cut wins; the threshold is the midpoint of the two values. For gini the sums of
 * squared class weights are updated per row: with integer weights they are exact, so the proxy is the
 * one sklearn computes, bit for bit. Returns false when no valid cut exists (`ws.feature = -1`).
 */
export function findBestSplit(
  input: SplitInput,
  start: number,
  end: number,
  nodeCounts: Float64Array,
  rng: Rng,
  ws: SplitWorkspace,
): boolean {
  const { m, features, K, values, tags, minSamplesLeaf } = input;
  const gini = input.criterion === 'gini';
  const { left, right } = ws;
  ws.feature = -1;
  ws.proxy = Number.NEGATIVE_INFINITY;
  let wNode = 0;
  let sqNode = 0;
  for (let k = 0; k < K; k++) {
    wNode += nodeCounts[k];
    sqNode += nodeCounts[k] * nodeCounts[k];
  }
  let visited = 0;
  let nonConstant = 0;
  for (let t = 0; t < features && (visited < input.maxFeatures || nonConstant === 0); t++) {
    const pick = t + rng.int(features - t);
    const f = ws.permutation[pick];
    ws.permutation[pick] = ws.permutation[t];
    ws.permutation[t] = f;
    visited++;
    const base = f * m;
    if (values[base + end - 1] <= values[base + start] + FEATURE_THRESHOLD) continue;
    nonConstant++;
    left.fill(0);
    right.set(nodeCounts);
    let wLeft = 0;
    let wRight = wNode;
    let sqLeft = 0;
    let sqRight = sqNode;
    for (let r = base + start; r < base + end - 1; r++) {
      const tag = tags[r];
      const w = tag >>> 16;
      const c = tag & 0xffff;
      const l = left[c];
      const q = right[c];
      left[c] = l + w;
      right[c] = q - w;
      sqLeft += w * (2 * l + w);
      sqRight -= w * (2 * q - w);
      wLeft += w;
      wRight -= w;
      const value = values[r];
      const next = values[r + 1];
      if (next <= value + FEATURE_THRESHOLD) continue;
      const nLeft = r + 1 - base - start;
      if (nLeft < minSamplesLeaf || end - start - nLeft < minSamplesLeaf) continue;
      const proxy = gini
        ? -wRight * (1 - sqRight / (wRight * wRight)) - wLeft * (1 - sqLeft / (wLeft * wLeft))
        : -wRight * impurityOf('entropy', right, 0, K, wRight) -
          wLeft * impurityOf('entropy', left, 0, K, wLeft);
      if (proxy > ws.proxy) {
        ws.proxy = proxy;
        ws.feature = f;
        ws.position = start + nLeft;
        let threshold = value / 2 + next / 2;
        if (threshold === next || !Number.isFinite(threshold)) threshold = value;
        ws.threshold = threshold;
      }
    }
  }
  return ws.feature >= 0;
}
