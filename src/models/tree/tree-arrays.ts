/**
 * A fitted tree as a struct of arrays (sklearn's `tree_`): node k is internal when `left[k] >= 0`, and
 * then a row goes left when `X[feature[k]] <= threshold[k]`. `value` holds each node's class
 * proportions, `[nodes][classes]`. Feature values are compared rounded to float32, as sklearn's trees
 * compare them (thresholds lie midway between float32 values).
 */
export interface TreeArrays {
  readonly nodeCount: number;
  readonly classCount: number;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly impurity: Float64Array;
  /** Sum of sample weights in the node (bootstrap counts in a forest). */
  readonly weightedSamples: Float64Array;
  /** Distinct training rows in the node. */
  readonly samples: Int32Array;
  readonly value: Float64Array;
}

export const LEAF = -1;

/** The leaf each row of row-major X lands in. */
export function applyTree(
  tree: TreeArrays,
  X: Float64Array,
  rows: number,
  d: number,
  leaves: Int32Array,
): void {
  const { left, right, feature, threshold } = tree;
  for (let i = 0; i < rows; i++) {
    let node = 0;
    while (left[node] !== LEAF)
      node = Math.fround(X[i * d + feature[node]]) <= threshold[node] ? left[node] : right[node];
    leaves[i] = node;
  }
}

/** Adds `scale ·` each row's leaf proportions into `out` (`rows x classes`): one tree's share of a forest. */
export function accumulateTreeProba(
  tree: TreeArrays,
  X: Float64Array,
  rows: number,
  d: number,
  scale: number,
  out: Float64Array,
): void {
  const { left, right, feature, threshold, value } = tree;
  const K = tree.classCount;
  for (let i = 0; i < rows; i++) {
    let node = 0;
    while (left[node] !== LEAF)
      node = Math.fround(X[i * d + feature[node]]) <= threshold[node] ? left[node] : right[node];
    for (let c = 0; c < K; c++) out[i * K + c] += scale * value[node * K + c];
  }
}

/**
 * Mean decrease in impurity (sklearn's `feature_importances_`): Σ over the nodes splitting on j of
 * w_node·i_node − w_left·i_left − w_right·i_right, normalised to sum to 1 (all zeros for a single leaf).
 */
export function impurityImportances(tree: TreeArrays, features: number): Float64Array {
  const importances = new Float64Array(features);
  const { left, right, weightedSamples: w, impurity } = tree;
  for (let k = 0; k < tree.nodeCount; k++) {
    if (left[k] === LEAF) continue;
    importances[tree.feature[k]] +=
      w[k] * impurity[k] - w[left[k]] * impurity[left[k]] - w[right[k]] * impurity[right[k]];
  }
  let total = 0;
  for (const value of importances) total += value;
  if (total > 0) for (let j = 0; j < features; j++) importances[j] /= total;
  return importances;
}

/** Depth of the deepest leaf (the root alone is depth 0). */
export function treeDepth(tree: TreeArrays): number {
  const depth = new Int32Array(tree.nodeCount);
  let deepest = 0;
  for (let k = 0; k < tree.nodeCount; k++) {
    if (tree.left[k] === LEAF) {
      deepest = Math.max(deepest, depth[k]);
      continue;
    }
    depth[tree.left[k]] = depth[k] + 1;
    depth[tree.right[k]] = depth[k] + 1;
  }
  return deepest;
}
